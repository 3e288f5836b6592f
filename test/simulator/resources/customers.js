// @ts-check
'use strict';
/**
 * /customers (list filters, sort, autocomplete, latest, email uniqueness), customer phones and payment profiles.
 * Customers themselves are seeded by seed.js; phones and payment profiles are seeded here.
 */

const CUSTOMER_FIELDS = ['business_name', 'firstname', 'lastname', 'email', 'phone', 'mobile', 'address', 'address_2', 'city', 'state', 'zip',
	'notes', 'get_sms', 'opt_out', 'no_email', 'get_billing', 'get_marketing', 'get_reports', 'ref_customer_id', 'referred_by', 'tax_rate_id',
	'notification_email', 'invoice_cc_emails', 'invoice_term_id', 'properties', 'consent'];

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function pick(/** @type {any} */ body, /** @type {string[]} */ keys) {
	/** @type {Record<string, any>} */
	const out = {};
	for (const k of keys) if (body[k] !== undefined) out[k] = body[k];
	return out;
}

const lower = (/** @type {any} */ v) => String(v ?? '').toLowerCase();

/** Names derived the way Syncro shows them. */
function names(/** @type {any} */ c) {
	const fullname = `${c.firstname ?? ''} ${c.lastname ?? ''}`.trim();
	const business = c.business_name || '';
	return {
		fullname,
		business_then_name: business || fullname,
		business_and_full_name: business && fullname ? `${business} - ${fullname}` : business || fullname,
	};
}

/** @param {any} h @param {any} customer @param {boolean} detail */
function present(h, customer, detail = false) {
	const out = {
		...customer,
		...names(customer),
		contacts: h.db.table('contacts').filter((/** @type {any} */ c) => c.customer_id === customer.id),
		online_profile_url: `https://demo-msp.syncromsp.com/my_profile/v2/index?portal_key=sim${customer.id}`,
	};
	if (detail) out.phones = h.db.table('phones').filter((/** @type {any} */ p) => p.customer_id === customer.id);
	return out;
}

