// @ts-check
'use strict';
/**
 * /vendors: no meta, 100 per page, {"vendor":{…}} records, no DELETE, 422 {"success":false,"message":[…],"params":{…}}.
 */

const FIELDS = ['name', 'rep_first_name', 'rep_last_name', 'email', 'phone', 'account_number', 'address', 'city', 'state', 'zip', 'website', 'notes'];

function pick(/** @type {any} */ body, /** @type {string[]} */ keys) {
	/** @type {Record<string, any>} */
	const out = {};
	for (const k of keys) if (body[k] !== undefined) out[k] = body[k];
	return out;
}

/** @param {import('../server').Router} router @param {any} h */
function register(router, h) {
	const vendors = () => h.db.table('vendors');

	const validate = (/** @type {any} */ merged, /** @type {any} */ params, /** @type {boolean} */ withParams) => {
		const messages = [];
		if (!merged.name || String(merged.name).trim() === '') messages.push("Name can't be blank");
		if (merged.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(String(merged.email))) messages.push('Email is not an email');
		if (messages.length > 0) throw withParams ? h.errors.invalidMessages(messages, params) : Object.assign(h.errors.invalidMessages(messages), { body: { success: false, message: messages } });
	};

	router.on('GET', '/vendors', (req) => {
		const rows = vendors().all().sort((/** @type {any} */ a, /** @type {any} */ b) => String(a.name).localeCompare(String(b.name)));
		return h.pageOf(rows, req.query, { key: 'vendors', pageSize: h.pageSize('vendors', 100), meta: 'none' });
	});
	router.on('GET', '/vendors/:id', (req) => ({ vendor: h.find('vendors', req.params.id) }));
	router.on('POST', '/vendors', (req) => {
		const data = pick(req.body, FIELDS);
		validate(data, req.body, true);
		return { vendor: vendors().insert({ rep_first_name: null, rep_last_name: null, email: null, phone: null, account_number: null, address: null, city: null, state: null, zip: null, website: null, notes: null, ...data }) };
	});
	router.on('PUT', '/vendors/:id', (req) => {
		const row = h.find('vendors', req.params.id);
		const patch = pick(req.body, FIELDS);
		validate({ ...row, ...patch }, req.body, false);
		return { vendor: vendors().update(row.id, patch) };
	});
}

/** Distributors an MSP buys from. */
function seed(/** @type {import('../store').Store} */ db) {
	const vendors = db.table('vendors');
	vendors.insert({ id: 401, name: 'Ingram Micro', rep_first_name: 'Dana', rep_last_name: 'Whitfield', email: 'dana.whitfield@ingram.example', phone: '800-555-0144', account_number: 'IM-558210', address: '3351 Michelson Dr', city: 'Irvine', state: 'CA', zip: '92612', website: 'www.ingrammicro.com', notes: 'Net 30' });
	vendors.insert({ id: 402, name: 'TD SYNNEX', rep_first_name: 'Rick', rep_last_name: 'Osei', email: 'rick.osei@tdsynnex.example', phone: '800-555-0177', account_number: 'TDS-99120', address: '44201 Nobel Dr', city: 'Fremont', state: 'CA', zip: '94538', website: 'www.tdsynnex.com', notes: '' });
	vendors.insert({ id: 403, name: 'Amazon Business', rep_first_name: null, rep_last_name: null, email: 'orders@amazonbusiness.example', phone: null, account_number: 'AB-DEMO-MSP', address: null, city: null, state: null, zip: null, website: 'business.amazon.com', notes: 'Small parts' });
}

module.exports = { register, seed };
