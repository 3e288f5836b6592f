// @ts-check
'use strict';
/**
 * /wiki_pages (Documentation): no meta, 100 per page, {"wiki_page":{…}} records, 422
 * {"success":false,"errors":[…],"params":{…}}, slug derived from the name, "internal" visibility refused.
 */

const FIELDS = ['name', 'slug', 'body', 'customer_id', 'asset_id', 'visibility'];

function pick(/** @type {any} */ body, /** @type {string[]} */ keys) {
	/** @type {Record<string, any>} */
	const out = {};
	for (const k of keys) if (body[k] !== undefined) out[k] = body[k];
	return out;
}

const slugify = (/** @type {string} */ s) => String(s).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** @param {import('../server').Router} router @param {any} h */
function register(router, h) {
	const { HttpError } = require('../server');
	const pages = () => h.db.table('wiki_pages');
	const present = (/** @type {any} */ p) => ({ ...p, interpolated_body: p.body });

	const validate = (/** @type {any} */ merged, /** @type {any} */ params) => {
		const errors = [];
		if (!merged.body || String(merged.body).trim() === '') errors.push("Body can't be blank");
		if (!merged.name || String(merged.name).trim() === '') errors.push("Name can't be blank");
		if (merged.visibility === 'internal') errors.push('Visibility is not included in the list');
		if (merged.customer_id && !h.db.table('customers').get(merged.customer_id)) errors.push('Customer must exist');
		if (merged.asset_id && !h.db.table('assets').get(merged.asset_id)) errors.push('Asset must exist');
		if (errors.length > 0) throw new HttpError(422, { success: false, errors, params });
	};

	router.on('GET', '/wiki_pages', (req) => {
		const rows = pages().all().sort((/** @type {any} */ a, /** @type {any} */ b) => a.id - b.id).map(present);
		return h.pageOf(rows, req.query, { key: 'wiki_pages', pageSize: h.pageSize('wiki_pages', 100), meta: 'none' });
	});
	router.on('GET', '/wiki_pages/:id', (req) => ({ wiki_page: present(h.find('wiki_pages', req.params.id)) }));
	router.on('POST', '/wiki_pages', (req) => {
		const data = pick(req.body, FIELDS);
		validate(data, req.body);
		return { wiki_page: present(pages().insert({ account_id: 1, customer_id: null, asset_id: null, visibility: 'Everyone', ...data, slug: data.slug || slugify(data.name) })) };
	});
	router.on('PUT', '/wiki_pages/:id', (req) => {
		const row = h.find('wiki_pages', req.params.id);
		const patch = pick(req.body, FIELDS);
		validate({ ...row, ...patch }, req.body);
		return { wiki_page: present(pages().update(row.id, patch)) };
	});
	router.on('DELETE', '/wiki_pages/:id', (req) => {
		pages().remove(h.find('wiki_pages', req.params.id).id);
		return { __reply: true, status: 200, body: undefined };
	});
}

/** Runbooks: account-wide, per customer and per asset. */
function seed(/** @type {import('../store').Store} */ db) {
	const pages = db.table('wiki_pages');
	pages.insert({ id: 701, account_id: 1, name: 'New Customer Onboarding', slug: 'new-customer-onboarding', body: '<h2>Checklist</h2><ol><li>Install the Syncro agent</li><li>Document the network</li></ol>', customer_id: null, asset_id: null, visibility: 'Everyone' });
	pages.insert({ id: 702, account_id: 1, name: 'Northwind Dental - Network', slug: 'northwind-dental-network', body: '<p>Fortigate 60F at 10.10.0.1, VLAN 20 for imaging.</p>', customer_id: 2001, asset_id: null, visibility: 'Everyone' });
	pages.insert({ id: 703, account_id: 1, name: 'NWD-FW01 firmware upgrade', slug: 'nwd-fw01-firmware-upgrade', body: '<p>Upgrade only in the Tuesday maintenance window.</p>', customer_id: 2001, asset_id: 7901, visibility: 'Everyone' });
	pages.insert({ id: 704, account_id: 1, name: 'Backup restore runbook', slug: 'backup-restore-runbook', body: '<p>Use the Datto portal; verify the restore point first.</p>', customer_id: null, asset_id: null, visibility: 'Everyone' });
}

module.exports = { register, seed };
