/**
 * The Syncro node as an AI agent's tool ("Syncro Tool", which n8n derives from `usableAsTool`).
 *
 * - Description: n8n describes a tool with its `toolDescription` parameter, and when that is empty with the
 *   operation's action plus " in Syncro". A node that declares its own `toolDescription` property keeps it (n8n
 *   then adds no description fields of its own), so every operation gets one, shown only for the tool
 *   (`@tool`), whose default says what the operation does, what it returns and which arguments it needs.
 * - Errors: when a tool node throws, n8n ends the agent's run (AI Agent 3.x, which has the workflow engine run
 *   its tools) or hands an MCP client a stack trace. As a tool, a failure becomes the tool's result instead:
 *   Syncro's message and what to change, so the model can correct its call.
 * - How the node knows: n8n names the tool variant of a node `<name>Tool` (`n8n-nodes-syncro.syncroTool`).
 */
import type { IDataObject, IExecuteFunctions, INodeProperties, NodeApiError, NodeOperationError } from 'n8n-workflow';

import { errorCode, humanise } from '../transport';
import { isTopLevel } from './layout';
import { isDelete } from './unwrap';
import type { OperationDef, ResourceDef } from './table';

/** Whether the node runs as an AI agent's tool (or an MCP server's). */
export function runsAsTool(ctx: IExecuteFunctions): boolean {
	return ctx.getNode().type.endsWith('Tool');
}

/** The record an operation returns, in words: "ticket", "line item", "RMM alert". */
function noun(resource: ResourceDef, op: OperationDef): string {
	const key = Array.isArray(op.unwrap) ? op.unwrap[0] : resource.wrapper;
	if (key) return humanise(key);
	return resource.name
		.split(' ')
		.map((word) => (/^[A-Z]{2,}$/.test(word) ? word : word.toLowerCase()))
		.join(' ');
}

/** "Returns …" for an operation, from the shape of its table entry. */
function returns(resource: ResourceDef, op: OperationDef): string {
	if (op.list) return `Returns a list of ${humanise(op.list.collectionKey)}`;
	if (isDelete(op)) return 'Returns deleted: true with the ID that was deleted';
	const what = noun(resource, op);
	if (op.operation === 'findOrCreate') return `Returns the ${what} found or created`;
	if (op.operation === 'create') return `Returns the created ${what}`;
	if (op.unwrap === false || (op.run && !Array.isArray(op.unwrap))) return "Returns Syncro's JSON answer unchanged";
	if (op.method === 'PUT' || op.method === 'PATCH') return `Returns the updated ${what}`;
	if (op.method === 'GET' || Array.isArray(op.unwrap)) return `Returns the ${what}`;
	return "Returns Syncro's confirmation";
}

/** The tool description of an operation: what it does, what it returns, the arguments it needs. */
export function toolDescription(resource: ResourceDef, op: OperationDef): string {
	const does = op.description.trim().replace(/\.$/, '');
	const needs = op.fields
		.filter(isTopLevel)
		.filter((f) => f.required || f.in === 'path')
		.map((f) => f.displayName.replace(/ Name or ID$/, ''));
	const extras = op.fields.find((f) => f.kind === 'extraParameters');
	return `${does}. ${returns(resource, op)}.${needs.length ? ` Needs: ${needs.join(', ')}.` : ''}${extras ? ` Other Syncro parameters: ${extras.displayName}.` : ''}`;
}

/** One `toolDescription` per operation, shown only in the tool variant, defaulting to `toolDescription()`. */
export function toolDescriptionProperties(resources: ResourceDef[]): INodeProperties[] {
	return resources.flatMap((resource) =>
		resource.operations.map(
			(op): INodeProperties => ({
				displayName: 'Description',
				name: 'toolDescription',
				type: 'string',
				default: toolDescription(resource, op),
				displayOptions: { show: { '@tool': [true], resource: [resource.value], operation: [op.operation] } },
			}),
		),
	);
}

/** What the model should change, by the error's code (transport/errors.ts), never by its wording. */
function whatToChange(error: NodeApiError | NodeOperationError): string {
	switch (errorCode(error)) {
		case 'refused':
			return 'Syncro refused these values: change the arguments the message names and call the tool again.';
		case 'notFound':
			return 'No Syncro record has that ID: find the right ID first (for example with a search or list tool), then call again.';
		case 'unauthorized':
		case 'permission':
			return 'The Syncro API token may not do this: tell the user which permission is missing. Calling again will not help.';
		case 'rateLimited':
			return "Syncro's rate limit is reached: wait a minute before calling again.";
		case 'mayHaveApplied':
			return 'The request may have reached Syncro: check (for example by listing the records) before calling again, so nothing is created twice.';
		case 'invalidValue':
			return 'An argument is not valid: change the argument the message names and call the tool again.';
		default:
			return 'Syncro could not do this now: try again later, or tell the user.';
	}
}

/** The tool result for a failed call: Syncro's message and what to change. Never the key `error` (n8n retries on it). */
export function toolErrorResult(error: NodeApiError | NodeOperationError): IDataObject {
	return {
		failed: true,
		code: errorCode(error) ?? 'syncroError',
		message: error.message,
		whatToChange: whatToChange(error),
		...(error.description ? { details: String(error.description) } : {}),
	};
}

/** The tool result when an operation found nothing (n8n would hand the model an empty string). */
export function noRecordsResult(resource: ResourceDef, op: OperationDef): IDataObject {
	return {
		message: op.list
			? `No ${humanise(op.list.collectionKey)} matched.`
			: `Syncro returned nothing for ${op.name} ${resource.name}.`,
	};
}
