// @ts-check
'use strict';
/**
 * What the browser suite drives: the Syncro simulator (in this process) and one `n8n start` of a matrix
 * runtime, set up as `npm start` sets up its sandbox (scripts/start.js): the package packed and installed as a
 * community package, the "Syncro account" credential pointed at the simulator, every example of examples/
 * imported, an owner login. Everything lives in a throwaway user folder in os.tmpdir() on free ports;
 * `stop()` ends n8n and the simulator and removes the folder (BROWSER_KEEP=1 keeps it).
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { loadExamples } = require('../e2e/checks');
const { ensureN8n } = require('../e2e/install');
const { N8n, REPO_ROOT, installPackage, packPackage } = require('../e2e/n8n');
const { createSimulator } = require('../simulator/server');

/** The credential the examples refer to, as the sandbox names it. */
const CREDENTIAL = { id: 'SyncroSandbox001', name: 'Syncro account' };
const OWNER = { email: 'browser-owner@example.com', password: 'Browser-Owner-Pass1', firstName: 'Browser', lastName: 'Owner' };

/** The newest modification time under a folder (0 when missing). */
function newest(/** @type {string} */ dir) {
	if (!fs.existsSync(dir)) return 0;
	let max = 0;
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const file = path.join(dir, entry.name);
		max = Math.max(max, entry.isDirectory() ? newest(file) : fs.statSync(file).mtimeMs);
	}
	return max;
}

/**
 * Runs `npm run build` when dist/ is missing or older than the sources (npm test builds first; a run on its
 * own must not test a stale build).
 * @param {(line: string) => void} log
 */
function ensureBuilt(log) {
	const built = path.join(REPO_ROOT, 'dist', 'nodes', 'Syncro', 'Syncro.node.js');
	const builtAt = fs.existsSync(built) ? fs.statSync(built).mtimeMs : 0;
	const sources = Math.max(...['nodes', 'credentials', 'icons'].map((d) => newest(path.join(REPO_ROOT, d))));
	if (builtAt >= sources) return;
	log('dist/ is missing or older than the sources: npm run build (about 15 s)');
	const result = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build', '--silent'], { cwd: REPO_ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
	if (result.status !== 0) throw new Error(`npm run build exited ${result.status}`);
}

/**
 * @param {import('../e2e/versions').Runtime} runtime @param {(line: string) => void} log
 */
async function startStack(runtime, log) {
	ensureBuilt(log);
	await ensureN8n({ runtime, log });
	const n8n = new N8n({ runtime, userFolder: fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-syncro-browser-')) });
	/** @type {any} */
	let sim;
	const stop = async () => {
		await n8n.stop().catch(() => undefined);
		if (sim) await sim.close().catch(() => undefined);
		if (process.env.BROWSER_KEEP === '1') log(`kept ${n8n.userFolder}`);
		else fs.rmSync(n8n.userFolder, { recursive: true, force: true });
	};
	try {
		await n8n.allocatePorts();
		const tarball = await packPackage(path.join(n8n.userFolder, 'pack'));
		await installPackage(n8n.userFolder, tarball);
		sim = await createSimulator({ quiet: true, rateLimit: { limit: 180, windowMs: 60_000 } });
		const data = { subdomain: 'demo-msp', apiToken: sim.token, baseUrl: sim.baseUrl, requestsPerMinute: 180, timeoutSeconds: 60 };
		await n8n.importCredentials([{ ...CREDENTIAL, type: 'syncroApi', data }]);
		const examples = loadExamples();
		await n8n.importWorkflows(examples.map(({ file, ...wf }) => wf));
		await n8n.start();
		await n8n.setupOwner(OWNER);
		return { n8n, sim, examples, owner: OWNER, credential: CREDENTIAL, stop };
	} catch (error) {
		await stop();
		throw error;
	}
}

module.exports = { startStack, CREDENTIAL, OWNER };
