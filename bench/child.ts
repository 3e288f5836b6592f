/* eslint-disable @n8n/community-nodes/no-restricted-globals -- benchmark code: runs under Node.js in this repository, never inside n8n */
/**
 * One measured process of the benchmark: `node` runs Return All through the Syncro node in n8n-core,
 * `fanout` runs Get Ticket for N input items, `raw` walks the same pages with a bare undici loop, `worker` is
 * one of several processes sharing a limit, `builtin` / `builtin-fanout` the same through n8n's built-in SyncroMSP
 * node (bench/builtin.ts).
 * Arguments: mode, base URL, token, credential overrides (JSON), node parameters to add (JSON; `fanout`: also
 * `items`). Prints one JSON line: wall time of the work, peak RSS, records, items in error, the run's error.
 */
import { request } from 'undici';

async function raw(baseUrl: string, token: string): Promise<number> {
	let records = 0;
	for (let page = 1; ; page++) {
		const response = await request(`${baseUrl}/tickets?page=${page}`, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
		const body = (await response.body.json()) as { tickets: unknown[]; meta?: { total_pages?: number } };
		records += body.tickets.length;
		if (body.meta?.total_pages !== undefined ? page >= body.meta.total_pages : body.tickets.length === 0) break;
	}
	return records;
}

/** The same pages through n8n-core's own HTTP helper (what every node's requests go through), without the Syncro node. */
async function viaN8nHelper(baseUrl: string, token: string): Promise<number> {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { httpRequest } = require('n8n-core/dist/execution-engine/node-execution-context/utils/request-helper-functions');
	let records = 0;
	for (let page = 1; ; page++) {
		const text = (await httpRequest({ method: 'GET', url: `${baseUrl}/tickets?page=${page}`, headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' }, encoding: 'text' })) as string;
		const body = JSON.parse(text) as { tickets: unknown[]; meta?: { total_pages?: number } };
		records += body.tickets.length;
		if (body.meta?.total_pages !== undefined ? page >= body.meta.total_pages : body.tickets.length === 0) break;
	}
	return records;
}

async function main() {
	const [mode, baseUrl, token, overridesJson, parametersJson] = process.argv.slice(2);
	const overrides = JSON.parse(overridesJson || '{}');
	const { items: fanOutItems = 500, ...nodeParameters } = JSON.parse(parametersJson || '{}') as { items?: number } & Record<string, unknown>;
	if (mode !== 'raw') {
		// Load n8n before the clock starts: the figure is the run, not module loading.
		await import('../test/helpers/harness');
	}
	const rssBefore = process.memoryUsage().rss;
	const started = process.hrtime.bigint();
	let records = 0;
	let itemErrors = 0;
	let rateLimited = 0;
	let error: string | null = null;
	if (mode === 'raw') {
		records = await raw(baseUrl, token);
	} else if (mode === 'helper') {
		records = await viaN8nHelper(baseUrl, token);
	} else {
		// Loaded only here, so the raw loop's memory figure does not include n8n.
		const { runChain, shutdownN8n } = await import('../test/helpers/harness');
		const { credentials, fanOutTickets, returnAllTickets } = await import('./shared');
		const { builtInCredentials, builtInNode, registerBuiltIn } = await import('./builtin');
		const builtIn = mode.startsWith('builtin');
		if (builtIn) registerBuiltIn(baseUrl);
		const fanOutInput = Array.from({ length: fanOutItems }, (_, i) => ({ id: 100_000 + i }));
		const result =
			mode === 'fanout'
				? await fanOutTickets(baseUrl, token, fanOutItems, overrides, nodeParameters as never)
				: mode === 'builtin-fanout'
					? await runChain(fanOutInput, [builtInNode({ resource: 'ticket', operation: 'get', ticketId: '={{ $json.id }}' }, true)], credentials(baseUrl, token), builtInCredentials(token))
					: mode === 'builtin'
						? await runChain([{}], [builtInNode({ resource: 'ticket', operation: 'getAll', returnAll: true, ...nodeParameters } as never)], credentials(baseUrl, token), builtInCredentials(token))
						: await returnAllTickets(baseUrl, token, overrides, nodeParameters as never);
		const out = result.output(builtIn ? 'SyncroMSP' : 'Syncro');
		records = out.length;
		const failed = out.filter((item) => item.json.error);
		itemErrors = failed.length;
		error = result.error ? result.error.message : null;
		const rateLimitWords = /rate limit|429|too many requests/i;
		rateLimited = failed.filter((item) => rateLimitWords.test(String(item.json.error))).length + (error && rateLimitWords.test(error) ? 1 : 0);
		await shutdownN8n();
	}
	const ms = Number(process.hrtime.bigint() - started) / 1e6;
	const out = { mode, ms, records, itemErrors, rateLimited, error, maxRssKB: process.resourceUsage().maxRSS, rssBeforeKB: Math.round(rssBefore / 1024) };
	process.stdout.write(`${JSON.stringify(out)}\n`);
	process.exit(0);
}

main().catch((e) => {
	process.stdout.write(`${JSON.stringify({ error: String(e) })}\n`);
	process.exit(1);
});
