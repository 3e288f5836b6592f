import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeApiError, NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import {
	itemConcurrency,
	mapBounded,
	noRecordsResult,
	readRequestOptions,
	runOperation,
	runsAsTool,
	simplifyRecords,
	toolErrorResult,
	type OperationDef,
	type RequestOptions,
	type ResourceDef,
} from './core';
import { properties } from './description.generated';
import { listSearch } from './methods/listSearch';
import { loadOptions } from './methods/loadOptions';
import { findOperation } from './resources';
import {
	bindRequestSlots,
	cancelledError,
	cancelSignal,
	errorCode,
	invalidValueError,
	RequestSlots,
} from './transport';

export class Syncro implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Syncro',
		name: 'syncro',
		icon: { light: 'file:../../icons/syncro.svg', dark: 'file:../../icons/syncro.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		// In n8n's node creator the Syncro Trigger's description stands for this node's entry (the two are merged);
		// this one shows for the "Syncro Tool" of AI agents.
		description:
			'Tickets, customers, invoices, assets and RMM alerts in Syncro (SyncroMSP): every action of the Syncro API',
		documentationUrl: 'https://github.com/n8n-nodes-syncro/n8n-nodes-syncro#the-syncro-node',
		defaults: { name: 'Syncro' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'syncroApi', required: true }],
		// Built from the operation table by `npm run describe` (scripts/describe.ts), not on every construction.
		// A copy of the list: n8n may add to a node's properties (its tool variant), never to the shared one.
		properties: [...properties],
	};

	methods = { loadOptions, listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		let plan: { resource: ResourceDef; op: OperationDef; options: RequestOptions };
		try {
			const resource = this.getNodeParameter('resource', 0) as string;
			const operation = this.getNodeParameter('operation', 0) as string;
			const found = findOperation(resource, operation);
			if (!found)
				throw invalidValueError(this.getNode(), `Unknown operation "${operation}" for resource "${resource}"`);
			plan = { ...found, options: readRequestOptions(this) };
		} catch (error) {
			if (!this.continueOnFail()) throw asNodeError(this, error, 0);
			return [items.map((_, itemIndex) => errorItem(asNodeError(this, error, itemIndex), itemIndex))];
		}

		// At most `parallelRequests` requests of this execution underway: pages, items and hooks alike.
		bindRequestSlots(this, new RequestSlots(plan.options.parallelRequests));
		const signal = cancelSignal(this);
		// As a tool, a failure is the model's result (core/tool.ts): every item runs.
		const asTool = runsAsTool(this);
		const outcomes = await mapBounded(
			items.length,
			itemConcurrency(plan.op, plan.options),
			async (itemIndex) => {
				const records = await simplifyRecords(
					this,
					plan.op,
					itemIndex,
					await runOperation(this, plan.resource, plan.op, itemIndex),
				);
				return records.length === 0 && asTool ? [noRecordsResult(plan.resource, plan.op)] : records;
			},
			{ stopOnError: !this.continueOnFail() && !asTool, signal },
		);

		// In input order: the first failure (lowest index) ends the node unless Continue On Fail is on.
		const output: INodeExecutionData[] = [];
		for (const [itemIndex, outcome] of outcomes.entries()) {
			if ('value' in outcome) {
				output.push(
					...this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(outcome.value), {
						itemData: { item: itemIndex },
					}),
				);
				continue;
			}
			const nodeError =
				'error' in outcome
					? asNodeError(this, outcome.error, itemIndex)
					: cancelledError(this.getNode(), { itemIndex });
			// As a tool, the model gets Syncro's message and what to change instead of a failed run.
			if (asTool && !signal?.aborted) {
				output.push({ json: toolErrorResult(nodeError), pairedItem: { item: itemIndex } });
				continue;
			}
			if (!this.continueOnFail()) throw nodeError;
			output.push(errorItem(nodeError, itemIndex));
		}
		return [output];
	}
}

/** n8n's own errors already name the item; anything else is wrapped so it does too. */
function asNodeError(ctx: IExecuteFunctions, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	return error instanceof NodeApiError || error instanceof NodeOperationError
		? error
		: new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
}

/**
 * The Continue On Fail item of a failed input item: `error` on it sends it down the error output when the node
 * has one; `code` says what kind of failure it is (transport/errors.ts, README > Troubleshooting), for an IF or
 * Switch node to route on.
 */
function errorItem(nodeError: NodeApiError | NodeOperationError, itemIndex: number): INodeExecutionData {
	return {
		json: {
			error: nodeError.message,
			code: errorCode(nodeError) ?? 'syncroError',
			description: nodeError.description ?? null,
		},
		error: nodeError,
		pairedItem: { item: itemIndex },
	};
}
