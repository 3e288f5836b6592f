/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions, no-console -- benchmark code: runs under Node.js in this repository, never inside n8n */
/**
 * `npm run bench`: throughput at Syncro's rate limit, overhead against a bare HTTP loop, memory, contention
 * between processes sharing one limit, the fault matrix, bad input, a latency sweep over HTTPS, and the same
 * workloads through n8n's built-in SyncroMSP node side by side (section 8), and a burst of webhook deliveries into a real
 * n8n, the Syncro Trigger beside n8n's Webhook node (section 9, bench/burst.ts; real time, not scaled). Every
 * figure is printed as `name: value` and written to bench/RESULTS.md with the command that produced it.
 *
 * Time is scaled: the simulator enforces 180 requests per 3 s window (Syncro's minute shrunk 20x) and the
 * credential's throttle is told the same, so a run takes seconds instead of minutes.
 * `BENCH_SECTIONS=7 npm run bench` runs only the listed sections (comma-separated) and leaves RESULTS.md alone.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { runChain, shutdownN8n, type WorkflowNodeSpec } from '../test/helpers/harness';
import { credentials, LIMIT, median, ONE_AT_A_TIME, returnAllTickets, WINDOW_MS } from './shared';

interface SimRequest {
	method: string;
	path: string;
	status: number;
	at: number;
}

const lines: string[] = [];
function figure(name: string, value: string | number): void {
	const text = `${name}: ${typeof value === 'number' ? Number(value.toFixed(3)) : value}`;
	lines.push(text);
	console.log(text);
}
function heading(text: string): void {
	lines.push('', `## ${text}`);
	console.log(`\n## ${text}`);
}

class SimProcess {
	private nextId = 1;
	private waiting = new Map<number, (value: unknown) => void>();
	baseUrl = '';
	token = '';
	/** With `https: true`: the simulator's throwaway certificate, for NODE_EXTRA_CA_CERTS of the clients. */
	certPath: string | null = null;

	private constructor(private readonly child: ChildProcess) {
		child.on('message', (message: { id?: number; value?: unknown }) => {
			if (message.id !== undefined) {
				this.waiting.get(message.id)?.(message.value);
				this.waiting.delete(message.id);
			}
		});
	}

	static async start(options: Record<string, unknown>): Promise<SimProcess> {
		const child = fork(path.join(__dirname, 'sim-child.js'), [JSON.stringify(options)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
		const sim = new SimProcess(child);
		await new Promise<void>((resolve, reject) => {
			child.once('message', (message: { ready?: boolean; baseUrl: string; token: string; certPath: string | null }) => {
				sim.baseUrl = message.baseUrl;
				sim.token = message.token;
				sim.certPath = message.certPath;
				resolve();
			});
			child.once('exit', (code) => reject(new Error(`simulator exited ${code}`)));
		});
		return sim;
	}

	async call<T>(message: Record<string, unknown>): Promise<T> {
		const id = this.nextId++;
		return await new Promise<T>((resolve) => {
			this.waiting.set(id, resolve as (value: unknown) => void);
			this.child.send({ ...message, id });
		});
	}

	async stats(): Promise<{ requests: SimRequest[]; refused: number }> {
		return await this.call({ type: 'stats' });
	}

	async reset(rateLimit?: { limit: number; windowMs: number } | null, latencyMs = 0): Promise<void> {
		await this.call({ type: 'reset', rateLimit, latencyMs });
	}

	stop(): void {
		this.child.kill();
	}
}

/** Most requests in any window, and the mean use of the limit over the complete windows of the run. */
function windowFigures(times: number[]): { maxInWindow: number; utilisation: number } {
	const sorted = [...times].sort((a, b) => a - b);
	let maxInWindow = 0;
	for (let i = 0, j = 0; i < sorted.length; i++) {
		while (j < sorted.length && sorted[j] - sorted[i] < WINDOW_MS) j++;
		maxInWindow = Math.max(maxInWindow, j - i);
	}
	const start = sorted[0];
	const complete = Math.floor((sorted[sorted.length - 1] - start) / WINDOW_MS);
	let used = 0;
	for (let k = 0; k < complete; k++) used += sorted.filter((t) => t >= start + k * WINDOW_MS && t < start + (k + 1) * WINDOW_MS).length;
	return { maxInWindow, utilisation: complete > 0 ? used / complete / LIMIT : NaN };
}

async function throughput(sim: SimProcess): Promise<void> {
	heading('1. Rate-limit-bound throughput: Return All of 10,000 tickets (25 per page = 400 requests)');
	await sim.reset({ limit: LIMIT, windowMs: WINDOW_MS });
	const started = Date.now();
	const result = await returnAllTickets(sim.baseUrl, sim.token);
	const elapsed = Date.now() - started;
	const { requests, refused } = await sim.stats();
	const ok = requests.filter((r) => r.status === 200).map((r) => r.at);
	const { maxInWindow, utilisation } = windowFigures(ok);
	figure('throughput.records', result.output('Syncro').length);
	figure('throughput.requests', requests.length);
	figure('throughput.elapsed_s', elapsed / 1000);
	figure('throughput.max_requests_in_any_window', maxInWindow);
	figure('throughput.limit_per_window', LIMIT);
	figure('throughput.fraction_of_limit', utilisation);
	figure('throughput.429_received', refused);
	figure('throughput.429_surfaced', result.error ? 1 : 0);
}

async function fanOut(sim: SimProcess): Promise<void> {
	heading('2. Fan-out: 500 input items -> Get Ticket by ID');
	await sim.reset({ limit: LIMIT, windowMs: WINDOW_MS });
	const items = Array.from({ length: 500 }, (_, i) => ({ id: 100_000 + i }));
	const started = Date.now();
	const result = await runChain(items, [{ name: 'Syncro', continueOnFail: true, parameters: { resource: 'ticket', operation: 'get', ticketId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } } }], credentials(sim.baseUrl, sim.token));
	const elapsed = Date.now() - started;
	const out = result.output('Syncro');
	const { requests, refused } = await sim.stats();
	const { maxInWindow, utilisation } = windowFigures(requests.filter((r) => r.status === 200).map((r) => r.at));
	figure('fanout.items_out', out.length);
	figure('fanout.errors', out.filter((o) => o.json.error).length + (result.error ? 1 : 0));
	figure('fanout.elapsed_s', elapsed / 1000);
	figure('fanout.max_requests_in_any_window', maxInWindow);
	figure('fanout.fraction_of_limit', utilisation);
	figure('fanout.429_received', refused);
}

