// @ts-check
'use strict';
/**
 * /customer_assets: `assets[]` envelope (not customer_assets) with full meta, 25 per page, single records as
 * {"asset":{…}}, no DELETE, custom fields (`properties`) ignored on create and merged on update, an asset type
 * required by ID or by an existing name, saved asset searches (`asset_search_id`), Windows patches,
 * chat information by IDs, and the newer installed_applications and assets_by_contact endpoints.
 */

const SAVED_ASSET_SEARCHES = [
	{ id: 601, name: 'Windows workstations', match: (/** @type {any} */ a) => a.asset_type === 'Syncro Device' },
	{ id: 602, name: 'Network gear (SNMP)', match: (/** @type {any} */ a) => a.snmp_enabled === true },
];

function pick(/** @type {any} */ body, /** @type {string[]} */ keys) {
	/** @type {Record<string, any>} */
	const out = {};
	for (const k of keys) if (body[k] !== undefined) out[k] = body[k];
	return out;
}

/** @param {any} h @param {any} asset */
function present(h, asset) {
	const c = h.db.table('customers').get(asset.customer_id);
	return {
		...asset,
		external_rmm_link: `https://demo-msp.syncromsp.com/customer_assets/${asset.id}`,
		customer: c ? {
			id: c.id, firstname: c.firstname, lastname: c.lastname, fullname: c.fullname, business_name: c.business_name, email: c.email,
			phone: c.phone, business_then_name: c.business_then_name, business_and_full_name: c.business_and_full_name, properties: c.properties,
		} : null,
		rmm_links: [{ internal_link: `https://demo-msp.syncromsp.com/customer_assets/${asset.id}`, teamviewer_link: null, screenconnect_link: null, splashtop_link: null }],
	};
}

