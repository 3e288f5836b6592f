// @ts-check
'use strict';
/**
 * /contracts: flat objects, full meta, 50 per page, no customer filter, 422 {"record":{…},"errors":"Customer can't be blank"},
 * and a soft DELETE after which GET answers `null`.
 */

const CONTRACT_FIELDS = ['customer_id', 'name', 'contract_amount', 'description', 'start_date', 'end_date', 'primary_contact', 'status', 'likelihood', 'apply_to_all', 'sla_id'];

function pick(/** @type {any} */ body, /** @type {string[]} */ keys) {
	/** @type {Record<string, any>} */
	const out = {};
	for (const k of keys) if (body[k] !== undefined) out[k] = body[k];
	return out;
}

/** @param {import('../server').Router} router @param {any} h */
function register(router, h) {
	const contracts = () => h.db.table('contracts');
	const visible = (/** @type {any} */ c) => !c.deleted_at;
	const strip = (/** @type {any} */ c) => { const { deleted_at: _d, ...rest } = c; return rest; };

	const check = (/** @type {any} */ merged) => {
		const blank = merged.customer_id === undefined || merged.customer_id === null || merged.customer_id === '' || !h.db.table('customers').get(merged.customer_id);
		if (blank) {
			throw h.errors.invalidString("Customer can't be blank", {
				id: merged.id ?? null, account_id: 1, customer_id: null, name: null, contract_amount: null, start_date: null, end_date: null, primary_contact: null,
				description: null, created_at: null, updated_at: null, status: 'Opportunity', likelihood: 0, apply_to_all: false, sla_id: null, ...strip(merged),
			});
		}
	};

	router.on('GET', '/contracts', (req) => {
		const rows = contracts().filter(visible).sort((/** @type {any} */ a, /** @type {any} */ b) => a.id - b.id).map(strip);
		return h.pageOf(rows, req.query, { key: 'contracts', pageSize: h.pageSize('contracts', 50), meta: 'full' });
	});

	router.on('GET', '/contracts/:id', (req) => {
		const row = h.find('contracts', req.params.id);
		return visible(row) ? strip(row) : null;
	});

	router.on('POST', '/contracts', (req) => {
		const data = pick(req.body, CONTRACT_FIELDS);
		check(data);
		return strip(contracts().insert({ account_id: 1, name: null, contract_amount: null, description: null, start_date: null, end_date: null,
			primary_contact: null, status: 'Opportunity', likelihood: 0, apply_to_all: false, sla_id: null, deleted_at: null, ...data }));
	});

	router.on('PUT', '/contracts/:id', (req) => {
		const row = h.find('contracts', req.params.id);
		if (!visible(row)) throw h.errors.notFound();
		const patch = pick(req.body, CONTRACT_FIELDS);
		check({ ...row, ...patch });
		return strip(contracts().update(row.id, patch));
	});

	router.on('DELETE', '/contracts/:id', (req) => {
		const row = h.find('contracts', req.params.id);
		if (!visible(row)) throw h.errors.notFound();
		contracts().update(row.id, { deleted_at: h.now() });
		return { __reply: true, status: 200, body: undefined };
	});
}

/** Managed-services contracts of six customers. */
function seed(/** @type {import('../store').Store} */ db) {
	const contracts = db.table('contracts');
	const tiers = [['Managed Services - Gold', '4,800/mo', 'Active'], ['Managed Services - Silver', '2,400/mo', 'Active'], ['Break/Fix Block Hours', '20h', 'Active']];
	for (let i = 0; i < 6; i++) {
		const [name, amount, status] = tiers[i % tiers.length];
		contracts.insert({
			id: 5301 + i, account_id: 1, customer_id: 2001 + i, name, contract_amount: amount, description: `${name} for customer ${2001 + i}`,
			start_date: '2026-01-01T00:00:00.000Z', end_date: '2026-12-31T00:00:00.000Z', primary_contact: null, status, likelihood: 100,
			apply_to_all: i % 2 === 0, sla_id: i % 2 === 0 ? 1 : null, deleted_at: null,
		});
	}
}

module.exports = { register, seed };
