/**
 * One measured process of the benchmark: `node` runs Return All through the Syncro node in n8n-core,
 * `raw` walks the same pages with a bare undici loop, `worker` is one of several processes sharing a limit.
 * Prints one JSON line: wall time of the work, peak RSS, records, errors.
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
	const [mode, baseUrl, token, overridesJson] = process.argv.slice(2);
	const overrides = JSON.parse(overridesJson || '{}');
	if (mode !== 'raw') {
		// Load n8n before the clock starts: the figure is the run, not module loading.
		await import('../test/helpers/harness');
	}
	const rssBefore = process.memoryUsage().rss;
	const started = process.hrtime.bigint();
	let records = 0;
	let error: string | null = null;
	if (mode === 'raw') {
		records = await raw(baseUrl, token);
	} else if (mode === 'helper') {
		records = await viaN8nHelper(baseUrl, token);
	} else {
		// Loaded only here, so the raw loop's memory figure does not include n8n.
		const { shutdownN8n } = await import('../test/helpers/harness');
		const { returnAllTickets } = await import('./shared');
		const result = await returnAllTickets(baseUrl, token, overrides);
		records = result.output('Syncro').length;
		error = result.error ? result.error.message : null;
		await shutdownN8n();
	}
	const ms = Number(process.hrtime.bigint() - started) / 1e6;
	const out = { mode, ms, records, error, maxRssKB: process.resourceUsage().maxRSS, rssBeforeKB: Math.round(rssBefore / 1024) };
	process.stdout.write(`${JSON.stringify(out)}\n`);
	process.exit(0);
}

main().catch((e) => {
	process.stdout.write(`${JSON.stringify({ error: String(e) })}\n`);
	process.exit(1);
});
