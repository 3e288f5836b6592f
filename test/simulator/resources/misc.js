// @ts-check
'use strict';
/**
 * Account-wide endpoints besides /settings (core.js): /settings/tabs, /settings/printing, /search (one search over
 * customers, contacts, assets, leads, tickets, vendors and wiki pages, answering Elasticsearch-style hits) and
 * /callerid (PBX lookup by phone number; the plain text "Disabled" when the feature is off: set
 * `caller_id_enabled: false` on settings row 1 to switch it off).
 */

const digits = (/** @type {any} */ v) => String(v ?? '').replace(/\D/g, '');

/** @param {import('../server').Router} router @param {any} h */
function register(router, h) {
	const settings = () => h.db.table('settings').get(1) ?? {};

	router.on('GET', '/settings/tabs', () => ({
		tabs: {
			msp_dashboard: true, customers: true, assets: true, alerts: true, contracts: true, invoices: true, customer_purchases: false, refurbs: false,
			estimates: true, tickets: true, parts: true, products: true, purchase_orders: true, field_jobs: false, kabuto_policies: true, scripts: true,
			sales: true, leads: true, domo: false, marketr: false, recur: true, reports: true, wiki: true, app_center: true, pax8: false,
			...(settings().tabs ?? {}),
		},
	}));

	router.on('GET', '/settings/printing', () => ({
		messaging_channel: '100000000000000000001',
		registers: [{ id: 1, name: 'Front Counter', location_id: null, default: true }],
	}));

	/** Each searchable table: Elasticsearch index and type, the fields searched, the `_source` returned. */
	const SEARCHABLE = [
		{ table: 'customers', type: 'customer', fields: ['business_name', 'firstname', 'lastname', 'email', 'phone'], source: (/** @type {any} */ r) => ({ firstname: r.firstname, lastname: r.lastname, email: r.email, business_name: r.business_name, phones: h.db.table('phones').filter((/** @type {any} */ p) => p.customer_id === r.id) }) },
		{ table: 'contacts', type: 'contact', fields: ['name', 'email', 'phone'], source: (/** @type {any} */ r) => ({ name: r.name, email: r.email, phone: r.phone, customer_id: r.customer_id }) },
		{ table: 'assets', type: 'customer_asset', fields: ['name', 'asset_serial'], source: (/** @type {any} */ r) => ({ name: r.name, asset_serial: r.asset_serial, customer_id: r.customer_id, asset_type: r.asset_type }) },
		{ table: 'leads', type: 'lead', fields: ['first_name', 'last_name', 'business_name', 'email'], source: (/** @type {any} */ r) => ({ first_name: r.first_name, last_name: r.last_name, business_name: r.business_name, email: r.email, status: r.status }) },
		{ table: 'tickets', type: 'ticket', fields: ['subject', 'number'], source: (/** @type {any} */ r) => ({ number: r.number, subject: r.subject, status: r.status, customer_id: r.customer_id }) },
		{ table: 'vendors', type: 'vendor', fields: ['name', 'email'], source: (/** @type {any} */ r) => ({ name: r.name, email: r.email }) },
		{ table: 'wiki_pages', type: 'wiki_page', fields: ['name', 'body'], source: (/** @type {any} */ r) => ({ name: r.name, slug: r.slug }) },
	];

	router.on('GET', '/search', (req) => {
		const needle = String(req.query.query ?? '').trim().toLowerCase();
		if (!needle) return { quick_result: null, results: [], error: 'Please enter a search term' };
		const results = [];
		for (const s of SEARCHABLE) {
			for (const row of h.db.table(s.table).all()) {
				if (s.fields.some((f) => String(row[f] ?? '').toLowerCase().includes(needle))) {
					results.push({ table: { _id: row.id, _type: s.type, _index: s.table === 'assets' ? 'customer_assets' : s.table, _source: { table: s.source(row) } } });
				}
			}
		}
		const ticket = /^\d+$/.test(needle) ? h.db.table('tickets').all().find((/** @type {any} */ t) => String(t.number) === needle) : undefined;
		return { quick_result: ticket ? { type: 'ticket', id: ticket.id, url: `/tickets/${ticket.id}` } : null, results: results.slice(0, 50), error: null };
	});

	router.on('GET', '/callerid', (req) => {
		if (settings().caller_id_enabled === false) return { __reply: true, status: 200, raw: 'Disabled', headers: { 'Content-Type': 'text/plain' } };
		const did = digits(req.query.did);
		if (!did) return { __reply: true, status: 422, body: { error: 'did is required' } };
		const last10 = did.slice(-10);
		const match = (/** @type {any} */ v) => digits(v) !== '' && digits(v).slice(-10) === last10;
		const phone = h.db.table('phones').all().find((/** @type {any} */ p) => match(p.number));
		const customer = h.db.table('customers').all().find((/** @type {any} */ c) => match(c.phone) || match(c.mobile) || (phone && phone.customer_id === c.id));
		const contact = customer ? undefined : h.db.table('contacts').all().find((/** @type {any} */ c) => match(c.phone) || match(c.mobile));
		const owner = customer ?? (contact ? h.db.table('customers').get(contact.customer_id) : undefined);
		if (!owner) return { data: { name: null, ticket_status: null } };
		const open = h.db.table('tickets').all().filter((/** @type {any} */ t) => t.customer_id === owner.id && t.status !== 'Resolved' && t.status !== 'Invoiced');
		return { data: { name: contact ? `${contact.name} (${owner.business_then_name})` : owner.business_then_name, ticket_status: open.length > 0 ? 'Open' : 'None' } };
	});
}

module.exports = { register };
