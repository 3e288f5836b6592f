// @ts-check
'use strict';
/**
 * /leads: full meta, 25 per page, {"lead":{…}} records, filters statuses[] / status_list / users[] /
 * mailbox_ids[] / has_ticket / query; disabled leads are hidden from the list; no DELETE (disable instead).
 * 422 {"success":false,"message":[…],"params":{…}}.
 */

const STATUSES = ['New', 'Lead', 'First Contact', 'Opportunity', 'Prospect', 'Waiting on Client', 'In Negotiation', 'Pending', 'Won', 'Lost'];
const LEAD_FIELDS = ['address', 'business_name', 'city', 'zip', 'converted', 'message_read', 'disabled', 'email', 'first_name', 'last_name', 'mobile',
	'phone', 'state', 'ticket_description', 'ticket_problem_type', 'ticket_subject', 'location_id', 'from_check_in', 'customer_id', 'ticket_id',
	'hidden_notes', 'contact_id', 'appointment_time', 'status', 'user_id', 'ticket_type_id', 'mailbox_id', 'opportunity_start_date',
	'opportunity_amount_dollars', 'likelihood', 'properties', 'ticket_properties', 'customer_purchase_id', 'signature_date', 'signature_name',
	'signature_data', 'appointment_type_id'];
const MAILBOXES = { 41: 'sales@demo-msp.example', 42: 'support@demo-msp.example' };

function pick(/** @type {any} */ body, /** @type {string[]} */ keys) {
	/** @type {Record<string, any>} */
	const out = {};
	for (const k of keys) if (body[k] !== undefined) out[k] = body[k];
	return out;
}

const asList = (/** @type {any} */ v) => (v === undefined ? undefined : Array.isArray(v) ? v.map(String) : [String(v)]);

/** @param {any} h @param {any} lead */
function present(h, lead) {
	const customer = lead.customer_id ? h.db.table('customers').get(lead.customer_id) : undefined;
	return {
		...lead,
		business_then_name: customer?.business_then_name ?? (lead.business_name || `${lead.first_name ?? ''} ${lead.last_name ?? ''}`.trim()),
		mailbox_name: lead.mailbox_id ? MAILBOXES[/** @type {41|42} */ (lead.mailbox_id)] ?? null : null,
		has_attachments: false,
	};
}

/** @param {import('../server').Router} router @param {any} h */
function register(router, h) {
	const leads = () => h.db.table('leads');

	const validate = (/** @type {any} */ merged, /** @type {any} */ params) => {
		const messages = [];
		if (merged.from_check_in && !merged.ticket_description) messages.push("Ticket description can't be blank");
		if (merged.status && !STATUSES.includes(merged.status)) messages.push('Status is not included in the list');
		if (merged.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(String(merged.email))) messages.push('Email is not an email');
		if (messages.length > 0) throw h.errors.invalidMessages(messages, params);
	};

	router.on('GET', '/leads', (req) => {
		const q = req.query;
		let rows = leads().filter((/** @type {any} */ l) => !l.disabled);
		const statuses = asList(q.statuses) ?? (q.status_list ? String(q.status_list).split(',').map((s) => s.trim()) : undefined);
		if (statuses) rows = rows.filter((/** @type {any} */ l) => statuses.includes(l.status));
		const users = asList(q.users);
		if (users) rows = rows.filter((/** @type {any} */ l) => users.includes(String(l.user_id)));
		const mailboxes = asList(q.mailbox_ids);
		if (mailboxes) rows = rows.filter((/** @type {any} */ l) => mailboxes.includes(String(l.mailbox_id)));
		if (q.has_ticket === 'true') rows = rows.filter((/** @type {any} */ l) => l.ticket_id);
		if (q.has_ticket === 'false') rows = rows.filter((/** @type {any} */ l) => !l.ticket_id);
		if (q.query) {
			const needle = String(q.query).toLowerCase();
			rows = rows.filter((/** @type {any} */ l) => [l.first_name, l.last_name, l.business_name, l.email, l.phone].some((v) => String(v ?? '').toLowerCase().includes(needle)));
		}
		rows.sort((/** @type {any} */ a, /** @type {any} */ b) => b.id - a.id);
		const envelope = h.pageOf(rows, q, { key: 'leads', pageSize: h.pageSize('leads', 25), meta: 'full' });
		envelope.leads = envelope.leads.map((/** @type {any} */ l) => present(h, l));
		return envelope;
	});

	router.on('GET', '/leads/:id', (req) => ({ lead: present(h, h.find('leads', req.params.id)) }));

	router.on('POST', '/leads', (req) => {
		const b = pick(req.body, LEAD_FIELDS);
		validate(b, req.body);
		const row = leads().insert({
			first_name: '', last_name: '', email: null, phone: '', mobile: '', address: '', city: '', state: '', zip: '', business_name: null,
			ticket_subject: null, ticket_description: null, ticket_problem_type: null, ticket_id: null, customer_id: null, contact_id: null,
			mailbox_id: null, message_read: false, status: 'New', user_id: null, location_id: null, disabled: false, converted: false,
			properties: {}, ...b,
		});
		return { lead: present(h, row) };
	});

	router.on('PUT', '/leads/:id', (req) => {
		const row = h.find('leads', req.params.id);
		const patch = pick(req.body, LEAD_FIELDS);
		validate({ ...row, ...patch }, req.body);
		if (patch.properties && typeof patch.properties === 'object') patch.properties = { ...row.properties, ...patch.properties };
		return { lead: present(h, leads().update(row.id, patch)) };
	});
}

