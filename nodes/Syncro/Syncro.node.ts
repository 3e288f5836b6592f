import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeApiError, NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { buildProperties } from './core/describe';
import { runOperation } from './core/execute';
import { simplifyProperties, simplifyRecords } from './core/simplify';
import { noRecordsResult, runsAsTool, toolDescriptionProperties, toolErrorResult } from './core/tool';
import { loadOptions } from './methods/loadOptions';
import { listSearch } from './methods/listSearch';
import { findOperation, RESOURCES } from './resources';

export class Syncro implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Syncro',
		name: 'syncro',
		icon: { light: 'file:../../icons/syncro.svg', dark: 'file:../../icons/syncro.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Work with Syncro (SyncroMSP) PSA and RMM: tickets, customers, contacts, assets, invoices, estimates, RMM alerts and the rest of the Syncro API',
		defaults: { name: 'Syncro' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'syncroApi', required: true }],
		// As an AI agent's tool: a description per operation first, the Simplify switch last (core/tool.ts, core/simplify.ts).
		properties: [...toolDescriptionProperties(RESOURCES), ...buildProperties(RESOURCES), ...simplifyProperties(RESOURCES)],
	};

	methods = { loadOptions, listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const output: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				const resource = this.getNodeParameter('resource', itemIndex) as string;
				const operation = this.getNodeParameter('operation', itemIndex) as string;
				const found = findOperation(resource, operation);
				if (!found) {
					throw new NodeOperationError(this.getNode(), `Unknown operation "${operation}" for resource "${resource}"`, { itemIndex });
				}
				let records = await simplifyRecords(this, found.op, itemIndex, await runOperation(this, found.resource, found.op, itemIndex));
				if (records.length === 0 && runsAsTool(this)) records = [noRecordsResult(found.resource, found.op)];
				output.push(
					...this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(records), { itemData: { item: itemIndex } }),
				);
			} catch (error) {
				// n8n's own errors already name the item; anything else is wrapped so it does too.
				const nodeError =
					error instanceof NodeApiError || error instanceof NodeOperationError
						? error
						: new NodeOperationError(this.getNode(), error as Error, { itemIndex });
				// As a tool, the model gets Syncro's message and what to change instead of a failed run.
				if (runsAsTool(this) && !this.getExecutionCancelSignal?.()?.aborted) {
					output.push({ json: toolErrorResult(nodeError), pairedItem: { item: itemIndex } });
					continue;
				}
				if (this.continueOnFail()) {
					// `error` on the item sends it down the error output when the node has one.
					output.push({
						json: { error: nodeError.message, description: nodeError.description ?? null },
						error: nodeError,
						pairedItem: { item: itemIndex },
					});
					continue;
				}
				throw nodeError;
			}
		}
		return [output];
	}
}
