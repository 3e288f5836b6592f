// @ts-check
'use strict';
/**
 * A queue-mode n8n on loopback, the way MSPs run it past one machine: Redis, one shared database, one main
 * (`n8n start`: editor, REST and public API, triggers and pollers), workers (`n8n worker`: run the
 * executions) and a webhook processor (`n8n webhook`: receives production webhooks and queues them).
 *
 * Each n8n process has its own user folder (as each would be its own machine or container), into which the
 * packed package is installed the way n8n installs community packages; they share the encryption key, the
 * database and Redis. Logs are JSON lines (N8N_LOG_FORMAT=json), one file per process, so a check can tell
 * which process did what: "Enqueued execution 12 (job 3)" on the process that queued it, "Worker started
 * execution 12 (job 3)" on the worker that ran it.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { N8n, freePorts, installPackage, waitFor } = require('../n8n');
const { startPostgres, startRedis } = require('./services');

const ENCRYPTION_KEY = 'n8n-nodes-syncro-queue-e2e-encryption-key';

/**
 * @typedef {{ name: string, role: 'main' | 'worker' | 'webhook', n8n: N8n, logFile: string, healthPort?: number, restarts: number }} Proc
 * @typedef {{ level?: string, message: string, timestamp?: string, metadata?: Record<string, any>, at: number, proc: string }} LogLine
 */

class QueueCluster {
	/**
	 * @param {{ runtime: import('../versions').Runtime, workers?: number, concurrency?: number, database: { kind: 'postgres', binDir: string } | { kind: 'sqlite' },
	 *   redisBin: string, keep?: boolean, log: (line: string) => void }} options
	 */
	constructor(options) {
		this.options = options;
		this.workerCount = options.workers ?? 2;
		this.concurrency = options.concurrency ?? 2;
		this.root = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-syncro-queue-'));
		/** @type {Proc[]} */
		this.procs = [];
		/** @type {{ stop: () => Promise<void>, port: number } | undefined} */
		this.redis = undefined;
		/** @type {{ stop: () => Promise<void>, port: number, dir: string, database: string, user: string } | undefined} */
		this.postgres = undefined;
		/** @type {Record<string, string>} */
		this.sharedEnv = {};
	}

	get main() {
		return /** @type {Proc} */ (this.procs.find((p) => p.role === 'main'));
	}

	get workers() {
		return this.procs.filter((p) => p.role === 'worker');
	}

	get webhook() {
		return /** @type {Proc} */ (this.procs.find((p) => p.role === 'webhook'));
	}

	/** The origin Syncro posts to: the webhook processor. */
	get webhookOrigin() {
		return this.webhook.n8n.origin;
	}

	/**
	 * Starts Redis and the database, and installs the packed package into every process's user folder.
	 * @param {string} tarball
	 */
	async prepare(tarball) {
		const { log } = this.options;
		const roles = /** @type {Array<[string, Proc['role']]>} */ ([
			['main', 'main'],
			...Array.from({ length: this.workerCount }, (_, i) => /** @type {[string, Proc['role']]} */ ([`worker-${i + 1}`, 'worker'])),
			['webhook', 'webhook'],
		]);
		// Per process: the HTTP port (the worker's is its health server) and the task-runner broker port.
		const ports = await freePorts(roles.length * 2 + 2);
		const [redisPort, dbPort] = ports.splice(0, 2);
		for (const [name, role] of roles) {
			const userFolder = path.join(this.root, name);
			fs.mkdirSync(userFolder, { recursive: true });
			const [port, brokerPort] = ports.splice(0, 2);
			const logFile = path.join(this.root, `${name}.log`);
			const n8n = new N8n({ runtime: this.options.runtime, userFolder, port, brokerPort, encryptionKey: ENCRYPTION_KEY, logFile });
			this.procs.push({ name, role, n8n, logFile, healthPort: role === 'worker' ? port : undefined, restarts: 0 });
		}

		const t = Date.now();
		const [redis, database] = await Promise.all([
			startRedis(this.options.redisBin, redisPort, path.join(this.root, 'redis')),
			this.options.database.kind === 'postgres' ? startPostgres(this.options.database.binDir, dbPort, { keep: this.options.keep }) : undefined,
			// As on separate machines: each process gets the package installed into its own ~/.n8n/nodes.
			...this.procs.map(async (p) => await installPackage(p.n8n.userFolder, tarball)),
		]);
		this.redis = redis;
		this.postgres = database;
		log(`redis on 127.0.0.1:${redis.port}, ${database ? `postgres on 127.0.0.1:${database.port}` : 'sqlite'}; package installed into ${this.procs.length} user folders (${((Date.now() - t) / 1000).toFixed(1)} s)`);

		/** @type {Record<string, string>} */
		const env = {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			// Manual runs ("Execute workflow") go to the workers too, as n8n recommends for queue mode.
			OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
			// Production webhook URLs (and the Syncro Trigger's setup page) point at the webhook processor.
			WEBHOOK_URL: `http://127.0.0.1:${this.webhook.n8n.port}/`,
			N8N_LOG_FORMAT: 'json',
			N8N_LOG_LEVEL: 'info',
			N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '20',
		};
		if (database) {
			Object.assign(env, {
				DB_TYPE: 'postgresdb',
				DB_POSTGRESDB_HOST: '127.0.0.1',
				DB_POSTGRESDB_PORT: String(database.port),
				DB_POSTGRESDB_DATABASE: database.database,
				DB_POSTGRESDB_USER: database.user,
				DB_POSTGRESDB_PASSWORD: '',
			});
		} else {
			Object.assign(env, { DB_TYPE: 'sqlite', DB_SQLITE_DATABASE: path.join(this.root, 'shared.sqlite') });
		}
		this.sharedEnv = env;
		for (const p of this.procs) {
			/** @type {Record<string, string>} */
			const own = { ...env };
			if (p.role === 'main') own.N8N_DISABLE_PRODUCTION_MAIN_PROCESS = 'true';
			if (p.role === 'worker') {
				Object.assign(own, { QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(p.healthPort), N8N_WORKER_SERVER_ADDRESS: '127.0.0.1' });
			}
			p.n8n.extraEnv = own;
			// The editor base URL stays the main's; the webhook processor answers on its own port.
			if (p.role !== 'main') p.n8n.extraEnv.N8N_EDITOR_BASE_URL = this.main.n8n.origin;
		}
	}

