/**
 * One measured process of the benchmark: `node` runs Return All through the Syncro node in n8n-core,
 * `fanout` runs Get Ticket for N input items, `raw` walks the same pages with a bare undici loop, `worker` is
 * one of several processes sharing a limit.
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
		const { shutdownN8n } = await import('../test/helpers/harness');
		const { fanOutTickets, returnAllTickets } = await import('./shared');
		const result =
			mode === 'fanout'
				? await fanOutTickets(baseUrl, token, fanOutItems, overrides, nodeParameters as never)
				: await returnAllTickets(baseUrl, token, overrides, nodeParameters as never);
		const out = result.output('Syncro');
		records = out.length;
		const failed = out.filter((item) => item.json.error);
		itemErrors = failed.length;
		error = result.error ? result.error.message : null;
		rateLimited = failed.filter((item) => /rate limit|429/i.test(String(item.json.error))).length + (error && /rate limit|429/i.test(error) ? 1 : 0);
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