/** Leads across the pipeline, two of them opportunities, one disabled. */
function seed(/** @type {import('../store').Store} */ db) {
	const leads = db.table('leads');
	const rows = [
		['Nadia', 'Ford', 'Ford Orthodontics', 'New', 11, 41, null, null],
		['Victor', 'Lane', 'Lane & Co CPAs', 'First Contact', 12, 41, null, null],
		['Irene', 'Cho', 'Evergreen Property Mgmt', 'Opportunity', 11, 42, 18000, 60],
		['Paul', 'Adams', 'Adams Trucking', 'Opportunity', 13, 41, 42000, 25],
		['Beth', 'Young', 'Young Family Dentistry', 'In Negotiation', 12, null, 9600, 80],
		['Omar', 'Haddad', 'Cascade Physical Therapy', 'Won', 11, 42, 24000, 100],
		['Lily', 'Park', 'Park Street Cafe', 'Lost', 13, null, null, null],
		['Sean', 'Roy', 'Roy Landscaping', 'New', null, 42, null, null],
	];
	rows.forEach(([first, last, business, status, user, mailbox, amount, likelihood], i) => {
		leads.insert({
			id: 6101 + i, first_name: first, last_name: last, business_name: business, status, user_id: user, mailbox_id: mailbox,
			email: `${String(first).toLowerCase()}@${String(business).toLowerCase().replace(/[^a-z]/g, '')}.example`, phone: `360-555-02${10 + i}`,
			mobile: '', address: '', city: 'Vancouver', state: 'WA', zip: '98660', ticket_subject: null, ticket_description: null,
			ticket_problem_type: null, ticket_id: i === 2 ? 4003 : null, customer_id: status === 'Won' ? 2004 : null, contact_id: null,
			message_read: i % 2 === 0, location_id: null, disabled: false, converted: status === 'Won',
			opportunity_amount_dollars: amount, likelihood, opportunity_start_date: amount ? '2026-11-01T00:00:00.000Z' : null, properties: {},
		});
	});
	leads.insert({ id: 6191, first_name: 'Spam', last_name: 'Bot', business_name: 'Cheap SEO', status: 'Lost', user_id: null, mailbox_id: 41, email: 'seo@spam.example', phone: '', disabled: true, properties: {} });
}

module.exports = { register, seed, STATUSES };