	/**
	 * Starts one process and resolves when it is ready: the main when its REST API answers, a worker when its
	 * health server says the database and Redis are up, the webhook processor when its readiness check passes.
	 * @param {Proc} p
	 */
	async startProc(p) {
		if (p.role === 'main') return await p.n8n.start({ timeoutMs: 180_000 });
		const readiness = async () => {
			const port = p.role === 'worker' ? p.healthPort : p.n8n.port;
			const res = await fetch(`http://127.0.0.1:${port}/healthz/readiness`, { signal: AbortSignal.timeout(3000) });
			return res.status === 200;
		};
		if (p.role === 'worker') return await p.n8n.start({ command: 'worker', args: [`--concurrency=${this.concurrency}`], ready: readiness, timeoutMs: 180_000 });
		return await p.n8n.start({
			command: 'webhook',
			timeoutMs: 180_000,
			// Ready when it serves: the readiness check, and its log line that the listener is up.
			ready: async () => (await readiness()) && this.logLines(p).some((l) => /Webhook listener waiting for requests/.test(l.message)),
		});
	}

	/** Starts every process at once (the database must be migrated: import something through the main's CLI first). */
	async startAll() {
		await Promise.all(this.procs.map(async (p) => await this.startProc(p)));
	}

	/** Stops a process gracefully (a worker first finishes its running executions). */
	async stopProc(/** @type {Proc} */ p) {
		await p.n8n.stop(30_000);
	}

	/** Stops and starts a process. */
	async restart(/** @type {Proc} */ p) {
		await this.stopProc(p);
		p.restarts++;
		await this.startProc(p);
	}

	/** The temporary folders of this cluster (its own and the database's). */
	tempDirs() {
		return [this.root, ...(this.postgres?.dir ? [this.postgres.dir] : [])];
	}

	/** Stops every n8n process, then Redis and the database; removes the folders unless `keep`. */
	async shutdown() {
		await Promise.all(this.procs.map(async (p) => await this.stopProc(p).catch(() => undefined)));
		if (this.redis) await this.redis.stop().catch(() => undefined);
		if (this.postgres) await this.postgres.stop().catch(() => undefined);
		if (!this.options.keep) fs.rmSync(this.root, { recursive: true, force: true });
	}

	/**
	 * A process's log, parsed: JSON lines (other output, e.g. of the task runner, is kept as plain messages).
	 * @param {Proc} p @returns {LogLine[]}
	 */
	logLines(p) {
		let text = '';
		try {
			text = fs.readFileSync(p.logFile, 'utf8');
		} catch {
			return [];
		}
		/** @type {LogLine[]} */
		const lines = [];
		for (const raw of text.split('\n')) {
			if (!raw.trim()) continue;
			if (raw.startsWith('{')) {
				try {
					const entry = JSON.parse(raw);
					// n8n's JSON format puts the timestamp among the metadata.
					const stamp = entry.timestamp ?? entry.metadata?.timestamp ?? '';
					lines.push({ ...entry, message: String(entry.message ?? ''), at: Date.parse(stamp) || 0, proc: p.name });
					continue;
				} catch {
					// not JSON after all
				}
			}
			lines.push({ message: raw, at: 0, proc: p.name });
		}
		return lines;
	}