/** @param {import('../server').Router} router @param {any} h */
function register(router, h) {
	const assets = () => h.db.table('assets');
	const assetTypes = () => /** @type {Array<{id:number,name:string}>} */ (h.db.table('settings').get(1)?.asset_types ?? []);

	/** The asset type named or numbered in the body, or a 422 like Syncro's. */
	const typeOf = (/** @type {any} */ b, /** @type {any} */ current) => {
		if (b.asset_type_id !== undefined && b.asset_type_id !== null && b.asset_type_id !== '') {
			const t = assetTypes().find((x) => String(x.id) === String(b.asset_type_id));
			if (t) return t;
			throw h.errors.invalidMessages(["Asset type can't be blank"], pick(b, ['name', 'asset_type_id']));
		}
		if (b.asset_type_name) {
			const t = assetTypes().find((x) => x.name.toLowerCase() === String(b.asset_type_name).toLowerCase());
			if (t) return t;
			throw h.errors.invalidMessages(["Asset type can't be blank", 'Name You must have an asset type first, please go create one'], pick(b, ['name', 'asset_type_name']));
		}
		if (current) return assetTypes().find((x) => x.name === current.asset_type) ?? { id: null, name: current.asset_type };
		throw h.errors.invalidMessages(["Asset type can't be blank"], pick(b, ['name']));
	};

	const mustFind = (/** @type {string} */ id) => {
		const row = assets().get(id);
		if (!row) throw h.errors.error(404, 'Asset not found');
		return row;
	};

	router.on('GET', '/customer_assets', (req) => {
		const q = req.query;
		let rows = assets().all();
		if (q.customer_id !== undefined) rows = rows.filter((/** @type {any} */ a) => String(a.customer_id) === String(q.customer_id));
		if (q.asset_type_id !== undefined) {
			const t = assetTypes().find((x) => String(x.id) === String(q.asset_type_id));
			rows = rows.filter((/** @type {any} */ a) => t !== undefined && a.asset_type === t.name);
		}
		if (q.snmp_enabled === 'true') rows = rows.filter((/** @type {any} */ a) => a.snmp_enabled === true);
		if (q.query) {
			const needle = String(q.query).toLowerCase();
			rows = rows.filter((/** @type {any} */ a) => `${a.name} ${a.asset_serial ?? ''}`.toLowerCase().includes(needle));
		}
		if (q.asset_search_id !== undefined) {
			const search = SAVED_ASSET_SEARCHES.find((s) => String(s.id) === String(q.asset_search_id));
			if (!search) throw h.errors.notFound();
			rows = rows.filter(search.match);
		}
		rows.sort((/** @type {any} */ a, /** @type {any} */ b) => a.id - b.id);
		const envelope = h.pageOf(rows, q, { key: 'assets', pageSize: h.pageSize('assets', 25), meta: 'full' });
		envelope.assets = envelope.assets.map((/** @type {any} */ a) => present(h, a));
		return envelope;
	});

	// Specific paths before /customer_assets/:id.
	router.on('GET', '/customer_assets/chat_information_by_ids', (req) => {
		const ids = Array.isArray(req.query.ids) ? req.query.ids : req.query.ids !== undefined ? [req.query.ids] : [];
		if (ids.length === 0) throw h.errors.error(400, 'param is missing or the value is empty: ids');
		const rows = ids.map((/** @type {string} */ id) => assets().get(id)).filter(Boolean);
		return {
			assets: rows.map((/** @type {any} */ a) => {
				const c = h.db.table('customers').get(a.customer_id);
				return { id: a.id, name: a.name, customer: c ? { id: c.id, fullname: c.fullname, business_name: c.business_name } : null };
			}),
		};
	});

	router.on('GET', '/customer_assets/assets_by_contact/:contact_id', (req) => {
		const contact = h.db.table('contacts').get(req.params.contact_id);
		if (!contact) throw h.errors.notFoundMessage('Contact not found');
		const rows = assets().filter((/** @type {any} */ a) => a.contact_id === contact.id)
			.sort((/** @type {any} */ a, /** @type {any} */ b) => String(a.name).localeCompare(String(b.name)));
		const envelope = h.pageOf(rows, req.query, { key: 'assets', pageSize: h.pageSize('assets_by_contact', 50), meta: 'full' });
		envelope.assets = envelope.assets.map((/** @type {any} */ a) => present(h, a));
		return envelope;
	});

	router.on('GET', '/customer_assets/:id', (req) => ({ asset: present(h, h.find('assets', req.params.id)) }));

	router.on('POST', '/customer_assets', (req) => {
		const b = req.body;
		if (!b.name || String(b.name).trim() === '') throw h.errors.invalidMessages(["Name can't be blank"], pick(b, ['name']));
		const type = typeOf(b, undefined);
		if (b.customer_id !== undefined && !h.db.table('customers').get(b.customer_id)) throw h.errors.invalidMessages(['Customer must exist'], pick(b, ['name', 'customer_id']));
		// Syncro ignores `properties` on create (observed live): the custom fields stay empty until an update.
		const row = assets().insert({
			name: b.name, customer_id: b.customer_id ?? null, contact_id: null, asset_type: type.name, asset_serial: b.asset_serial ?? null,
			properties: {}, snmp_enabled: false, policy_folder_id: null, rmm_store: null, has_live_chat: false,
		});
		return { asset: present(h, row) };
	});

	router.on('PUT', '/customer_assets/:id', (req) => {
		const row = h.find('assets', req.params.id);
		const b = req.body;
		const patch = pick(b, ['name', 'customer_id', 'asset_serial', 'policy_folder_id']);
		if (patch.name !== undefined && String(patch.name).trim() === '') throw h.errors.invalidMessages(["Name can't be blank"]);
		if (b.asset_type_id !== undefined || b.asset_type_name !== undefined) patch.asset_type = typeOf(b, row).name;
		if (b.properties && typeof b.properties === 'object') patch.properties = { ...row.properties, ...b.properties };
		if (patch.policy_folder_id !== undefined && patch.policy_folder_id !== null) {
			const folder = h.db.table('policy_folders').get(patch.policy_folder_id);
			if (!folder || folder.customer_id !== (patch.customer_id ?? row.customer_id)) throw h.errors.invalidMessages(['Policy folder must belong to the asset customer']);
		}
		return { asset: present(h, assets().update(row.id, patch)) };
	});

	router.on('GET', '/customer_assets/:id/patches', (req) => {
		const row = mustFind(req.params.id);
		const patches = h.db.table('asset_patches').filter((/** @type {any} */ p) => p.asset_id === row.id);
		const strip = (/** @type {any} */ p) => { const { asset_id: _a, id: _i, created_at: _c, updated_at: _u, ...rest } = p; return rest; };
		const available = patches.filter((/** @type {any} */ p) => p.status !== 'Recently Installed').map(strip);
		return {
			installed_patches: patches.filter((/** @type {any} */ p) => p.status === 'Recently Installed').map(strip),
			available_patches: available,
			available_patches_meta: { page: 1, per_page: 50, total_pages: available.length > 0 ? 1 : 0, total_entries: available.length },
		};
	});

	router.on('GET', '/customer_assets/:id/installed_applications', (req) => {
		const row = mustFind(req.params.id);
		const perPage = Math.min(100, Math.max(1, Number(req.query.per_page) || h.pageSize('installed_applications', 25)));
		const rows = h.db.table('installed_applications').filter((/** @type {any} */ a) => a.asset_id === row.id)
			.sort((/** @type {any} */ a, /** @type {any} */ b) => String(a.name).localeCompare(String(b.name)));
		return h.pageOf(rows, req.query, { key: 'installed_applications', pageSize: perPage, meta: 'full' });
	});
}

const MODELS = [['Dell', 'OptiPlex 7010'], ['HP', 'EliteBook 840 G9'], ['Lenovo', 'ThinkPad T14'], ['Dell', 'Latitude 5440']];

