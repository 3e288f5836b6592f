#!/usr/bin/env node
// @ts-check
'use strict';
/**
 * `npm start`: a local n8n with this package installed, ready to click through.
 *
 * Builds the package, installs n8n on first use (a runtime of the test matrix, test/e2e/versions.js: by
 * default the newest 2.x; its Node.js too when the machine's is not the one it needs; 5 to 10 minutes once,
 * with progress), starts the Syncro simulator with demo data, installs the packed package into the sandbox's
 * n8n the way n8n installs community packages, imports a ready "Syncro account" credential and the example
 * workflows, creates the owner login, and prints the editor URL. Ctrl-C stops everything it started.
 *
 *   npm start                       simulator + n8n (sandbox kept in .n8n-sandbox/n8n-<version>/ between runs)
 *   npm start -- --n8n 1.123        another n8n of the test matrix (2.8.4, 2.41.1, 1.123.81; a prefix works)
 *   npm start -- --reset            start from an empty sandbox (new login, examples imported again)
 *   npm start -- --no-build         skip `npm run build`
 *   SYNCRO_SUBDOMAIN=acme SYNCRO_API_TOKEN=… npm start
 *                                   point the credential at a real Syncro tenant instead (no simulator)
 *   N8N_PORT (default 5678), SIMULATOR_PORT (default 4010): preferred ports; free ones are used when taken.
 *   SIMULATOR_RATE_LIMIT (default 180 per minute, 0 = off)
 */
const { spawn } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

const { label, runtimeFromArgs } = require('../test/e2e/versions');

const ROOT = path.resolve(__dirname, '..');
const argv = process.argv.slice(2);
const args = new Set(argv);
const RUNTIME = runtimeFromArgs(argv);
// One sandbox per n8n version: a database migrated by one version is not for another.
const SANDBOX = path.join(ROOT, '.n8n-sandbox', `n8n-${RUNTIME.n8n}`);
const STATE_FILE = path.join(SANDBOX, 'sandbox.json');
const CREDENTIAL = { id: 'SyncroSandbox001', name: 'Syncro account' };
const OWNER_EMAIL = 'owner@sandbox.example';
/** Examples activated in simulator mode, so their webhook can be tried at once. */
const ACTIVATE = ['SyncroExRmmToTkt'];

const log = (/** @type {string} */ line) => process.stdout.write(`${line}\n`);

