/* eslint-disable @n8n/community-nodes/no-restricted-globals -- test code: runs under Node.js in this repository, never inside n8n */
/**
 * Runs one Syncro node in n8n-core in a process of its own, for what is set per process (NODE_EXTRA_CA_CERTS
 * is read once when Node starts). argv[2]: JSON {baseUrl, token, items, parameters}. Prints one JSON line:
 * {items, error, description}.
 */
import type { IDataObject } from 'n8n-workflow';

import { runChain, shutdownN8n, syncroCredentials } from './harness';

async function main(): Promise<void> {
	const { baseUrl, token, items, parameters } = JSON.parse(process.argv[2]) as { baseUrl: string; token: string; items: IDataObject[]; parameters: IDataObject };
	const result = await runChain(items, [{ name: 'Syncro', parameters }], syncroCredentials(baseUrl, token));
	await shutdownN8n();
	const out = {
		items: result.output('Syncro').map((item) => item.json),
		error: result.error?.message ?? null,
		description: result.error?.description ?? null,
	};
	process.stdout.write(`${JSON.stringify(out)}\n`);
	process.exit(0);
}

main().catch((error) => {
	process.stdout.write(`${JSON.stringify({ items: [], error: `child failed: ${String(error)}`, description: null })}\n`);
	process.exit(1);
});
