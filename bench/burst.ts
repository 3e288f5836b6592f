/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-hardcoded-secrets -- benchmark code: runs under Node.js in this repository, never inside n8n; the password is that of the throwaway owner of each run's temporary n8n */
/**
 * Section 9 of `npm run bench`: a burst of Syncro webhook deliveries into a real n8n, the Syncro Trigger beside
 * n8n's own Webhook node (issue 24).
 *
 * Each run is a fresh `n8n start` (the default runtime of the e2e suites, one main process, SQLite) with one
 * workflow active: the RMM-alert-to-ticket example as it ships (Syncro Trigger -> Create Ticket), or the same
 * workflow with n8n's Webhook node (POST, "Respond: Immediately") in place of the trigger and the same Syncro
 * node reading the same fields from the Webhook node's `body`. The simulator runs in its own process with
 * Syncro's limit at 180 requests per 20 s window (the credential is told the same), so the 200 tickets need two
 * windows. 200 distinct RMM alert deliveries go out 20 at a time; then, for the Syncro Trigger, the same 200
 * again (each must be dropped as a duplicate) and one with a wrong secret (401).
 *
 * Measured per run: answer latency (p50, p95), drain time (first delivery sent -> every execution finished, as
 * n8n's public API reports them), n8n's CPU time over that phase (user + system of every process in n8n's
 * process group, task runners included, from /proc) and its RSS peak (the group's RSS summed, sampled every
 * 100 ms). Runs alternate (trigger, webhook, trigger, webhook, ...: BENCH_BURST_RUNS pairs, default 2) so that
 * drift of the machine hits both alike; the ratios are of the medians.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/* eslint-disable @typescript-eslint/no-require-imports -- the e2e helpers are CommonJS */
const { N8n, installPackage, packPackage, sleep } = require('../test/e2e/n8n');
const { ensureN8n } = require('../test/e2e/install');
const { loadExample, secretUrlOf, variant } = require('../test/e2e/checks');
const { WORKFLOW_IDS } = require('../test/e2e/workflow-ids');
/* eslint-enable @typescript-eslint/no-require-imports */

export const BURST = { deliveries: 200, inFlight: 20, limit: 180, windowMs: 20_000 };
const OWNER = { email: 'bench-owner@example.com', password: 'BenchOwner-Pass1', firstName: 'Bench', lastName: 'Owner' };
const CREDENTIAL = { id: 'BenchBurstCred01', name: 'Syncro (burst benchmark)' };
const CLOCK_TICKS = 100;
const PAGE_BYTES = 4096;

/** A workflow as exported by n8n (what examples/*.json hold), as far as the benchmark reads it. */
interface NodeJson {
	id: string;
	name: string;
	type: string;
	typeVersion?: number;
	position: [number, number];
	webhookId?: string;
	parameters: Record<string, unknown> & { options?: Record<string, unknown> };
}
interface WorkflowJson {
	id: string;
	name: string;
	nodes: NodeJson[];
	connections: Record<string, unknown>;
}
interface PublicApi {
	api(method: string, apiPath: string): Promise<{ status: number; body: { data: unknown[]; nextCursor?: string | null } }>;
}

export interface BurstSim {
	baseUrl: string;
	token: string;
	call<T>(message: Record<string, unknown>): Promise<T>;
}

export interface BurstRun {
	trigger: 'syncro' | 'webhook';
	p50Ms: number;
	p95Ms: number;
	drainMs: number;
	cpuS: number;
	rssPeakMb: number;
	non2xx: number;
	/** Syncro Trigger: 200s whose body is not the node's {"received": true, ...}. */
	unacknowledged: number;
	lost: number;
	duplicated: number;
	failedExecutions: number;
	/** Syncro Trigger only: of the 200 sent again, how many were answered as duplicates, and new tickets after them. */
	duplicatesDropped?: number;
	ticketsAfterResend?: number;
	wrongSecretStatus?: number;
	/** Tickets in Syncro and executions still running 10 s into the burst. */
	ticketsAt10s: number;
	runningAt10s: number;
}

