// @ts-check
'use strict';
/**
 * /tickets and every ticket action: comments, timer entries (charge turns one into a line item),
 * line items, attachments, print, settings.
 */

const STATUSES_OPEN = ['New', 'In Progress', 'Waiting for Parts', 'Waiting on Customer', 'Scheduled', 'Customer Reply'];

/** @param {any} h @param {any} ticket */
function present(h, ticket) {
	const customer = h.db.table('customers').get(ticket.customer_id);
	return {
		...ticket,
		customer_business_then_name: customer?.business_then_name ?? null,
		comments: h.db.table('comments').filter((/** @type {any} */ c) => c.ticket_id === ticket.id),
		line_items: h.db.table('ticket_line_items').filter((/** @type {any} */ l) => l.ticket_id === ticket.id),
		ticket_timers: h.db.table('timer_entries').filter((/** @type {any} */ t) => t.ticket_id === ticket.id),
		attachments: h.db.table('attachments').filter((/** @type {any} */ a) => a.ticket_id === ticket.id),
	};
}

const TICKET_FIELDS = ['customer_id', 'ticket_type_id', 'number', 'subject', 'due_date', 'start_at', 'end_at', 'location_id',
	'problem_type', 'status', 'user_id', 'properties', 'asset_ids', 'signature_name', 'signature_data', 'sla_id', 'contact_id',
	'priority', 'outtake_form_data', 'outtake_form_date', 'outtake_form_name', 'tag_list'];

function pick(/** @type {any} */ body, /** @type {string[]} */ keys) {
	/** @type {Record<string, any>} */
	const out = {};
	for (const k of keys) if (body[k] !== undefined) out[k] = body[k];
	return out;
}

