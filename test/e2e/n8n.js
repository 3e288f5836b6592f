// @ts-check
'use strict';
/**
 * Drives a real n8n (one runtime of the version matrix, test/e2e/versions.js) from a script: a private user
 * folder, the package installed the way n8n installs community packages, CLI imports and runs, and one
 * `n8n start` server with its REST and public APIs. Every n8n process runs under the runtime's Node.js, with
 * the runtime's extra environment; the runtime's quirks are consulted here, by name.
 *
 * Every child process is spawned asynchronously (the caller may host the Syncro simulator in-process:
 * a blocked event loop would hang n8n's requests to it) and in its own process group, and every one still
 * running is killed when the parent exits.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const { n8nBin, nodeBin, runtimeDir, runtimeEnv } = require('./install');
const { DEFAULT_RUNTIME, MAX_WORKFLOW_ID_LENGTH } = require('./versions');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const PACKAGE_NAME = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).name;

/** @type {Set<import('node:child_process').ChildProcess>} */
const children = new Set();
let cliRuns = 0;

/** Kills a child and the processes it started (its process group), by id. */
function killTree(/** @type {import('node:child_process').ChildProcess} */ child, signal = /** @type {NodeJS.Signals} */ ('SIGTERM')) {
	if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
	try {
		if (process.platform === 'win32') child.kill(signal);
		else process.kill(-child.pid, signal);
	} catch {
		try {
			child.kill(signal);
		} catch {
			// already gone
		}
	}
}

function killAll() {
	for (const child of children) killTree(child, 'SIGKILL');
}
process.on('exit', killAll);

/** A free TCP port on the loopback interface. */
function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = /** @type {net.AddressInfo} */ (server.address());
			server.close(() => resolve(port));
		});
	});
}

/** `n` distinct free ports. */
async function freePorts(/** @type {number} */ n) {
	/** @type {Set<number>} */
	const ports = new Set();
	while (ports.size < n) ports.add(await freePort());
	return [...ports];
}

const sleep = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Polls `probe` until it returns a truthy value; rejects with `what` after `timeoutMs`.
 * @template T @param {() => Promise<T>} probe @param {{ timeoutMs: number, intervalMs?: number, what: string }} options
 * @returns {Promise<T>}
 */
async function waitFor(probe, { timeoutMs, intervalMs = 200, what }) {
	const deadline = Date.now() + timeoutMs;
	let last;
	for (;;) {
		try {
			const value = await probe();
			if (value) return value;
		} catch (error) {
			last = error;
		}
		if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (${/** @type {Error} */ (last).message})` : ''}`);
		await sleep(intervalMs);
	}
}

/**
 * Starts a long-running process in its own process group, its output appended to `logFile`; it is killed
 * with every other child when this process exits.
 * @param {string} command @param {string[]} args @param {{ cwd?: string, env?: NodeJS.ProcessEnv, logFile: string }} options
 */
function spawnLogged(command, args, options) {
	const log = fs.openSync(options.logFile, 'a');
	const child = spawn(command, args, {
		cwd: options.cwd ?? REPO_ROOT,
		env: options.env ?? process.env,
		stdio: ['ignore', log, log],
		detached: process.platform !== 'win32',
	});
	fs.closeSync(log);
	children.add(child);
	child.on('exit', () => children.delete(child));
	return child;
}

/**
 * Runs a command asynchronously and collects its output.
 * With `stdoutFile`, the command's stdout goes to that file (read back when it ends) instead of a pipe: n8n's
 * CLI exits right after logging `execute --rawOutput`'s JSON, and a pipe then loses what the reader had not
 * taken yet (seen with a few MB of output on a busy machine: the JSON cut off mid-string). A file takes it all.
 * @param {string} command @param {string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, timeoutMs?: number, stdoutFile?: string }} [options]
 * @returns {Promise<{ code: number, stdout: string, stderr: string }>}
 */