interface ChildResult {
	ms: number;
	records: number;
	itemErrors: number;
	rateLimited: number;
	error: string | null;
	maxRssKB: number;
	rssBeforeKB: number;
}

async function runChild(
	mode: string,
	sim: { baseUrl: string; token: string },
	overrides: Record<string, unknown> = {},
	nodeParameters: Record<string, unknown> = {},
	env: NodeJS.ProcessEnv = process.env,
): Promise<ChildResult> {
	const tsx = path.resolve(__dirname, '../node_modules/.bin/tsx');
	return await new Promise((resolve, reject) => {
		const child = spawn(tsx, [path.join(__dirname, 'child.ts'), mode, sim.baseUrl, sim.token, JSON.stringify(overrides), JSON.stringify(nodeParameters)], { stdio: ['ignore', 'pipe', 'inherit'], env });
		let out = '';
		child.stdout.on('data', (d) => (out += d));
		child.on('exit', () => {
			const line = out.trim().split('\n').pop() ?? '{}';
			try {
				resolve(JSON.parse(line));
			} catch (error) {
				reject(new Error(`child ${mode} printed ${out}: ${String(error)}`));
			}
		});
	});
}

async function overhead(): Promise<void> {
	heading(
		'3. Overhead: Return All of 20,000 records, no rate limit, no latency: node in n8n-core vs a bare undici loop ' +
			'(both one request at a time; the node with its default options reported beside)',
	);
	const sim = await SimProcess.start({ tickets: 20_000 });
	try {
		const rounds = 3;
		const node: number[] = [];
		const raw: number[] = [];
		const helper: number[] = [];
		const nodeDefault: number[] = [];
		let nodeRss = 0;
		let rawRss = 0;
		let nodeRssDelta = 0;
		let rawRssDelta = 0;
		let records = 0;
		for (let i = 0; i < rounds; i++) {
			const r = await runChild('raw', sim);
			helper.push((await runChild('helper', sim)).ms);
			const unlimited = { requestsPerMinute: 1_000_000, rateLimitWindowMs: 60_000 };
			// The loops fetch one page at a time, so the node does too: the ratio is the cost of its layer, not parallelism.
			const n = await runChild('node', sim, unlimited, { requestOptions: { parallelRequests: 1 } });
			if (n.error) throw new Error(`node run failed: ${n.error}`);
			const d = await runChild('node', sim, unlimited);
			if (d.error) throw new Error(`node run failed: ${d.error}`);
			nodeDefault.push(d.ms);
			raw.push(r.ms);
			node.push(n.ms);
			records = n.records;
			nodeRss = Math.max(nodeRss, n.maxRssKB);
			rawRss = Math.max(rawRss, r.maxRssKB);
			nodeRssDelta = Math.max(nodeRssDelta, n.maxRssKB - n.rssBeforeKB);
			rawRssDelta = Math.max(rawRssDelta, r.maxRssKB - r.rssBeforeKB);
		}
		figure('overhead.records', records);
		figure('overhead.pages', Math.ceil(records / 25));
		figure('overhead.node_ms_median', median(node));
		figure('overhead.raw_ms_median', median(raw));
		figure('overhead.wall_time_ratio_node_to_raw', median(node) / median(raw));
		// n8n's helper opens a new connection per request (no keep-alive); this ratio isolates the node's own layer.
		figure('overhead.n8n_helper_loop_ms_median', median(helper));
		figure('overhead.wall_time_ratio_node_to_n8n_helper_loop', median(node) / median(helper));
		// The node as users run it: pages after the first fetched side by side (Parallel Requests, default 8).
		figure('overhead.node_default_options_ms_median', median(nodeDefault));
		figure('overhead.wall_time_ratio_node_default_options_to_raw', median(nodeDefault) / median(raw));
		figure('overhead.node_peak_rss_mb', nodeRss / 1024);
		figure('overhead.raw_peak_rss_mb', rawRss / 1024);
		figure('overhead.peak_rss_ratio_node_to_raw', nodeRss / rawRss);
		figure('overhead.node_rss_growth_during_run_mb', nodeRssDelta / 1024);
		figure('overhead.raw_rss_growth_during_run_mb', rawRssDelta / 1024);
	} finally {
		sim.stop();
	}
}

