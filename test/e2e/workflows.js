// @ts-check
'use strict';
/**
 * Workflows the real-n8n suites build themselves (a fan-out, a polling trigger that polls every 3 seconds,
 * a file attached to a purchase order); the shipped examples come from checks.js, the IDs from workflow-ids.js.
 */

/**
 * A workflow of `nodes` one after the other (each a node without id or position: they get `<id>-n1`, `<id>-n2`…
 * and a place 220 px to the right of the one before), each connected to the next.
 * @param {string} id @param {string} name @param {Array<Record<string, unknown> & { name: string }>} nodes
 */
function chain(id, name, nodes) {
	const placed = nodes.map((node, i) => ({ ...node, id: `${id}-n${i + 1}`, position: [i * 220, 300] }));
	/** @type {Record<string, unknown>} */
	const connections = {};
	for (let i = 0; i < placed.length - 1; i++) connections[placed[i].name] = { main: [[{ node: placed[i + 1].name, type: 'main', index: 0 }]] };
	return { id, name, active: false, settings: { executionOrder: 'v1' }, pinData: {}, nodes: placed, connections };
}

/**
 * A manually started workflow: n8n's Manual Trigger, then `steps` one after the other (see chain()).
 * @param {string} id @param {string} name @param {Array<Record<string, unknown> & { name: string }>} steps
 */
function manualChain(id, name, steps) {
	return chain(id, name, [{ parameters: {}, name: "When clicking 'Execute workflow'", type: 'n8n-nodes-base.manualTrigger', typeVersion: 1 }, ...steps]);
}

/**
 * Fan-out: `count` items, one Get Ticket request each (ticket IDs taken in turn from `ticketIds`), then one
 * summary item.
 * @param {string} id @param {string} name @param {{id: string, name: string}} credential @param {number} count @param {number[]} ticketIds
 */
function fanOutWorkflow(id, name, credential, count, ticketIds) {
	return manualChain(id, name, [
		{
			parameters: { jsCode: `const ids = ${JSON.stringify(ticketIds)};\nreturn Array.from({ length: ${count} }, (_, i) => ({ json: { id: ids[i % ids.length], n: i } }));` },
			name: 'Ticket IDs',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
		},
		{
			parameters: { resource: 'ticket', operation: 'get', ticketId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } },
			name: 'Get ticket',
			type: 'n8n-nodes-syncro.syncro',
			typeVersion: 1,
			credentials: { syncroApi: { ...credential } },
		},
		{
			parameters: { jsCode: 'const rows = $input.all().map((i) => i.json);\nreturn [{ json: { tickets: rows.length, ids: rows.map((r) => r.id) } }];' },
			name: 'Count',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
		},
	]);
}

/**
 * The Syncro Polling Trigger on "New Ticket", polling every `everySeconds` seconds, then a No-Op.
 * n8n allows no poll interval under a minute: 2.41 refuses any cron whose seconds field is not one fixed second
 * ("The polling interval is too short"; 2.8 and 1.x refuse only a `*` there). So each poll of the minute is a
 * poll time of its own, each a cron at one fixed second: every version accepts that.
 * @param {string} id @param {string} name @param {{id: string, name: string}} credential @param {number} everySeconds
 */
function pollingWorkflow(id, name, credential, everySeconds) {
	const seconds = Array.from({ length: Math.ceil(60 / everySeconds) }, (_, i) => i * everySeconds).filter((s) => s < 60);
	return chain(id, name, [
		{
			parameters: {
				pollTimes: { item: seconds.map((second) => ({ mode: 'custom', cronExpression: `${second} * * * * *` })) },
				event: 'ticketCreated',
				options: {},
			},
			name: 'Syncro Polling Trigger',
			type: 'n8n-nodes-syncro.syncroPollingTrigger',
			typeVersion: 1,
			credentials: { syncroApi: { ...credential } },
		},
		{ parameters: {}, name: 'Received', type: 'n8n-nodes-base.noOp', typeVersion: 1 },
	]);
}

/**
 * A vendor quote made into a file by n8n's own Convert to File node (binary data as n8n stores it, in
 * whatever N8N_DEFAULT_BINARY_DATA_MODE says), then Purchase Order > Add Attachment on purchase order
 * `purchaseOrderId`.
 * @param {string} id @param {string} name @param {{id: string, name: string}} credential @param {number} purchaseOrderId @param {string} csv
 */
function attachmentWorkflow(id, name, credential, purchaseOrderId, csv) {
	return manualChain(id, name, [
		{ parameters: { jsCode: `return [{ json: { quote: ${JSON.stringify(csv)} } }];` }, name: 'Vendor quote', type: 'n8n-nodes-base.code', typeVersion: 2 },
		{
			parameters: { operation: 'toText', sourceProperty: 'quote', binaryPropertyName: 'data', options: { fileName: 'vendor-quote.csv' } },
			name: 'Quote file',
			type: 'n8n-nodes-base.convertToFile',
			typeVersion: 1.1,
		},
		{
			parameters: { resource: 'purchaseOrder', operation: 'addAttachment', purchaseOrderId, binary_property: 'data', additionalFields: { name: 'Vendor quote' } },
			name: 'Attach to purchase order',
			type: 'n8n-nodes-syncro.syncro',
			typeVersion: 1,
			credentials: { syncroApi: { ...credential } },
		},
	]);
}

/**
 * What a person's own Syncro script sends, in the named operations: a time entry with Extra Body Fields (one
 * value from an expression, others as JSON), then the customer's invoices with the Customer filter and Extra
 * Query Parameters (a text and a JSON list).
 * @param {string} id @param {string} name @param {{id: string, name: string}} credential @param {number} ticketId @param {number} customerId
 */
function extraParametersWorkflow(id, name, credential, ticketId, customerId) {
	return manualChain(id, name, [
		{ parameters: { jsCode: 'return [{ json: { warranty: true } }];' }, name: 'Script input', type: 'n8n-nodes-base.code', typeVersion: 2 },
		{
			parameters: {
				resource: 'ticket',
				operation: 'addTimerEntry',
				ticketId: { __rl: true, mode: 'id', value: String(ticketId) },
				start_at: '2026-11-20T09:00:00Z',
				additionalFields: {
					duration_minutes: 30,
					extraBodyFields: {
						parameter: [
							{ name: 'billable_override', value: '={{ !$json.warranty }}' },
							{ name: 'hidden', value: 'true', type: 'json' },
							{ name: 'tags', value: '["warranty", 2]', type: 'json' },
						],
					},
				},
			},
			name: 'Log warranty time',
			type: 'n8n-nodes-syncro.syncro',
			typeVersion: 1,
			credentials: { syncroApi: { ...credential } },
		},
		{
			parameters: {
				resource: 'invoice',
				operation: 'getAll',
				returnAll: true,
				filters: {
					customer_id: { __rl: true, mode: 'id', value: String(customerId) },
					extraQueryParameters: { parameter: [{ name: 'status', value: 'paid' }, { name: 'statuses', value: '["paid", "sent"]', type: 'json' }] },
				},
			},
			name: 'Invoices of the customer',
			type: 'n8n-nodes-syncro.syncro',
			typeVersion: 1,
			credentials: { syncroApi: { ...credential } },
		},
	]);
}

module.exports = { attachmentWorkflow, extraParametersWorkflow, fanOutWorkflow, pollingWorkflow };