function exec(command, args, options = {}) {
	return new Promise((resolve, reject) => {
		const outFd = options.stdoutFile ? fs.openSync(options.stdoutFile, 'w', 0o600) : undefined;
		const child = spawn(command, args, {
			cwd: options.cwd ?? REPO_ROOT,
			env: options.env ?? process.env,
			stdio: ['ignore', outFd ?? 'pipe', 'pipe'],
			detached: process.platform !== 'win32',
		});
		if (outFd !== undefined) fs.closeSync(outFd);
		children.add(child);
		let stdout = '';
		let stderr = '';
		const readBack = () => {
			if (!options.stdoutFile) return;
			try {
				stdout = fs.readFileSync(options.stdoutFile, 'utf8');
			} finally {
				fs.rmSync(options.stdoutFile, { force: true });
			}
		};
		child.stdout?.on('data', (d) => (stdout += d));
		child.stderr?.on('data', (d) => (stderr += d));
		const timer = options.timeoutMs
			? setTimeout(() => {
					stderr += `\n[killed after ${options.timeoutMs} ms]`;
					killTree(child, 'SIGKILL');
				}, options.timeoutMs)
			: undefined;
		child.on('error', (error) => {
			clearTimeout(timer);
			children.delete(child);
			if (options.stdoutFile) fs.rmSync(options.stdoutFile, { force: true });
			reject(error);
		});
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			children.delete(child);
			readBack();
			resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr });
		});
	});
}

/**
 * Packs the repository as npm would publish it (`npm pack`; `npm run build` must have run).
 * @param {string} destination folder for the tarball
 * @returns {Promise<string>} the tarball's path
 */
async function packPackage(destination) {
	if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'nodes', 'Syncro', 'Syncro.node.js'))) {
		throw new Error('dist/ is missing: run `npm run build` first');
	}
	fs.mkdirSync(destination, { recursive: true });
	const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
	const result = await exec(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', destination], { timeoutMs: 120_000 });
	if (result.code !== 0) throw new Error(`npm pack failed: ${result.stderr.trim().slice(-500)}`);
	const start = result.stdout.indexOf('[');
	const info = JSON.parse(result.stdout.slice(start));
	return path.join(destination, info[0].filename);
}

/**
 * Installs a packed tarball into `<userFolder>/.n8n/nodes` the way n8n 2.x installs a community package
 * (CommunityPackagesService.downloadPackage): unpack it into `nodes/node_modules/<name>`, drop its dev, peer
 * and optional dependencies from its package.json, `npm install` there with n8n's own flags (no scripts,
 * no lockfile), and list it in `nodes/package.json`. n8n loads every package of `nodes/node_modules` at
 * startup, so its node types are `<package-name>.<nodeName>`, exactly as users get them.
 * @param {string} userFolder the N8N_USER_FOLDER @param {string} tarball
 */
async function installPackage(userFolder, tarball) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const target = path.join(nodesDir, 'node_modules', PACKAGE_NAME);
	fs.rmSync(target, { recursive: true, force: true });
	fs.mkdirSync(target, { recursive: true });
	const untar = await exec('tar', ['-xzf', tarball, '-C', target, '--strip-components=1'], { timeoutMs: 60_000 });
	if (untar.code !== 0) throw new Error(`unpacking ${tarball} failed: ${untar.stderr.trim()}`);
	const manifestPath = path.join(target, 'package.json');
	const { devDependencies, peerDependencies, optionalDependencies, ...manifest } = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
	fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
	const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
	const install = await exec(
		npm,
		['install', '--audit=false', '--fund=false', '--bin-links=false', '--install-strategy=shallow', '--ignore-scripts=true', '--package-lock=false'],
		{ cwd: target, timeoutMs: 120_000 },
	);
	if (install.code !== 0) throw new Error(`npm install in ${target} failed: ${install.stderr.trim().slice(-500)}`);
	const nodesManifest = path.join(nodesDir, 'package.json');
	const nodesPkg = fs.existsSync(nodesManifest)
		? JSON.parse(fs.readFileSync(nodesManifest, 'utf8'))
		: { name: 'installed-nodes', private: true, dependencies: {} };
	nodesPkg.dependencies = { ...nodesPkg.dependencies, [PACKAGE_NAME]: manifest.version };
	fs.writeFileSync(nodesManifest, JSON.stringify(nodesPkg, null, 2));
	return { target, version: manifest.version };
}

