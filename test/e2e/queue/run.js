#!/usr/bin/env node
// @ts-check
'use strict';
/**
 * The package in n8n's queue mode: a real n8n main + 2 workers + 1 webhook processor on loopback (the newest
 * 2.x of the version matrix, test/e2e/versions.js, unless `--n8n <version>` or QUEUE_N8N names another),
 * sharing Redis (Debian's redis-server, installed with apt-get when missing) and one database (a throwaway
 * PostgreSQL cluster when Debian's server binaries are there, else SQLite), each process with the packed
 * package installed as users install it.
 *
 *   node test/e2e/queue/run.js                       (after `npm run build`)
 *   node test/e2e/queue/run.js --n8n 2.8.4           on another runtime of the matrix
 *   node test/e2e/queue/run.js --results bench/RESULTS-queue.md   also writes the measured figures there
 *   QUEUE_ONLY=invoice,webhook,contention,polling    runs only those groups
 *   QUEUE_DB=sqlite|postgres                         forces the database (default: postgres when available)
 *   QUEUE_KEEP=1                                     keeps the folders and logs and prints where they are
 *
 * One line per check, each tagged with the runtime, then `queue (n8n X, Node Y): N passed, N failed`; exit 1
 * on any failure. When Redis cannot be had (not installed and apt-get fails), it says why and ends with
 * `queue (…): 0 passed, 0 failed` (exit 0).
 */
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

const { ensureN8n } = require('../install');
const { label, runtimeFromArgs } = require('../versions');
const { WORKFLOW_IDS } = require('../workflow-ids');
const { killAll, packPackage, sleep, waitFor, REPO_ROOT } = require('../n8n');
const { createSimulator } = require('../../simulator/server');
const { rmmAlertDelivery } = require('../deliveries');
const { ensureRedis, findPostgres } = require('./services');
const { QueueCluster } = require('./cluster');
const { fanOutWorkflow, pollingWorkflow } = require('../workflows');
const {
	createReport, seconds, outputOf, runError, since, mutating, assertAuth, loadExample, secretUrlOf, variant, ticketToInvoice, ticketFeed, emittedRecords, assertEmittedOnce,
} = require('../checks');

const SANDBOX_CREDENTIAL = { id: 'SyncroSandbox001', name: 'Syncro account' };
/**
 * Contention, time-scaled: the simulator allows 180 requests per 18 s (Syncro: 180 per minute per IP), 10 a
 * second. Two workers at the whole limit then exceed it even on a busy machine (each needs only 5 requests a
 * second; with 180 per 3 s, a loaded 2-core machine served 462 requests in 17-21 s without ever exceeding it,
 * and the phase proved nothing).
 */
const RATE = { limit: 180, windowMs: 18_000 };
const CONTENTION = { extraCustomers: 1990, fanOutItems: 150, runsPerWorkflow: 2 };
const POLL_EVERY_S = 3;
const WORKERS = 2;
const OWNER = { email: 'queue-owner@example.com', password: 'QueueOwner-Pass1', firstName: 'Queue', lastName: 'Owner' };
const OVERALL_TIMEOUT_MS = 25 * 60_000;
const ONLY = (process.env.QUEUE_ONLY ?? '').split(',').map((s) => s.trim()).filter(Boolean);
const wanted = (/** @type {string} */ group) => ONLY.length === 0 || ONLY.includes(group);
const resultsIndex = process.argv.indexOf('--results');
const RESULTS_FILE = resultsIndex > 0 ? path.resolve(process.argv[resultsIndex + 1] ?? 'bench/RESULTS-queue.md') : undefined;

/** @type {QueueCluster | undefined} */
let activeCluster;
let databaseUsed = 'PostgreSQL';
const RUNTIME = runtimeFromArgs(process.argv.slice(2), process.env.QUEUE_N8N);
const LABEL = label(RUNTIME);
const report = createReport(LABEL);
const { check, skipped, info } = report;
/** @type {Array<[string, string | number]>} */
const figures = [];

/** A measured figure: printed now, and written to the results file with --results. */
function figure(/** @type {string} */ name, /** @type {string | number} */ value) {
	const shown = typeof value === 'number' ? Number(value.toFixed(3)) : value;
	figures.push([name, shown]);
	console.log(`# figure ${name}: ${shown}`);
}

/** The busiest fixed window of the simulator's clock (how Syncro counts). */
function busiestWindow(/** @type {number[]} */ times, /** @type {number} */ windowMs) {
	/** @type {Map<number, number>} */
	const counts = new Map();
	for (const t of times) counts.set(Math.floor(t / windowMs), (counts.get(Math.floor(t / windowMs)) ?? 0) + 1);
	return Math.max(0, ...counts.values());
}

