// @ts-check
'use strict';
/**
 * /policy_folders (newer than the cached spec): per-customer folder trees, `customer_id` required on the list,
 * `per_page` up to 100 (default 25), full meta, records as {"policy_folder":{…}}, create needing customer_id,
 * name and parent_id (the root exists per customer), DELETE refused (422) while a folder has subfolders,
 * `effective_policy_id` inherited from the nearest ancestor with a policy.
 */

function pick(/** @type {any} */ body, /** @type {string[]} */ keys) {
	/** @type {Record<string, any>} */
	const out = {};
	for (const k of keys) if (body[k] !== undefined) out[k] = body[k];
	return out;
}

const POLICIES = { 31: 'Workstations - Standard', 32: 'Servers - Critical', 33: 'Kiosk lockdown' };

/** @param {import('../server').Router} router @param {any} h */
function register(router, h) {
	const folders = () => h.db.table('policy_folders');

	/** @param {any} folder @returns {number|null} */
	const effective = (folder) => {
		/** @type {any} */
		let current = folder;
		const seen = new Set();
		while (current && !seen.has(current.id)) {
			seen.add(current.id);
			if (current.partial_policy_id) return current.partial_policy_id;
			current = current.parent_id ? folders().get(current.parent_id) : undefined;
		}
		return null;
	};
	const present = (/** @type {any} */ f) => ({ ...f, effective_policy_id: effective(f), assets_count: h.db.table('assets').filter((/** @type {any} */ a) => a.policy_folder_id === f.id).length });

	const checkParent = (/** @type {any} */ parentId, /** @type {any} */ customerId, /** @type {number|undefined} */ selfId) => {
		const parent = folders().get(parentId);
		if (!parent || parent.customer_id !== Number(customerId)) throw h.errors.invalidMessages(['Parent folder must belong to the same customer']);
		/** @type {any} */
		let current = parent;
		while (current) {
			if (current.id === selfId) throw h.errors.invalidMessages(['Parent folder cannot be the folder itself or one of its subfolders']);
			current = current.parent_id ? folders().get(current.parent_id) : undefined;
		}
	};
	const checkPolicy = (/** @type {any} */ id) => {
		if (id !== null && id !== undefined && !POLICIES[/** @type {31|32|33} */ (Number(id))]) throw h.errors.invalidMessages(['Partial policy must exist']);
	};

	router.on('GET', '/policy_folders', (req) => {
		const q = req.query;
		if (!q.customer_id) throw h.errors.invalidMessages(["Customer can't be blank"], q);
		const perPage = Math.min(100, Math.max(1, Number(q.per_page) || h.pageSize('policy_folders', 25)));
		const rows = folders().filter((/** @type {any} */ f) => String(f.customer_id) === String(q.customer_id)).sort((/** @type {any} */ a, /** @type {any} */ b) => a.id - b.id).map(present);
		return h.pageOf(rows, q, { key: 'policy_folders', pageSize: perPage, meta: 'full' });
	});
	router.on('GET', '/policy_folders/:id', (req) => ({ policy_folder: present(h.find('policy_folders', req.params.id)) }));
	router.on('POST', '/policy_folders', (req) => {
		const b = req.body;
		const missing = ['customer_id', 'name', 'parent_id'].filter((k) => b[k] === undefined || b[k] === null || b[k] === '');
		if (missing.length > 0) throw h.errors.invalidMessages(missing.map((k) => `${k.replace(/_id$/, '').replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase())} can't be blank`), b);
		if (!h.db.table('customers').get(b.customer_id)) throw h.errors.invalidMessages(['Customer must exist'], b);
		checkParent(b.parent_id, b.customer_id, undefined);
		return { policy_folder: present(folders().insert({ customer_id: Number(b.customer_id), name: b.name, parent_id: Number(b.parent_id), partial_policy_id: null })) };
	});
	router.on('PUT', '/policy_folders/:id', (req) => {
		const row = h.find('policy_folders', req.params.id);
		const patch = pick(req.body, ['name', 'parent_id', 'partial_policy_id']);
		if (patch.name !== undefined && String(patch.name).trim() === '') throw h.errors.invalidMessages(["Name can't be blank"], req.body);
		if (patch.parent_id !== undefined) {
			if (row.parent_id === null) throw h.errors.invalidMessages(['The root folder cannot be moved'], req.body);
			checkParent(patch.parent_id, row.customer_id, row.id);
		}
		if ('partial_policy_id' in patch) checkPolicy(patch.partial_policy_id);
		return { policy_folder: present(folders().update(row.id, patch)) };
	});
	router.on('DELETE', '/policy_folders/:id', (req) => {
		const row = h.find('policy_folders', req.params.id);
		if (row.parent_id === null) throw h.errors.invalidMessages(['The root folder cannot be deleted']);
		if (folders().filter((/** @type {any} */ f) => f.parent_id === row.id).length > 0) throw h.errors.invalidMessages(['Folder has subfolders; delete or move them first']);
		for (const a of h.db.table('assets').filter((/** @type {any} */ x) => x.policy_folder_id === row.id)) h.db.table('assets').update(a.id, { policy_folder_id: row.parent_id });
		folders().remove(row.id);
		return { success: true, message: 'Policy folder deleted' };
	});
}

/** A root folder per customer, and a small tree for Northwind Dental. */
function seed(/** @type {import('../store').Store} */ db) {
	const folders = db.table('policy_folders');
	for (const c of db.table('customers').filter((/** @type {any} */ x) => !x.disabled)) {
		folders.insert({ id: 10000 + (c.id - 2000) * 10, customer_id: c.id, name: c.business_name, parent_id: null, partial_policy_id: 31 });
	}
	folders.insert({ id: 10011, customer_id: 2001, name: 'Servers', parent_id: 10010, partial_policy_id: 32 });
	folders.insert({ id: 10012, customer_id: 2001, name: 'Front desk', parent_id: 10010, partial_policy_id: null });
	folders.insert({ id: 10013, customer_id: 2001, name: 'Check-in kiosks', parent_id: 10012, partial_policy_id: 33 });
	for (const a of db.table('assets').filter((/** @type {any} */ x) => x.customer_id === 2001)) db.table('assets').update(a.id, { policy_folder_id: 10010 });
}

module.exports = { register, seed };