/** @param {import('../server').Router} router @param {any} h */
function register(router, h) {
	const tickets = () => h.db.table('tickets');
	const settings = () => h.db.table('settings').get(1) ?? {};

	router.on('GET', '/tickets/settings', () => {
		const s = settings();
		return {
			ticket_status_list: s.ticket_status_list ?? [],
			default_labor_product_id: s.default_labor_product_id ?? null,
			ticket_timer_charge_by_default: false,
			saved_searches: s.saved_searches ?? [],
			ticket_types: s.ticket_types ?? [],
			ticket_type_fields: s.ticket_type_fields ?? [],
			ticket_type_field_answers: [],
			appointment_types: h.db.table('appointment_types').all(),
			users: h.db.table('users').all().map((/** @type {any} */ u) => ({ id: u.id, name: u.name })),
			worksheet_templates: s.worksheet_templates ?? [],
			require_ticket_type: false,
		};
	});

	router.on('GET', '/tickets', (req) => {
		const q = req.query;
		let rows = tickets().all();
		const eq = (/** @type {string} */ key, /** @type {any} */ row) => q[key] === undefined || String(row[key]) === String(q[key]);
		rows = rows.filter((/** @type {any} */ t) => eq('customer_id', t) && eq('contact_id', t) && eq('number', t) && eq('user_id', t));
		if (q.status === 'Not Closed') rows = rows.filter((/** @type {any} */ t) => STATUSES_OPEN.includes(t.status));
		else if (q.status) rows = rows.filter((/** @type {any} */ t) => t.status === q.status);
		if (q.mine === 'true') rows = rows.filter((/** @type {any} */ t) => t.user_id === 11);
		if (q.query) {
			const needle = String(q.query).toLowerCase();
			rows = rows.filter((/** @type {any} */ t) => `${t.subject} ${t.number}`.toLowerCase().includes(needle));
		}
		if (q.since_updated_at) rows = rows.filter((/** @type {any} */ t) => Date.parse(t.updated_at) >= Date.parse(q.since_updated_at));
		if (q.created_after) rows = rows.filter((/** @type {any} */ t) => Date.parse(t.created_at) > Date.parse(q.created_after));
		if (q.resolved_after) rows = rows.filter((/** @type {any} */ t) => t.resolved_at && Date.parse(t.resolved_at) > Date.parse(q.resolved_after));
		if (q.ticket_search_id) {
			if (!(settings().saved_searches ?? []).some((/** @type {any} */ s) => String(s.id) === String(q.ticket_search_id))) throw h.errors.notFound();
			rows = rows.filter((/** @type {any} */ t) => STATUSES_OPEN.includes(t.status));
		}
		rows.sort((/** @type {any} */ a, /** @type {any} */ b) => b.id - a.id);
		const envelope = h.pageOf(rows, q, { key: 'tickets', pageSize: h.pageSize('tickets', 25), meta: 'reduced' });
		envelope.tickets = envelope.tickets.map((/** @type {any} */ t) => present(h, t));
		return envelope;
	});

	router.on('GET', '/tickets/:id', (req) => ({ ticket: present(h, h.find('tickets', req.params.id)) }));

	router.on('POST', '/tickets', (req) => {
		const b = req.body;
		h.require(b, ['customer_id', 'subject'], 'messages');
		if (!h.db.table('customers').get(b.customer_id)) throw h.errors.invalidMessages(['Customer must exist']);
		if (!b.problem_type) throw h.errors.invalidMessages(['Problem type can\'t be blank']);
		const number = b.number ?? String(tickets().size + 30001);
		const ticket = tickets().insert({ status: 'New', priority: '2 Normal', user_id: null, resolved_at: null, tag_list: [], properties: {}, ...pick(b, TICKET_FIELDS), number });
		for (const c of Array.isArray(b.comments_attributes) ? b.comments_attributes : []) {
			h.db.table('comments').insert({ ticket_id: ticket.id, subject: c.subject ?? 'Initial Issue', body: c.body ?? '', hidden: Boolean(c.hidden), do_not_email: Boolean(c.do_not_email), tech: c.tech ?? null, user_id: 11 });
		}
		return { ticket: present(h, ticket) };
	});

	router.on('PUT', '/tickets/:id', (req) => {
		h.find('tickets', req.params.id);
		const patch = pick(req.body, TICKET_FIELDS);
		if (patch.status === 'Resolved') patch.resolved_at = h.now();
		return { ticket: present(h, tickets().update(req.params.id, patch)) };
	});

	router.on('DELETE', '/tickets/:id', (req) => {
		const t = h.find('tickets', req.params.id);
		tickets().remove(t.id);
		return { message: `Ticket ${t.number} was deleted.` };
	});

	router.on('POST', '/tickets/:id/print', (req) => {
		h.find('tickets', req.params.id);
		return { success: true, message: 'Print job queued' };
	});

	router.on('GET', '/tickets/:id/comments', (req) => {
		const t = h.find('tickets', req.params.id);
		const q = req.query;
		let rows = h.db.table('comments').filter((/** @type {any} */ c) => c.ticket_id === t.id);
		if (q.created_after) rows = rows.filter((/** @type {any} */ c) => Date.parse(c.created_at) > Date.parse(q.created_after));
		if (q.created_before) rows = rows.filter((/** @type {any} */ c) => Date.parse(c.created_at) < Date.parse(q.created_before));
		if (q.updated_after) rows = rows.filter((/** @type {any} */ c) => Date.parse(c.updated_at) > Date.parse(q.updated_after));
		if (q.updated_before) rows = rows.filter((/** @type {any} */ c) => Date.parse(c.updated_at) < Date.parse(q.updated_before));
		const key = q.sort_by === 'updated_at' ? 'updated_at' : 'created_at';
		const dir = q.sort_direction === 'asc' ? 1 : -1;
		rows.sort((/** @type {any} */ a, /** @type {any} */ b) => dir * (Date.parse(a[key]) - Date.parse(b[key]) || a.id - b.id));
		const perPage = Math.min(100, Number(q.per_page) || 10);
		return h.pageOf(rows, q, { key: 'comments', pageSize: perPage, meta: 'comments' });
	});

	router.on('POST', '/tickets/:id/comment', (req) => {
		const t = h.find('tickets', req.params.id);
		h.require(req.body, ['subject', 'body'], 'messages');
		const b = req.body;
		const comment = h.db.table('comments').insert({
			ticket_id: t.id, subject: b.subject, body: b.body, tech: b.tech ?? 'Alex Rivera', hidden: Boolean(b.hidden),
			do_not_email: Boolean(b.do_not_email), sms_body: b.sms_body ?? null, user_id: 11,
		});
		tickets().update(t.id, {});
		return { comment };
	});

	const timer = (/** @type {any} */ req, /** @type {any} */ ticket) => {
		const entry = h.db.table('timer_entries').get(req.body.timer_entry_id);
		if (!entry || entry.ticket_id !== ticket.id) throw h.errors.notFoundMessage('Timer entry not found');
		return entry;
	};

	router.on('POST', '/tickets/:id/timer_entry', (req) => {
		const t = h.find('tickets', req.params.id);
		const b = req.body;
		if (!b.start_at) throw h.errors.invalidMessages(['Start time can\'t be blank']);
		const minutes = b.duration_minutes ?? (b.end_at ? Math.round((Date.parse(b.end_at) - Date.parse(b.start_at)) / 60000) : 0);
		const end = b.end_at ?? new Date(Date.parse(b.start_at) + minutes * 60000).toISOString();
		return h.db.table('timer_entries').insert({
			ticket_id: t.id, user_id: b.user_id ?? 11, start_time: b.start_at, end_time: end, recorded: true,
			billable: true, notes: b.notes ?? '', toggl_id: null, product_id: b.product_id ?? settings().default_labor_product_id ?? null,
			comment_id: null, ticket_line_item_id: null, active_duration: minutes * 60,
		});
	});

	router.on('PUT', '/tickets/:id/update_timer_entry', (req) => {
		const t = h.find('tickets', req.params.id);
		const entry = timer(req, t);
		const b = req.body;
		const patch = /** @type {Record<string, any>} */ ({});
		if (b.start_at) patch.start_time = b.start_at;
		if (b.duration_minutes !== undefined) patch.active_duration = b.duration_minutes * 60;
		if (b.notes !== undefined) patch.notes = b.notes;
		if (b.user_id !== undefined) patch.user_id = b.user_id;
		if (b.product_id !== undefined) patch.product_id = b.product_id;
		return h.db.table('timer_entries').update(entry.id, patch);
	});

	router.on('POST', '/tickets/:id/delete_timer_entry', (req) => {
		const t = h.find('tickets', req.params.id);
		h.db.table('timer_entries').remove(timer(req, t).id);
		return { success: true };
	});

	router.on('POST', '/tickets/:id/charge_timer_entry', (req) => {
		const t = h.find('tickets', req.params.id);
		const entry = timer(req, t);
		if (entry.ticket_line_item_id) throw h.errors.invalidMessages(['Timer entry was already charged']);
		const hours = Math.round((entry.active_duration / 3600) * 100) / 100;
		const product = entry.product_id ? h.db.table('products').get(entry.product_id) : undefined;
		const line = h.db.table('ticket_line_items').insert({
			ticket_id: t.id, user_id: entry.user_id, product_id: entry.product_id, name: product?.name ?? 'Labor',
			description: entry.notes || 'Labor', quantity: hours, price_cost: 0, price_retail: Number(product?.price_retail ?? 125), taxable: false,
			invoice_id: null,
		});
		return h.db.table('timer_entries').update(entry.id, { ticket_line_item_id: line.id });
	});

	router.on('POST', '/tickets/:id/add_line_item', (req) => {
		const t = h.find('tickets', req.params.id);
		h.require(req.body, ['name', 'description'], 'messages');
		const b = req.body;
		return h.db.table('ticket_line_items').insert({
			ticket_id: t.id, user_id: 11, product_id: b.product_id ?? null, name: b.name, description: b.description,
			quantity: b.quantity ?? 1, price_cost: b.price_cost ?? 0, price_retail: b.price_retail ?? 0, taxable: Boolean(b.taxable),
			upc_code: b.upc_code ?? null, invoice_id: null,
		});
	});

	const line = (/** @type {any} */ req, /** @type {any} */ ticket) => {
		const item = h.db.table('ticket_line_items').get(req.body.ticket_line_item_id);
		if (!item || item.ticket_id !== ticket.id) throw h.errors.notFoundMessage('Line item not found');
		return item;
	};

	router.on('PUT', '/tickets/:id/update_line_item', (req) => {
		const t = h.find('tickets', req.params.id);
		const item = line(req, t);
		const patch = pick(req.body, ['name', 'description', 'product_id', 'quantity', 'price_cost', 'price_retail', 'taxable', 'upc_code']);
		return { ticket_line_item: h.db.table('ticket_line_items').update(item.id, patch) };
	});

	router.on('POST', '/tickets/:id/remove_line_item', (req) => {
		const t = h.find('tickets', req.params.id);
		h.db.table('ticket_line_items').remove(line(req, t).id);
		return { success: true, message: 'Line item removed' };
	});

	router.on('POST', '/tickets/:id/attach_file_url', (req) => {
		const t = h.find('tickets', req.params.id);
		const files = Array.isArray(req.body.files) ? req.body.files : [];
		if (files.length === 0) throw h.errors.invalidMessages(['Files can\'t be blank']);
		for (const f of files) h.db.table('attachments').insert({ ticket_id: t.id, file_name: f.filename, url: f.url });
		return { message: `${files.length} file(s) attached` };
	});

	router.on('POST', '/tickets/:id/delete_attachment', (req) => {
		const t = h.find('tickets', req.params.id);
		const a = h.db.table('attachments').get(req.body.attachment_id);
		if (!a || a.ticket_id !== t.id) throw h.errors.notFoundMessage('Attachment not found');
		h.db.table('attachments').remove(a.id);
		return { success: true };
	});
}

