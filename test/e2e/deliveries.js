// @ts-check
'use strict';
/**
 * Webhook deliveries shaped like Syncro's Notification Center posts, about records of the simulator, so a
 * workflow started by one can act on the simulated tenant. The shape comes from the recorded delivery in
 * test/fixtures/webhooks/rmm-alert-created.json; only the identities are swapped for simulator records.
 */
const fs = require('node:fs');
const path = require('node:path');

const FIXTURE = path.resolve(__dirname, '..', 'fixtures', 'webhooks', 'rmm-alert-created.json');

/**
 * An "RMM Alert" delivery for a simulator alert (by default #9001, "Agent Offline Trigger").
 * @param {any} sim the simulator (its `db`) @param {number} [alertId]
 * @returns {{ text: string, html: string, link: string, attributes: Record<string, any> } | undefined}
 */
function rmmAlertDelivery(sim, alertId = 9001) {
	const alert = sim.db.table('rmm_alerts').get(alertId);
	const customer = alert && sim.db.table('customers').get(alert.customer_id);
	if (!alert || !customer) return undefined;
	const asset = alert.asset_id ? sim.db.table('assets').get(alert.asset_id) : undefined;
	/** @type {any} */
	let template = {};
	try {
		template = JSON.parse(fs.readFileSync(FIXTURE, 'utf8'));
	} catch {
		// no recorded delivery: the fields below are the whole delivery
	}
	const headline = `${alert.description}: ${alert.formatted_output}`;
	const client = `Client:  (Customer: ${customer.business_name ?? customer.fullname}).`;
	const { customer: _c, asset: _a, ...templateAttributes } = template.attributes ?? {};
	return {
		text: `RMM Alert\n${alert.computer_name}\n\n${client}\n\n${headline}`,
		html: `RMM Alert \n ${alert.computer_name} \n\n ${client}<br><br>${headline}`,
		link: `https://demo-msp.syncromsp.com/rmm_alerts/${alert.id}`,
		attributes: {
			...templateAttributes,
			id: alert.id,
			customer_id: customer.id,
			ticket_number: null,
			ticket_status: null,
			computer_name: alert.computer_name,
			properties: alert.properties,
			check_id: null,
			status: null,
			formatted_output: alert.formatted_output,
			description: alert.description,
			created_at: alert.created_at,
			updated_at: alert.updated_at,
			since_updated_at: alert.updated_at,
			customer: { ...(template.attributes?.customer ?? {}), ...customer },
			...(asset ? { asset: { id: asset.id, name: asset.name, customer_id: asset.customer_id, contact_id: asset.contact_id ?? null, properties: asset.properties ?? {} } } : {}),
		},
	};
}

module.exports = { rmmAlertDelivery };