async function contention(): Promise<void> {
	heading('4. Contention: three processes (three n8n workers on one IP) share one simulator limit');
	const sim = await SimProcess.start({ tickets: 3000 });
	try {
		for (const [label, rpm] of [
			['unconfigured', LIMIT],
			['configured_60_each', LIMIT / 3],
		] as const) {
			await sim.reset({ limit: LIMIT, windowMs: WINDOW_MS });
			const results = await Promise.all([0, 1, 2].map(() => runChild('worker', sim, { requestsPerMinute: rpm, rateLimitWindowMs: WINDOW_MS })));
			const { requests, refused } = await sim.stats();
			// From the first request to the last one Syncro saw: process start-up is not part of it.
			const times = requests.map((r) => r.at);
			const elapsed = Math.max(...times) - Math.min(...times);
			const served = requests.filter((r) => r.status === 200).length;
			const idealMs = Math.max(0, Math.ceil(served / LIMIT) - 1) * WINDOW_MS;
			figure(`contention.${label}.requests_per_process_limit`, rpm);
			figure(`contention.${label}.completed_runs`, results.filter((r) => !r.error && r.records === 3000).length);
			figure(`contention.${label}.429_received`, refused);
			figure(`contention.${label}.429_surfaced`, results.filter((r) => r.error).length);
			figure(`contention.${label}.elapsed_s`, elapsed / 1000);
			figure(`contention.${label}.ideal_s`, idealMs / 1000);
			figure(`contention.${label}.time_vs_ideal`, idealMs > 0 ? elapsed / idealMs : NaN);
		}
	} finally {
		sim.stop();
	}
}

interface FaultCase {
	name: string;
	inject: (sim: SimProcess, method: string) => Promise<void>;
}

async function faultMatrix(sim: SimProcess): Promise<void> {
	heading('5. Fault matrix: a read-heavy and a write-heavy workflow (10 items each, Continue On Fail) per fault');
	const fail = (status: number, count: number, extra: Record<string, unknown> = {}) => async (s: SimProcess, method: string) =>
		void (await s.call({ type: 'fault', kind: 'fail', args: { status, count, method, ...extra } }));
	const cases: FaultCase[] = [
		{ name: '429_storm', inject: async (s) => void (await s.call({ type: 'fault', kind: 'fail', args: { status: 429, count: 12, raw: 'Retry later\n', headers: { 'Content-Type': 'text/plain' } } })) },
		{ name: '500', inject: fail(500, 2, { body: { error: 'Internal error' } }) },
		{ name: '502', inject: fail(502, 2, { raw: '<html><head><title>502 Bad Gateway</title></head></html>' }) },
		{ name: '503', inject: fail(503, 2, { raw: '<html><head><title>503 Service Unavailable</title></head></html>' }) },
		{ name: '504', inject: fail(504, 2, { raw: '<html><head><title>504 Gateway Time-out</title></head></html>' }) },
		{ name: 'connection_reset', inject: async (s, method) => void (await s.call({ type: 'fault', kind: 'reset', args: { count: 2, filter: { method } } })) },
		{ name: 'slow_past_timeout', inject: async (s, method) => void (await s.call({ type: 'fault', kind: 'stall', args: { count: 1, ms: 2500, filter: { method } } })) },
		{ name: 'malformed_json', inject: fail(200, 1, { raw: '{"ticket": {"id": 1,', headers: { 'Content-Type': 'application/json' } }) },
		{ name: 'html_error_page', inject: fail(500, 1, { raw: "<!DOCTYPE html><html><head><title>We're sorry, but something went wrong (500)</title></head></html>" }) },
	];
	const known = /^(Syncro |The connection to Syncro failed|Syncro did not answer)/;
	let allGood = 0;
	let total = 0;
	let duplicates = 0;
	let lost = 0;
	for (const fault of cases) {
		for (const kind of ['read', 'write'] as const) {
			await sim.reset(null);
			const method = kind === 'read' ? 'GET' : 'POST';
			await fault.inject(sim, method);
			const items = Array.from({ length: 10 }, (_, i) => ({ i, ticket: 100_000 + (i % 5) }));
			const node: WorkflowNodeSpec =
				kind === 'read'
					? { name: 'Syncro', continueOnFail: true, parameters: { resource: 'ticket', operation: 'get', ticketId: { __rl: true, mode: 'id', value: '={{ $json.ticket }}' } } }
					: { name: 'Syncro', continueOnFail: true, parameters: { resource: 'ticket', operation: 'addComment', ticketId: { __rl: true, mode: 'id', value: '={{ $json.ticket }}' }, subject: 'Bench', body: '={{ "comment " + $json.i }}', hidden: true } };
			const before = kind === 'write' ? await sim.call<number>({ type: 'count', table: 'comments' }) : 0;
			const result = await runChain(items, [node], credentials(sim.baseUrl, sim.token, { requestsPerMinute: 100_000, rateLimitWindowMs: 300, timeoutSeconds: 1 }));
			const out = result.output('Syncro');
			const errors = out.filter((o) => o.json.error);
			const clear = errors.every((o) => known.test(String(o.json.error)));
			const created = kind === 'write' ? (await sim.call<number>({ type: 'count', table: 'comments' })) - before : 0;
			// A timed-out POST may still be applied by Syncro: that is one record for one item, not a duplicate.
			const dup = kind === 'write' ? Math.max(0, created - items.length) : 0;
			const itemsLost = items.length - out.length;
			const good = !result.error && clear && itemsLost === 0 && dup === 0;
			total++;
			if (good) allGood++;
			duplicates += dup;
			lost += itemsLost;
			figure(`faults.${fault.name}.${kind}`, `${out.length - errors.length} ok, ${errors.length} clear-error${errors.length && !clear ? ' (UNCLEAR)' : ''}, ${dup} duplicates, ${itemsLost} lost${errors[0] ? ` [${String(errors[0].json.error)}]` : ''}`);
		}
	}
	figure('faults.runs_correct_or_clear_error', `${allGood}/${total}`);
	figure('faults.duplicate_records_created', duplicates);
	figure('faults.items_lost', lost);
}

