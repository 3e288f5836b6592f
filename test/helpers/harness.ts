/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code: runs under Node.js in this repository, never inside n8n */
/**
 * In-process n8n: runs real workflows with n8n-core's WorkflowExecute against the Syncro simulator.
 * The nodes under test are loaded from dist/ (what the package ships), credentials are served from memory,
 * and generic `authenticate` blocks are applied the way n8n does (expressions resolved with $credentials).
 */
import { Container } from '@n8n/di';
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialsHelper,
	ICredentialType,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypes,
	IRun,
	IVersionedNodeType,
	IWorkflowExecuteAdditionalData,
	Workflow as WorkflowType,
} from 'n8n-workflow';
import { createRunExecutionData, NodeHelpers, Workflow } from 'n8n-workflow';
import * as path from 'node:path';

const DIST = path.resolve(__dirname, '../../dist');

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Syncro } = require(path.join(DIST, 'nodes/Syncro/Syncro.node.js'));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { SyncroApi } = require(path.join(DIST, 'credentials/SyncroApi.credentials.js'));

export const SYNCRO_TYPE = 'n8n-nodes-syncro.syncro';
export const ITEMS_TYPE = 'test.items';

/** A source node: outputs the items given in its `items` parameter (JSON array). */
class ItemsNode implements INodeType {
	description = {
		displayName: 'Items',
		name: 'items',
		group: ['input'],
		version: 1,
		description: 'Test source',
		defaults: { name: 'Items' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[]' }] as INodeProperties[],
	} as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const raw = this.getNodeParameter('items', 0) as string | IDataObject[];
		const items = typeof raw === 'string' ? (JSON.parse(raw) as IDataObject[]) : raw;
		// `$binary: {data: <base64>, fileName, mimeType}` on an item becomes its binary property "data".
		return [
			items.map(({ $binary, ...json }) =>
				$binary ? { json, binary: { data: { ...($binary as IDataObject), data: String(($binary as IDataObject).data) } as never } } : { json },
			),
		];
	}
}

const extraTypes = new Map<string, INodeType | IVersionedNodeType>();

/** Registers another node type (the trigger nodes, test doubles). */
export function registerNodeType(name: string, type: INodeType | IVersionedNodeType): void {
	extraTypes.set(name, type);
}

const nodeTypes: INodeTypes = {
	getByName(name: string) {
		return lookup(name);
	},
	getByNameAndVersion(name: string, version?: number) {
		return NodeHelpers.getVersionedNodeType(lookup(name), version);
	},
	getKnownTypes() {
		return {};
	},
};

const syncroNode = new Syncro() as INodeType;
const itemsNode = new ItemsNode();

function lookup(name: string): INodeType | IVersionedNodeType {
	if (name === SYNCRO_TYPE) return syncroNode;
	if (name === ITEMS_TYPE) return itemsNode;
	const extra = extraTypes.get(name);
	if (extra) return extra;
	throw new Error(`Unknown node type ${name}`);
}

export interface SyncroCredentialData extends ICredentialDataDecryptedObject {
	subdomain: string;
	apiToken: string;
	baseUrl: string;
	requestsPerMinute: number;
	timeoutSeconds: number;
	rateLimitWindowMs: number;
}

export const credentialType = new SyncroApi() as ICredentialType;

/** Serves credentials from memory and applies the credential's generic `authenticate` block. */
export class MemoryCredentialsHelper implements ICredentialsHelper {
	constructor(public data: Record<string, ICredentialDataDecryptedObject>) {}

	getParentTypes(): string[] {
		return [];
	}

	async authenticate(credentials: ICredentialDataDecryptedObject, typeName: string, requestOptions: IHttpRequestOptions, workflow: WorkflowType, node: INode): Promise<IHttpRequestOptions> {
		if (typeName !== credentialType.name) return requestOptions;
		const auth = credentialType.authenticate;
		if (!auth || typeof auth === 'function') return requestOptions;
		const headers = { ...(requestOptions.headers ?? {}) } as IDataObject;
		for (const [key, value] of Object.entries(auth.properties.headers ?? {})) {
			headers[key] = workflow.expression.getParameterValue(value as string, null, 0, 0, node.name, [], 'internal', { $credentials: credentials }) as string;
		}
		return { ...requestOptions, headers };
	}

	async preAuthentication(): Promise<undefined> {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('not used');
	}