/** The n8n helpers bound to the cluster's main. */
function api(/** @type {QueueCluster} */ cluster) {
	const main = () => cluster.main.n8n;
	return {
		/** One execution (public API), with its data. @param {string|number} id */
		async execution(id) {
			const res = await main().api('GET', `/executions/${id}?includeData=true`);
			assert.equal(res.status, 200, `GET /executions/${id} answered ${res.status}: ${JSON.stringify(res.body).slice(0, 200)}`);
			return res.body;
		},
		/** Executions of a workflow, newest first (public API). @param {string} workflowId */
		async executions(workflowId) {
			/** @type {any[]} */
			const all = [];
			let cursor = '';
			for (let page = 0; page < 20; page++) {
				const res = await main().api('GET', `/executions?workflowId=${workflowId}&includeData=true&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
				assert.equal(res.status, 200, `GET /executions answered ${res.status}`);
				all.push(...res.body.data);
				cursor = res.body.nextCursor;
				if (!cursor) break;
			}
			return all;
		},
		/** Waits until an execution is no longer new, running or waiting. @param {string|number} id */
		async finished(id, timeoutMs = 120_000) {
			return await waitFor(
				async () => {
					const e = await this.execution(id);
					return e.finished || (e.status && !['new', 'running', 'waiting'].includes(e.status)) ? e : undefined;
				},
				{ timeoutMs, intervalMs: 250, what: `execution ${id} to finish` },
			);
		},
		/**
		 * "Execute workflow" as the editor does it (POST /rest/workflows/:id/run from the manual trigger): with
		 * OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS=true the main queues it for a worker. Returns the execution ID.
		 * @param {string} workflowId
		 */
		async runManually(workflowId) {
			const got = await main().rest('GET', `/rest/workflows/${workflowId}`);
			assert.equal(got.status, 200, `GET /rest/workflows/${workflowId} answered ${got.status}`);
			const workflowData = got.body.data ?? got.body;
			const trigger = workflowData.nodes.find((/** @type {any} */ n) => n.type === 'n8n-nodes-base.manualTrigger');
			const res = await main().rest('POST', `/rest/workflows/${workflowId}/run`, { workflowData, triggerToStartFrom: { name: trigger.name } });
			const executionId = (res.body?.data ?? res.body)?.executionId;
			assert.ok(res.status === 200 && executionId, `POST /rest/workflows/${workflowId}/run answered ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`);
			return String(executionId);
		},
	};
}

async function main() {
	const started = Date.now();
	const keep = process.env.QUEUE_KEEP === '1';

	// Redis first: without it there is no queue mode to test.
	const redis = await ensureRedis(info);
	if (!redis.bin) {
		info(`queue mode not tested: ${redis.why}`);
		return;
	}
	info(redis.installedMs ? `redis-server installed with apt-get in ${seconds(redis.installedMs)}` : `redis-server at ${redis.bin}`);

	const requestedDb = process.env.QUEUE_DB;
	const pgBin = requestedDb === 'sqlite' ? undefined : findPostgres();
	if (requestedDb === 'postgres' && !pgBin) throw new Error('QUEUE_DB=postgres, but no PostgreSQL server binaries (initdb, postgres) were found');
	databaseUsed = pgBin ? 'PostgreSQL' : 'SQLite';
	info(pgBin ? `database: PostgreSQL (throwaway cluster from ${pgBin})` : 'database: SQLite shared by every process (n8n warns that scaling mode is not officially supported with SQLite)');

	const install = await ensureN8n({ runtime: RUNTIME, log: info });
	info(install.installed ? `${LABEL} installed in ${seconds(install.ms)}` : `${LABEL} already installed`);

	const cluster = (activeCluster = new QueueCluster({
		runtime: RUNTIME,
		workers: WORKERS,
		// 2 jobs per worker, so that the 4 contention runs split 2 and 2 between the workers (n8n warns below 5:
		// a deployment keeps its default of 10; the throttle is per process whatever the concurrency).
		concurrency: 2,
		database: pgBin ? { kind: 'postgres', binDir: pgBin } : { kind: 'sqlite' },
		redisBin: redis.bin,
		keep,
		log: info,
	}));
	/** @type {any} */
	let sim;
	try {
		const tarball = await packPackage(path.join(cluster.root, 'pack'));
		info(`packed ${path.basename(tarball)}`);
		sim = await createSimulator({ quiet: true });
		info(`Syncro simulator at ${sim.baseUrl}`);
		await cluster.prepare(tarball);
		await scenarios(cluster, sim);
	} finally {
		const t = Date.now();
		await cluster.shutdown();
		if (sim) await sim.close().catch(() => undefined);
		info(`cluster stopped in ${seconds(Date.now() - t)}`);
		if (keep) info(`kept ${cluster.root}`);
	}
	figure('queue.suite_total_s', (Date.now() - started) / 1000);
	info(`queue-mode run took ${seconds(Date.now() - started)}`);
}

/** @param {QueueCluster} cluster @param {any} sim */
async function scenarios(cluster, sim) {
	const connection = { subdomain: 'demo-msp', apiToken: sim.token, baseUrl: sim.baseUrl, timeoutSeconds: 30 };
	const full = { id: 'QueueCredFull0001', name: 'Syncro (scaled, 180 per process)' };
	const shared = { id: 'QueueCredShare001', name: `Syncro (scaled, 180/${WORKERS} per process)` };
	const main = cluster.main.n8n;
	const n8nApi = api(cluster);

	const t0 = Date.now();
	await main.importCredentials([
		{ ...SANDBOX_CREDENTIAL, type: 'syncroApi', data: { ...connection, requestsPerMinute: 180 } },
		// Time-scaled: every worker may send the whole limit (the default when nobody divides it)...
		{ ...full, type: 'syncroApi', data: { ...connection, requestsPerMinute: RATE.limit, rateLimitWindowMs: RATE.windowMs } },
		// ...or its share of it: the limit divided by the number of workers.
		{ ...shared, type: 'syncroApi', data: { ...connection, requestsPerMinute: Math.floor(RATE.limit / WORKERS), rateLimitWindowMs: RATE.windowMs } },
	]);
	const ticketIds = sim.db.table('tickets').all().map((/** @type {any} */ t) => t.id).slice(0, 30);
	const examples = { ticketToInvoice: loadExample('ticket-to-invoice.json'), rmmToTicket: loadExample('rmm-alert-to-ticket.json') };
	const exportAll = loadExample('export-all-customers.json');
	const contention = {
		full: {
			returnAll: variant(exportAll, WORKFLOW_IDS.queue.exportFull, 'queue e2e: return all (180 per process)', full),
			fanOut: fanOutWorkflow(WORKFLOW_IDS.queue.fanOutFull, 'queue e2e: fan-out (180 per process)', full, CONTENTION.fanOutItems, ticketIds),
		},
		shared: {
			returnAll: variant(exportAll, WORKFLOW_IDS.queue.exportShared, `queue e2e: return all (180/${WORKERS} per process)`, shared),
			fanOut: fanOutWorkflow(WORKFLOW_IDS.queue.fanOutShared, `queue e2e: fan-out (180/${WORKERS} per process)`, shared, CONTENTION.fanOutItems, ticketIds),
		},
	};
	const polling = pollingWorkflow(WORKFLOW_IDS.queue.polling, 'queue e2e: new tickets (polling trigger)', SANDBOX_CREDENTIAL, POLL_EVERY_S);
	const workflows = [...Object.values(examples), contention.full.returnAll, contention.full.fanOut, contention.shared.returnAll, contention.shared.fanOut, polling];
	await main.importWorkflows(workflows);
	info(`database migrated; imported 3 credentials and ${workflows.length} workflows through the main's CLI in ${seconds(Date.now() - t0)}`);

	const t1 = Date.now();
	await cluster.startAll();
	figure('queue.cluster_start_s', (Date.now() - t1) / 1000);
	info(`main ${main.origin}, webhook processor ${cluster.webhookOrigin}, ${cluster.workers.map((w) => `${w.name} (health :${w.healthPort})`).join(', ')}: ready in ${seconds(Date.now() - t1)}`);
	await main.setupOwner(OWNER);
	await main.createApiKey();

	await check('queue mode: main, workers and webhook processor up, each with the package installed in its own user folder and loaded', async () => {
		const res = await fetch(`${main.origin}/types/nodes.json`, { headers: { Cookie: main.cookie }, signal: AbortSignal.timeout(30_000) });
		assert.equal(res.status, 200, `GET /types/nodes.json answered ${res.status}`);
		const types = new Set((/** @type {any[]} */ (await res.json())).map((t) => t.name));
		for (const name of ['syncro', 'syncroTrigger', 'syncroPollingTrigger']) assert.ok(types.has(`n8n-nodes-syncro.${name}`), `the main does not know n8n-nodes-syncro.${name}`);
		for (const p of cluster.procs) {
			const text = cluster.logLines(p).map((l) => l.message).join('\n');
			assert.doesNotMatch(text, /Unrecognized node type|Error loading package|Failed to load/i, `${p.name}: the package did not load`);
			assert.ok(fs.existsSync(path.join(p.n8n.userFolder, '.n8n', 'nodes', 'node_modules', 'n8n-nodes-syncro', 'package.json')), `${p.name}: package not installed`);
		}
		const workerReady = cluster.workers.every((w) => cluster.logLines(w).some((l) => /n8n worker is now ready/.test(l.message)));
		assert.ok(workerReady, 'a worker never said it was ready');
		assert.ok(cluster.logLines(cluster.webhook).some((l) => /Webhook listener waiting for requests/.test(l.message)), 'the webhook processor never listened');
		return `${cluster.procs.map((p) => p.name).join(', ')}; the main lists the 3 node types, the others run them below`;
	});

	/** @type {string[]} */
	const secrets = [sim.token];
	if (wanted('invoice')) await invoiceScenario(cluster, sim, n8nApi, examples.ticketToInvoice);
	if (wanted('webhook')) await webhookScenario(cluster, sim, n8nApi, examples.rmmToTicket, secrets);
	if (wanted('contention')) await contentionScenario(cluster, sim, n8nApi, contention);
	if (wanted('polling')) await pollingScenario(cluster, sim, n8nApi, polling);

	await check('no secret in any log: neither the API token nor the trigger URL secret appears in a process log', () => {
		const text = cluster.allLogText();
		for (const secret of secrets) assert.ok(!text.includes(secret), `a secret (${secret.slice(0, 4)}…) appears in a log`);
		return `${secrets.length} secrets checked in ${cluster.procs.length + 1} logs`;
	});
}

/**
 * Ticket to invoice, run from the editor's "Execute workflow" and executed by a worker.
 * @param {QueueCluster} cluster @param {any} sim @param {ReturnType<typeof api>} n8nApi @param {any} workflow
 */
async function invoiceScenario(cluster, sim, n8nApi, workflow) {
	const mark = sim.requests.length;
	const t = Date.now();
	/** @type {any} */
	let execution;
	/** @type {string} */
	let id = '';
	const ran = await check('ticket to invoice: the manual run is queued by the main and executed by a worker, successfully', async () => {
		id = await n8nApi.runManually(workflow.id);
		execution = await n8nApi.finished(id);
		assert.equal(execution.status, 'success', `execution ${id} is ${execution.status}: ${runError(execution.data) ?? ''}`);
		const who = await cluster.waitForWorkerFinish(id);
		assert.deepEqual(who.enqueuedBy, ['main'], `enqueued by ${who.enqueuedBy.join(', ') || 'nobody'}`);
		assert.equal(who.startedOn.length, 1, `started on ${who.startedOn.join(', ') || 'no worker'}`);
		assert.match(who.startedOn[0], /^worker-\d$/);
		assert.deepEqual(who.finishedOn, who.startedOn);
		assert.equal(execution.mode, 'manual');
		return `execution ${id} on ${who.startedOn[0]} in ${seconds(Date.now() - t)}`;
	});
	if (!ran) {
		skipped('ticket to invoice: outputs, simulator state and request log', 'the run failed');
		return;
	}
	await check('ticket to invoice: each step hands the right record to the next', () => ticketToInvoice.chain(execution.data));
	await check('ticket to invoice: the simulator holds the invoiced ticket, one invoice line and one sent email; each write once, in order', () => {
		ticketToInvoice.state(execution.data, sim);
		ticketToInvoice.requests(sim, mark);
	});
}

/**
 * The Syncro Trigger's webhook, received by the webhook processor and executed by a worker.
 * @param {QueueCluster} cluster @param {any} sim @param {ReturnType<typeof api>} n8nApi @param {any} workflow @param {string[]} secrets
 */
async function webhookScenario(cluster, sim, n8nApi, workflow, secrets) {
	const main = cluster.main.n8n;
	const alert = sim.db.table('rmm_alerts').get(9001);
	const delivery = rmmAlertDelivery(sim, alert.id);
	const trigger = workflow.nodes.find((/** @type {any} */ n) => n.type === 'n8n-nodes-syncro.syncroTrigger');
	const url = `${cluster.webhookOrigin}/webhook/${trigger.webhookId}/syncro`;
	/** @param {string} target @param {any} body */
	const post = async (target, body) => {
		const res = await fetch(target, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', 'User-Agent': 'Syncro Webhook' },
			body: JSON.stringify(body),
			signal: AbortSignal.timeout(30_000),
		});
		return { status: res.status, text: await res.text() };
	};
	const enqueuedOnWebhook = () => cluster.logLines(cluster.webhook).filter((l) => l.message.startsWith('Enqueued execution ')).length;

	/** @type {string | undefined} */
	let secretUrl;
	const activated = await check('rmm alert webhook: activated on the main, the setup page served by the webhook processor shows the URL with its secret, once', async () => {
		const res = await main.activate(workflow.id);
		assert.equal(res.status, 200, `activating answered ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`);
		const page = await main.webhookFetch(url);
		const text = await page.text();
		assert.equal(page.status, 200, `the setup page answered ${page.status}: ${text.slice(0, 200)}`);
		secretUrl = secretUrlOf(text);
		assert.ok(secretUrl, `no URL with a secret on the setup page:\n${text.slice(0, 300)}`);
		secrets.push(new URL(secretUrl).searchParams.get('secret') ?? '');
		assert.ok(secretUrl.startsWith(url), `the URL for Syncro (${secretUrl.replace(/secret=.*/, 'secret=…')}) is not the webhook processor's ${url}`);
		// The page wrote "shown" into the static data, through the shared database: it is closed now.
		const again = await fetch(url, { signal: AbortSignal.timeout(30_000) });
		const againText = await again.text();
		assert.equal(again.status, 403, `the second visit answered ${again.status}`);
		assert.ok(!/secret=/.test(againText), 'the second visit showed the secret again');
		// The main serves no production webhook: N8N_DISABLE_PRODUCTION_MAIN_PROCESS=true.
		// (It answers the editor's page for any unknown path.)
		const onMain = await fetch(`${main.origin}/webhook/${trigger.webhookId}/syncro`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}', signal: AbortSignal.timeout(30_000) });
		const onMainText = await onMain.text();
		assert.ok(!/Syncro Trigger|secret|received/i.test(onMainText) && onMain.status !== 401, `the main ran the trigger (${onMain.status}): ${onMainText.slice(0, 120)}`);
	});
	if (!activated || !secretUrl) {
		skipped('rmm alert webhook: deliveries', 'activation failed');
		return;
	}
	await check('rmm alert webhook: a wrong or missing secret gets 401 from the webhook processor, and no execution is queued', async () => {
		const mark = sim.requests.length;
		const queuedBefore = enqueuedOnWebhook();
		const wrong = new URL(/** @type {string} */ (secretUrl));
		wrong.searchParams.set('secret', 'wrong-secret-0000');
		const bad = await post(wrong.toString(), delivery);
		assert.equal(bad.status, 401, `wrong secret answered ${bad.status}: ${bad.text.slice(0, 200)}`);
		const none = await post(url, delivery);
		assert.equal(none.status, 401, `no secret answered ${none.status}: ${none.text.slice(0, 200)}`);
		await sleep(1000);
		assert.equal(enqueuedOnWebhook(), queuedBefore, 'the webhook processor queued an execution for a refused delivery');
		assert.equal((await n8nApi.executions(workflow.id)).length, 0, 'an execution exists for a refused delivery');
		assert.equal(since(sim, mark).length, 0, 'a refused delivery reached Syncro');
	});
	const mark = sim.requests.length;
	const ticketsBefore = sim.db.table('tickets').size;
	const good = await post(secretUrl, delivery);
	/** @type {any} */
	let execution;
	const ran = await check('rmm alert webhook: the delivery with the secret is acknowledged, queued by the webhook processor and run by a worker', async () => {
		assert.equal(good.status, 200, `answered ${good.status}: ${good.text.slice(0, 200)}`);
		assert.match(good.text, /rmm_alert\.created/);
		const list = await waitFor(async () => {
			const l = await n8nApi.executions(workflow.id);
			return l.length > 0 && l.every((e) => e.finished || !['new', 'running', 'waiting'].includes(e.status)) ? l : undefined;
		}, { timeoutMs: 60_000, intervalMs: 250, what: 'the webhook execution' });
		await sleep(500);
		assert.equal((await n8nApi.executions(workflow.id)).length, 1, 'not exactly one execution');
		execution = await n8nApi.execution(list[0].id);
		assert.equal(execution.status, 'success', `execution ${execution.id} is ${execution.status}: ${runError(execution.data) ?? ''}`);
		assert.equal(execution.mode, 'webhook');
		const who = await cluster.waitForWorkerFinish(execution.id);
		assert.deepEqual(who.enqueuedBy, ['webhook'], `enqueued by ${who.enqueuedBy.join(', ') || 'nobody'}`);
		assert.equal(who.startedOn.length, 1);
		assert.match(who.startedOn[0], /^worker-\d$/);
		return `execution ${execution.id}: queued by the webhook processor, run on ${who.startedOn[0]}`;
	});
	if (!ran) {
		skipped('rmm alert webhook: the ticket', 'no successful execution');
		return;
	}
	await check('rmm alert webhook: the worker created one high-priority ticket for the alert\'s customer, with the alert output', () => {
		const [item] = outputOf(execution.data, 'Syncro Trigger');
		assert.equal(item.event, 'rmm_alert.created');
		const [ticket] = outputOf(execution.data, 'Create ticket for alert');
		assert.equal(ticket.customer_id, alert.customer_id);
		assert.equal(sim.db.table('tickets').size, ticketsBefore + 1);
		const stored = sim.db.table('tickets').get(ticket.id);
		assert.equal(stored?.priority, '1 High');
		const notes = sim.db.table('comments').filter((/** @type {any} */ c) => c.ticket_id === ticket.id);
		assert.ok(notes.some((/** @type {any} */ c) => c.hidden && String(c.body).includes(alert.formatted_output)), 'the alert output is not on the ticket');
		const requests = since(sim, mark);
		assert.deepEqual(mutating(requests), ['POST /tickets']);
		assertAuth(requests, sim.token);
		return `ticket ${ticket.number}`;
	});
}

/**
 * Both workers run Return All and fan-out at once against one simulator limit, first with every worker
 * allowed the whole limit (the credential's default when nobody divides it), then with it divided by the
 * number of workers.
 * @param {QueueCluster} cluster @param {any} sim @param {ReturnType<typeof api>} n8nApi
 * @param {Record<'full' | 'shared', { returnAll: any, fanOut: any }>} contention
 */
async function contentionScenario(cluster, sim, n8nApi, contention) {
	const customers = sim.db.table('customers');
	for (let i = 0; i < CONTENTION.extraCustomers; i++) {
		customers.insert({
			business_name: `Queue Customer ${String(i + 1).padStart(4, '0')}`, firstname: 'Queue', lastname: `Customer ${i + 1}`,
			fullname: `Queue Customer ${i + 1}`, email: `queue${i + 1}@bulk.example`, city: 'Portland', state: ['OR', 'WA', 'ID'][i % 3],
			disabled: false, properties: {}, contacts: [],
		});
	}
	const total = customers.filter((/** @type {any} */ c) => !c.disabled).length;
	const pages = Math.ceil(total / 25);
	const runs = CONTENTION.runsPerWorkflow;
	info(`contention: ${runs} x Return All (${total} customers = ${pages} pages) + ${runs} x fan-out (${CONTENTION.fanOutItems} Get Ticket) at once on ${cluster.workers.length} workers (concurrency ${cluster.concurrency} each); simulator limit ${RATE.limit} per ${RATE.windowMs} ms`);

	for (const [label, phase, perProcess] of /** @type {Array<['full' | 'shared', { returnAll: any, fanOut: any }, number]>} */ ([
		['full', contention.full, RATE.limit],
		['shared', contention.shared, Math.floor(RATE.limit / cluster.workers.length)],
	])) {
		const name = label === 'full' ? `every worker at the whole limit (${perProcess} per window)` : `the limit divided between ${cluster.workers.length} workers (${perProcess} per window each)`;
		sim.setRateLimit({ limit: RATE.limit, windowMs: RATE.windowMs });
		// Start at the beginning of one of the simulator's windows, so that runs and phases compare.
		await sleep(RATE.windowMs - (Date.now() % RATE.windowMs));
		const refusedBefore = sim.rate.refused;
		const mark = sim.requests.length;
		// The worker logs so far: this phase's warnings are the lines after these.
		const logMarks = new Map(cluster.workers.map((w) => [w.name, cluster.logLines(w).length]));
		const t = Date.now();
		/** @type {Array<{ id: string, kind: 'returnAll' | 'fanOut' }>} */
		let ids = [];
		/** @type {any[]} */
		let executions = [];
		const ran = await check(`contention (${name}): ${runs * 2} runs at once all succeed, none sees a 429`, async () => {
			const kinds = /** @type {Array<'returnAll' | 'fanOut'>} */ ([...Array(runs).fill('returnAll'), ...Array(runs).fill('fanOut')]);
			ids = await Promise.all(kinds.map(async (kind) => ({ id: await n8nApi.runManually(phase[kind].id), kind })));
			executions = await Promise.all(ids.map(async ({ id }) => await n8nApi.finished(id, 300_000)));
			for (const e of executions) assert.equal(e.status, 'success', `execution ${e.id} is ${e.status}: ${runError(e.data) ?? ''}`);
			executions.forEach((e, i) => {
				if (ids[i].kind === 'returnAll') {
					const rows = outputOf(e.data, 'Get all customers');
					assert.equal(rows.length, total, `execution ${e.id}: ${rows.length} customers of ${total}`);
					assert.equal(new Set(rows.map((r) => r.id)).size, total, `execution ${e.id}: duplicate customers`);
					assert.equal(outputOf(e.data, 'Summarize')[0].customers, total);
				} else {
					const rows = outputOf(e.data, 'Get ticket');
					assert.equal(rows.length, CONTENTION.fanOutItems, `execution ${e.id}: ${rows.length} tickets`);
					assert.ok(rows.every((r) => Number.isInteger(r.id) && !('error' in r)), `execution ${e.id}: an item carries an error`);
					assert.equal(outputOf(e.data, 'Count')[0].tickets, CONTENTION.fanOutItems);
				}
			});
			return `${executions.length} executions in ${seconds(Date.now() - t)}`;
		});
		const elapsed = Date.now() - t;
		sim.setRateLimit(null);
		const requests = since(sim, mark);
		const refused = sim.rate.refused - refusedBefore;
		const ok = requests.filter((r) => r.status === 200);
		if (!ran) {
			skipped(`contention (${name}): workers, request log and backoff`, 'the runs failed');
			continue;
		}
		await check(`contention (${name}): both workers ran the executions at the same time`, async () => {
			const who = await Promise.all(ids.map(async ({ id }) => ({ id, ...(await cluster.waitForWorkerFinish(id)) })));
			for (const w of who) {
				assert.deepEqual(w.enqueuedBy, ['main'], `execution ${w.id} enqueued by ${w.enqueuedBy.join(', ')}`);
				assert.equal(w.startedOn.length, 1, `execution ${w.id} started on ${w.startedOn.join(', ') || 'no worker'}`);
			}
			const byWorker = new Map(cluster.workers.map((wk) => [wk.name, who.filter((w) => w.startedOn[0] === wk.name)]));
			for (const [worker, list] of byWorker) assert.ok(list.length > 0, `${worker} ran none of them`);
			// Overlap: some execution of each worker was running while one of the other's was.
			const [a, b] = [...byWorker.values()];
			const overlap = a.some((x) => b.some((y) => (x.startedAt ?? 0) < (y.finishedAt ?? 0) && (y.startedAt ?? 0) < (x.finishedAt ?? 0)));
			assert.ok(overlap, 'the workers never ran at the same time');
			return [...byWorker].map(([worker, list]) => `${worker}: ${list.length}`).join(', ');
		});
		await check(`contention (${name}): the request log shows every page and ticket read, and the limit held or 429s absorbed`, () => {
			const pageReads = ok.filter((r) => r.path === '/customers');
			assert.equal(pageReads.length, pages * runs, `expected ${pages * runs} customer pages read once per run, got ${pageReads.length}`);
			const ticketReads = ok.filter((r) => /^\/tickets\/\d+$/.test(r.path));
			assert.equal(ticketReads.length, CONTENTION.fanOutItems * runs, `expected ${CONTENTION.fanOutItems * runs} tickets read, got ${ticketReads.length}`);
			assert.ok(requests.every((r) => r.status === 200 || r.status === 429), 'a request failed otherwise than with 429');
			assert.equal(requests.length, ok.length + refused);
			const busiest = busiestWindow(ok.map((r) => r.at), RATE.windowMs);
			assert.ok(busiest <= RATE.limit, `${busiest} requests served in one window`);
			if (label === 'full') assert.ok(refused > 0, 'no request was refused: the workers never contended, the scenario proved nothing');
			else assert.equal(refused, 0, `${refused} requests answered 429 although the limit was divided`);
			return `${ok.length} served, ${refused} answered 429, at most ${busiest} served in one window`;
		});
		await check(`contention (${name}): the worker logs show the backoff: one warning per 429, waits growing with the attempt`, () => {
			const warnings = cluster.workers
				.flatMap((w) => cluster.logLines(w).slice(logMarks.get(w.name) ?? 0))
				.filter((l) => l.message === 'Syncro rate limit hit, backing off');
			assert.equal(warnings.length, refused, `${warnings.length} backoff warnings for ${refused} 429s`);
			/** @type {Map<number, number[]>} */
			const byAttempt = new Map();
			for (const w of warnings) {
				const { attempt, waitMs } = w.metadata ?? {};
				assert.ok(Number.isInteger(attempt) && attempt >= 1 && Number.isFinite(waitMs), `a warning without attempt and waitMs: ${JSON.stringify(w.metadata)}`);
				// Exponential backoff scaled to the window: attempt n waits between half and all of window/30 * 2^(n-1), at most the window.
				const ceiling = Math.min((RATE.windowMs / 30) * 2 ** (attempt - 1), RATE.windowMs);
				assert.ok(waitMs >= ceiling / 2 - 1 && waitMs <= ceiling + 1, `attempt ${attempt} waited ${waitMs} ms (expected ${ceiling / 2}..${ceiling})`);
				byAttempt.set(attempt, [...(byAttempt.get(attempt) ?? []), waitMs]);
			}
			const perWorker = cluster.workers.map((wk) => `${wk.name} ${warnings.filter((w) => w.proc === wk.name).length}`).join(', ');
			if (label === 'full') {
				assert.ok(warnings.length > 0, 'no backoff logged');
				figure(`queue.contention.${label}.backoffs_by_attempt`, [...byAttempt].sort((x, y) => x[0] - y[0]).map(([a, list]) => `${a}:${list.length}`).join(' '));
			}
			const detail = [...byAttempt].sort((x, y) => x[0] - y[0]).map(([a, list]) => `attempt ${a}: ${list.length}x ${Math.min(...list)}-${Math.max(...list)} ms`).join('; ');
			return warnings.length ? `${perWorker}; ${detail}` : 'no 429, no backoff';
		});
		// Figures: the whole batch against one process pacing perfectly to the shared limit.
		const ideal = (ok.length / RATE.limit) * RATE.windowMs;
		const firstStart = Math.min(...executions.map((e) => Date.parse(e.startedAt)));
		const lastStop = Math.max(...executions.map((e) => Date.parse(e.stoppedAt)));
		figure(`queue.contention.${label}.requests_per_process_limit`, perProcess);
		figure(`queue.contention.${label}.completed_runs`, executions.filter((e) => e.status === 'success').length);
		figure(`queue.contention.${label}.requests_served`, ok.length);
		figure(`queue.contention.${label}.429_received`, refused);
		figure(`queue.contention.${label}.429_surfaced`, executions.filter((e) => e.status !== 'success').length);
		figure(`queue.contention.${label}.elapsed_s`, elapsed / 1000);
		figure(`queue.contention.${label}.executions_span_s`, (lastStop - firstStart) / 1000);
		figure(`queue.contention.${label}.ideal_s`, ideal / 1000);
		figure(`queue.contention.${label}.time_vs_ideal`, elapsed / ideal);
		figure(`queue.contention.${label}.windows_needed`, Math.ceil(ok.length / RATE.limit));
		figure(`queue.contention.${label}.windows_used`, new Set(ok.map((r) => Math.floor(r.at / RATE.windowMs))).size);
	}
}

/**
 * The polling trigger (polls on the main, executions on the workers): records added before, during and after
 * a worker restart and a main restart are each emitted exactly once.
 * @param {QueueCluster} cluster @param {any} sim @param {ReturnType<typeof api>} n8nApi @param {any} workflow
 */
async function pollingScenario(cluster, sim, n8nApi, workflow) {
	const main = cluster.main.n8n;
	const tickets = sim.db.table('tickets');
	const addTickets = ticketFeed(sim, 'Queue poll');
	/** Ticket IDs emitted so far, one entry per emission, with the execution. */
	const emitted = async () => emittedRecords(await n8nApi.executions(workflow.id));
	/**
	 * Waits until every ticket of `ids` has been emitted; on a timeout, first prints what the cluster did
	 * meanwhile (polls, executions, Bull's queue, the processes' logs), so a failure says where it stopped.
	 * @param {number[]} ids @param {string} what
	 */
	const waitEmitted = async (ids, what) => {
		const mark = sim.requests.length;
		const t0 = Date.now();
		try {
			await waitFor(
				async () => {
					const seen = new Set((await emitted()).map((e) => e.id));
					return ids.every((id) => seen.has(id));
				},
				{ timeoutMs: 90_000, intervalMs: 500, what },
			);
		} catch (error) {
			const lines = await pollingDiagnosis(cluster, sim, n8nApi, workflow, { ids, mark, t0 }).catch((e) => [`no diagnosis: ${e.message}`]);
			for (const line of lines) info(line);
			throw error;
		}
	};
	const before = new Set(tickets.all().map((/** @type {any} */ t) => t.id));
	/** @type {number[]} */
	const added = [];
	/** Whether the queue ran batch C's execution late (see batch C). */
	let batchCLate = false;
	const pollsMark = sim.requests.length;

	const activated = await check(`polling trigger: activates on the main (polls every ${POLL_EVERY_S} s) and emits nothing that existed before`, async () => {
		const res = await main.activate(workflow.id);
		assert.equal(res.status, 200, `activating answered ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`);
		await waitFor(async () => sim.requestsTo('GET', '/tickets').length > 0 && since(sim, pollsMark).filter((r) => r.path === '/tickets').length >= 2, {
			timeoutMs: 30_000,
			what: 'two polls',
		});
		assert.equal((await emitted()).length, 0, 'the first polls emitted existing tickets');
	});
	if (!activated) {
		skipped('polling trigger: restarts', 'activation failed');
		return;
	}
	const [w1] = cluster.workers;
	const restarted = await check('polling trigger: new tickets are emitted while a worker restarts (added before, during and after)', async () => {
		const a = addTickets('A');
		added.push(...a);
		await waitEmitted(a, 'batch A');
		const t = Date.now();
		await cluster.stopProc(w1);
		const b = addTickets('B');
		added.push(...b);
		await waitEmitted(b, `batch B (${w1.name} down)`);
		// The queue routed around the stopped worker.
		const withB = (await emitted()).filter((x) => b.includes(x.id)).map((x) => x.execution);
		for (const id of new Set(withB)) {
			const who = await cluster.waitForWorkerFinish(id);
			assert.ok(who.startedOn.length === 1 && who.startedOn[0] !== w1.name, `execution ${id} (batch B) ran on ${who.startedOn.join(', ')} while ${w1.name} was stopped`);
		}
		await cluster.startProc(w1);
		info(`${w1.name} restarted in ${seconds(Date.now() - t)}`);
		const c = addTickets('C');
		added.push(...c);
		try {
			await waitEmitted(c, 'batch C');
		} catch {
			// n8n 2.41.1 (PostgreSQL 15), once in CI: the poll emitted batch C (each batch had an execution of its
			// own, C's was created before the main stopped), but the execution did not finish within 90 s of the
			// worker's return; the main's shutdown then waited for it, and it succeeded after the restart. The
			// poller did its part, so a late C is reported with what the cluster did (printed above) and C is held
			// to "exactly once, nothing lost" by the last check instead of failing here.
			batchCLate = true;
			info(`batch C (added once ${w1.name} was back) was not emitted within 90 s; the last check verifies it`);
		}
		return `${added.length} tickets so far${batchCLate ? '; batch C late' : ''}`;
	});
	const restartedMain = await check('polling trigger: the cursor survives a restart of the main, which runs the poller in queue mode', async () => {
		const t = Date.now();
		await cluster.stopProc(cluster.main);
		const d = addTickets('D');
		added.push(...d);
		await cluster.startProc(cluster.main);
		info(`main restarted in ${seconds(Date.now() - t)}`);
		await waitEmitted(d, 'batch D (added while the main was down)');
		const e = addTickets('E');
		added.push(...e);
		await waitEmitted(e, 'batch E');
	});
	if (!restarted && !restartedMain) {
		skipped('polling trigger: each ticket exactly once', 'the restarts failed');
		return;
	}
	// Let a few more polls run: a duplicate would show up now.
	await sleep(POLL_EVERY_S * 2500);
	await check('polling trigger: across all executions each new ticket was emitted exactly once, nothing else, every execution on a worker', async () => {
		assertEmittedOnce(await emitted(), added, before);
		const executions = await n8nApi.executions(workflow.id);
		assert.ok(executions.every((e) => e.status === 'success'), 'a polling execution failed');
		const workersUsed = new Set();
		for (const e of executions) {
			const who = cluster.whoRan(e.id);
			assert.deepEqual(who.enqueuedBy, ['main'], `execution ${e.id} enqueued by ${who.enqueuedBy.join(', ') || 'nobody'}`);
			assert.equal(who.startedOn.length, 1, `execution ${e.id} started on ${who.startedOn.join(', ') || 'no worker'}`);
			workersUsed.add(who.startedOn[0]);
		}
		const polls = since(sim, pollsMark).filter((r) => r.method === 'GET' && r.path === '/tickets');
		assert.ok(polls.every((r) => r.status === 200 && r.query.created_after), 'a poll failed or went without created_after');
		figure('queue.polling.tickets_added', added.length);
		figure('queue.polling.executions', executions.length);
		figure('queue.polling.polls', polls.length);
		figure('queue.polling.late_batches', batchCLate ? 1 : 0);
		return `${added.length} tickets in ${executions.length} executions on ${[...workersUsed].sort().join(', ')}; ${polls.length} polls`;
	});
	await main.api('POST', `/workflows/${workflow.id}/deactivate`).catch(() => undefined);
}

/**
 * What the cluster did while a batch of tickets was awaited, one line each: the polls (and how many asked
 * from before the batch was created, so their answers held it), the workflow's executions, Bull's queue, the
 * busy database sessions and the processes' log lines about executions, jobs and polls, warnings and errors.
 * @param {QueueCluster} cluster @param {any} sim @param {ReturnType<typeof api>} n8nApi @param {any} workflow
 * @param {{ ids: number[], mark: number, t0: number }} wait
 */
async function pollingDiagnosis(cluster, sim, n8nApi, workflow, { ids, mark, t0 }) {
	const at = (/** @type {number} */ ms) => `${ms >= t0 ? '+' : ''}${((ms - t0) / 1000).toFixed(1)} s`;
	const polls = since(sim, mark).filter((r) => r.method === 'GET' && r.path === '/tickets');
	const created = Math.min(...ids.map((id) => Date.parse(sim.db.table('tickets').get(id)?.created_at ?? '')));
	const covering = polls.filter((r) => r.status === 200 && Date.parse(r.query.created_after) <= created).length;
	const lines = [
		`while waiting for tickets ${ids.join(', ')}: ` +
			(polls.length
				? `${polls.length} polls (answers ${[...new Set(polls.map((r) => r.status))].join(', ')}; ${covering} answered with the batch), first ${at(polls[0].at)}, last ${at(polls[polls.length - 1].at)}`
				: 'no poll'),
	];
	try {
		const executions = (await n8nApi.executions(workflow.id)).slice(0, 8);
		const emitted = emittedRecords(executions);
		const shown = executions.map((e) => {
			const tickets = emitted.filter((x) => x.execution === e.id).map((x) => x.id);
			return `${e.id} ${e.status} [${tickets.join(' ')}] ${cluster.whoRan(e.id).startedOn.join('+') || 'no worker'}`;
		});
		lines.push(`executions (newest first, tickets emitted by the successful ones, worker): ${shown.join('; ') || 'none'}`);
	} catch (error) {
		lines.push(`executions: could not be listed (${/** @type {Error} */ (error).message})`);
	}
	lines.push(`queue: ${cluster.queueState()}`, ...cluster.databaseState());
	const logged = cluster
		.allLogLines()
		.filter((l) => l.at >= t0 - 5_000 && (l.level === 'warn' || l.level === 'error' || /execution|job|poll|shut|stopp/i.test(l.message)))
		// This machine has no internet: n8n's calls home fail on every start.
		.filter((l) => !/api\.n8n\.io|A system task run failed/.test(l.message))
		.sort((a, b) => a.at - b.at)
		.slice(-25);
	for (const l of logged) lines.push(`${l.proc} ${at(l.at)} ${l.level ?? ''}: ${l.message.replace(/\s+/g, ' ').slice(0, 240)}`);
	return lines;
}

function writeResults(/** @type {string} */ file, /** @type {number} */ code) {
	const lines = [
		'## Queue mode: main + 2 workers + webhook processor (test/e2e/queue/run.js)',
		'',
		`Produced by \`node test/e2e/queue/run.js --results bench/RESULTS-queue.md\` (after \`npm run build\`) on the project machine (2 cores, Node ${process.versions.node}); run at ${new Date().toISOString()}, exit ${code}.`,
		`Real ${LABEL} in queue mode on loopback (Redis, ${databaseUsed}), worker concurrency 2. Time is scaled: the simulator allows ${RATE.limit} requests per ${RATE.windowMs} ms (Syncro: 180 per minute per IP),`,
		`the credentials use rateLimitWindowMs ${RATE.windowMs}. Each contention phase starts ${CONTENTION.runsPerWorkflow} Return All (every customer, 25 per page) and ${CONTENTION.runsPerWorkflow} fan-outs (${CONTENTION.fanOutItems} Get Ticket each) at once.`,
		'Each phase starts at the beginning of one of the simulator\'s fixed windows. `ideal_s` is the time one process pacing perfectly to the shared limit needs for the requests served at the sustained rate (requests / limit x window);',
		'with fixed windows a batch can finish up to one window sooner (`windows_needed` = ceil(requests / limit) is the true floor). `elapsed_s` runs from the "Execute workflow" calls to the last execution seen finished.',
		'',
		'```',
		...figures.map(([name, value]) => `${name}: ${value}`),
		'```',
		'',
	];
	fs.mkdirSync(path.dirname(file), { recursive: true });
	fs.writeFileSync(file, lines.join('\n'));
	console.log(`# figures written to ${path.relative(REPO_ROOT, file)}`);
}

const watchdog = setTimeout(() => {
	console.log(`not ok - the queue-mode run did not finish within ${OVERALL_TIMEOUT_MS / 60_000} minutes`);
	console.log(`queue (${LABEL}): ${report.passed} passed, ${report.failed + 1} failed`);
	process.exit(1);
}, OVERALL_TIMEOUT_MS);
watchdog.unref();

for (const signal of /** @type {NodeJS.Signals[]} */ (['SIGINT', 'SIGTERM'])) {
	process.once(signal, () => {
		console.log(`queue (${LABEL}): ${report.passed} passed, ${report.failed + 1} failed (interrupted by ${signal})`);
		// Every child (n8n processes, Redis, PostgreSQL) is killed on exit; their folders go too.
		killAll();
		if (process.env.QUEUE_KEEP !== '1') for (const dir of activeCluster?.tempDirs() ?? []) fs.rmSync(dir, { recursive: true, force: true });
		process.exit(130);
	});
}

main().then(
	() => {
		if (RESULTS_FILE && report.passed > 0) writeResults(RESULTS_FILE, report.failed > 0 ? 1 : 0);
		console.log(`queue (${LABEL}): ${report.passed} passed, ${report.failed} failed`);
		process.exit(report.failed > 0 ? 1 : 0);
	},
	(error) => {
		console.log(`not ok - queue-mode setup: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
		console.log(`queue (${LABEL}): ${report.passed} passed, ${report.failed + 1} failed`);
		process.exit(1);
	},
);