/** CPU seconds (user + system, children that ended included) and RSS of every process in a process group. */
function groupUsage(pgid: number): { cpuS: number; rssMb: number } {
	let ticks = 0;
	let pages = 0;
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		let stat: string;
		try {
			stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
		} catch {
			continue;
		}
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		if (Number(fields[2]) !== pgid) continue;
		ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
		pages += Number(fields[21]);
	}
	return { cpuS: ticks / CLOCK_TICKS, rssMb: (pages * PAGE_BYTES) / 1024 / 1024 };
}

function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

async function post(url: string, body: unknown): Promise<{ status: number; text: string; ms: number }> {
	const started = performance.now();
	const res = await fetch(url, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', 'User-Agent': 'Syncro Webhook' },
		body: JSON.stringify(body),
		signal: AbortSignal.timeout(120_000),
	});
	const text = await res.text();
	return { status: res.status, text, ms: performance.now() - started };
}

/** Sends every body, `inFlight` at a time; answers in the order of `bodies`. */
async function sendAll(url: string, bodies: unknown[], inFlight: number): Promise<Array<{ status: number; text: string; ms: number }>> {
	const answers: Array<{ status: number; text: string; ms: number }> = new Array(bodies.length);
	let next = 0;
	await Promise.all(
		Array.from({ length: inFlight }, async () => {
			while (next < bodies.length) {
				const i = next++;
				answers[i] = await post(url, bodies[i]).catch((error: Error) => ({ status: 0, text: error.message, ms: 0 }));
			}
		}),
	);
	return answers;
}

/** The example with n8n's Webhook node in place of the Syncro Trigger, the Syncro node reading the same fields. */
function webhookWorkflow(example: WorkflowJson): WorkflowJson {
	const workflow: WorkflowJson = variant(example, WORKFLOW_IDS.bench.burstWebhook, 'bench: RMM alert to ticket (n8n Webhook node)', CREDENTIAL);
	const trigger = workflow.nodes.find((n) => n.type === 'n8n-nodes-syncro.syncroTrigger')!;
	const webhook: NodeJson = {
		parameters: { httpMethod: 'POST', path: 'bench-burst', responseMode: 'onReceived', options: {} },
		id: trigger.id,
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: trigger.position,
		webhookId: 'b3b1e6a0-2c4d-4e5f-8a9b-0c1d2e3f4a5b',
	};
	workflow.nodes = workflow.nodes.map((n) => (n === trigger ? webhook : n));
	workflow.connections = { Webhook: workflow.connections[trigger.name] };
	const create = workflow.nodes.find((n) => n.type === 'n8n-nodes-syncro.syncro')!;
	create.parameters = JSON.parse(
		JSON.stringify(create.parameters).replace(/\$json\.record/g, '$json.body.attributes').replace(/\$json\.(text|link)/g, '$json.body.$1'),
	);
	return workflow;
}

/** Finished executions of a workflow (success or error), through the public API. */
async function finishedExecutions(n8n: PublicApi, workflowId: string): Promise<{ success: number; error: number; running: number }> {
	const count = async (status: string) => {
		let total = 0;
		let cursor = '';
		for (;;) {
			const res = await n8n.api('GET', `/executions?workflowId=${workflowId}&status=${status}&limit=250${cursor ? `&cursor=${cursor}` : ''}`);
			if (res.status !== 200) throw new Error(`executions API answered ${res.status}: ${JSON.stringify(res.body).slice(0, 200)}`);
			total += res.body.data.length;
			if (!res.body.nextCursor) return total;
			cursor = res.body.nextCursor;
		}
	};
	return { success: await count('success'), error: await count('error'), running: await count('running') };
}