/** Workstations for most customers, a firewall and a printer here and there, patches and software on a few. */
function seed(/** @type {import('../store').Store} */ db) {
	const assets = db.table('assets');
	const customers = db.table('customers').filter((/** @type {any} */ c) => !c.disabled);
	let id = 7001;
	customers.forEach((c, ci) => {
		const prefix = String(c.business_name).replace(/[^A-Za-z]/g, '').slice(0, 4).toUpperCase();
		const count = ci === 0 ? 24 : 2;
		for (let n = 0; n < count; n++) {
			const [make, model] = MODELS[(ci + n) % MODELS.length];
			const serial = `${make.slice(0, 2).toUpperCase()}${String(ci).padStart(2, '0')}${String(n).padStart(4, '0')}X`;
			assets.insert({
				id: id++, name: `${prefix}-WS${String(n + 1).padStart(2, '0')}`, customer_id: c.id,
				contact_id: n < (ci === 0 ? 3 : 1) ? 3001 + (c.id - 2001) * 10 : null,
				asset_type: 'Syncro Device', asset_serial: serial, snmp_enabled: false, policy_folder_id: null, has_live_chat: false,
				properties: { 'Warranty Expires': `2027-0${(n % 9) + 1}-15`, manufacturer: make, model, os: 'Microsoft Windows 11 Pro', ram: 'size:16 GB' },
				rmm_store: {
					triggers: { agent_offline_triggered: 'false', low_hd_space_triggered: 'false', bsod_triggered: 'false' },
					windows_updates: { windows_update: 'wu_on', wu_available: null },
					general: { info: { last_user: `${prefix}\\${String(c.firstname).toLowerCase()}`, general: { manufacturer: make, model, serial_number: serial } } },
				},
			});
		}
	});
	const first = customers[0];
	assets.insert({ id: 7901, name: 'NWD-FW01', customer_id: first.id, contact_id: null, asset_type: 'Firewall', asset_serial: 'FGT60F0000123', snmp_enabled: true, policy_folder_id: null, has_live_chat: false, properties: { Firmware: 'FortiOS 7.2.8' }, rmm_store: null });
	assets.insert({ id: 7902, name: 'NWD-PRN-2F', customer_id: first.id, contact_id: null, asset_type: 'Printer', asset_serial: 'VNB3K12345', snmp_enabled: true, policy_folder_id: null, has_live_chat: false, properties: {}, rmm_store: null });
	assets.insert({ id: 7903, name: 'CLL-FW01', customer_id: customers[1].id, contact_id: null, asset_type: 'Firewall', asset_serial: 'SN-SG-99881', snmp_enabled: true, policy_folder_id: null, has_live_chat: false, properties: { Firmware: 'SonicOS 7.0.1' }, rmm_store: null });

	const patches = db.table('asset_patches');
	patches.insert({ asset_id: 7001, kb: 'KB5034441', title: '2024-01 Security Update for Windows 11', category: 'Security Updates', status: 'Recently Installed', installed_at: '2026-09-12T14:30:00.000Z' });
	patches.insert({ asset_id: 7001, kb: 'KB5041585', title: '2026-09 Cumulative Update for Windows 11 Version 23H2', category: 'Critical Updates', status: 'Missing Patches', evaluated_at: '2026-10-02T10:30:00.000Z' });
	patches.insert({ asset_id: 7001, kb: 'KB890830', title: 'Windows Malicious Software Removal Tool x64', category: 'Update Rollups', status: 'Failed Patches', attempted_installation: '2026-10-01T03:00:00.000Z' });

	const apps = db.table('installed_applications');
	const software = [['7-Zip 24.08', 'Igor Pavlov', '24.08'], ['Adobe Acrobat Reader', 'Adobe', '24.003'], ['Google Chrome', 'Google LLC', '129.0.6668'],
		['Microsoft 365 Apps for business', 'Microsoft Corporation', '16.0.17928'], ['Microsoft Edge', 'Microsoft Corporation', '129.0.2792'],
		['Microsoft Teams', 'Microsoft Corporation', '24215.1007'], ['Mozilla Firefox', 'Mozilla', '131.0'], ['Notepad++', 'Notepad++ Team', '8.6.9'],
		['Splashtop Streamer', 'Splashtop Inc.', '3.7.2'], ['Syncro', 'Servably, Inc.', '1.0.190'], ['VLC media player', 'VideoLAN', '3.0.21'],
		['Zoom Workplace', 'Zoom Video Communications', '6.2.3'], ['Dentrix G7', 'Henry Schein One', '7.0.2']];
	for (const [name, vendor, version] of software) apps.insert({ asset_id: 7001, name, vendor, version, installed_at: '2026-03-04T09:00:00.000Z' });
	apps.insert({ asset_id: 7002, name: 'Google Chrome', vendor: 'Google LLC', version: '129.0.6668', installed_at: '2026-03-04T09:00:00.000Z' });
}

module.exports = { register, seed, SAVED_ASSET_SEARCHES };
