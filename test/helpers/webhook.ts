/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code: runs under Node.js in this repository, never inside n8n */
/**
 * Runs the Syncro Trigger in-process the way n8n serves a webhook, over real HTTP on a loopback port:
 * - activation runs the node's webhookMethods (checkExists, then create) through n8n-core's HookContext;
 * - each request is parsed like n8n's body parser (application/json parsed, a parse error is a 422 that never
 *   reaches the node, text/plain kept as text, anything else as raw bytes), then handed to the node's
 *   webhook() through n8n-core's WebhookContext, with the real Node response object;
 * - n8n's answer rules follow (noWebhookResponse, webhookResponse, "Workflow was started"), and every
 *   workflowData the node returns is recorded as a started execution;
 * - like n8n, every call (and every activation step) works on a Workflow built afresh from the saved static
 *   data, which is saved again when the call ends: two calls that overlap do not see each other's changes.
 * API calls of the node (Fetch Full Record) go through n8n-core's request helpers with the credential's
 * Bearer header, to the Syncro simulator.
 */
import { HookContext, WebhookContext } from 'n8n-core';
import type {
	IDataObject,
	INode,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IVersionedNodeType,
	IWebhookData,
	IWebhookDescription,
	IWebhookResponseData,
	IWorkflowExecuteAdditionalData,
	WorkflowActivateMode,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';

import { makeAdditionalData, type SyncroCredentialData } from './harness';

const DIST = path.resolve(__dirname, '../../dist');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { SyncroTrigger } = require(path.join(DIST, 'nodes/SyncroTrigger/SyncroTrigger.node.js'));

export const TRIGGER_TYPE = 'n8n-nodes-syncro.syncroTrigger';
export const WEBHOOK_ID = '6b0f9c1e-3a7d-4e52-9f1b-2c8d5e7a4b10';
export const NODE_NAME = 'Syncro Trigger';
const PAYLOAD_SIZE_MAX = 16 * 1024 * 1024;
let harnessCount = 0;

export function singleNodeTypes(name: string, type: INodeType | IVersionedNodeType): INodeTypes {
	return {
		getByName: (n: string) => {
			if (n !== name) throw new Error(`Unknown node type ${n}`);
			return type;
		},
		getByNameAndVersion: (n: string, version?: number) => {
			if (n !== name) throw new Error(`Unknown node type ${n}`);
			return NodeHelpers.getVersionedNodeType(type, version);
		},
		getKnownTypes: () => ({}),
	};
}

export interface HttpAnswer {
	status: number;
	headers: http.IncomingHttpHeaders;
	text: string;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the answer's JSON, which the tests read loosely
	json: any;
}

export interface WebhookHarness {
	origin: string;
	productionUrl: string;
	testUrl: string;
	/** Every workflowData the node returned (one per started execution). */
	executions: INodeExecutionData[][][];
	/** Items of the last started execution. */
	lastItems(): IDataObject[];
	nodeStaticData(): IDataObject;
	/** Runs checkExists (and create when it answers false), as n8n does on activation. Returns whether create ran. */
	activate(activation?: WorkflowActivateMode): Promise<boolean>;
	deactivate(): Promise<void>;
	/** Opens the Test URL (as "Listen for test event" does). */
	listen(): void;
	setParameters(parameters: IDataObject): void;
	/** Reads the setup page and returns the URL for Syncro on it. */
	revealUrl(): Promise<string>;
	post(url: string, body: unknown, headers?: Record<string, string>): Promise<HttpAnswer>;
	get(url: string): Promise<HttpAnswer>;
	/** While held, webhook calls do not save their static data: as when n8n has not finished saving yet. */
	holdStaticDataSaves(hold: boolean): void;
	close(): Promise<void>;
}

export interface HarnessOptions {
	parameters: IDataObject;
	credentials?: SyncroCredentialData;
	webhookId?: string;
}

export async function startWebhookHarness(options: HarnessOptions): Promise<WebhookHarness> {
	const nodeType = new SyncroTrigger() as INodeType;
	const nodeTypes = singleNodeTypes(TRIGGER_TYPE, nodeType);
	const webhookId = options.webhookId ?? WEBHOOK_ID;
	const node: INode = {
		id: 'a1b2c3d4-0000-4000-8000-000000000001',
		name: NODE_NAME,
		type: TRIGGER_TYPE,
		typeVersion: 1.1,
		position: [0, 0],
		webhookId,
		parameters: options.parameters as INode['parameters'],
		credentials: { syncroApi: { id: 'cred-1', name: 'Syncro account' } },
	};
	const workflowId = `wf-trigger-${++harnessCount}`;
	let holdSaves = false;
	let saved: IDataObject = {};
	let active = false;
	let listening = false;
	const executions: INodeExecutionData[][][] = [];

	const clone = (value: unknown): IDataObject => JSON.parse(JSON.stringify(value ?? {})) as IDataObject;

	/** The workflow as n8n loads it for one call: from the database, with the saved static data. */
	function build(): Workflow {
		return new Workflow({
			id: workflowId,
			name: 'trigger test',
			nodes: [node],
			connections: {},
			active: true,
			nodeTypes,
			staticData: clone(saved),
			settings: {},
		});
	}

	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			handle(req, res, Buffer.concat(chunks)).catch((error: Error) => {
				if (!res.headersSent) {
					res.writeHead(500, { 'Content-Type': 'application/json' });
					res.end(JSON.stringify({ code: 0, message: 'Workflow could not be started!', error: error.message }));
				}
			});
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
	const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

	function additionalData(extra: IDataObject = {}): IWorkflowExecuteAdditionalData {
		return makeAdditionalData(options.credentials, { origin, extra });
	}

	function webhookData(description: IWebhookDescription, isTest: boolean, data: IWorkflowExecuteAdditionalData): IWebhookData {
		return {
			httpMethod: description.httpMethod as IWebhookData['httpMethod'],
			node: node.name,
			path: `${webhookId}/${description.path}`,
			webhookDescription: description,
			workflowId,
			workflowExecuteAdditionalData: data,
			webhookId,
			isTest,
		};
	}

	function parseBody(req: http.IncomingMessage, raw: Buffer): { body?: unknown; error?: HttpAnswerError } {
		if (raw.length > PAYLOAD_SIZE_MAX) return { error: { status: 413, message: 'request entity too large' } };
		const contentType = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
		if (raw.length === 0) return { body: {} };
		if (contentType === 'application/json') {
			try {
				return { body: JSON.parse(raw.toString('utf8')) };
			} catch (e) {
				return { error: { status: 422, message: `Failed to parse request body: ${(e as Error).message}` } };
			}
		}
		if (contentType === 'text/plain') return { body: raw.toString('utf8') };
		return { body: {} };
	}

	async function handle(req: http.IncomingMessage, res: http.ServerResponse, raw: Buffer): Promise<void> {
		const url = new URL(req.url ?? '/', origin);
		const match = /^\/(webhook|webhook-test)\/([^/]+)\/(.+)$/.exec(url.pathname);
		const method = (req.method ?? 'GET').toUpperCase();
		const description = (nodeType.description.webhooks ?? []).find((w) => w.httpMethod === method && match?.[3] === w.path);
		const isTest = match?.[1] === 'webhook-test';
		if (!match || match[2] !== webhookId || !description || (isTest ? !listening : !active)) {
			res.writeHead(404, { 'Content-Type': 'application/json' });
			res.end(JSON.stringify({ code: 404, message: `The requested webhook "${method} ${url.pathname}" is not registered.` }));
			return;
		}
		const parsed = parseBody(req, raw);
		if (parsed.error) {
			res.writeHead(parsed.error.status, { 'Content-Type': 'application/json' });
			res.end(JSON.stringify({ code: parsed.error.status, message: parsed.error.message }));
			return;
		}
		const query: Record<string, string | string[]> = {};
		for (const [k, v] of url.searchParams) {
			const prev = query[k];
			query[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
		}
		const request = Object.assign(req, { body: parsed.body, rawBody: raw, query, params: {}, contentType: String(req.headers['content-type'] ?? '') });
		const mode: WorkflowExecuteMode = isTest ? 'manual' : 'webhook';
		const data = additionalData({ httpRequest: request, httpResponse: res });
		const workflow = build();
		const context = new WebhookContext(workflow, workflow.getNode(node.name)!, data, mode, webhookData(description, isTest, data), [], null as never);
		let result: IWebhookResponseData;
		try {
			result = (await nodeType.webhook!.call(context)) as IWebhookResponseData;
		} finally {
			if (!holdSaves) saved = clone(workflow.staticData);
		}
		if (result.workflowData !== undefined) {
			executions.push(result.workflowData);
			if (isTest) listening = false;
		}
		if (result.noWebhookResponse === true || res.headersSent) return;
		res.writeHead(200, { 'Content-Type': 'application/json' });
		if (result.workflowData === undefined) {
			res.end(JSON.stringify(result.webhookResponse ?? { message: 'Webhook call received' }));
			return;
		}
		// "Respond: Immediately" (onReceived) as n8n does it: the description's responseData (default "firstEntryJson")
		// when set, else the node's webhookResponse, else n8n's message.
		const responseData = description.responseData === undefined ? 'firstEntryJson' : description.responseData;
		const answer = responseData === 'noData' ? undefined : responseData || (result.webhookResponse ?? { message: 'Workflow was started' });
		res.end(typeof answer === 'string' ? answer : JSON.stringify(answer ?? ''));
	}

	async function lifecycle(method: 'checkExists' | 'create' | 'delete', activation: WorkflowActivateMode, isTest = false): Promise<boolean | undefined> {
		let answer: boolean | undefined;
		const workflow = build();
		for (const description of nodeType.description.webhooks ?? []) {
			const fn = nodeType.webhookMethods?.[description.name]?.[method];
			if (!fn) continue;
			const data = additionalData();
			const mode: WorkflowExecuteMode = isTest ? 'manual' : activation === 'manual' ? 'manual' : 'trigger';
			const ctx = new HookContext(workflow, workflow.getNode(node.name)!, data, mode, activation, webhookData(description, isTest, data));
			answer = await fn.call(ctx);
		}
		saved = clone(workflow.staticData);
		return answer;
	}

	async function send(method: string, target: string, body?: string, headers: Record<string, string> = {}): Promise<HttpAnswer> {
		return await new Promise<HttpAnswer>((resolve, reject) => {
			const req = http.request(target, { method, headers: body === undefined ? headers : { 'Content-Length': String(Buffer.byteLength(body)), ...headers } }, (res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c: Buffer) => chunks.push(c));
				res.on('end', () => {
					const text = Buffer.concat(chunks).toString('utf8');
					let json: unknown;
					try {
						json = JSON.parse(text);
					} catch {
						json = undefined;
					}
					resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
				});
			});
			req.on('error', reject);
			if (body !== undefined) req.write(body);
			req.end();
		});
	}

	const productionUrl = `${origin}/webhook/${webhookId}/syncro`;
	const harness: WebhookHarness = {
		origin,
		productionUrl,
		testUrl: `${origin}/webhook-test/${webhookId}/syncro`,
		executions,
		lastItems() {
			const last = executions[executions.length - 1];
			return (last?.[0] ?? []).map((i) => i.json);
		},
		holdStaticDataSaves(hold: boolean) {
			holdSaves = hold;
		},
		nodeStaticData() {
			const key = `node:${node.name}`;
			saved[key] ??= {};
			return saved[key] as IDataObject;
		},
		async activate(activation: WorkflowActivateMode = 'activate') {
			const exists = await lifecycle('checkExists', activation);
			let created = false;
			if (!exists) {
				await lifecycle('create', activation);
				created = true;
			}
			active = true;
			return created;
		},
		async deactivate() {
			await lifecycle('delete', 'update');
			active = false;
		},
		listen() {
			listening = true;
		},
		setParameters(parameters: IDataObject) {
			node.parameters = parameters as INode['parameters'];
		},
		async revealUrl() {
			const page = await send('GET', productionUrl);
			if (page.status !== 200) throw new Error(`setup page answered ${page.status}: ${page.text}`);
			const found = /(http:\/\/\S+\?secret=\S+)/.exec(page.text);
			if (!found) throw new Error(`no URL on the setup page: ${page.text}`);
			return found[1];
		},
		async post(target: string, body: unknown, headers: Record<string, string> = {}) {
			const text = typeof body === 'string' ? body : JSON.stringify(body);
			return await send('POST', target, text, { 'Content-Type': 'application/json', ...headers });
		},
		async get(target: string) {
			return await send('GET', target);
		},
		async close() {
			server.closeAllConnections?.();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
	return harness;
}

interface HttpAnswerError {
	status: number;
	message: string;
}
