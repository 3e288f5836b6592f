#!/usr/bin/env node
// @ts-check
'use strict';
/**
 * Installs the pinned n8n of test/e2e/n8n-runtime/ on demand (about 4 minutes and 2.1 GB the first time,
 * a fraction of a second when it is already there).
 *
 *   node test/e2e/install.js          install when missing or when the runtime's package.json/lockfile changed
 *   node test/e2e/install.js --force  reinstall
 *
 * The runtime folder has its own package.json (n8n pinned exactly, the `xlsx` override) and lockfile, so
 * n8n never enters the package's own dependency tree. `npm install --no-save` honours that lockfile
 * (`npm ci` rejects it: optional darwin packages are missing from the registry).
 *
 * Install scripts: npm 11.x skips the install scripts of dependencies that the project's `allowScripts`
 * (package.json) does not list. n8n needs the native build of `sqlite3` (its database), so the runtime's
 * package.json allows exactly that one; older npm versions ignore the field and run every script.
 * After the install, sqlite3 is loaded once to prove the native module is there, and rebuilt if not.
 */
const { spawn } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const RUNTIME_DIR = path.join(__dirname, 'n8n-runtime');
const NODE_MODULES = path.join(RUNTIME_DIR, 'node_modules');
const STAMP = path.join(NODE_MODULES, '.n8n-nodes-syncro-e2e.json');
const LOG_FILE = path.join(os.tmpdir(), 'n8n-nodes-syncro-e2e-install.log');

/** The n8n version the runtime folder pins. */
function pinnedVersion() {
	const pkg = JSON.parse(fs.readFileSync(path.join(RUNTIME_DIR, 'package.json'), 'utf8'));
	return String(pkg.dependencies.n8n);
}

/** Path of the n8n executable script of the runtime (run it with `node`). */
function n8nBin() {
	return path.join(NODE_MODULES, 'n8n', 'bin', 'n8n');
}

/** Fingerprint of what the install depends on: both manifests and the Node.js ABI (sqlite3 is native). */
function fingerprint() {
	const hash = crypto.createHash('sha256');
	for (const file of ['package.json', 'package-lock.json']) {
		const full = path.join(RUNTIME_DIR, file);
		hash.update(file + '\0' + (fs.existsSync(full) ? fs.readFileSync(full) : '') + '\0');
	}
	hash.update(`node-abi-${process.versions.modules}-${process.platform}-${process.arch}`);
	return hash.digest('hex');
}

/** Records that node_modules holds a complete install of the current manifests. */
function writeStamp() {
	fs.writeFileSync(STAMP, JSON.stringify({ fingerprint: fingerprint(), n8n: pinnedVersion(), node: process.version, at: new Date().toISOString() }, null, 2));
}

/** Whether the pinned n8n is installed, complete, and installed from the current manifests. */
function isInstalled() {
	try {
		const stamp = JSON.parse(fs.readFileSync(STAMP, 'utf8'));
		const installed = JSON.parse(fs.readFileSync(path.join(NODE_MODULES, 'n8n', 'package.json'), 'utf8'));
		return stamp.fingerprint === fingerprint() && installed.version === pinnedVersion() && fs.existsSync(n8nBin());
	} catch {
		return false;
	}
}

/**
 * Runs a command in the runtime folder, appending its output to the install log.
 * @param {string} command @param {string[]} args @param {{ quiet?: boolean }} [options]
 * @returns {Promise<number>} exit code
 */
function run(command, args, options = {}) {
	return new Promise((resolve, reject) => {
		const log = fs.openSync(LOG_FILE, 'a');
		fs.writeSync(log, `\n$ ${command} ${args.join(' ')}\n`);
		const child = spawn(command, args, {
			cwd: RUNTIME_DIR,
			stdio: ['ignore', log, log],
			env: {
				...process.env,
				// The runtime's own settings, whatever the caller's npm environment says.
				npm_config_ignore_scripts: 'false',
				npm_config_audit: 'false',
				npm_config_fund: 'false',
				npm_config_update_notifier: 'false',
				npm_config_yes: 'true',
			},
		});
		const stop = () => child.kill('SIGTERM');
		process.once('exit', stop);
		child.on('error', (error) => {
			fs.closeSync(log);
			process.removeListener('exit', stop);
			reject(error);
		});
		child.on('close', (code) => {
			fs.closeSync(log);
			process.removeListener('exit', stop);
			if (!options.quiet && code !== 0) process.stderr.write(`install: "${command} ${args.join(' ')}" exited ${code}; see ${LOG_FILE}\n`);
			resolve(code ?? 1);
		});
	});
}

/** Loads sqlite3 from the runtime the way n8n will; resolves true when its native module works. */
async function sqliteWorks() {
	const code = await run(process.execPath, ['-e', "const s=require('sqlite3');new s.Database(':memory:').close()"], { quiet: true });
	return code === 0;
}

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/**
 * Installs the runtime when needed.
 * @param {{ force?: boolean, log?: (line: string) => void }} [options]
 * @returns {Promise<{ installed: boolean, ms: number }>} whether an install ran, and how long it all took
 */
