// @ts-check
'use strict';
/**
 * The servers a queue-mode n8n needs besides n8n itself, as throwaway processes on loopback:
 * Redis (Debian's redis-server, installed with apt-get when missing) and, for the shared database,
 * PostgreSQL (Debian's server binaries, an `initdb` cluster in a temporary folder on its own port).
 * Every process is started by this script, in its own process group, and stopped by it (and killed with
 * every other child when the script exits).
 */
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const { exec, lastLines, spawnLogged, killTree, waitFor } = require('../n8n');

/** The first of `candidates` that exists and is executable. */
function firstExecutable(/** @type {string[]} */ candidates) {
	for (const file of candidates) {
		try {
			fs.accessSync(file, fs.constants.X_OK);
			return file;
		} catch {
			// next
		}
	}
	return undefined;
}

/** `which` without a shell. */
function which(/** @type {string} */ name) {
	const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
	return firstExecutable(dirs.map((d) => path.join(d, name)));
}

/** Resolves when a TCP connection to 127.0.0.1:port succeeds. */
function canConnect(/** @type {number} */ port) {
	return new Promise((resolve) => {
		const socket = net.connect({ host: '127.0.0.1', port });
		socket.setTimeout(2000);
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
		socket.once('timeout', () => {
			socket.destroy();
			resolve(false);
		});
	});
}

/**
 * redis-server's path, installing Debian's package when it is missing (root only; `apt-get update` first
 * when the package lists are missing or stale).
 * @param {(line: string) => void} log
 * @returns {Promise<{ bin?: string, why?: string, installedMs?: number }>}
 */
async function ensureRedis(log) {
	const found = which('redis-server') ?? firstExecutable(['/usr/bin/redis-server', '/usr/sbin/redis-server']);
	if (found) return { bin: found };
	if (process.platform !== 'linux' || !which('apt-get')) return { why: 'redis-server is not installed and there is no apt-get to install it' };
	if (typeof process.getuid === 'function' && process.getuid() !== 0) return { why: 'redis-server is not installed and installing it needs root (apt-get install -y redis-server)' };
	const started = Date.now();
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	log('redis-server missing: apt-get install -y redis-server');
	let result = await exec('apt-get', ['install', '-y', '--no-install-recommends', 'redis-server'], { env, timeoutMs: 300_000 });
	if (result.code !== 0) {
		log('apt-get install failed; apt-get update, then again');
		const update = await exec('apt-get', ['update'], { env, timeoutMs: 300_000 });
		if (update.code !== 0) return { why: `apt-get update failed: ${lastLines(update.stderr, 3)}` };
		result = await exec('apt-get', ['install', '-y', '--no-install-recommends', 'redis-server'], { env, timeoutMs: 300_000 });
	}
	const bin = which('redis-server') ?? firstExecutable(['/usr/bin/redis-server']);
	if (result.code !== 0 || !bin) return { why: `apt-get install redis-server failed: ${lastLines(result.stderr || result.stdout, 3)}` };
	return { bin, installedMs: Date.now() - started };
}

/**
 * Starts a Redis on 127.0.0.1:port with no persistence, its files in `dir`.
 * @param {string} bin @param {number} port @param {string} dir
 */
async function startRedis(bin, port, dir) {
	fs.mkdirSync(dir, { recursive: true });
	const logFile = path.join(dir, 'redis.log');
	const child = spawnLogged(bin, ['--port', String(port), '--bind', '127.0.0.1', '--protected-mode', 'yes', '--save', '', '--appendonly', 'no', '--dir', dir, '--daemonize', 'no'], { logFile, cwd: dir });
	let exited = false;
	child.on('exit', () => (exited = true));
	await waitFor(
		async () => {
			if (exited) throw new Error(`redis-server exited: ${lastLines(fs.readFileSync(logFile, 'utf8'), 5)}`);
			return /Ready to accept connections/.test(fs.readFileSync(logFile, 'utf8')) && (await canConnect(port));
		},
		{ timeoutMs: 20_000, intervalMs: 100, what: `redis-server on port ${port}` },
	);
	return { child, port, logFile, stop: async () => await stopChild(child, 'SIGTERM', 10_000) };
}