async function badInput(sim: SimProcess): Promise<void> {
	heading('6. Bad input: each must be a clear error naming the item and the field, with no request sent');
	const get = (value: string) => ({ resource: 'ticket', operation: 'get', ticketId: { __rl: true, mode: 'id', value } });
	const cases: Array<[string, Record<string, unknown>, RegExp]> = [
		['non_numeric_id', get('={{ "abc" }}'), /Invalid "Ticket" in item 1: "abc" is not a numeric ID/],
		['negative_id', get('={{ -5 }}'), /Invalid "Ticket" in item 1: "-5" is not a numeric ID/],
		['path_like_id', get('={{ "1/../users" }}'), /Invalid "Ticket" in item 1: "1\/\.\.\/users"/],
		['query_in_id', get('={{ "12?x=1" }}'), /Invalid "Ticket" in item 1/],
		['invalid_json', { resource: 'ticket', operation: 'create', customer_id: { __rl: true, mode: 'id', value: '2001' }, subject: 'x', problem_type: 'Hardware', additionalFields: { comments_attributes: '{not json' } }, /Invalid "Initial Comments \(JSON\)" in Additional Fields in item 1: is not valid JSON/],
		['oversized_string', { resource: 'ticket', operation: 'create', customer_id: { __rl: true, mode: 'id', value: '2001' }, subject: '={{ "x".repeat(70000) }}', problem_type: 'Hardware' }, /Invalid "Subject" in item 1: the text is 70000 characters long/],
		// n8n itself drops unknown option names when it loads a workflow; an unknown option value reaches the node.
		['unknown_option_value', { resource: 'ticket', operation: 'getComments', ticketId: { __rl: true, mode: 'id', value: '100000' }, returnAll: true, filters: { comment_format: '={{ "markdown" }}' } }, /Invalid "Comment Format" in Filters in item 1: "markdown" is not one of/],
		['custom_call_path_escape', { resource: 'customApiCall', operation: 'request', method: 'GET', path: '/tickets/../../admin' }, /Invalid "Path" in item 1/],
	];
	let clear = 0;
	let sent = 0;
	for (const [name, parameters, expected] of cases) {
		await sim.reset(null);
		const result = await runChain([{}], [{ name: 'Syncro', parameters }], credentials(sim.baseUrl, sim.token));
		const { requests } = await sim.stats();
		const message = result.error?.message ?? '(no error)';
		const ok = expected.test(message) && result.error?.name === 'NodeOperationError';
		if (ok) clear++;
		sent += requests.length;
		figure(`bad_input.${name}`, `${ok ? 'clear NodeOperationError' : 'UNEXPECTED'}, ${requests.length} requests sent [${message.slice(0, 100)}]`);
	}
	figure('bad_input.clear_errors', `${clear}/${cases.length}`);
	figure('bad_input.requests_sent', sent);
}

/** Per-answer latencies of the sweep, in scaled ms (x20 = real: 25 ms stands for about 500 ms). */
const SWEEP_LATENCIES_MS = [0, 5, 10, 25, 40];
const SWEEP_FANOUT_ITEMS = 500;
/** Parallel Requests tried for the fan-out at the highest latency: the figures the default is chosen from. */
const PARALLELISM_STEPS = [2, 4, 8, 16];
/** Goals of the sweep. */
const FLOOR_RATIO_GOAL = 1.3;
const SPEEDUP_GOAL = 1.8;
const SPEEDUP_GOAL_LATENCY_MS = 25;
/** overhead.node_rss_growth_during_run_mb of the last run before the sweep existed (20,000 records, one request at a time). */
const RSS_GROWTH_GOAL_MB = 53.2;

/**
 * The least time R requests can take at L per window W when each answer takes `latency`: the first L go at
 * once, every further L must wait one window, and the last answer takes one latency to come back.
 */
export function rateLimitFloorMs(requests: number, latencyMs: number, limit = LIMIT, windowMs = WINDOW_MS): number {
	return Math.max(0, Math.ceil(requests / limit - 1)) * windowMs + latencyMs;
}

interface SweepRun {
	wallMs: number;
	requests: number;
	floorMs: number;
	refused: number;
	surfaced: number;
	errors: number;
	records: number;
	peakRssMb: number;
	rssGrowthMb: number;
}

interface SweepRow {
	workload: string;
	latencyMs: number;
	parallel: SweepRun;
	oneAtATime: SweepRun;
	goals: string[];
	passed: boolean;
}