/** Demo tickets: a mix of statuses, each with comments; a few with time logged. */
function seed(/** @type {import('../store').Store} */ db) {
	const subjects = ['Outlook keeps asking for password', 'Printer offline on 2nd floor', 'New hire laptop setup', 'VPN drops every hour',
		'Server disk almost full', 'Phishing email reported', 'Replace failing UPS battery', 'Wi-Fi slow in conference room'];
	const statuses = ['New', 'In Progress', 'Waiting on Customer', 'Resolved', 'Scheduled', 'Customer Reply'];
	const customers = db.table('customers').all();
	const base = Date.parse('2026-10-01T15:00:00Z');
	for (let i = 0; i < 30; i++) {
		const customer = customers[i % customers.length];
		const created = new Date(base + i * 3_600_000 * 7).toISOString();
		const status = statuses[i % statuses.length];
		const ticket = db.table('tickets').insert({
			id: 4001 + i, number: String(30001 + i), subject: subjects[i % subjects.length], status,
			problem_type: ['Hardware', 'Software', 'Network', 'Email'][i % 4], priority: ['1 High', '2 Normal', '3 Low'][i % 3],
			customer_id: customer.id, contact_id: null, user_id: [11, 12, 13][i % 3], ticket_type_id: 1,
			created_at: created, updated_at: created, resolved_at: status === 'Resolved' ? created : null,
			due_date: null, tag_list: i % 5 === 0 ? ['vip'] : [], properties: {},
		});
		db.table('comments').insert({ ticket_id: ticket.id, subject: 'Initial Issue', body: `${ticket.subject}. Reported by ${customer.firstname}.`, tech: customer.fullname, hidden: false, do_not_email: true, user_id: null, created_at: created, updated_at: created });
		db.table('comments').insert({ ticket_id: ticket.id, subject: 'Update', body: 'Looking into it now.', tech: 'Alex Rivera', hidden: false, do_not_email: false, user_id: 11, created_at: created, updated_at: created });
	}
}

module.exports = { register, seed };