	async getDecrypted(_additionalData: IWorkflowExecuteAdditionalData, nodeCredentials: INodeCredentialsDetails, type: string): Promise<ICredentialDataDecryptedObject> {
		const data = this.data[type];
		if (!data) throw new Error(`No test credentials of type ${type} (${nodeCredentials.name})`);
		return data;
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(): INodeProperties[] {
		return credentialType.properties;
	}
}

export function syncroCredentials(baseUrl: string, token: string, overrides: Partial<SyncroCredentialData> = {}): SyncroCredentialData {
	return {
		subdomain: 'demo-msp',
		apiToken: token,
		baseUrl,
		requestsPerMinute: 100_000,
		timeoutSeconds: 10,
		rateLimitWindowMs: 60_000,
		...overrides,
	};
}

export interface WorkflowNodeSpec {
	name: string;
	type?: string;
	parameters: IDataObject;
	continueOnFail?: boolean;
	/** 'continueErrorOutput': failed items go to a second output (read it with output(name, 1)). */
	onError?: 'continueRegularOutput' | 'continueErrorOutput';
	alwaysOutputData?: boolean;
	/** The node's credentials by type (default: the Syncro API credential). */
	credentials?: INode['credentials'];
}

export interface RunResult {
	run: IRun;
	/** Output items of a node, by name (first output unless told, last run). */
	output(nodeName: string, outputIndex?: number): INodeExecutionData[];
	/** The error of the run, if it failed. */
	error: (Error & { description?: string; httpCode?: string; context?: IDataObject }) | undefined;
	logs: Array<{ level: string; message: string; meta?: unknown }>;
}

/**
 * Runs Items -> node1 -> node2 … with the given credentials and returns every node's output. `otherCredentials`
 * serves the data of other credential types, by type name (a node of another package).
 */
export async function runChain(
	items: IDataObject[],
	chain: WorkflowNodeSpec[],
	credentials: SyncroCredentialData,
	otherCredentials: Record<string, ICredentialDataDecryptedObject> = {},
): Promise<RunResult> {
	const nodes: INode[] = [
		{ id: 'items', name: 'Items', type: ITEMS_TYPE, typeVersion: 1, position: [0, 0], parameters: { items: JSON.stringify(items) } },
		...chain.map((spec, index) => ({
			id: `n${index}`,
			name: spec.name,
			type: spec.type ?? SYNCRO_TYPE,
			typeVersion: 1,
			position: [(index + 1) * 200, 0] as [number, number],
			parameters: spec.parameters as INode['parameters'],
			credentials: spec.credentials ?? { syncroApi: { id: 'cred-1', name: 'Syncro account' } },
			...(spec.continueOnFail ? { onError: 'continueRegularOutput' as const, continueOnFail: true } : {}),
			...(spec.onError ? { onError: spec.onError } : {}),
			...(spec.alwaysOutputData ? { alwaysOutputData: true } : {}),
		})),
	];
	const connections: IDataObject = {};
	const names = nodes.map((n) => n.name);
	for (let i = 0; i < names.length - 1; i++) {
		connections[names[i]] = { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] };
	}
	return await runWorkflow(nodes, connections, credentials, {}, otherCredentials);
}

/**
 * What n8n-core needs to execute nodes in-process, with the given Syncro credentials (none: a node without
 * credentials). `origin` sets the instance and webhook URLs; `extra` adds fields (e.g. the HTTP request and
 * response of a webhook call).
 */
export function makeAdditionalData(
	credentials: SyncroCredentialData | undefined,
	options: { hooks?: ExecutionLifecycleHooks; origin?: string; extra?: IDataObject; otherCredentials?: Record<string, ICredentialDataDecryptedObject> } = {},
): IWorkflowExecuteAdditionalData {
	const origin = options.origin ?? 'http://localhost';
	return {
		credentialsHelper: new MemoryCredentialsHelper({ ...options.otherCredentials, ...(credentials ? { syncroApi: credentials } : {}) }),
		hooks: options.hooks,
		executeWorkflow: async () => {
			throw new Error('not supported in tests');
		},
		getRunExecutionData: async () => undefined,
		currentNodeExecutionIndex: 0,
		restApiUrl: `${origin}/rest`,
		instanceBaseUrl: `${origin}/`,
		formWaitingBaseUrl: `${origin}/form-waiting`,
		webhookBaseUrl: `${origin}/webhook`,
		webhookWaitingBaseUrl: `${origin}/webhook-waiting`,
		webhookTestBaseUrl: `${origin}/webhook-test`,
		variables: {},
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('not supported in tests');
		},
		...options.extra,
	} as unknown as IWorkflowExecuteAdditionalData;
}

/** `settings` are the workflow's (e.g. `{ executionOrder: 'v1' }`, what the editor saves since n8n 1.0). */
export async function runWorkflow(
	nodes: INode[],
	connections: IDataObject,
	credentials: SyncroCredentialData,
	settings: IDataObject = {},
	otherCredentials: Record<string, ICredentialDataDecryptedObject> = {},
): Promise<RunResult> {
	const workflow = new Workflow({
		id: 'wf-test',
		name: 'test',
		nodes,
		connections: connections as never,
		active: false,
		nodeTypes,
		settings,
	});
	const logs: RunResult['logs'] = [];
	const hooks = new ExecutionLifecycleHooks('manual', 'exec-1', { id: 'wf-test', name: 'test', nodes, connections, active: false, settings } as never);
	let finished: IRun | undefined;
	hooks.addHandler('workflowExecuteAfter', (fullRunData: IRun) => {
		finished = fullRunData;
	});
	const additionalData = makeAdditionalData(credentials, { hooks, otherCredentials });

	const runExecutionData = createRunExecutionData();
	const execute = new WorkflowExecute(additionalData, 'manual', runExecutionData);
	const startNode = workflow.getNode('Items') ?? undefined;
	const run = await execute.run({ workflow, startNode: startNode ?? undefined });
	const result = finished ?? run;
	return {
		run: result,
		output(nodeName: string, outputIndex = 0) {
			const runs = result.data.resultData.runData[nodeName];
			if (!runs || runs.length === 0) return [];
			return (runs[runs.length - 1].data?.main?.[outputIndex] ?? []) as INodeExecutionData[];
		},
		error: result.data.resultData.error as RunResult['error'],
		logs,
	};
}

/** Stops n8n-core's background services so jest can exit. */
export async function shutdownN8n(): Promise<void> {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { SSHClientsManager } = require('n8n-core/dist/execution-engine/ssh-clients-manager');
	try {
		(Container.get(SSHClientsManager) as { onShutdown(): void }).onShutdown();
	} catch {
		// not started
	}
}