async function ensureN8n(options = {}) {
	const log = options.log ?? ((line) => process.stdout.write(line + '\n'));
	const started = Date.now();
	if (!options.force && isInstalled()) return { installed: false, ms: Date.now() - started };

	const release = await lock(log);
	try {
		// Another process may have installed it while this one waited for the lock.
		if (!options.force && isInstalled()) return { installed: false, ms: Date.now() - started };
		return await install(started, log);
	} finally {
		release();
	}
}

/**
 * One install at a time per runtime folder (a test run and `npm start` may start together): a lock
 * directory holding the owner's process ID; a lock whose owner is gone is taken over.
 * @param {(line: string) => void} log @returns {Promise<() => void>} release
 */
async function lock(log) {
	const dir = path.join(os.tmpdir(), `n8n-nodes-syncro-e2e-install-${crypto.createHash('sha1').update(RUNTIME_DIR).digest('hex').slice(0, 12)}.lock`);
	let told = false;
	for (;;) {
		try {
			fs.mkdirSync(dir);
			fs.writeFileSync(path.join(dir, 'pid'), String(process.pid));
			const release = () => fs.rmSync(dir, { recursive: true, force: true });
			process.once('exit', release);
			return () => {
				process.removeListener('exit', release);
				release();
			};
		} catch (error) {
			if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EEXIST') throw error;
		}
		let owner = 0;
		try {
			owner = Number(fs.readFileSync(path.join(dir, 'pid'), 'utf8'));
		} catch {
			// being created or removed right now
		}
		let alive = true;
		if (owner > 0) {
			try {
				process.kill(owner, 0);
			} catch (error) {
				alive = /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
			}
		}
		if (owner > 0 && !alive) {
			fs.rmSync(dir, { recursive: true, force: true });
			continue;
		}
		if (!told) log(`install: another process (${owner || '?'}) is installing the n8n runtime; waiting for it`);
		told = true;
		await new Promise((r) => setTimeout(r, 2000));
	}
}

/** @param {number} started @param {(line: string) => void} log */
async function install(started, log) {
	log(`install: installing n8n ${pinnedVersion()} into ${path.relative(process.cwd(), RUNTIME_DIR) || '.'} (about 4 minutes and 2 GB the first time; log: ${LOG_FILE})`);
	fs.writeFileSync(LOG_FILE, `n8n runtime install, ${new Date().toISOString()}, node ${process.version}\n`);
	try {
		fs.rmSync(STAMP, { force: true });
	} catch {
		// no stamp yet
	}
	const ticker = setInterval(() => log(`install: still installing (${Math.round((Date.now() - started) / 1000)} s)`), 30_000);
	try {
		let code = await run(NPM, ['install', '--no-save', '--no-audit', '--no-fund', '--loglevel=warn']);
		if (code !== 0) {
			// A half-written node_modules (an interrupted earlier install) can trip npm: start over once.
			log('install: npm install failed; retrying once from an empty node_modules');
			fs.rmSync(NODE_MODULES, { recursive: true, force: true });
			code = await run(NPM, ['install', '--no-save', '--no-audit', '--no-fund', '--loglevel=warn']);
		}
		if (code !== 0) throw new Error(`npm install of the n8n runtime failed (exit ${code}); see ${LOG_FILE}`);
		if (!(await sqliteWorks())) {
			// The install scripts were skipped (an npm whose script policy ignores allowScripts, or
			// ignore-scripts set globally): build the one native module n8n needs explicitly.
			log('install: sqlite3 has no native build; running npm rebuild sqlite3');
			code = await run(NPM, ['rebuild', 'sqlite3', '--ignore-scripts=false']);
			if (code !== 0 || !(await sqliteWorks())) throw new Error(`sqlite3 could not be built for n8n; see ${LOG_FILE}`);
		}
		if (!fs.existsSync(n8nBin())) throw new Error(`n8n is missing after the install; see ${LOG_FILE}`);
	} finally {
		clearInterval(ticker);
	}
	writeStamp();
	const ms = Date.now() - started;
	log(`install: n8n ${pinnedVersion()} installed in ${Math.round(ms / 1000)} s`);
	return { installed: true, ms };
}

module.exports = { ensureN8n, isInstalled, n8nBin, pinnedVersion, writeStamp, RUNTIME_DIR };

if (require.main === module) {
	ensureN8n({ force: process.argv.includes('--force') }).then(
		({ installed, ms }) => {
			if (!installed) process.stdout.write(`install: n8n ${pinnedVersion()} already installed (checked in ${ms} ms)\n`);
		},
		(error) => {
			process.stderr.write(`install: ${error.message}\n`);
			process.exit(1);
		},
	);
}