const sweepRows: SweepRow[] = [];

async function latencySweep(): Promise<void> {
	heading(
		`7. Latency sweep over HTTPS (new TLS connection per request, as n8n's helper does): per-answer latency ${SWEEP_LATENCIES_MS.join(', ')} ms ` +
			`(x20 real), Return All of 10,000 tickets and a ${SWEEP_FANOUT_ITEMS}-item Get Ticket fan-out; the default node options vs requestOptions.parallelRequests = 1, side by side`,
	);
	const sim = await SimProcess.start({ tickets: 10_000, https: true });
	// The clients trust the simulator's throwaway certificate; verification stays on.
	// n8n's helper names the server by its IP in the TLS handshake, which Node reports as deprecated (DEP0123).
	const nodeOptions = [process.env.NODE_OPTIONS, '--disable-warning=DEP0123'].filter(Boolean).join(' ');
	const env: NodeJS.ProcessEnv = { ...process.env, NODE_EXTRA_CA_CERTS: sim.certPath ?? '', NODE_OPTIONS: nodeOptions };
	delete env.NODE_TLS_REJECT_UNAUTHORIZED;
	try {
		const measure = async (workload: 'return_all' | 'fanout', latencyMs: number, nodeParameters: Record<string, unknown>): Promise<SweepRun> => {
			await sim.reset({ limit: LIMIT, windowMs: WINDOW_MS }, latencyMs);
			const result = await runChild(workload === 'fanout' ? 'fanout' : 'node', sim, {}, { ...nodeParameters, ...(workload === 'fanout' ? { items: SWEEP_FANOUT_ITEMS } : {}) }, env);
			const { requests, refused } = await sim.stats();
			if (result.error && result.records === 0) throw new Error(`sweep ${workload} at ${latencyMs} ms failed: ${result.error}`);
			return {
				wallMs: result.ms,
				requests: requests.length,
				floorMs: rateLimitFloorMs(requests.length, latencyMs),
				refused,
				surfaced: result.rateLimited,
				errors: result.itemErrors + (result.error ? 1 : 0),
				records: result.records,
				peakRssMb: result.maxRssKB / 1024,
				rssGrowthMb: (result.maxRssKB - result.rssBeforeKB) / 1024,
			};
		};
		for (const workload of ['return_all', 'fanout'] as const) {
			for (const latencyMs of SWEEP_LATENCIES_MS) {
				const parallel = await measure(workload, latencyMs, {});
				const oneAtATime = await measure(workload, latencyMs, ONE_AT_A_TIME);
				const speedup = oneAtATime.wallMs / parallel.wallMs;
				const ratio = parallel.wallMs / parallel.floorMs;
				const goals = [
					`within ${FLOOR_RATIO_GOAL}x of the floor ${ratio <= FLOOR_RATIO_GOAL ? 'PASS' : 'FAIL'}`,
					`0 429 surfaced ${parallel.surfaced + oneAtATime.surfaced === 0 ? 'PASS' : 'FAIL'}`,
				];
				if (latencyMs === SPEEDUP_GOAL_LATENCY_MS) goals.push(`>= ${SPEEDUP_GOAL}x faster than one at a time ${speedup >= SPEEDUP_GOAL ? 'PASS' : 'FAIL'}`);
				if (workload === 'return_all') goals.push(`RSS growth <= ${RSS_GROWTH_GOAL_MB} MB ${parallel.rssGrowthMb <= RSS_GROWTH_GOAL_MB ? 'PASS' : 'FAIL'}`);
				const passed = goals.every((g) => g.endsWith('PASS'));
				sweepRows.push({ workload, latencyMs, parallel, oneAtATime, goals, passed });
				const name = `sweep.${workload}.latency_${latencyMs}ms`;
				for (const [label, run] of [['default', parallel], ['one_at_a_time', oneAtATime]] as const) {
					figure(
						`${name}.${label}`,
						`wall ${(run.wallMs / 1000).toFixed(2)} s, ${run.requests} requests, floor ${(run.floorMs / 1000).toFixed(2)} s, wall/floor ${(run.wallMs / run.floorMs).toFixed(2)}, ` +
							`429 received ${run.refused}, 429 surfaced ${run.surfaced}, errors ${run.errors}, records ${run.records}, peak RSS ${run.peakRssMb.toFixed(1)} MB, RSS growth ${run.rssGrowthMb.toFixed(1)} MB`,
					);
				}
				figure(`${name}.speedup_vs_one_at_a_time`, speedup);
				figure(`${name}.goals`, `${passed ? 'PASS' : 'FAIL'}: ${goals.join('; ')}`);
			}
		}
		figure('sweep.rows_passing_every_goal', `${sweepRows.filter((r) => r.passed).length}/${sweepRows.length}`);

		// How many requests underway the default needs: the fan-out at the highest latency, per Parallel Requests.
		const latencyMs = SWEEP_LATENCIES_MS[SWEEP_LATENCIES_MS.length - 1];
		for (const parallelRequests of PARALLELISM_STEPS) {
			const run = await measure('fanout', latencyMs, { requestOptions: { parallelRequests } });
			figure(`sweep.parallel_requests_${parallelRequests}.fanout_latency_${latencyMs}ms`, `wall ${(run.wallMs / 1000).toFixed(2)} s, wall/floor ${(run.wallMs / run.floorMs).toFixed(2)}, 429 received ${run.refused}, peak RSS ${run.peakRssMb.toFixed(1)} MB`);
		}
	} finally {
		sim.stop();
	}
}