/** The end index (exclusive) of the JSON value that starts at `start` (an object or array), or -1. */
function jsonEnd(/** @type {string} */ text, /** @type {number} */ start) {
	let depth = 0;
	let inString = false;
	for (let i = start; i < text.length; i++) {
		const c = text[i];
		if (inString) {
			if (c === '\\') i++;
			else if (c === '"') inString = false;
		} else if (c === '"') inString = true;
		else if (c === '{' || c === '[') depth++;
		else if (c === '}' || c === ']') {
			depth--;
			if (depth === 0) return i + 1;
		}
	}
	return -1;
}

/** The run data printed by `n8n execute --rawOutput`: logger lines come before (and, on failure, after) it. */
function parseRawOutput(/** @type {string} */ stdout) {
	const match = /^\{/m.exec(stdout);
	if (!match) return undefined;
	const end = jsonEnd(stdout, match.index);
	return end === -1 ? undefined : JSON.parse(stdout.slice(match.index, end));
}

/** A response body: parsed when it is JSON, the text otherwise, undefined when empty. */
function jsonOrText(/** @type {string} */ text) {
	if (!text) return undefined;
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

class N8n {
	/**
	 * @param {{ runtime?: import('./versions').Runtime, userFolder?: string, port?: number, brokerPort?: number, encryptionKey?: string,
	 *   env?: NodeJS.ProcessEnv, logFile?: string }} [options]
	 */
	constructor(options = {}) {
		this.runtime = options.runtime ?? DEFAULT_RUNTIME;
		this.userFolder = options.userFolder ?? fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-syncro-e2e-'));
		this.port = options.port ?? 0;
		this.brokerPort = options.brokerPort ?? 0;
		this.encryptionKey = options.encryptionKey ?? 'n8n-nodes-syncro-e2e-encryption-key';
		this.extraEnv = options.env ?? {};
		this.logFile = options.logFile ?? path.join(this.userFolder, 'n8n-start.log');
		/** @type {import('node:child_process').ChildProcess | undefined} */
		this.server = undefined;
		this.cookie = '';
		this.apiKey = '';
	}

	/** Picks free ports for the server and the task-runner broker (its default 5679 clashes easily). */
	async allocatePorts() {
		const [port, brokerPort] = await freePorts(2);
		if (!this.port) this.port = port;
		if (!this.brokerPort) this.brokerPort = brokerPort;
	}

	get origin() {
		return `http://127.0.0.1:${this.port}`;
	}

	/** @returns {NodeJS.ProcessEnv} */
	env(/** @type {NodeJS.ProcessEnv} */ extra = {}) {
		// The runtime's Node.js first on PATH (anything n8n starts with `node` gets it too).
		const env = runtimeEnv(this.runtime);
		// An outer n8n's settings must not leak in.
		for (const key of Object.keys(env)) {
			if (key.startsWith('N8N_') || key.startsWith('DB_') || key.startsWith('QUEUE_') || key === 'EXECUTIONS_MODE' || key === 'OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS') delete env[key];
		}
		return {
			...env,
			N8N_USER_FOLDER: this.userFolder,
			N8N_ENCRYPTION_KEY: this.encryptionKey,
			N8N_PORT: String(this.port || 5678),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PROTOCOL: 'http',
			N8N_EDITOR_BASE_URL: this.port ? this.origin : '',
			WEBHOOK_URL: this.port ? `${this.origin}/` : '',
			N8N_RUNNERS_BROKER_PORT: String(this.brokerPort || 5679),
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_HIRING_BANNER_ENABLED: 'false',
			N8N_SECURE_COOKIE: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
			N8N_PUBLIC_API_DISABLED: 'false',
			N8N_LOG_LEVEL: process.env.E2E_N8N_LOG_LEVEL || 'info',
			N8N_LOG_OUTPUT: 'console',
			NODE_ENV: 'production',
			NODE_OPTIONS: '',
			...this.runtime.env,
			...this.extraEnv,
			...extra,
		};
	}

	/**
	 * Runs one n8n CLI command to completion.
	 * @param {string[]} args @param {{ timeoutMs?: number, env?: NodeJS.ProcessEnv }} [options]
	 */
	async cli(args, options = {}) {
		return await exec(nodeBin(this.runtime), [n8nBin(this.runtime), ...args], {
			cwd: runtimeDir(this.runtime),
			env: this.env(options.env),
			timeoutMs: options.timeoutMs ?? 180_000,
			stdoutFile: path.join(this.userFolder, `cli-stdout-${process.pid}-${++cliRuns}.txt`),
		});
	}

	/** Writes `items` as JSON into the user folder and returns the file path. */
	writeJson(/** @type {string} */ name, /** @type {any} */ data) {
		const dir = path.join(this.userFolder, 'import');
		fs.mkdirSync(dir, { recursive: true });
		const file = path.join(dir, name);
		// Credentials go in as plain text (n8n encrypts them on import): readable by the owner only, deleted after.
		fs.writeFileSync(file, JSON.stringify(data, null, 2), { mode: 0o600 });
		return file;
	}

	/**
	 * Imports credentials (a plain `data` object is encrypted on import).
	 * @param {Array<{ id: string, name: string, type: string, data: Record<string, unknown> }>} credentials
	 */
	async importCredentials(credentials) {
		const file = this.writeJson(`credentials-${Date.now()}.json`, credentials);
		const result = await this.cli(['import:credentials', `--input=${file}`]);
		fs.rmSync(file, { force: true });
		if (result.code !== 0 || /error/i.test(lastLines(result.stderr))) throw new Error(`import:credentials failed: ${tail(result)}`);
	}

	/**
	 * Imports workflows (each needs an `id` of at most 16 characters: n8n 1.x silently drops the static data
	 * of workflows with longer IDs, so a longer one is refused here on every version).
	 * @param {any[]} workflows
	 */
	async importWorkflows(workflows) {
		const long = workflows.filter((wf) => String(wf.id).length > MAX_WORKFLOW_ID_LENGTH).map((wf) => wf.id);
		if (long.length) throw new Error(`workflow IDs longer than ${MAX_WORKFLOW_ID_LENGTH} characters (n8n 1.x drops their static data): ${long.join(', ')}`);
		const dir = path.join(this.userFolder, 'import', `workflows-${Date.now()}`);
		fs.mkdirSync(dir, { recursive: true });
		for (const wf of workflows) fs.writeFileSync(path.join(dir, `${wf.id}.json`), JSON.stringify(wf, null, 2));
		const result = await this.cli(['import:workflow', '--separate', `--input=${dir}`]);
		fs.rmSync(dir, { recursive: true, force: true });
		if (result.code !== 0) throw new Error(`import:workflow failed: ${tail(result)}`);
	}

	/** Marks a workflow active; takes effect when `n8n start` starts. */
	async publishWorkflow(/** @type {string} */ id) {
		const result = await this.cli(['publish:workflow', `--id=${id}`]);
		if (result.code !== 0) throw new Error(`publish:workflow ${id} failed: ${tail(result)}`);
	}

	/**
	 * Runs a saved workflow with `n8n execute --id --rawOutput`.
	 * @param {string} id @param {{ timeoutMs?: number }} [options]
	 * @returns {Promise<{ code: number, run: any, stdout: string, stderr: string }>}
	 */
	async execute(id, options = {}) {
		const result = await this.cli(['execute', `--id=${id}`, '--rawOutput'], { timeoutMs: options.timeoutMs ?? 180_000 });
		let run;
		try {
			run = parseRawOutput(result.stdout);
		} catch {
			run = undefined;
		}
		return { ...result, run };
	}

	/**
	 * Starts `n8n start` and resolves when it serves requests.
	 * Queue mode starts other commands of the same instance settings: `command` ('worker', 'webhook'), extra
	 * `args` (e.g. '--concurrency=2') and a `ready` probe (by default: the REST API answers).
	 * @param {{ timeoutMs?: number, command?: string, args?: string[], ready?: () => Promise<boolean> }} [options]
	 */
	async start(options = {}) {
		if (!this.port || !this.brokerPort) await this.allocatePorts();
		const command = options.command ?? 'start';
		const child = spawnLogged(nodeBin(this.runtime), [n8nBin(this.runtime), command, ...(options.args ?? [])], {
			cwd: runtimeDir(this.runtime),
			env: this.env(),
			logFile: this.logFile,
		});
		this.server = child;
		/** @type {string | undefined} */
		let exited;
		child.on('exit', (code, signal) => {
			exited = `n8n ${command} exited (${signal ?? code})`;
		});
		const ready =
			options.ready ??
			(async () => {
				// /healthz/readiness answers before the REST controllers are registered: wait for one of them.
				const res = await fetch(`${this.origin}/rest/settings`, { signal: AbortSignal.timeout(5000) });
				return res.ok && (res.headers.get('content-type') ?? '').includes('json');
			});
		await waitFor(
			async () => {
				if (exited) throw new Error(`${exited}; last lines of ${this.logFile}:\n${lastLines(fs.readFileSync(this.logFile, 'utf8'), 15)}`);
				return await ready();
			},
			{ timeoutMs: options.timeoutMs ?? 120_000, intervalMs: 250, what: `n8n ${command} at ${this.origin}` },
		).catch((error) => {
			if (exited) throw new Error(`${exited}; last lines of ${this.logFile}:\n${lastLines(fs.readFileSync(this.logFile, 'utf8'), 15)}`);
			throw error;
		});
	}

	/** Stops `n8n start` (SIGTERM, then SIGKILL after `graceMs`). */
	async stop(graceMs = 15_000) {
		const child = this.server;
		this.server = undefined;
		if (!child || child.exitCode !== null || child.signalCode !== null) return;
		const exited = new Promise((resolve) => child.once('exit', resolve));
		killTree(child, 'SIGTERM');
		const timer = setTimeout(() => killTree(child, 'SIGKILL'), graceMs);
		await exited;
		clearTimeout(timer);
	}

	/** The server's log so far (for failure messages). */
	serverLog(lines = 30) {
		try {
			return lastLines(fs.readFileSync(this.logFile, 'utf8'), lines);
		} catch {
			return '';
		}
	}

	/**
	 * A request to n8n's internal REST API (what the editor uses), with the login cookie.
	 * @param {string} method @param {string} apiPath e.g. '/rest/credentials/test' @param {any} [body]
	 * @returns {Promise<{ status: number, body: any, headers: Headers }>}
	 */
	async rest(method, apiPath, body) {
		const res = await fetch(this.origin + apiPath, {
			method,
			headers: {
				'Content-Type': 'application/json',
				// n8n's browser-id check on authenticated REST calls
				'browser-id': 'n8n-nodes-syncro-e2e',
				...(this.cookie ? { Cookie: this.cookie } : {}),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
			signal: AbortSignal.timeout(120_000),
		});
		const setCookie = res.headers.getSetCookie?.() ?? [];
		const auth = setCookie.map((c) => c.split(';')[0]).find((c) => c.startsWith('n8n-auth='));
		if (auth) this.cookie = auth;
		const parsed = jsonOrText(await res.text());
		return { status: res.status, body: parsed, headers: res.headers };
	}

	/**
	 * Creates the instance owner (first start only) and keeps the login cookie.
	 * @param {{ email: string, password: string, firstName: string, lastName: string }} owner
	 */
	async setupOwner(owner) {
		const res = await this.rest('POST', '/rest/owner/setup', owner);
		if (res.status !== 200) throw new Error(`owner setup failed (${res.status}): ${JSON.stringify(res.body).slice(0, 300)}`);
		return res.body?.data ?? res.body;
	}

	/** Logs in (keeps the cookie). */
	async login(/** @type {{ email: string, password: string }} */ user) {
		const res = await this.rest('POST', '/rest/login', { emailOrLdapLoginId: user.email, email: user.email, password: user.password });
		if (res.status !== 200) throw new Error(`login failed (${res.status}): ${JSON.stringify(res.body).slice(0, 300)}`);
		return res.body?.data ?? res.body;
	}

	/** Creates a public-API key for the logged-in user. */
	async createApiKey(label = 'e2e', scopes = ['workflow:read', 'workflow:list', 'workflow:activate', 'workflow:deactivate', 'execution:read', 'execution:list']) {
		const res = await this.rest('POST', '/rest/api-keys', { label, expiresAt: null, scopes });
		if (res.status !== 200) throw new Error(`API key creation failed (${res.status}): ${JSON.stringify(res.body).slice(0, 300)}`);
		const data = res.body?.data ?? res.body;
		this.apiKey = data.rawApiKey ?? data.apiKey;
		return this.apiKey;
	}

	/** Activates a workflow through the public API; returns the API's answer. @param {string} id */
	async activate(id) {
		return await this.api('POST', `/workflows/${id}/activate`);
	}

	/**
	 * The first request to a production webhook URL after activating its workflow. n8n answers 404 for a path
	 * it has no webhook for (the Syncro Trigger itself never does). n8n 2.41 answers the activation call before
	 * it registers the webhooks (quirk `activatesInBackground`), and it registers in two steps: it makes the URL
	 * live, then runs the trigger's create hook (which puts the secret's key in static data), then saves static
	 * data. A request in between runs on the workflow as stored, so the Syncro Trigger's setup page answers
	 * 409 "no secret yet" (seen in CI on n8n 2.41.1). There both answers are retried for up to 15 seconds, as
	 * a user reloading the page would; elsewhere they are the answer. Neither runs the workflow: retrying them
	 * has no side effect.
	 * @param {string} url @param {RequestInit} [init] @returns {Promise<Response>}
	 */
	async webhookFetch(url, init = {}) {
		const deadline = Date.now() + (this.runtime.quirks.activatesInBackground ? 15_000 : 0);
		for (;;) {
			const res = await fetch(url, { ...init, signal: AbortSignal.timeout(30_000) });
			if (![404, 409].includes(res.status) || Date.now() >= deadline) return res;
			await res.arrayBuffer().catch(() => undefined);
			await sleep(100);
		}
	}

	/**
	 * A request to the public API (`/api/v1`), with the API key.
	 * @param {string} method @param {string} apiPath e.g. '/executions' @param {any} [body]
	 */
	async api(method, apiPath, body) {
		const res = await fetch(`${this.origin}/api/v1${apiPath}`, {
			method,
			headers: { 'Content-Type': 'application/json', 'X-N8N-API-KEY': this.apiKey },
			body: body === undefined ? undefined : JSON.stringify(body),
			signal: AbortSignal.timeout(60_000),
		});
		const parsed = jsonOrText(await res.text());
		return { status: res.status, body: parsed };
	}
}

function lastLines(/** @type {string} */ text, n = 5) {
	return text.trimEnd().split('\n').slice(-n).join('\n');
}

function tail(/** @type {{ code: number, stdout: string, stderr: string }} */ result) {
	return `exit ${result.code}\n${lastLines(result.stdout, 8)}\n${lastLines(result.stderr, 8)}`.trim();
}

module.exports = { N8n, exec, freePort, freePorts, installPackage, killAll, killTree, lastLines, packPackage, parseRawOutput, sleep, spawnLogged, waitFor, PACKAGE_NAME, REPO_ROOT };
