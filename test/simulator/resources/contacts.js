// @ts-check
'use strict';
/**
 * /contacts: flat objects (no wrapper), full meta, 25 per page, `title` stored as properties.title,
 * 422 as {"record":{…},"errors":"…"} (errors as a string) and 404 {"message":"Not found"} for an unknown customer.
 * Contacts are seeded by seed.js (two per customer); a few more are added here so one customer spans pages.
 */

const CONTACT_FIELDS = ['customer_id', 'name', 'address1', 'address2', 'city', 'state', 'zip', 'email', 'phone', 'mobile', 'notes'];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function pick(/** @type {any} */ body, /** @type {string[]} */ keys) {
	/** @type {Record<string, any>} */
	const out = {};
	for (const k of keys) if (body[k] !== undefined) out[k] = body[k];
	return out;
}

const BLANK = {
	name: null, address1: null, address2: null, city: null, state: null, zip: null, email: null, phone: null, mobile: null,
	latitude: null, longitude: null, customer_id: null, account_id: 1, notes: null, vendor_id: null,
	properties: {}, opt_out: false, extension: null,
};

/** @param {import('../server').Router} router @param {any} h */
function register(router, h) {
	const contacts = () => h.db.table('contacts');

	const invalid = (/** @type {any} */ record, /** @type {string[]} */ problems) => h.errors.invalidString(problems.join(','), { id: null, ...BLANK, created_at: null, updated_at: null, ...record });

	const check = (/** @type {any} */ merged, /** @type {boolean} */ creating) => {
		const problems = [];
		if (merged.customer_id === undefined || merged.customer_id === null || merged.customer_id === '') problems.push("Customer can't be blank");
		if (creating && (!merged.name || String(merged.name).trim() === '')) problems.push("Name can't be blank");
		if (merged.email && !EMAIL.test(String(merged.email))) problems.push('Email is not an email');
		if (problems.length > 0) throw invalid(merged, problems);
		if (!h.db.table('customers').get(merged.customer_id)) throw h.errors.notFoundMessage('Not found');
	};

	const withTitle = (/** @type {any} */ row, /** @type {any} */ body) => {
		const properties = { ...(row.properties ?? {}) };
		if (body.properties && typeof body.properties === 'object') Object.assign(properties, body.properties);
		if (body.title !== undefined) properties.title = body.title;
		return properties;
	};

	router.on('GET', '/contacts', (req) => {
		const q = req.query;
		let rows = contacts().all();
		if (q.customer_id !== undefined) rows = rows.filter((/** @type {any} */ c) => String(c.customer_id) === String(q.customer_id));
		rows.sort((/** @type {any} */ a, /** @type {any} */ b) => a.id - b.id);
		return h.pageOf(rows, q, { key: 'contacts', pageSize: h.pageSize('contacts', 25), meta: 'full' });
	});

	router.on('GET', '/contacts/:id', (req) => {
		const row = contacts().get(req.params.id);
		if (!row) throw h.errors.notFoundMessage('Not found');
		return row;
	});

	router.on('POST', '/contacts', (req) => {
		const b = req.body;
		check(b, true);
		return contacts().insert({ ...BLANK, ...pick(b, CONTACT_FIELDS), properties: withTitle({}, b) });
	});

	router.on('PUT', '/contacts/:id', (req) => {
		const row = contacts().get(req.params.id);
		if (!row) throw h.errors.notFoundMessage('Not found');
		const patch = pick(req.body, CONTACT_FIELDS);
		check({ ...row, ...patch }, false);
		return contacts().update(row.id, { ...patch, properties: withTitle(row, req.body) });
	});

	router.on('DELETE', '/contacts/:id', (req) => {
		const row = contacts().get(req.params.id);
		if (!row) throw h.errors.notFound();
		contacts().remove(row.id);
		return { success: true };
	});
}

/** Northwind Dental (2001) gets a whole office, so its contacts span two pages of 25. */
function seed(/** @type {import('../store').Store} */ db) {
	const contacts = db.table('contacts');
	const first = ['Ava', 'Ben', 'Cara', 'Dev', 'Eli', 'Fay', 'Gus', 'Hana', 'Ivan', 'Jade', 'Kai', 'Lena', 'Milo', 'Nora', 'Omar', 'Pia', 'Quinn',
		'Rosa', 'Saul', 'Tess', 'Uma', 'Vic', 'Wes', 'Xena', 'Yuri', 'Zoe'];
	first.forEach((name, i) => {
		contacts.insert({
			id: 3201 + i, customer_id: 2001, name: `${name} Hygienist`, email: `${name.toLowerCase()}@northwinddental.example`,
			phone: `503-555-1${String(100 + i)}`, mobile: null, address1: '100 Main St', address2: '', city: 'Portland', state: 'OR', zip: '97000',
			notes: '', properties: { title: 'Dental Hygienist' }, account_id: 1, vendor_id: null, opt_out: false, extension: null,
			latitude: null, longitude: null,
		});
	});
}

module.exports = { register, seed };
