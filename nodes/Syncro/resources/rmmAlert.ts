import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { body, type BuiltRequest, type OperationDef, query, recordId, type ResourceDef, toRecords } from '../core';
import { syncroRequest } from '../transport';

const alertId = recordId(undefined, 'rmmAlertId', 'RMM Alert ID');

const MUTE_PERIODS = ['1-hour', '1-day', '2-days', '1-week', '2-weeks', '1-month', 'forever'];

/** Create fields that Syncro reads inside the alert's `properties` object. */
const PROPERTY_FIELDS = ['trigger', 'subject', 'body', 'hidden', 'sms_body', 'do_not_email', 'tech', 'skip_automation'];

/** Named hook: moves the property fields into `properties` (merged with any custom JSON) and creates the alert. */
async function createAlert(
	ctx: IExecuteFunctions,
	op: OperationDef,
	itemIndex: number,
	request: BuiltRequest,
): Promise<IDataObject[]> {
	const payload: IDataObject = {};
	const properties: IDataObject = {};
	for (const [key, value] of Object.entries(request.body ?? {})) {
		if (key === 'properties' && value && typeof value === 'object' && !Array.isArray(value))
			Object.assign(properties, value);
		else if (PROPERTY_FIELDS.includes(key)) properties[key] = value;
		else payload[key] = value;
	}
	if (properties.description === undefined && payload.description !== undefined)
		properties.description = payload.description;
	payload.properties = properties;
	const answer = await syncroRequest(ctx, {
		method: 'POST',
		path: op.path,
		body: payload,
		permission: op.permission,
		itemIndex,
	});
	return toRecords(op, rmmAlert, answer);
}

export const rmmAlert: ResourceDef = {
	value: 'rmmAlert',
	name: 'RMM Alert',
	description:
		'Monitoring alerts raised by the Syncro agent or by integrations (offline agent, low disk, failed services…)',
	aliases: ['Alert', 'Monitoring Alert'],
	wrapper: 'rmm_alert',
	operations: [
		{
			operation: 'getAll',
			simplify: 'rmmAlert',
			name: 'Get Many',
			action: 'Get many RMM alerts',
			description: 'List RMM alerts: active ones (the default), resolved ones, or all',
			method: 'GET',
			path: '/rmm_alerts',
			spec: 'GET /rmm_alerts',
			permission: 'RMM Alerts - List',
			list: { collectionKey: 'rmm_alerts' },
			fields: [
				query.options(
					'status',
					[
						{ name: 'Active', value: 'active', description: 'Alerts not resolved yet (Syncro default)' },
						{ name: 'Resolved', value: 'resolved' },
						{ name: 'All', value: 'all' },
					],
					{ topLevel: true, default: 'active' },
				),
			],
		},
		{
			operation: 'get',
			simplify: 'rmmAlert',
			name: 'Get',
			action: 'Get an RMM alert',
			description: 'Get one RMM alert',
			method: 'GET',
			path: '/rmm_alerts/{id}',
			spec: 'GET /rmm_alerts/{id}',
			permission: 'RMM Alerts - List',
			fields: [alertId],
		},
		{
			operation: 'create',
			simplify: 'rmmAlert',
			name: 'Create',
			action: 'Create an RMM alert',
			description:
				'Raise an RMM alert for a customer (and optionally one of its assets), e.g. from an external monitoring tool',
			method: 'POST',
			path: '/rmm_alerts',
			spec: 'POST /rmm_alerts',
			permission: 'RMM Alerts - Create',
			unwrap: ['alert', 'rmm_alert'],
			run: createAlert,
			fields: [
				body.id('customer_id', 'customer', { displayName: 'Customer', required: true }),
				body.string('description', { required: true, description: 'Alert title, e.g. "Low Hd Space Trigger"' }),
				body.id('asset_id', 'asset', { displayName: 'Asset', topLevel: true }),
				body.text('formatted_output', {
					displayName: 'Details',
					description: 'Details shown on the alert',
					beyondSpec:
						"Sent by davejlong/n8n-nodes-syncrormm and advenimus/syncromsp-mcp; advenimus's live test (docs/api-testing-results.md): not in the schema but accepted",
				}),
				body.string('status'),
				body.boolean('resolved', { description: 'Whether the alert is created already resolved' }),
				body.string('trigger', {
					description: 'Kind of alert, e.g. agent_offline_trigger or a monitor name (sent in properties)',
					beyondSpec:
						'Observed live: Syncro reads the kind of alert from properties.trigger (advenimus/syncromsp-mcp API quirks)',
				}),
				body.string('subject', {
					description: 'Subject of the ticket comment made by automation (sent in properties)',
				}),
				body.text('body', { description: 'Body of the ticket comment made by automation (sent in properties)' }),
				body.boolean('hidden', { description: 'Whether that comment is a private note (sent in properties)' }),
				body.boolean('do_not_email', {
					description: 'Whether to keep that comment from being emailed (sent in properties)',
				}),
				body.string('sms_body', { displayName: 'SMS Body', description: 'Sent in properties' }),
				body.string('tech', { description: 'Author name of that comment (sent in properties)' }),
				body.boolean('skip_automation', {
					description: 'Whether to skip the alert automations (auto-ticket, emails) (sent in properties)',
				}),
				body.json('properties', {
					displayName: 'More Properties (JSON)',
					description: 'Any other properties, merged with the fields above',
				}),
			],
		},
		{
			operation: 'mute',
			name: 'Mute',
			action: 'Mute an RMM alert',
			description: 'Silence an RMM alert for a period without resolving it',
			method: 'POST',
			path: '/rmm_alerts/{id}/mute',
			spec: 'POST /rmm_alerts/{id}/mute',
			permission: 'RMM Alerts - Clear/Manage',
			fields: [
				alertId,
				query.options('mute_for', MUTE_PERIODS, {
					displayName: 'Mute For',
					required: true,
					default: '1-day',
					description: 'How long to mute the alert; some tenants only accept "forever"',
				}),
			],
		},
		{
			operation: 'delete',
			name: 'Clear',
			action: 'Clear an RMM alert',
			description: 'Clear (resolve) an RMM alert; it stays readable with resolved true',
			method: 'DELETE',
			path: '/rmm_alerts/{id}',
			spec: 'DELETE /rmm_alerts/{id}',
			permission: 'RMM Alerts - Delete',
			deletes: false,
			fields: [alertId],
		},
	],
};