/** The folder with PostgreSQL's server binaries (initdb, postgres), the newest version, or undefined. */
function findPostgres() {
	const fromPath = which('initdb') && which('postgres');
	if (fromPath) {
		const initdb = fs.realpathSync(/** @type {string} */ (which('initdb')));
		return path.dirname(initdb);
	}
	const root = '/usr/lib/postgresql';
	if (!fs.existsSync(root)) return undefined;
	const versions = fs.readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
	for (const v of versions) {
		const dir = path.join(root, v, 'bin');
		if (firstExecutable([path.join(dir, 'initdb')]) && firstExecutable([path.join(dir, 'postgres')])) return dir;
	}
	return undefined;
}

/** The uid/gid PostgreSQL runs as: initdb and postgres refuse root. */
function postgresAccount() {
	if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
	for (const name of ['postgres', 'nobody']) {
		const line = fs.readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith(`${name}:`));
		if (line) {
			const [, , uid, gid] = line.split(':');
			return { name, uid: Number(uid), gid: Number(gid) };
		}
	}
	return undefined;
}

/**
 * A throwaway PostgreSQL cluster: initdb into a new temporary folder (its own: when this script is root the
 * server runs as another account, which must reach it), started on 127.0.0.1:port (trust auth on loopback,
 * no fsync: nothing here must survive the run), superuser `n8n`, database `n8n`. `stop()` removes the folder
 * unless `keep`.
 * @param {string} binDir @param {number} port @param {{ keep?: boolean }} [options]
 */
async function startPostgres(binDir, port, options = {}) {
	const account = postgresAccount();
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-syncro-pg-'));
	const dataDir = path.join(dir, 'data');
	const logFile = path.join(dir, 'postgres.log');
	if (account) fs.chownSync(dir, account.uid, account.gid);
	/** Runs a PostgreSQL program as the unprivileged account when this script is root. */
	const as = (/** @type {string} */ program, /** @type {string[]} */ args) =>
		account
			? { command: 'setpriv', args: [`--reuid=${account.uid}`, `--regid=${account.gid}`, '--clear-groups', '--', path.join(binDir, program), ...args] }
			: { command: path.join(binDir, program), args };
	const env = { ...process.env, LC_ALL: 'C', LANG: 'C' };
	for (const key of Object.keys(env)) if (key.startsWith('PG')) delete env[key];
	const init = as('initdb', ['-D', dataDir, '-U', 'n8n', '--auth=trust', '--encoding=UTF8', '--no-sync']);
	const initResult = await exec(init.command, init.args, { cwd: dir, env, timeoutMs: 120_000 });
	if (initResult.code !== 0) throw new Error(`initdb failed: ${lastLines(initResult.stderr || initResult.stdout, 5)}`);
	const run = as('postgres', [
		'-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${dir}`,
		'-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=100',
	]);
	if (account) fs.writeFileSync(logFile, '', { mode: 0o644 });
	const child = spawnLogged(run.command, run.args, { logFile, cwd: dir, env });
	let exited = false;
	child.on('exit', () => (exited = true));
	await waitFor(
		async () => {
			if (exited) throw new Error(`postgres exited: ${lastLines(fs.readFileSync(logFile, 'utf8'), 5)}`);
			return /ready to accept connections/.test(fs.readFileSync(logFile, 'utf8')) && (await canConnect(port));
		},
		{ timeoutMs: 30_000, intervalMs: 100, what: `postgres on port ${port}` },
	);
	const create = as('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'n8n', 'n8n']);
	const created = await exec(create.command, create.args, { cwd: dir, env, timeoutMs: 30_000 });
	if (created.code !== 0) throw new Error(`createdb failed: ${lastLines(created.stderr, 3)}`);
	// SIGINT is PostgreSQL's "fast" shutdown (SIGTERM would wait for every client to disconnect).
	return {
		child,
		port,
		dir,
		logFile,
		database: 'n8n',
		user: 'n8n',
		stop: async () => {
			await stopChild(child, 'SIGINT', 15_000);
			if (!options.keep) fs.rmSync(dir, { recursive: true, force: true });
		},
	};
}

/** Signals a child's process group and waits for it to exit (SIGKILL after `graceMs`). */
async function stopChild(/** @type {import('node:child_process').ChildProcess} */ child, /** @type {NodeJS.Signals} */ signal, graceMs = 10_000) {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise((resolve) => child.once('exit', resolve));
	killTree(child, signal);
	const timer = setTimeout(() => killTree(child, 'SIGKILL'), graceMs);
	await exited;
	clearTimeout(timer);
}

module.exports = { ensureRedis, startRedis, findPostgres, startPostgres, stopChild, canConnect, firstExecutable };