/** @returns {Promise<boolean>} */
function portFree(/** @type {number} */ port) {
	return new Promise((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

/** The preferred port when free, else any free one. */
async function pickPort(/** @type {number} */ preferred, /** @type {() => Promise<number>} */ any) {
	return preferred > 0 && (await portFree(preferred)) ? preferred : await any();
}

/** @param {string} command @param {string[]} argv */
function runInherit(command, argv) {
	return new Promise((resolve, reject) => {
		const child = spawn(command, argv, { cwd: ROOT, stdio: 'inherit' });
		child.on('error', reject);
		child.on('close', (code) => (code === 0 ? resolve(undefined) : reject(new Error(`${command} ${argv.join(' ')} exited ${code}`))));
	});
}

/** @returns {any} */
function readState() {
	try {
		return JSON.parse(fs.readFileSync(STATE_FILE, 'utf8'));
	} catch {
		return {};
	}
}

function writeState(/** @type {any} */ state) {
	fs.writeFileSync(STATE_FILE, JSON.stringify(state, null, 2), { mode: 0o600 });
}

/**
 * Runs one step of the start, saying every 20 s that it is still under way (a sandbox's first n8n commands
 * create and migrate its database).
 * @template T @param {string} what @param {() => Promise<T>} work @returns {Promise<T>}
 */
async function step(what, work) {
	const started = Date.now();
	const ticker = setInterval(() => log(`npm start: still ${what}, ${Math.round((Date.now() - started) / 1000)} s`), 20_000);
	try {
		return await work();
	} finally {
		clearInterval(ticker);
	}
}

async function main() {
	const realTenant = Boolean(process.env.SYNCRO_SUBDOMAIN && process.env.SYNCRO_API_TOKEN);
	if (Boolean(process.env.SYNCRO_SUBDOMAIN) !== Boolean(process.env.SYNCRO_API_TOKEN)) {
		throw new Error('Set both SYNCRO_SUBDOMAIN and SYNCRO_API_TOKEN to use a real Syncro tenant, or neither for the simulator.');
	}

	if (!args.has('--no-build')) {
		log('npm start: building the package (npm run build, about 15 s)');
		await step('building the package', () => runInherit(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build', '--silent']));
	}

	const { ensureN8n } = require('../test/e2e/install');
	log(`npm start: ${label(RUNTIME)}`);
	await ensureN8n({ runtime: RUNTIME, log });
	const { N8n, freePort, installPackage, packPackage } = require('../test/e2e/n8n');
	const { loadExamples } = require('../test/e2e/checks');

	if (args.has('--reset')) fs.rmSync(SANDBOX, { recursive: true, force: true });
	fs.mkdirSync(SANDBOX, { recursive: true });
	const state = readState();
	if (!state.encryptionKey) state.encryptionKey = crypto.randomBytes(24).toString('hex');
	writeState(state);

	const n8nPort = await pickPort(Number(process.env.N8N_PORT ?? 5678), freePort);
	const n8n = new N8n({
		runtime: RUNTIME,
		userFolder: SANDBOX,
		port: n8nPort,
		brokerPort: await freePort(),
		encryptionKey: state.encryptionKey,
		logFile: path.join(SANDBOX, 'n8n.log'),
	});

	/** @type {any} */
	let sim;
	let stopping = false;
	const stop = async (/** @type {number} */ code) => {
		if (stopping) return;
		stopping = true;
		log('\nnpm start: stopping n8n and the simulator…');
		await n8n.stop().catch(() => undefined);
		if (sim) await sim.close().catch(() => undefined);
		process.exit(code);
	};
	process.on('SIGINT', () => void stop(0));
	process.on('SIGTERM', () => void stop(0));

	// The package, as n8n installs community packages.
	log('npm start: installing the package into n8n as a community package (npm pack, a few seconds)');
	const tarball = await step('packing the package', () => packPackage(path.join(SANDBOX, 'pack')));
	await installPackage(SANDBOX, tarball);
	fs.rmSync(tarball, { force: true });

	/** @type {Record<string, unknown>} */
	let data;
	if (realTenant) {
		data = { subdomain: process.env.SYNCRO_SUBDOMAIN, apiToken: process.env.SYNCRO_API_TOKEN, baseUrl: '', requestsPerMinute: 180, timeoutSeconds: 60 };
	} else {
		const { createSimulator } = require('../test/simulator/server');
		const rpm = Number(process.env.SIMULATOR_RATE_LIMIT ?? 180);
		const simPort = await pickPort(Number(process.env.SIMULATOR_PORT ?? 4010), freePort);
		sim = await createSimulator({ port: simPort, quiet: true, rateLimit: rpm > 0 ? { limit: rpm, windowMs: 60_000 } : null });
		data = { subdomain: 'demo-msp', apiToken: sim.token, baseUrl: sim.baseUrl, requestsPerMinute: 180, timeoutSeconds: 60 };
	}

	// The credential is (re)written at every start: it follows the simulator's port or the tenant given.
	const firstStart = !state.owner;
	log(
		`npm start: importing the "Syncro account" credential and the examples${firstStart ? ' (the first time n8n also creates its database: about 30 s)' : ''}`,
	);
	await step('importing the credential', () => n8n.importCredentials([{ ...CREDENTIAL, type: 'syncroApi', data }]));

	// Examples are imported once, so that edits made in the editor survive a restart; new ones are added.
	const examples = loadExamples().map((/** @type {any} */ { file, ...workflow }) => workflow);
	const imported = new Set(state.importedExamples ?? []);
	const fresh = examples.filter((wf) => !imported.has(wf.id));
	if (fresh.length > 0) {
		await step('importing the examples', () => n8n.importWorkflows(fresh));
		state.importedExamples = [...imported, ...fresh.map((wf) => wf.id)];
		writeState(state);
	}

	log(`npm start: starting n8n, ready in about 20 s (log: ${path.relative(ROOT, n8n.logFile)})`);
	await step('starting n8n', () => n8n.start());

	// The owner login, created on the first start.
	if (!state.owner) {
		const owner = { email: OWNER_EMAIL, password: `Sandbox-${crypto.randomBytes(6).toString('hex')}1A`, firstName: 'Sandbox', lastName: 'Owner' };
		try {
			await n8n.setupOwner(owner);
		} catch (error) {
			throw new Error(
				`${error instanceof Error ? error.message : error}\nThe sandbox has an owner whose password was not recorded: run "npm start -- --reset" for a new sandbox.`,
			);
		}
		state.owner = { email: owner.email, password: owner.password };
		writeState(state);
	} else {
		await n8n.login(state.owner).catch(() => log('npm start: could not log in with the recorded owner (changed in the editor?)'));
	}

	// Simulator mode: activate the RMM alert example once and keep its secret webhook URL to show a ready curl.
	if (sim && n8n.cookie) {
		for (const id of ACTIVATE.filter((i) => !(state.activated ?? {})[i] && examples.some((wf) => wf.id === i))) {
			try {
				if (!n8n.apiKey) await n8n.createApiKey(`npm start ${new Date().toISOString().slice(0, 19)}`);
				const workflow = examples.find((wf) => wf.id === id);
				const trigger = workflow.nodes.find((/** @type {any} */ n) => n.type === 'n8n-nodes-syncro.syncroTrigger');
				const webhookUrl = `${n8n.origin}/webhook/${trigger.webhookId}/syncro`;
				const res = await n8n.activate(id);
				if (res.status !== 200) throw new Error(`activation answered ${res.status}: ${JSON.stringify(res.body?.message ?? res.body).slice(0, 300)}`);
				const page = await n8n.webhookFetch(webhookUrl);
				const url = /(https?:\/\/\S+[?&]secret=[^\s&]+)/.exec(await page.text())?.[1];
				state.activated = { ...state.activated, [id]: { name: workflow.name, url } };
				writeState(state);
			} catch (error) {
				log(`npm start: could not activate ${id}: ${error instanceof Error ? error.message : error}`);
			}
		}
	}

	log('');
	log('──────────────────────────────────────────────────────────────');
	log(`n8n is ready: ${n8n.origin}   (${label(RUNTIME)}; another: npm start -- --n8n <version>)`);
	if (state.owner) log(`Log in with   ${state.owner.email} / ${state.owner.password}`);
	if (realTenant) {
		log(`Credential    "Syncro account" -> https://${String(process.env.SYNCRO_SUBDOMAIN).replace(/\.syncromsp\.com.*$/, '')}.syncromsp.com`);
		log('              The examples write to this tenant (tickets, customers, invoices, emails): use a test account.');
	} else {
		log(`Credential    "Syncro account" -> Syncro simulator ${sim.baseUrl} (demo data, in memory)`);
	}
	log(`Examples      ${examples.map((wf) => `"${wf.name}"`).join(', ')}`);
	const delivery = sim && require('../test/e2e/deliveries').rmmAlertDelivery(sim);
	for (const { name, url } of Object.values(state.activated ?? {})) {
		if (!url || !delivery) continue;
		const file = path.join(SANDBOX, 'rmm-alert-delivery.json');
		fs.writeFileSync(file, JSON.stringify(delivery, null, 2));
		log(`Try "${name}" (active): post a demo RMM alert:`);
		log(`  curl -X POST -H 'Content-Type: application/json' --data @${path.relative(ROOT, file)} '${url}'`);
	}
	log(`Sandbox       ${path.relative(ROOT, SANDBOX)}/ (kept between runs; "npm start -- --reset" starts over)`);
	log('Stop          Ctrl-C');
	log('──────────────────────────────────────────────────────────────');

	// Keep running until Ctrl-C; stop if n8n dies on its own.
	n8n.server?.on('exit', (code) => {
		if (stopping) return;
		log(`npm start: n8n exited (${code}); last lines of its log:\n${n8n.serverLog(15)}`);
		void stop(1);
	});
}

main().catch((error) => {
	process.stderr.write(`npm start: ${error instanceof Error ? error.message : error}\n`);
	process.exit(1);
});