	/** Every process's log lines. */
	allLogLines() {
		return this.procs.flatMap((p) => this.logLines(p));
	}

	/** The whole text of every log (for the no-secrets check). */
	allLogText() {
		const files = [...this.procs.map((p) => p.logFile), path.join(this.root, 'redis', 'redis.log')];
		return files.map((f) => (fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : '')).join('\n');
	}

	/**
	 * Which process queued and which worker ran an execution, from the logs.
	 * @param {string|number} executionId
	 */
	whoRan(executionId) {
		const id = String(executionId);
		const lines = this.allLogLines();
		const enqueued = lines.filter((l) => l.message.startsWith(`Enqueued execution ${id} `)).map((l) => l.proc);
		const started = lines.filter((l) => l.message.startsWith(`Worker started execution ${id} `));
		const finished = lines.filter((l) => l.message.startsWith(`Worker finished execution ${id} `));
		return {
			enqueuedBy: enqueued,
			startedOn: started.map((l) => l.proc),
			finishedOn: finished.map((l) => l.proc),
			startedAt: started[0]?.at,
			finishedAt: finished[0]?.at,
		};
	}

	/**
	 * Bull's view of the default queue, for a failure report: jobs waiting, active (with or without a worker's
	 * lock), paused, delayed, failed, and whether the queue is paused. Says why when redis-cli cannot tell.
	 */
	queueState() {
		const cli = path.join(path.dirname(this.options.redisBin), 'redis-cli');
		if (!this.redis || !fs.existsSync(cli)) return 'no redis-cli beside redis-server';
		const port = String(this.redis.port);
		const redis = (/** @type {string[]} */ ...args) => execFileSync(cli, ['-p', port, ...args], { encoding: 'utf8', timeout: 5_000 }).trim();
		// n8n's queue: Bull's default prefix and the queue named "jobs".
		const key = (/** @type {string} */ name) => `bull:jobs:${name}`;
		try {
			const active = redis('LRANGE', key('active'), '0', '-1').split('\n').filter(Boolean);
			const locked = active.filter((id) => redis('EXISTS', key(`${id}:lock`)) === '1');
			return [
				`waiting ${redis('LLEN', key('wait'))}`,
				`active ${active.length}${active.length ? ` (jobs ${active.join(', ')}; locked by a worker: ${locked.join(', ') || 'none'})` : ''}`,
				`paused ${redis('LLEN', key('paused'))}`,
				`delayed ${redis('ZCARD', key('delayed'))}`,
				`failed ${redis('ZCARD', key('failed'))}`,
				`queue paused: ${redis('EXISTS', key('meta-paused')) === '1' ? 'yes' : 'no'}`,
			].join(', ');
		} catch (error) {
			return `redis-cli failed: ${/** @type {Error} */ (error).message}`;
		}
	}

	/**
	 * The database sessions that are not idle (waiting on a lock, or idle inside an open transaction), one line
	 * each, for a failure report. PostgreSQL only.
	 * @returns {string[]}
	 */
	databaseState() {
		if (this.options.database.kind !== 'postgres' || !this.postgres) return [];
		const psql = path.join(this.options.database.binDir, 'psql');
		const sql =
			"select pid, state, coalesce(wait_event_type || ':' || wait_event, '-'), coalesce(extract(epoch from now() - xact_start)::int, -1), " +
			"left(regexp_replace(query, '\\s+', ' ', 'g'), 160) from pg_stat_activity " +
			"where datname = current_database() and pid <> pg_backend_pid() and state <> 'idle'";
		try {
			const out = execFileSync(psql, ['-h', '127.0.0.1', '-p', String(this.postgres.port), '-U', this.postgres.user, '-d', this.postgres.database, '-At', '-F', ' | ', '-c', sql], {
				encoding: 'utf8',
				timeout: 5_000,
			});
			const rows = out.split('\n').filter(Boolean);
			return rows.length ? rows.map((r) => `database session: ${r}`) : ['database: no session busy or in a transaction'];
		} catch (error) {
			return [`database: psql failed: ${/** @type {Error} */ (error).message}`];
		}
	}

	/** Waits until a worker's log shows it finished an execution. */
	async waitForWorkerFinish(/** @type {string|number} */ executionId, timeoutMs = 60_000) {
		return await waitFor(async () => (this.whoRan(executionId).finishedOn.length > 0 ? this.whoRan(executionId) : undefined), {
			timeoutMs,
			intervalMs: 200,
			what: `a worker to finish execution ${executionId}`,
		});
	}
}

module.exports = { QueueCluster, ENCRYPTION_KEY };
