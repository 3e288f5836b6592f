import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { body, type BuiltRequest, type OperationDef, recordId, type ResourceDef, toRecords } from '../core';
import { invalidValueError, syncroRequest } from '../transport';

/**
 * Named hook: builds Syncro's schedule body (one-time runs only: `freq: "once"`), nests the runtime
 * variables under `script_options`, and refuses a later run without a time before anything is sent.
 */
async function runScript(
	ctx: IExecuteFunctions,
	op: OperationDef,
	itemIndex: number,
	request: BuiltRequest,
): Promise<IDataObject[]> {
	const { runtime_variables: variables, ...fields } = request.body ?? {};
	if (fields.run_type === 'later' && !fields.next_time) {
		throw invalidValueError(
			ctx.getNode(),
			`Missing "Run At" in item ${itemIndex + 1}: a script run "Later" needs the time to run it`,
			{
				itemIndex,
				description: 'Set Run At (ISO 8601, e.g. 2026-04-01T02:00:00Z), or choose Now.',
			},
		);
	}
	if (fields.run_type === 'now') delete fields.next_time;
	const payload: IDataObject = { ...fields, freq: 'once' };
	if (variables && typeof variables === 'object' && Object.keys(variables as IDataObject).length > 0) {
		payload.script_options = { runtime_variables: variables as IDataObject };
	}
	const answer = await syncroRequest(ctx, {
		method: 'POST',
		path: request.path,
		body: payload,
		permission: op.permission,
		itemIndex,
	});
	return toRecords(op, script, answer);
}

export const script: ResourceDef = {
	value: 'script',
	name: 'Script',
	description: 'Run an RMM script of the account on one asset (there is no API to list scripts or read their output)',
	operations: [
		{
			operation: 'run',
			name: 'Run',
			action: 'Run a script on an asset',
			description:
				'Run one RMM script on one asset now, or once at a set time. This executes code on a customer machine. The script ID comes from the script page in Syncro; the output only confirms scheduling, results stay in Syncro.',
			method: 'POST',
			path: '/rmm/public_scripts/{asset_id}/schedule',
			isNew: true,
			permission: 'Scripts - Execute',
			run: runScript,
			setByHook: ['freq', 'script_options'],
			fields: [
				recordId('asset', 'assetId', 'Asset', 'asset_id'),
				body.id('script_id', undefined, {
					displayName: 'Script ID',
					required: true,
					description: 'ID of the script (from its page in Syncro)',
				}),
				body.options(
					'run_type',
					[
						{ name: 'Now', value: 'now', description: 'Run as soon as the agent checks in' },
						{ name: 'Later', value: 'later', description: 'Run once at Run At' },
					],
					{ required: true, default: 'now' },
				),
				body.dateTime('next_time', {
					displayName: 'Run At',
					topLevel: true,
					description: 'When to run it (needed for Later)',
				}),
				body.customFields('runtime_variables', {
					displayName: 'Runtime Variables',
					description: 'Values for the script variables, by variable name',
				}),
				body.string('run_as', { description: 'Run-as option as offered in Syncro, e.g. system or logged-in user' }),
				body.json('mav_options', {
					displayName: 'MAV Options (JSON)',
					description: 'Malwarebytes scan options, passed through',
				}),
			],
		},
	],
};