/** Per-answer latency of section 8's latency rows (scaled ms, x20 real: 25 stands for 500 ms). */
const COMPARISON_LATENCY_MS = 25;

interface ComparisonRow {
	what: string;
	syncro: string;
	builtIn: string;
}
const comparisonRows: ComparisonRow[] = [];
const burstRows: Array<{ what: string; syncro: string; webhook: string; ratio: string }> = [];

/**
 * Section 8: the Syncro node beside n8n's built-in SyncroMSP node (bench/builtin.ts), the same workloads
 * against the same simulator, each run in a fresh process: Return All at the rate limit, Return All and a
 * fan-out at a real latency, and what `limit` returns.
 */
async function comparison(): Promise<void> {
	const { builtInSources } = await import('./builtin');
	const source = builtInSources()[0];
	heading(
		`8. Compared with n8n's built-in SyncroMSP node (n8n-nodes-base of n8n ${source?.n8n ?? '(none installed)'}): the same workloads, ` +
			`the same simulator (${LIMIT} requests per ${WINDOW_MS} ms window), each in a fresh process`,
	);
	if (!source) {
		figure('compare.skipped', 'no n8n runtime installed (node test/e2e/install.js installs one)');
		return;
	}
	const sim = await SimProcess.start({ tickets: 10_000 });
	try {
		const run = async (mode: string, latencyMs: number, nodeParameters: Record<string, unknown> = {}) => {
			await sim.reset({ limit: LIMIT, windowMs: WINDOW_MS }, latencyMs);
			const result = await runChild(mode, sim, {}, nodeParameters);
			const { requests, refused } = await sim.stats();
			return { ...result, requests: requests.length, refused };
		};
		const describe = (r: Awaited<ReturnType<typeof run>>) =>
			`${r.records} records${r.error ? `, the node failed: ${r.error.slice(0, 90)}` : ''}, ${r.requests} request${r.requests === 1 ? '' : 's'}, ${r.refused} answered 429, ${(r.ms / 1000).toFixed(2)} s`;
		const row = (what: string, ours: Awaited<ReturnType<typeof run>>, theirs: Awaited<ReturnType<typeof run>>, key: string) => {
			figure(`compare.${key}.syncro`, describe(ours));
			figure(`compare.${key}.built_in`, describe(theirs));
			comparisonRows.push({ what, syncro: describe(ours), builtIn: describe(theirs) });
		};

		row('Return All of 10,000 tickets at the rate limit', await run('node', 0), await run('builtin', 0), 'return_all_at_rate_limit');

		const oursSlow = await run('node', COMPARISON_LATENCY_MS);
		const theirsSlow = await run('builtin', COMPARISON_LATENCY_MS);
		row(`Return All of 10,000 tickets, ${COMPARISON_LATENCY_MS * 20} ms per answer`, oursSlow, theirsSlow, 'return_all_latency');
		figure('compare.return_all_latency.speedup', theirsSlow.ms / oursSlow.ms);

		const oursFan = await run('fanout', COMPARISON_LATENCY_MS, { items: 500 });
		const theirsFan = await run('builtin-fanout', COMPARISON_LATENCY_MS, { items: 500 });
		row(`Get Ticket for 500 input items, ${COMPARISON_LATENCY_MS * 20} ms per answer`, oursFan, theirsFan, 'fanout_latency');
		figure('compare.fanout_latency.speedup', theirsFan.ms / oursFan.ms);

		for (const limit of [5, 100]) {
			row(`Get Many tickets with Limit ${limit}`, await run('node', 0, { returnAll: false, limit }), await run('builtin', 0, { returnAll: false, limit }), `limit_${limit}`);
		}
	} finally {
		sim.stop();
	}
}

/**
 * Section 9: a burst of webhook deliveries into a real n8n, the Syncro Trigger beside n8n's Webhook node
 * (bench/burst.ts). Goal: drain and CPU within 1.1x of the Webhook node, RSS peak within 1.2x, answers no
 * slower; nothing lost or duplicated; every resent delivery dropped; a wrong secret 401.
 */