/** @param {import('../server').Router} router @param {any} h */
function register(router, h) {
	const customers = () => h.db.table('customers');

	/** 422 in the shape of the spec's customer examples. */
	const validate = (/** @type {any} */ b, /** @type {number|undefined} */ selfId) => {
		const messages = [];
		if (b.email !== undefined && b.email !== null && b.email !== '') {
			if (!EMAIL.test(String(b.email))) messages.push('Email is not an email');
			else if (customers().filter((/** @type {any} */ c) => c.id !== selfId && lower(c.email) === lower(b.email)).length > 0) messages.push('Email has already been taken');
		}
		if (messages.length > 0) throw h.errors.invalidMessages(messages, pick(b, ['business_name', 'firstname', 'lastname', 'email']));
	};

	// Specific paths before /customers/:id.
	router.on('GET', '/customers/latest', () => {
		const rows = customers().all().sort((/** @type {any} */ a, /** @type {any} */ b) => Date.parse(b.created_at) - Date.parse(a.created_at) || b.id - a.id);
		if (rows.length === 0) throw h.errors.notFound();
		return { customer: present(h, rows[0]) };
	});

	router.on('GET', '/customers/autocomplete', (req) => {
		const needle = lower(req.query.query).trim();
		const rows = customers().filter((/** @type {any} */ c) => !c.disabled && (!needle ||
			[c.business_name, c.firstname, c.lastname, names(c).fullname].some((v) => lower(v).startsWith(needle))));
		return { customers: rows.slice(0, 25).map((/** @type {any} */ c) => present(h, c)) };
	});

	router.on('GET', '/customers', (req) => {
		const q = req.query;
		const like = (/** @type {string} */ key, /** @type {any} */ row) => q[key] === undefined || lower(row[key]).includes(lower(q[key]));
		let rows = customers().all();
		if (q.include_disabled !== 'true') rows = rows.filter((/** @type {any} */ c) => !c.disabled);
		rows = rows.filter((/** @type {any} */ c) => like('firstname', c) && like('lastname', c) && like('business_name', c) && like('email', c));
		if (q.query) {
			const needle = lower(q.query);
			rows = rows.filter((/** @type {any} */ c) => [c.business_name, names(c).fullname, c.email, c.phone].some((v) => lower(v).includes(needle)));
		}
		const ids = Array.isArray(q.id) ? q.id.map(Number) : q.id !== undefined ? [Number(q.id)] : undefined;
		if (ids) rows = rows.filter((/** @type {any} */ c) => ids.includes(c.id));
		const notIds = Array.isArray(q.not_id) ? q.not_id.map(Number) : q.not_id !== undefined ? [Number(q.not_id)] : [];
		rows = rows.filter((/** @type {any} */ c) => !notIds.includes(c.id));
		const [field, dir] = String(q.sort ?? 'business_name ASC').trim().split(/\s+/);
		const sign = lower(dir) === 'desc' ? -1 : 1;
		rows.sort((/** @type {any} */ a, /** @type {any} */ b) => sign * (String(a[field] ?? '').localeCompare(String(b[field] ?? ''), 'en', { numeric: true }) || a.id - b.id));
		const envelope = h.pageOf(rows, q, { key: 'customers', pageSize: h.pageSize('customers', 25), meta: 'full' });
		envelope.customers = envelope.customers.map((/** @type {any} */ c) => present(h, c));
		return envelope;
	});

	router.on('GET', '/customers/:id', (req) => ({ customer: present(h, h.find('customers', req.params.id), true) }));

	router.on('POST', '/customers', (req) => {
		const b = req.body;
		validate(b, undefined);
		const row = customers().insert({
			business_name: null, firstname: '', lastname: '', email: null, phone: null, mobile: null, address: null, address_2: null,
			city: null, state: null, zip: null, notes: null, get_sms: false, opt_out: false, disabled: false, no_email: false,
			location_id: null, location_name: null, properties: {}, tax_rate_id: null, notification_email: null, invoice_cc_emails: null,
			invoice_term_id: null, referred_by: null, ref_customer_id: null, pdf_url: null, latitude: null, longitude: null,
			...pick(b, CUSTOMER_FIELDS),
		});
		Object.assign(row, names(row));
		return { customer: present(h, row) };
	});

	router.on('PUT', '/customers/:id', (req) => {
		const c = h.find('customers', req.params.id);
		validate(req.body, c.id);
		const patch = pick(req.body, CUSTOMER_FIELDS);
		if (patch.properties && typeof patch.properties === 'object') patch.properties = { ...c.properties, ...patch.properties };
		const row = customers().update(c.id, patch);
		Object.assign(row, names(row));
		return { customer: present(h, row) };
	});

	router.on('DELETE', '/customers/:id', (req) => {
		const c = h.find('customers', req.params.id);
		customers().remove(c.id);
		return { message: 'Customer was deleted from the system.' };
	});

	// Phones: flat objects, one list without paging.
	const phoneOf = (/** @type {any} */ req) => {
		const c = h.find('customers', req.params.customer_id);
		const phone = h.db.table('phones').get(req.params.id);
		if (!phone || phone.customer_id !== c.id) throw h.errors.notFound();
		return phone;
	};
	const requireNumber = (/** @type {any} */ req, /** @type {Record<string, any>} */ params) => {
		if (req.body.number === undefined || String(req.body.number).trim() === '') {
			throw h.errors.invalidMessages(["Number can't be blank"], { ...params, number: req.body.number ?? '' });
		}
	};

	router.on('GET', '/customers/:customer_id/phones', (req) => {
		const c = h.find('customers', req.params.customer_id);
		return { phones: h.db.table('phones').filter((/** @type {any} */ p) => p.customer_id === c.id).sort((/** @type {any} */ a, /** @type {any} */ b) => b.id - a.id) };
	});
	router.on('POST', '/customers/:customer_id/phones', (req) => {
		const c = h.find('customers', req.params.customer_id);
		requireNumber(req, { customer_id: String(c.id) });
		return h.db.table('phones').insert({ customer_id: c.id, label: req.body.label ?? null, number: String(req.body.number), extension: req.body.extension ?? null });
	});
	router.on('PUT', '/customers/:customer_id/phones/:id', (req) => {
		const phone = phoneOf(req);
		if (req.body.number !== undefined) requireNumber(req, { customer_id: String(phone.customer_id), id: String(phone.id) });
		return h.db.table('phones').update(phone.id, pick(req.body, ['label', 'number', 'extension']));
	});
	router.on('DELETE', '/customers/:customer_id/phones/:id', (req) => {
		h.db.table('phones').remove(phoneOf(req).id);
		return { __reply: true, status: 200, body: undefined };
	});

	// Payment profiles: wrapped in payment_profile.
	const profileOf = (/** @type {any} */ req) => {
		const c = h.find('customers', req.params.customer_id);
		const profile = h.db.table('payment_profiles').get(req.params.id);
		if (!profile || profile.customer_id !== c.id) throw h.errors.notFound();
		return profile;
	};
	router.on('GET', '/customers/:customer_id/payment_profiles', (req) => {
		const c = h.find('customers', req.params.customer_id);
		return { payment_profiles: h.db.table('payment_profiles').filter((/** @type {any} */ p) => p.customer_id === c.id) };
	});
	router.on('POST', '/customers/:customer_id/payment_profiles', (req) => {
		const c = h.find('customers', req.params.customer_id);
		const b = req.body;
		if ((h.db.table('settings').get(1) ?? {}).integrated_processing === false) return { __reply: true, status: 422, body: { message: 'Account not configured to use integrated processing.' } };
		if (!b.payment_profile_id) return { __reply: true, status: 422, body: { message: "Payment profile can't be blank" } };
		const profile = h.db.table('payment_profiles').insert({
			customer_id: c.id, customer_external_id: b.customer_external_id ?? null, payment_profile_id: b.payment_profile_id,
			expiration: b.expiration ?? null, last_four: b.last_four ?? null, used_gateway: 'authorize_net',
		});
		return { payment_profile: profile };
	});
	router.on('GET', '/customers/:customer_id/payment_profiles/:id', (req) => ({ payment_profile: profileOf(req) }));
	router.on('PUT', '/customers/:customer_id/payment_profiles/:id', (req) => {
		const profile = profileOf(req);
		return { payment_profile: h.db.table('payment_profiles').update(profile.id, pick(req.body, ['expiration', 'last_four'])) };
	});
	router.on('DELETE', '/customers/:customer_id/payment_profiles/:id', (req) => {
		h.db.table('payment_profiles').remove(profileOf(req).id);
		return { success: true };
	});
}