/** One run: a fresh n8n with one workflow active, the burst, then (Syncro Trigger) duplicates and a wrong secret. */
export async function burstRun(
	sim: BurstSim,
	tarball: string,
	trigger: 'syncro' | 'webhook',
	label: string,
	log: (line: string) => void,
	env: Record<string, string> = {},
): Promise<BurstRun> {
	// BENCH_BURST_N8N_ENV='{"NAME":"value"}' adds to n8n's environment (for diagnosis, e.g. a CPU profile).
	const n8n = new N8n({ env: { ...env, ...JSON.parse(process.env.BENCH_BURST_N8N_ENV ?? '{}') } });
	try {
		await n8n.allocatePorts();
		await installPackage(n8n.userFolder, tarball);
		const connection = { subdomain: 'demo-msp', apiToken: sim.token, baseUrl: sim.baseUrl, timeoutSeconds: 60, requestsPerMinute: BURST.limit, rateLimitWindowMs: BURST.windowMs };
		await n8n.importCredentials([{ ...CREDENTIAL, type: 'syncroApi', data: connection }]);
		const example = loadExample('rmm-alert-to-ticket.json');
		const workflow: WorkflowJson =
			trigger === 'syncro' ? variant(example, WORKFLOW_IDS.bench.burstTrigger, 'bench: RMM alert to ticket (Syncro Trigger)', CREDENTIAL) : webhookWorkflow(example);
		// BENCH_BURST_TRIGGER_OPTIONS='{"duplicateWindowMinutes":0}' changes the Syncro Trigger's options (for diagnosis).
		const node = workflow.nodes.find((n) => n.type === 'n8n-nodes-syncro.syncroTrigger');
		if (node) node.parameters.options = Object.assign(node.parameters.options ?? {}, JSON.parse(process.env.BENCH_BURST_TRIGGER_OPTIONS ?? '{}'));
		await n8n.importWorkflows([workflow]);
		await n8n.start();
		await n8n.setupOwner(OWNER);
		await n8n.createApiKey();
		const activated = await n8n.activate(workflow.id);
		if (activated.status !== 200) throw new Error(`activating ${workflow.name} answered ${activated.status}`);
		let url: string;
		if (trigger === 'syncro') {
			const page = await n8n.webhookFetch(`${n8n.origin}/webhook/${node?.webhookId}/syncro`);
			const text = await page.text();
			const found: string | undefined = secretUrlOf(text);
			if (!found) throw new Error(`no URL with a secret on the setup page (${page.status}): ${text.slice(0, 200)}`);
			url = found;
		} else {
			url = `${n8n.origin}/webhook/bench-burst`;
		}
		// One delivery first (not measured): the webhook is live, n8n's code paths are loaded, a ticket exists.
		const [warmup] = await sim.call<unknown[]>({ type: 'rmmDeliveries', count: 1, label: `${label} warm-up` });
		const warm = await n8n.webhookFetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(warmup) });
		if (warm.status !== 200) throw new Error(`the warm-up delivery answered ${warm.status}: ${(await warm.text()).slice(0, 200)}`);
		for (let i = 0; i < 600 && (await finishedExecutions(n8n, workflow.id)).success < 1; i++) await sleep(100);
		// The warm-up's request leaves the throttle's window before the burst starts: both triggers get the full limit.
		await sleep(BURST.windowMs + 1000);

		const bodies = await sim.call<unknown[]>({ type: 'rmmDeliveries', count: BURST.deliveries, label });
		const pgid = n8n.server.pid as number;
		const before = groupUsage(pgid);
		let rssPeakMb = before.rssMb;
		const sampler = setInterval(() => {
			rssPeakMb = Math.max(rssPeakMb, groupUsage(pgid).rssMb);
		}, 100);
		const started = performance.now();
		let ticketsAt10s = -1;
		let runningAt10s = -1;
		const mark = setTimeout(() => {
			void Promise.all([sim.call<string[]>({ type: 'ticketSubjects', contains: `${label} alert ` }), finishedExecutions(n8n, workflow.id)]).then(([subjects, executions]) => {
				ticketsAt10s = subjects.length;
				runningAt10s = executions.running;
			});
		}, 10_000);
		const answers = await sendAll(url, bodies, BURST.inFlight);
		// Drained: every ticket is in Syncro and every execution has finished.
		let executions = { success: 0, error: 0, running: 0 };
		for (;;) {
			const subjects = await sim.call<string[]>({ type: 'ticketSubjects', contains: `${label} alert ` });
			if (subjects.length >= BURST.deliveries) {
				executions = await finishedExecutions(n8n, workflow.id);
				if (executions.success + executions.error >= BURST.deliveries + 1) break;
			}
			if (performance.now() - started > 300_000) throw new Error(`not drained after 300 s: ${subjects.length} tickets, ${JSON.stringify(executions)}`);
			await sleep(100);
		}
		const drainMs = performance.now() - started;
		clearInterval(sampler);
		clearTimeout(mark);
		const after = groupUsage(pgid);
		const latencies = answers.map((a) => a.ms);
		const run: BurstRun = {
			trigger,
			p50Ms: percentile(latencies, 50),
			p95Ms: percentile(latencies, 95),
			drainMs,
			cpuS: after.cpuS - before.cpuS,
			rssPeakMb: Math.max(rssPeakMb, after.rssMb),
			non2xx: answers.filter((a) => a.status < 200 || a.status > 299).length,
			// Syncro Trigger: n8n's answer must be the node's {received, event}; the Webhook node's is n8n's own message.
			unacknowledged: trigger === 'syncro' ? answers.filter((a) => !a.text.includes('"received":true')).length : 0,
			lost: 0,
			duplicated: 0,
			failedExecutions: executions.error,
			ticketsAt10s,
			runningAt10s,
		};

		if (trigger === 'syncro') {
			const again = await sendAll(url, bodies, BURST.inFlight);
			run.duplicatesDropped = again.filter((a) => a.status === 200 && a.text.includes('duplicate delivery')).length;
			const wrong = await post(url.replace(/secret=[^&]+/, 'secret=not-the-secret'), bodies[0]);
			run.wrongSecretStatus = wrong.status;
			await sleep(2000);
		}
		const subjects = await sim.call<string[]>({ type: 'ticketSubjects', contains: `${label} alert ` });
		const expected = new Set((bodies as Array<{ attributes: { description: string } }>).map((b) => b.attributes.description));
		const found = new Map<string, number>();
		for (const subject of subjects) {
			const description = /: (.*)$/.exec(subject)?.[1] ?? subject;
			found.set(description, (found.get(description) ?? 0) + 1);
		}
		run.lost = [...expected].filter((d) => !found.has(d)).length;
		run.duplicated = [...found.values()].reduce((sum, n) => sum + n - 1, 0);
		if (trigger === 'syncro') run.ticketsAfterResend = subjects.length;
		log(
			`  ${label} (${trigger === 'syncro' ? 'Syncro Trigger' : 'n8n Webhook node'}): answers p50 ${run.p50Ms.toFixed(0)} / p95 ${run.p95Ms.toFixed(0)} ms, ` +
				`drained in ${(drainMs / 1000).toFixed(1)} s, n8n CPU ${run.cpuS.toFixed(1)} s, RSS peak ${run.rssPeakMb.toFixed(0)} MB; ` +
				`at +10 s ${ticketsAt10s} tickets, ${runningAt10s} running; lost ${run.lost}, duplicated ${run.duplicated}, non-2xx ${run.non2xx}${trigger === 'syncro' ? `, not {received: true} ${run.unacknowledged}` : ''}, failed executions ${run.failedExecutions}` +
				(trigger === 'syncro' ? `; sent again: ${run.duplicatesDropped}/${BURST.deliveries} dropped as duplicates, wrong secret ${run.wrongSecretStatus}` : ''),
		);
		return run;
	} finally {
		await n8n.stop().catch(() => undefined);
		fs.rmSync(n8n.userFolder, { recursive: true, force: true });
	}
}

/** Packs the package once for every run (dist/ must be built). */
export async function packForBurst(): Promise<{ tarball: string; cleanup: () => void }> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-syncro-burst-'));
	const tarball = await packPackage(dir);
	return { tarball, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export async function ensureBurstRuntime(log: (line: string) => void): Promise<void> {
	await ensureN8n({ log });
}