async function burst(): Promise<void> {
	const { BURST, burstRun, ensureBurstRuntime, packForBurst } = await import('./burst');
	const pairs = Number(process.env.BENCH_BURST_RUNS ?? 2);
	heading(
		`9. A burst of webhook deliveries into a real n8n: ${BURST.deliveries} RMM alerts, ${BURST.inFlight} in flight, the Syncro Trigger ` +
			`beside n8n's Webhook node (same workflow otherwise; simulator ${BURST.limit} requests per ${BURST.windowMs} ms), ${pairs} runs each, alternating`,
	);
	await ensureBurstRuntime((line) => console.log(line));
	const sim = await SimProcess.start({ rateLimit: { limit: BURST.limit, windowMs: BURST.windowMs } });
	const packed = await packForBurst();
	try {
		const runs: Array<Awaited<ReturnType<typeof burstRun>>> = [];
		for (let i = 1; i <= pairs; i++) {
			for (const trigger of ['syncro', 'webhook'] as const) runs.push(await burstRun(sim, packed.tarball, trigger, `burst-${trigger}-${i}`, (line) => console.log(line)));
		}
		// n8n's share: the same pair once more under each n8n setting that takes n8n 2.41's isolate out of the way.
		// Its default engine runs expressions in isolates and takes one for every webhook call to a node other than
		// its own Webhook node, before the node's code runs (live-webhooks.ts, webhookPhaseNeedsIsolate): with the
		// former engine there is no isolate; with lazy acquiring, one is made only when an expression runs.
		const settings = [
			{ key: 'legacy_engine', label: 'N8N_EXPRESSION_ENGINE=legacy', env: { N8N_EXPRESSION_ENGINE: 'legacy' } },
			{ key: 'lazy_acquire', label: 'N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true', env: { N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true' } },
		];
		const settingPairs: Array<{ key: string; label: string; pair: typeof runs }> = [];
		for (const setting of settings) {
			const pair: typeof runs = [];
			for (const trigger of ['syncro', 'webhook'] as const) {
				pair.push(await burstRun(sim, packed.tarball, trigger, `burst-${trigger}-${setting.key}`, (line) => console.log(line), setting.env));
			}
			settingPairs.push({ key: setting.key, label: setting.label, pair });
		}
		const of = (trigger: string) => runs.filter((r) => r.trigger === trigger);
		const range = (values: number[], digits = 0) => {
			const lo = Math.min(...values).toFixed(digits);
			const hi = Math.max(...values).toFixed(digits);
			return lo === hi ? lo : `${lo}-${hi}`;
		};
		const ours = of('syncro');
		const theirs = of('webhook');
		const metrics: Array<[string, (r: (typeof runs)[number]) => number, number, string]> = [
			['answer_p50_ms', (r) => r.p50Ms, 0, 'answers p50 (ms)'],
			['answer_p95_ms', (r) => r.p95Ms, 0, 'answers p95 (ms)'],
			['drain_s', (r) => r.drainMs / 1000, 1, 'all 200 executions finished (s)'],
			['cpu_s', (r) => r.cpuS, 1, 'n8n CPU for the phase (s)'],
			['rss_peak_mb', (r) => r.rssPeakMb, 0, 'n8n RSS peak (MB)'],
		];
		for (const [key, get, digits, what] of metrics) {
			const ratio = median(ours.map(get)) / median(theirs.map(get));
			figure(`burst.${key}.syncro_trigger`, range(ours.map(get), digits));
			figure(`burst.${key}.webhook_node`, range(theirs.map(get), digits));
			figure(`burst.${key}.ratio`, ratio);
			burstRows.push({ what, syncro: range(ours.map(get), digits), webhook: range(theirs.map(get), digits), ratio: ratio.toFixed(2) });
		}
		const sum = (get: (r: (typeof runs)[number]) => number, list = runs) => list.reduce((total, r) => total + get(r), 0);
		figure('burst.lost', sum((r) => r.lost));
		figure('burst.duplicated', sum((r) => r.duplicated));
		figure('burst.non_2xx_answers', sum((r) => r.non2xx));
		figure('burst.answers_not_received_true', sum((r) => r.unacknowledged, ours));
		figure('burst.failed_executions', sum((r) => r.failedExecutions));
		figure('burst.resent_dropped_as_duplicates', ours.map((r) => `${r.duplicatesDropped}/${BURST.deliveries}`).join(', '));
		figure('burst.tickets_after_resend', ours.map((r) => r.ticketsAfterResend ?? 0).join(', '));
		figure('burst.wrong_secret_status', ours.map((r) => r.wrongSecretStatus ?? 0).join(', '));
		figure('burst.at_10s.syncro_trigger', ours.map((r) => `${r.ticketsAt10s} tickets, ${r.runningAt10s} running`).join('; '));
		figure('burst.at_10s.webhook_node', theirs.map((r) => `${r.ticketsAt10s} tickets, ${r.runningAt10s} running`).join('; '));
		for (const { key: setting, label, pair } of settingPairs) {
			const [oursThere, theirsThere] = pair;
			for (const [key, get, digits, what] of metrics) {
				const ratio = get(oursThere) / get(theirsThere);
				figure(`burst.${setting}.${key}.syncro_trigger`, get(oursThere).toFixed(digits));
				figure(`burst.${setting}.${key}.webhook_node`, get(theirsThere).toFixed(digits));
				figure(`burst.${setting}.${key}.ratio`, ratio);
				burstRows.push({ what: `${what}, ${label}`, syncro: get(oursThere).toFixed(digits), webhook: get(theirsThere).toFixed(digits), ratio: ratio.toFixed(2) });
			}
			figure(`burst.${setting}.lost_duplicated`, `${oursThere.lost + theirsThere.lost} lost, ${oursThere.duplicated + theirsThere.duplicated} duplicated, resent ${oursThere.duplicatesDropped}/${BURST.deliveries} dropped`);
		}
	} finally {
		packed.cleanup();
		sim.stop();
	}
}

/** Section 9 as a Markdown table. */
function burstTable(): string {
	if (burstRows.length === 0) return '';
	return ['| | Syncro Trigger | n8n Webhook node | ratio (medians) |', '|---|---|---|---|', ...burstRows.map((r) => `| ${r.what} | ${r.syncro} | ${r.webhook} | ${r.ratio} |`)].join('\n');
}

/** Section 8 as a Markdown table. */
function comparisonTable(): string {
	if (comparisonRows.length === 0) return '';
	return ['| workload | Syncro node | built-in SyncroMSP node |', '|---|---|---|', ...comparisonRows.map((r) => `| ${r.what} | ${r.syncro} | ${r.builtIn} |`)].join('\n');
}

/** The sweep as a Markdown table (for RESULTS.md and the console). */
function sweepTable(): string {
	if (sweepRows.length === 0) return '';
	const s = (ms: number) => (ms / 1000).toFixed(2);
	const lines = [
		'| workload | latency (scaled ms) | requests | floor s | wall s default | wall/floor | wall s one at a time | wall/floor | speedup | 429 received (default / one) | 429 surfaced | peak RSS MB (default / one) | RSS growth MB (default / one) | goals |',
		'|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
	];
	for (const r of sweepRows) {
		const p = r.parallel;
		const o = r.oneAtATime;
		lines.push(
			`| ${r.workload} | ${r.latencyMs} | ${p.requests} | ${s(p.floorMs)} | ${s(p.wallMs)} | ${(p.wallMs / p.floorMs).toFixed(2)} | ${s(o.wallMs)} | ${(o.wallMs / o.floorMs).toFixed(2)} | ` +
				`${(o.wallMs / p.wallMs).toFixed(2)} | ${p.refused} / ${o.refused} | ${p.surfaced + o.surfaced} | ${p.peakRssMb.toFixed(0)} / ${o.peakRssMb.toFixed(0)} | ` +
				`${p.rssGrowthMb.toFixed(1)} / ${o.rssGrowthMb.toFixed(1)} | ${r.passed ? 'PASS' : 'FAIL'}: ${r.goals.join('; ')} |`,
		);
	}
	return lines.join('\n');
}

async function main(): Promise<void> {
	const started = Date.now();
	// Other work on the machine distorts single figures (ratios less): keep the load seen during the run.
	const loads: number[] = [os.loadavg()[0]];
	const sampler = setInterval(() => loads.push(os.loadavg()[0]), 10_000);
	console.log(`# n8n-nodes-syncro benchmark (window ${WINDOW_MS} ms = Syncro's minute / 20, limit ${LIMIT} per window)`);
	const only = process.env.BENCH_SECTIONS ? new Set(process.env.BENCH_SECTIONS.split(',').map((x) => x.trim())) : undefined;
	const wanted = (section: number) => !only || only.has(String(section));
	if ([1, 2, 5, 6].some(wanted)) {
		const sim = await SimProcess.start({ tickets: 10_000 });
		try {
			if (wanted(1)) await throughput(sim);
			if (wanted(2)) await fanOut(sim);
			if (wanted(5)) await faultMatrix(sim);
			if (wanted(6)) await badInput(sim);
		} finally {
			sim.stop();
		}
	}
	if (wanted(3)) await overhead();
	if (wanted(4)) await contention();
	if (wanted(7)) await latencySweep();
	if (wanted(8)) await comparison();
	if (wanted(9)) await burst();
	await shutdownN8n();
	figure('bench.total_s', (Date.now() - started) / 1000);
	clearInterval(sampler);
	const loadText = `1-minute load average ${Math.min(...loads).toFixed(1)}-${Math.max(...loads).toFixed(1)} (median ${[...loads].sort((a, b) => a - b)[Math.floor(loads.length / 2)].toFixed(1)}) on ${os.cpus().length} cores`;
	figure('bench.machine_load', loadText);
	const table = sweepTable();
	if (table) console.log(`\n${table}`);
	const compared = comparisonTable();
	if (compared) console.log(`\n${compared}`);
	const burstDone = burstTable();
	if (burstDone) console.log(`\n${burstDone}`);
	if (only) {
		console.log('\nBENCH_SECTIONS set: bench/RESULTS.md left as it was.');
		process.exit(0);
	}

	const header = [
		'# Benchmark results',
		'',
		'Produced by `npm run bench` (bench/run.ts) on the project machine (2 cores, Node 20); the figures of the last run.',
		`Run at ${new Date().toISOString()}, ${loadText}. Time is scaled: ${LIMIT} requests per ${WINDOW_MS} ms window stands for Syncro's 180 per minute.`,
		'Ratios are measured within one run. Fractions of the limit count complete windows only; overhead figures are medians of 3 rounds in fresh processes.',
		'Each run of the latency sweep (section 7) is a fresh process; the floor is ceil(requests / 180 - 1) x 3 s + one latency (bench/README.md).',
	];
	// The queue-mode suite (test/e2e/queue) measures its own contention figures in a real n8n; keep them alongside.
	const queueFile = path.join(__dirname, 'RESULTS-queue.md');
	const queue = fs.existsSync(queueFile) ? `\n${fs.readFileSync(queueFile, 'utf8').trim()}\n` : '';
	const sweep = table ? `\n## Latency sweep (section 7) as a table\n\n${table}\n` : '';
	const versus = compared ? `\n## Compared with the built-in SyncroMSP node (section 8) as a table\n\n${compared}\n` : '';
	const bursts = burstDone ? `\n## Webhook burst (section 9) as a table\n\n${burstDone}\n` : '';
	fs.writeFileSync(path.join(__dirname, 'RESULTS.md'), `${header.join('\n')}\n\n\`\`\`\n${lines.join('\n').trim()}\n\`\`\`\n${sweep}${versus}${bursts}${queue}`);
	process.exit(0);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