/** A few extra phone numbers and stored cards; one disabled customer. */
function seed(/** @type {import('../store').Store} */ db) {
	const phones = db.table('phones');
	for (const c of db.table('customers').all().slice(0, 4)) {
		phones.insert({ customer_id: c.id, label: 'Office', number: c.phone, extension: null });
		phones.insert({ customer_id: c.id, label: 'Mobile', number: `971-555-03${String(c.id).slice(-2)}`, extension: null });
	}
	const profiles = db.table('payment_profiles');
	profiles.insert({ id: 5101, customer_id: 2001, customer_external_id: 'cus_ND2001', payment_profile_id: 'pm_visa_4242', expiration: '12/28', last_four: '4242', used_gateway: 'authorize_net' });
	profiles.insert({ id: 5102, customer_id: 2001, customer_external_id: 'cus_ND2001', payment_profile_id: 'pm_ach_6789', expiration: null, last_four: '6789', used_gateway: 'authorize_net' });
	db.table('customers').insert({
		id: 2011, firstname: 'Gary', lastname: 'Moss', fullname: 'Gary Moss', business_name: 'Old Mill Bakery (closed)', business_then_name: 'Old Mill Bakery (closed)',
		business_and_full_name: 'Old Mill Bakery (closed) - Gary Moss', email: 'gary@oldmillbakery.example', phone: '503-555-0199', mobile: null,
		address: '9 Mill Rd', address_2: '', city: 'Hood River', state: 'OR', zip: '97031', notes: 'Closed 2025', get_sms: false, opt_out: true,
		disabled: true, no_email: true, properties: {}, contacts: [],
	});
}

module.exports = { register, seed };
