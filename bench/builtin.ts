/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- benchmark code: runs under Node.js in this repository, never inside n8n */
/**
 * n8n's built-in SyncroMSP node (n8n-nodes-base, node type `n8n-nodes-base.syncroMsp`), run side by side with
 * the Syncro node in the same n8n-core, for the comparison of bench section 8. It is loaded unchanged from an
 * installed n8n runtime of the test matrix (test/e2e/runtimes/n8n-<version>/node_modules/n8n-nodes-base), the
 * newest installed first. The built-in node always calls `https://<subdomain>.syncromsp.com/api/v1`, so its
 * requests are pointed at the simulator: the one change, made on the URL of each request it hands to n8n's
 * helper (`this.helpers.httpRequest`), which then runs as for any node.
 */
import type { ICredentialDataDecryptedObject, IExecuteFunctions, IHttpRequestOptions, INodeExecutionData, INodeType } from 'n8n-workflow';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { registerNodeType, type WorkflowNodeSpec } from '../test/helpers/harness';

export const BUILT_IN_TYPE = 'n8n-nodes-base.syncroMsp';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { compareVersions } = require('../test/e2e/versions') as { compareVersions: (a: string, b: string) => number };
const RUNTIMES = path.resolve(__dirname, '../test/e2e/runtimes');
const V1 = 'node_modules/n8n-nodes-base/dist/nodes/SyncroMSP/v1/SyncroMspV1.node.js';

/** The installed runtimes that hold the built-in node, newest first. */
export function builtInSources(): Array<{ n8n: string; file: string }> {
	if (!fs.existsSync(RUNTIMES)) return [];
	return fs
		.readdirSync(RUNTIMES)
		.filter((dir) => /^n8n-\d/.test(dir) && fs.existsSync(path.join(RUNTIMES, dir, V1)))
		.map((dir) => ({ n8n: dir.slice(4), file: path.join(RUNTIMES, dir, V1) }))
		.sort((a, b) => compareVersions(b.n8n, a.n8n));
}

/** Registers the built-in node, its requests sent to `baseUrl`; answers which n8n's copy it is. */
export function registerBuiltIn(baseUrl: string): string {
	const source = builtInSources()[0];
	if (!source) throw new Error('no n8n runtime is installed (node test/e2e/install.js): the built-in SyncroMSP node comes from one');
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { SyncroMspV1 } = require(source.file) as { SyncroMspV1: new (base: object) => INodeType };
	const builtIn = new SyncroMspV1({ displayName: 'SyncroMSP', name: 'syncroMsp', group: ['output'], description: 'Manage contacts, tickets and more from Syncro MSP', defaultVersion: 1 });
	const redirect = (url: string) => url.replace(/^https:\/\/[^/]+\.syncromsp\.com\/api\/v1/, baseUrl);
	const node: INodeType = {
		description: { ...builtIn.description, version: 1 },
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			return (await builtIn.execute!.call(redirectedContext(this))) as INodeExecutionData[][];
		},
	};
	/** The node's context, but for the URL of what it hands to n8n's HTTP helper. */
	const redirectedContext = (context: IExecuteFunctions): IExecuteFunctions => {
		const helpers = { ...context.helpers, httpRequest: async (options: IHttpRequestOptions) => await context.helpers.httpRequest({ ...options, url: redirect(options.url) }) };
		return new Proxy(context, {
			get(target, property) {
				if (property === 'helpers') return helpers;
				const value = Reflect.get(target, property, target);
				return typeof value === 'function' ? value.bind(target) : value;
			},
		});
	};
	registerNodeType(BUILT_IN_TYPE, node);
	return source.n8n;
}

/** The built-in node's credential (SyncroMSP API: subdomain and API key, which it sends as `?api_key=`). */
export function builtInCredentials(token: string): Record<string, ICredentialDataDecryptedObject> {
	return { syncroMspApi: { subdomain: 'demo-msp', apiKey: token } };
}

/** A built-in SyncroMSP node of a workflow, with its credential. */
export function builtInNode(parameters: WorkflowNodeSpec['parameters'], continueOnFail = false): WorkflowNodeSpec {
	return { name: 'SyncroMSP', type: BUILT_IN_TYPE, parameters, continueOnFail, credentials: { syncroMspApi: { id: 'cred-2', name: 'SyncroMSP account' } } };
}
