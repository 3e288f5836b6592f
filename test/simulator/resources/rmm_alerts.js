// @ts-check
'use strict';
/**
 * /rmm_alerts: reduced meta {total_pages,page}, 25 per page, `status` active (default) | resolved | all,
 * single records as {"rmm_alert":{…}}, create answering 201 {"success":true,"alert":{…}}, mute with a required
 * `mute_for` from a fixed list (422 {"errors":{"mute_for":[…]}} otherwise), and DELETE that only resolves.
 */

const MUTE_PERIODS = ['1-hour', '1-day', '2-days', '1-week', '2-weeks', '1-month', 'forever'];
const MUTE_MS = { '1-hour': 3_600_000, '1-day': 86_400_000, '2-days': 172_800_000, '1-week': 604_800_000, '2-weeks': 1_209_600_000, '1-month': 2_592_000_000 };

/** @param {any} h @param {any} alert */
function present(h, alert) {
	const ticket = alert.ticket_id ? h.db.table('tickets').get(alert.ticket_id) : undefined;
	return { ...alert, ticket_number: ticket?.number ?? null, ticket_status: ticket?.status ?? null };
}

/** @param {import('../server').Router} router @param {any} h */
function register(router, h) {
	const alerts = () => h.db.table('rmm_alerts');

	router.on('GET', '/rmm_alerts', (req) => {
		const status = req.query.status ?? 'active';
		let rows = alerts().all();
		if (status === 'active') rows = rows.filter((/** @type {any} */ a) => !a.resolved);
		else if (status === 'resolved') rows = rows.filter((/** @type {any} */ a) => a.resolved);
		else if (status !== 'all') throw h.errors.invalidObject({ status: ['is not included in the list'] });
		rows.sort((/** @type {any} */ a, /** @type {any} */ b) => b.id - a.id);
		const envelope = h.pageOf(rows, req.query, { key: 'rmm_alerts', pageSize: h.pageSize('rmm_alerts', 25), meta: 'reduced' });
		envelope.rmm_alerts = envelope.rmm_alerts.map((/** @type {any} */ a) => present(h, a));
		return envelope;
	});

	router.on('GET', '/rmm_alerts/:id', (req) => ({ rmm_alert: present(h, h.find('rmm_alerts', req.params.id)) }));

	router.on('POST', '/rmm_alerts', (req) => {
		const b = req.body;
		if (!h.db.table('customers').get(b.customer_id)) throw h.errors.invalidObject({ customer: ['must exist'] });
		const asset = b.asset_id !== undefined ? h.db.table('assets').get(b.asset_id) : undefined;
		if (b.asset_id !== undefined && (!asset || asset.customer_id !== Number(b.customer_id))) throw h.errors.invalidObject({ asset: ['must belong to the customer'] });
		const properties = b.properties && typeof b.properties === 'object' ? b.properties : {};
		const alert = alerts().insert({
			account_id: 1, customer_id: Number(b.customer_id), asset_id: asset?.id ?? null, computer_name: asset?.name ?? null,
			description: b.description ?? null, formatted_output: b.formatted_output ?? null, properties, resolved: Boolean(b.resolved),
			status: b.status ?? null, check_id: null, ticket_id: null, muted_until: null,
		});
		return { __reply: true, status: 201, body: { success: true, alert } };
	});

	router.on('POST', '/rmm_alerts/:id/mute', (req) => {
		const alert = h.find('rmm_alerts', req.params.id);
		const period = req.query.mute_for;
		if (!period) throw h.errors.invalidObject({ mute_for: ["can't be blank"] });
		if (!MUTE_PERIODS.includes(period)) throw h.errors.invalidObject({ mute_for: [`is not included in the list (${MUTE_PERIODS.join(', ')})`] });
		const until = period === 'forever' ? 'forever' : new Date(Date.now() + MUTE_MS[/** @type {keyof MUTE_MS} */ (period)]).toISOString();
		alerts().update(alert.id, { muted_until: until });
		return { success: 'true' };
	});

	router.on('DELETE', '/rmm_alerts/:id', (req) => {
		const alert = h.find('rmm_alerts', req.params.id);
		alerts().update(alert.id, { resolved: true, status: 'resolved' });
		return { success: 'true' };
	});
}

const TRIGGERS = [
	['agent_offline_trigger', 'Agent Offline Trigger', 'Asset went offline at 2026-10-03 21:36:28 -0700 and is now past the threshold to alert.'],
	['Low Hd Space Trigger', 'Low Hd Space Trigger', 'C: has 4.1 GB free (3%).'],
	['Windows Update Trigger', 'Windows Update Trigger', '2 critical updates have been pending for more than 30 days.'],
	['Service Monitoring', 'Service Monitoring', 'Service "Spooler" is stopped.'],
	['Intel Rapid Storage Trigger', 'Intel Rapid Storage Trigger', 'RAID volume is degraded.'],
];

/** 30 alerts (more than a page), 20 active; #9001 has the shape of a real "agent offline" webhook delivery. */
function seed(/** @type {import('../store').Store} */ db) {
	const alerts = db.table('rmm_alerts');
	const devices = db.table('assets').filter((/** @type {any} */ a) => a.asset_type === 'Syncro Device');
	const base = Date.parse('2026-10-03T04:42:04.572Z');
	for (let i = 0; i < 30; i++) {
		const asset = devices[i % devices.length];
		const [trigger, description, output] = TRIGGERS[i % TRIGGERS.length];
		const at = new Date(base + i * 1_800_000).toISOString();
		alerts.insert({
			id: 9001 + i, account_id: 1, customer_id: asset.customer_id, asset_id: asset.id, computer_name: asset.name,
			properties: { trigger, description, formatted_output: output, device_id: 3100208 + i },
			resolved: i >= 20, check_id: null, status: i >= 20 ? 'resolved' : null, formatted_output: output, description,
			ticket_id: i === 1 ? 4002 : null, muted_until: null, created_at: at, updated_at: at,
		});
	}
}

module.exports = { register, seed, MUTE_PERIODS };
