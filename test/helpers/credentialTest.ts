/**
 * Runs the credential's connection test the way n8n's credentials tester does: the `test.request` becomes the
 * routing request of a temporary node executed by n8n-core's RoutingNode with the credential applied; a failed
 * response is matched against the `responseCode` rules when the error still carries the HTTP response (it does
 * not with n8n-workflow 2.8, whose NodeApiError drops `cause`: then the error's own message is shown, as n8n
 * 2.8 does), a successful one against `responseSuccessBody` rules. (The real tester lives in n8n's CLI package;
 * the end-to-end suite exercises it in a real n8n.)
 */
import { ExecuteContext, RoutingNode } from 'n8n-core';
import type { IAuthenticateRuleResponseCode, IAuthenticateRuleResponseSuccessBody, INode, INodeType, INodeTypes } from 'n8n-workflow';
import { createRunExecutionData, NodeHelpers, Workflow } from 'n8n-workflow';

import { credentialType, makeAdditionalData, type SyncroCredentialData } from './harness';

/** lodash.get for dotted keys, as n8n's tester reads rule keys. */
function dig(value: unknown, key: string): unknown {
	return key.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), value);
}

export async function testCredentials(data: SyncroCredentialData): Promise<{ status: 'OK' | 'Error'; message: string }> {
	const test = credentialType.test;
	if (!test) throw new Error('the credential has no test');
	const nodeType = {
		description: {
			displayName: 'Temp',
			name: 'temp',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: {},
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: credentialType.name, required: true }],
			properties: [{ displayName: 'Temp', name: 'temp', type: 'string', routing: { request: test.request }, default: '' }],
		},
	} as unknown as INodeType;
	const nodeTypes: INodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: (_n: string, v?: number) => NodeHelpers.getVersionedNodeType(nodeType, v),
		getKnownTypes: () => ({}),
	};
	const node: INode = {
		id: 'temp',
		name: 'Temp-Node',
		type: 'temp',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { [credentialType.name]: { id: 'cred-1', name: 'Syncro account' } },
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const context = new ExecuteContext(workflow, node, makeAdditionalData(data), 'internal', createRunExecutionData(), 0, [], { main: [[{ json: {} }]] }, { node, data: {}, source: null }, []);
	const routing = new RoutingNode(context, nodeType, { id: 'cred-1', name: 'Syncro account', type: credentialType.name, data });
	const rules = (test.rules ?? []) as Array<IAuthenticateRuleResponseCode | IAuthenticateRuleResponseSuccessBody>;
	let output;
	try {
		output = await routing.runNode();
	} catch (error) {
		const status = (error as { cause?: { response?: { status?: number } } }).cause?.response?.status;
		if (status !== undefined) {
			for (const rule of rules) if (rule.type === 'responseCode' && rule.properties.value === status) return { status: 'Error', message: rule.properties.message };
			return { status: 'Error', message: `Received HTTP status code: ${status}` };
		}
		return { status: 'Error', message: (error as Error).message };
	}
	const json = output?.[0]?.[0]?.json ?? {};
	for (const rule of rules) {
		if (rule.type === 'responseSuccessBody' && dig(json, rule.properties.key) === rule.properties.value) {
			return { status: 'Error', message: rule.properties.message };
		}
	}
	return { status: 'OK', message: 'Connection successful!' };
}
