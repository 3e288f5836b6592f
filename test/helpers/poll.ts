/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code: runs under Node.js in this repository, never inside n8n */
/**
 * Runs the Syncro Polling Trigger in-process the way n8n's poller does: each poll builds n8n-core's
 * PollContext over one long-lived Workflow (its static data stays in memory between polls) and calls poll().
 * n8n writes static data to the database after the activation poll and then only when a poll emits items;
 * `restart()` rebuilds the workflow from that saved copy, as a restarted n8n would. API calls go through n8n-core's request helpers with the
 * credential's Bearer header, to the Syncro simulator.
 */
import { PollContext } from 'n8n-core';
import type { IDataObject, INode, INodeExecutionData, INodeType, WorkflowExecuteMode } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import * as path from 'node:path';

import { makeAdditionalData, type SyncroCredentialData } from './harness';
import { singleNodeTypes } from './webhook';

const DIST = path.resolve(__dirname, '../../dist');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { SyncroPollingTrigger } = require(path.join(DIST, 'nodes/SyncroPollingTrigger/SyncroPollingTrigger.node.js'));

export const POLLING_TYPE = 'n8n-nodes-syncro.syncroPollingTrigger';
const NODE_NAME = 'Syncro Polling Trigger';

export interface Poller {
	/** The poll n8n runs when the workflow is activated; n8n saves the static data right after it. */
	activate(): Promise<IDataObject[]>;
	/** One poll; returns the emitted items' JSON (empty when the poll returned null). */
	poll(mode?: WorkflowExecuteMode): Promise<IDataObject[]>;
	/** Rebuilds the workflow from the static data n8n would have saved (after the last emitting poll). */
	restart(): void;
	state(): IDataObject;
	setParameters(parameters: IDataObject): void;
	/** Raw result of the last poll. */
	last: INodeExecutionData[][] | null;
}

export function createPoller(parameters: IDataObject, credentials: SyncroCredentialData): Poller {
	const nodeType = new SyncroPollingTrigger() as INodeType;
	const nodeTypes = singleNodeTypes(POLLING_TYPE, nodeType);
	const node: INode = {
		id: 'b2c3d4e5-0000-4000-8000-000000000002',
		name: NODE_NAME,
		type: POLLING_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: parameters as INode['parameters'],
		credentials: { syncroApi: { id: 'cred-1', name: 'Syncro account' } },
	};
	let saved: IDataObject = {};
	let workflow = build({});

	function build(staticData: IDataObject): Workflow {
		return new Workflow({ id: 'wf-poll', name: 'poll test', nodes: [node], connections: {}, active: true, nodeTypes, staticData, settings: {} });
	}

	const additionalData = makeAdditionalData(credentials);

	const snapshot = (): IDataObject => JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;

	const poller: Poller = {
		last: null,
		async poll(mode: WorkflowExecuteMode = 'trigger') {
			const ctx = new PollContext(
				workflow,
				workflow.getNode(NODE_NAME)!,
				additionalData,
				mode,
				mode === 'manual' ? 'manual' : 'activate',
				() => undefined,
				() => undefined,
			);
			const result = (await nodeType.poll!.call(ctx)) as INodeExecutionData[][] | null;
			poller.last = result;
			if (result !== null && mode !== 'manual') saved = snapshot();
			return (result?.[0] ?? []).map((i) => i.json);
		},
		async activate() {
			const items = await poller.poll();
			saved = snapshot();
			return items;
		},
		restart() {
			workflow = build(JSON.parse(JSON.stringify(saved)) as IDataObject);
		},
		state() {
			return snapshot();
		},
		setParameters(p: IDataObject) {
			node.parameters = p as INode['parameters'];
			workflow = build(snapshot());
		},
	};
	return poller;
}
