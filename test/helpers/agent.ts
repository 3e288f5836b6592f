/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code: runs under Node.js in this repository, never inside n8n */
/**
 * The Syncro node as an AI agent's tool, in-process: the tool variant n8n derives from `usableAsTool`, and two
 * stand-in agents that call it the two ways n8n does.
 *
 * - `test.toolCaller` asks n8n-core for its connected tools (`getInputConnectionData('ai_tool')`), which wraps
 *   the node with n8n's own createNodeAsTool (description, $fromAI schema), and invokes one: the path of
 *   n8n 1.x agents and of the MCP Server Trigger.
 * - `test.engineAgent` returns an engine request that makes n8n-core's WorkflowExecute run the tool node and
 *   hand its result back: the path of the AI Agent 3.x on n8n 2.x.
 */
import type { DynamicStructuredTool } from '@langchain/core/tools';
import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData, INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';
import * as path from 'node:path';

import { registerNodeType, runWorkflow, type SyncroCredentialData } from './harness';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Syncro } = require(path.resolve(__dirname, '../../dist/nodes/Syncro/Syncro.node.js'));

export const TOOL_TYPE = 'n8n-nodes-syncro.syncroTool';
const CALLER_TYPE = 'test.toolCaller';
const ENGINE_TYPE = 'test.engineAgent';

/**
 * The tool variant as n8n builds it at run time (packages/cli node-types.ts + convertNodeToAiTool): the node
 * object as prototype, its description renamed `<name>Tool` with one `ai_tool` output and no input. The Syncro
 * node declares its own `toolDescription`, so n8n adds no description fields of its own.
 */
export function toolVariant(): INodeType {
	const base = new Syncro() as INodeType;
	const description = base.description as INodeTypeDescription;
	if (!description.properties.some((p: INodeProperties) => p.name === 'toolDescription')) {
		throw new Error('the Syncro node has no toolDescription property: n8n would add its own');
	}
	return Object.create(base, {
		description: {
			value: { ...description, name: `${description.name}Tool`, displayName: `${description.displayName} Tool`, inputs: [], outputs: ['ai_tool'] },
		},
	}) as INodeType;
}

/** Calls the connected tools with n8n's createNodeAsTool: one output item per input item `{tool, args}`. */
class ToolCaller implements INodeType {
	description = {
		displayName: 'Tool caller',
		name: 'toolCaller',
		group: ['transform'],
		version: 1,
		description: 'Invokes connected tools',
		defaults: { name: 'Tool caller' },
		inputs: ['main', { type: 'ai_tool', displayName: 'Tools' }],
		outputs: ['main'],
		properties: [],
	} as unknown as INodeTypeDescription;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const tools = ((await this.getInputConnectionData('ai_tool' as never, 0)) as DynamicStructuredTool[]) ?? [];
		const out: INodeExecutionData[] = [];
		for (const [index, item] of this.getInputData().entries()) {
			const { tool: name, args } = item.json as { tool: string; args: IDataObject };
			const tool = tools.find((t) => t.name === name);
			if (!tool) throw new Error(`no tool ${name} (have ${tools.map((t) => t.name).join(', ')})`);
			let result: unknown;
			let thrown: string | undefined;
			try {
				result = await tool.invoke(args);
			} catch (error) {
				thrown = (error as Error).message;
			}
			const schema = (tool.schema as { shape?: Record<string, { description?: string }> }).shape ?? {};
			out.push({
				json: {
					name: tool.name,
					description: tool.description,
					arguments: Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, value.description ?? null])),
					result: typeof result === 'string' ? JSON.parse(result) : (result as IDataObject),
					thrown: thrown ?? null,
				},
				pairedItem: { item: index },
			});
		}
		return [out];
	}
}

/** Asks the engine to run the tool node with `args` (as Agent 3.x does), then outputs what the tool returned. */
class EngineAgent implements INodeType {
	description = {
		displayName: 'Engine agent',
		name: 'engineAgent',
		group: ['transform'],
		version: 1,
		description: 'Requests a tool run from the engine',
		defaults: { name: 'Engine agent' },
		inputs: ['main', { type: 'ai_tool', displayName: 'Tools' }],
		outputs: ['main'],
		properties: [],
	} as unknown as INodeTypeDescription;

	async execute(this: IExecuteFunctions, response?: { actionResponses?: Array<{ data: { data?: IDataObject; error?: { message: string } } }> }) {
		const { tool, args } = this.getInputData()[0].json as { tool: string; args: IDataObject };
		if (!response?.actionResponses?.length) {
			return {
				actions: [{ actionType: 'ExecutionNodeAction', nodeName: tool, input: args, type: 'ai_tool', id: 'call_1', metadata: { itemIndex: 0 } }],
				metadata: {},
			} as never;
		}
		const data = response.actionResponses[0].data;
		const items = ((data.data as IDataObject | undefined)?.ai_tool as Array<Array<{ json: IDataObject }>> | undefined)?.[0] ?? [];
		return [[{ json: { items: items.map((i) => i.json), error: data.error?.message ?? null } }]];
	}
}

let registered = false;
function register(): void {
	if (registered) return;
	registered = true;
	registerNodeType(TOOL_TYPE, toolVariant());
	registerNodeType(CALLER_TYPE, new ToolCaller());
	registerNodeType(ENGINE_TYPE, new EngineAgent());
}

export interface ToolNodeSpec {
	name: string;
	parameters: IDataObject;
}

function workflowWith(callerType: string, calls: IDataObject[], tools: ToolNodeSpec[]) {
	const nodes: INode[] = [
		{ id: 'items', name: 'Items', type: 'test.items', typeVersion: 1, position: [0, 0], parameters: { items: JSON.stringify(calls) } },
		{ id: 'agent', name: 'Agent', type: callerType, typeVersion: 1, position: [200, 0], parameters: {} },
		...tools.map((tool, index) => ({
			id: `tool${index}`,
			name: tool.name,
			type: TOOL_TYPE,
			typeVersion: 1,
			position: [200 + index * 100, 200] as [number, number],
			parameters: tool.parameters as INode['parameters'],
			credentials: { syncroApi: { id: 'cred-1', name: 'Syncro account' } },
		})),
	];
	const connections: IDataObject = { Items: { main: [[{ node: 'Agent', type: 'main', index: 0 }]] } };
	for (const tool of tools) connections[tool.name] = { ai_tool: [[{ node: 'Agent', type: 'ai_tool', index: 0 }]] };
	return { nodes, connections };
}

/** Invokes tools through n8n's createNodeAsTool; `calls` are `{tool, args}` (tool = the tool name, e.g. Create_ticket). */
export async function invokeTools(calls: Array<{ tool: string; args: IDataObject }>, tools: ToolNodeSpec[], credentials: SyncroCredentialData) {
	register();
	const { nodes, connections } = workflowWith(CALLER_TYPE, calls as unknown as IDataObject[], tools);
	return await runWorkflow(nodes, connections, credentials, { executionOrder: 'v1' });
}

/** Runs one tool node the way Agent 3.x has n8n 2.x run it (an engine request); `tool` is the node name. */
export async function runToolByEngine(tool: ToolNodeSpec, args: IDataObject, credentials: SyncroCredentialData) {
	register();
	const { nodes, connections } = workflowWith(ENGINE_TYPE, [{ tool: tool.name, args }], [tool]);
	return await runWorkflow(nodes, connections, credentials, { executionOrder: 'v1' });
}
