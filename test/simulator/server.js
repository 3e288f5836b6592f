// @ts-check
'use strict';
/**
 * A loopback HTTP server that behaves like Syncro's REST API (https://<tenant>.syncromsp.com/api/v1)
 * for the resources registered in ./resources: Bearer auth, Syncro's envelopes and `meta` pagination with
 * per-endpoint page sizes, 404/422 bodies in Syncro's shapes, and switchable faults (a per-window rate
 * limit answering 429 "Retry later", injected 5xx, connection resets, stalls, malformed JSON, HTML pages).
 * Every request is recorded for assertions.
 *
 * Two settings make it behave like Syncro seen from far away:
 * - `latencyMs`: every answer leaves this long after its request arrived (network and server time; the
 *   request is counted against the rate limit when it arrives, as a server does).
 * - `https: true`: TLS with a throwaway self-signed certificate made by the `openssl` CLI at start. The
 *   private key lives only in memory; the certificate is written to `certPath` so that a client process
 *   can trust it with NODE_EXTRA_CA_CERTS, keeping certificate verification on.
 */
const http = require('node:http');
const https = require('node:https');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { Store } = require('./store');

const API_PREFIX = '/api/v1';
const DEFAULT_TOKEN = 'sim-token-0123456789abcdef';

/**
 * @typedef {{ status?: number, body?: any, headers?: Record<string, string>, raw?: string }} Reply
 * @typedef {{ method: string, path: string, params: Record<string, string>, query: Record<string, any>, body: any, headers: http.IncomingHttpHeaders }} SimRequest
 * @typedef {(req: SimRequest) => Reply | any} Handler
 * @typedef {{ status: number, count: number, method?: string, path?: RegExp|string, body?: any, raw?: string, headers?: Record<string,string> }} InjectedFailure
 */

class HttpError extends Error {
	/** @param {number} status @param {any} body */
	constructor(status, body) {
		super(`HTTP ${status}`);
		this.status = status;
		this.body = body;
	}
}

/** Syncro-shaped errors used by resource modules. */
const errors = {
	/** 404 as Syncro often sends it: an empty body. */
	notFound: () => new HttpError(404, undefined),
	/** 404 with a message. */
	notFoundMessage: (/** @type {string} */ message) => new HttpError(404, { message }),
	/** 422 {"success":false,"message":[...],"params":{...}} */
	invalidMessages: (/** @type {string[]} */ messages, params = {}) => new HttpError(422, { success: false, message: messages, params }),
	/** 422 {"errors":"Name can't be blank"} (errors as a string, with the record) */
	invalidString: (/** @type {string} */ text, record = {}) => new HttpError(422, { record, errors: text }),
	/** 422 {"errors":{"field":["..."]}} */
	invalidObject: (/** @type {Record<string,string[]>} */ fields) => new HttpError(422, { errors: fields }),
	/** {"error":"..."} */
	error: (/** @type {number} */ status, /** @type {string} */ text) => new HttpError(status, { error: text }),
};

/** Rails-style query parsing: `id[]=1&id[]=2` -> {id: ['1','2']}. */
function parseQuery(/** @type {URLSearchParams} */ params) {
	/** @type {Record<string, any>} */
	const query = {};
	for (const [key, value] of params) {
		if (key.endsWith('[]')) {
			const name = key.slice(0, -2);
			(query[name] = Array.isArray(query[name]) ? query[name] : []).push(value);
		} else {
			query[key] = value;
		}
	}
	return query;
}

/**
 * Syncro list envelope. `meta`: 'full' {total_pages,total_entries,per_page,page}, 'reduced' {total_pages,page},
 * 'comments' {total_pages,page,per_page}, or 'none'.
 * @param {any[]} rows @param {Record<string, any>} query @param {{ key: string, pageSize: number, meta?: string }} opts
 */
function pageOf(rows, query, opts) {
	const page = Math.max(1, Number.parseInt(query.page ?? '1', 10) || 1);
	const size = opts.pageSize;
	const totalPages = Math.ceil(rows.length / size);
	const slice = rows.slice((page - 1) * size, page * size);
	/** @type {Record<string, any>} */
	const envelope = { [opts.key]: slice };
	if (opts.meta === 'full') envelope.meta = { total_pages: totalPages, total_entries: rows.length, per_page: size, page };
	else if (opts.meta === 'reduced') envelope.meta = { total_pages: totalPages, page };
	else if (opts.meta === 'comments') envelope.meta = { total_pages: totalPages, page, per_page: size };
	return envelope;
}

class Router {
	constructor() {
		/** @type {Array<{ method: string, regex: RegExp, names: string[], handler: Handler }>} */
		this.routes = [];
	}

	/** @param {string} method @param {string} pattern e.g. '/tickets/:id/comment' @param {Handler} handler */
	on(method, pattern, handler) {
		/** @type {string[]} */
		const names = [];
		const regex = new RegExp(
			'^' + pattern.replace(/:(\w+)/g, (_, name) => { names.push(name); return '([^/]+)'; }) + '$',
		);
		this.routes.push({ method, regex, names, handler });
	}

	/** @param {string} method @param {string} pathname */
	match(method, pathname) {
		let pathMatched = false;
		for (const route of this.routes) {
			const m = route.regex.exec(pathname);
			if (!m) continue;
			pathMatched = true;
			if (route.method !== method) continue;
			/** @type {Record<string, string>} */
			const params = {};
			route.names.forEach((name, i) => { params[name] = decodeURIComponent(m[i + 1]); });
			return { route, params };
		}
		return { route: undefined, params: {}, pathMatched };
	}
}

const RAILS_404_HTML =
	'<!DOCTYPE html>\n<html>\n<head>\n  <title>The page you were looking for doesn\'t exist (404)</title>\n</head>\n' +
	'<body>\n  <h1>The page you were looking for doesn\'t exist.</h1>\n</body>\n</html>\n';
const HTML_500 =
	'<!DOCTYPE html>\n<html><head><title>We\'re sorry, but something went wrong (500)</title></head>' +
	'<body><h1>We\'re sorry, but something went wrong.</h1></body></html>\n';

/**
 * A throwaway self-signed certificate for 127.0.0.1/localhost (and `host`), valid one day. Test tooling only:
 * needs the `openssl` command. The key file is deleted as soon as it is read.
 * @param {string} host
 */
function selfSignedCertificate(host) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'syncro-sim-tls-'));
	const keyPath = path.join(dir, 'key.pem');
	const certPath = path.join(dir, 'cert.pem');
	const names = ['IP:127.0.0.1', 'DNS:localhost'];
	if (host !== '127.0.0.1' && host !== 'localhost') names.push(/^[\d.]+$/.test(host) ? `IP:${host}` : `DNS:${host}`);
	try {
		execFileSync('openssl', [
			'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
			'-subj', '/CN=Syncro simulator', '-addext', `subjectAltName=${names.join(',')}`,
			'-keyout', keyPath, '-out', certPath,
		], { stdio: ['ignore', 'ignore', 'pipe'] });
	} catch (error) {
		fs.rmSync(dir, { recursive: true, force: true });
		throw new Error(`The simulator's HTTPS needs the openssl command to make a throwaway certificate: ${String(error)}`);
	}
	const key = fs.readFileSync(keyPath, 'utf8');
	fs.rmSync(keyPath);
	return { key, cert: fs.readFileSync(certPath, 'utf8'), certPath, dir };
}

/**
 * @param {{ port?: number, host?: string, token?: string, seed?: boolean | ((db: Store) => void),
 *   pageSizes?: Record<string, number>, rateLimit?: { limit: number, windowMs: number, retryAfter?: boolean } | null,
 *   latencyMs?: number, https?: boolean, quiet?: boolean }} [options]
 */
async function createSimulator(options = {}) {
	const db = new Store();
	const router = new Router();
	const token = options.token ?? DEFAULT_TOKEN;
	/** @type {Array<{ method: string, path: string, url: string, query: Record<string, any>, body: any, status: number, at: number, authorization: boolean, bearer: boolean, endedAt: number }>} */
	const requests = [];
	/** Settings that describe the Syncro being simulated (kept by clearFaults). */
	const settings = { latencyMs: options.latencyMs ?? 0 };
	const faults = {
		/** @type {{ limit: number, windowMs: number, retryAfter?: boolean } | null} */
		rateLimit: options.rateLimit ?? null,
		/** @type {InjectedFailure[]} */
		failures: [],
		/** connection resets still to inject, optionally only for a method */
		resets: /** @type {Array<{count: number, method?: string, path?: RegExp|string}>} */ ([]),
		/** responses to delay by `ms` (past the client's timeout) */
		stalls: /** @type {Array<{count: number, ms: number, method?: string, path?: RegExp|string}>} */ ([]),
	};
	const rate = { window: -1, count: 0, refused: 0 };
	const pageSizes = { ...options.pageSizes };

	const helpers = {
		db,
		errors,
		pageOf,
		/** page size of a list endpoint, overridable per simulator */
		pageSize: (/** @type {string} */ key, /** @type {number} */ fallback) => pageSizes[key] ?? fallback,
		now: () => new Date().toISOString(),
		/** body fields, throwing a Syncro 422 when required ones are missing */
		require(/** @type {any} */ body, /** @type {string[]} */ fields, style = 'messages') {
			const missing = fields.filter((f) => body?.[f] === undefined || body?.[f] === null || body?.[f] === '');
			if (missing.length === 0) return;
			const texts = missing.map((f) => `${f.charAt(0).toUpperCase()}${f.slice(1).replace(/_/g, ' ')} can't be blank`);
			if (style === 'string') throw errors.invalidString(texts.join(','), body ?? {});
			if (style === 'object') throw errors.invalidObject(Object.fromEntries(missing.map((f) => [f, ["can't be blank"]])));
			throw errors.invalidMessages(texts, body ?? {});
		},
		/** the row or a 404 with an empty body */
		find(/** @type {string} */ table, /** @type {string|number} */ id) {
			const row = db.table(table).get(id);
			if (!row) throw errors.notFound();
			return row;
		},
	};

	// Register every resource module; each may also seed its own demo records (after the core seed).
	const dir = path.join(__dirname, 'resources');
	const modules = fs.readdirSync(dir).filter((f) => f.endsWith('.js')).sort().map((f) => require(path.join(dir, f)));
	for (const mod of modules) mod.register(router, helpers);
	const seed = options.seed ?? true;
	if (seed === true) {
		require('./seed').seed(db);
		for (const mod of modules) if (typeof mod.seed === 'function') mod.seed(db, helpers);
	} else if (typeof seed === 'function') seed(db);

	/** @param {InjectedFailure[] | Array<{count:number, method?: string, path?: RegExp|string}>} list @param {string} method @param {string} p */
	function take(list, method, p) {
		const index = list.findIndex((f) => f.count > 0 && (!f.method || f.method === method) &&
			(!f.path || (typeof f.path === 'string' ? p === f.path : f.path.test(p))));
		if (index === -1) return undefined;
		const entry = list[index];
		entry.count--;
		if (entry.count <= 0) list.splice(index, 1);
		return entry;
	}

	const host = options.host ?? '127.0.0.1';
	const tls = options.https ? selfSignedCertificate(host) : undefined;
	/** @type {http.RequestListener} */
	const listener = (req, res) => {
		const arrivedAt = Date.now();
		const chunks = /** @type {Buffer[]} */ ([]);
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => {
			void handle(req, res, Buffer.concat(chunks).toString('utf8'), arrivedAt);
		});
	};
	const server = tls ? https.createServer({ key: tls.key, cert: tls.cert }, listener) : http.createServer(listener);

	/** Pending latency and stall waits, ended by close(). @type {Set<{ timer: NodeJS.Timeout, resolve: () => void }>} */
	const waits = new Set();
	const delay = (/** @type {number} */ ms) =>
		new Promise((resolve) => {
			const wait = { timer: setTimeout(() => { waits.delete(wait); resolve(undefined); }, ms), resolve: () => resolve(undefined) };
			waits.add(wait);
		});

	/** @param {http.IncomingMessage} req @param {http.ServerResponse} res @param {string} rawBody @param {number} arrivedAt */
	async function handle(req, res, rawBody, arrivedAt) {
		const url = new URL(req.url ?? '/', 'http://localhost');
		const method = (req.method ?? 'GET').toUpperCase();
		const apiPath = url.pathname.startsWith(API_PREFIX) ? url.pathname.slice(API_PREFIX.length) || '/' : url.pathname;
		const query = parseQuery(url.searchParams);
		/** @type {any} */
		let body;
		if (rawBody) {
			try { body = JSON.parse(rawBody); } catch { body = rawBody; }
		}
		const record = {
			method, path: apiPath, url: req.url ?? '', query, body, status: 0, at: Date.now(),
			authorization: Boolean(req.headers.authorization),
			/** The token arrived where it belongs: exactly `Authorization: Bearer <token>`. */
			bearer: req.headers.authorization === `Bearer ${token}`,
			/** When the answer was sent (0 until then): with `at`, shows which requests overlapped. */
			endedAt: 0,
		};
		requests.push(record);

		const send = async (/** @type {number} */ status, /** @type {any} */ payload, /** @type {Record<string,string>} */ headers = {}, raw = false) => {
			record.status = status;
			// Per-answer latency: the answer leaves latencyMs after the request arrived.
			const wait = arrivedAt + settings.latencyMs - Date.now();
			if (wait > 0) await delay(wait);
			record.endedAt = Date.now();
			if (res.destroyed) return;
			if (payload === undefined) {
				res.writeHead(status, headers);
				res.end();
				return;
			}
			const text = raw ? String(payload) : JSON.stringify(payload);
			res.writeHead(status, { 'Content-Type': raw ? headers['Content-Type'] ?? 'text/plain' : 'application/json; charset=utf-8', ...headers });
			res.end(text);
		};

		if (!url.pathname.startsWith(API_PREFIX + '/') && url.pathname !== API_PREFIX) {
			send(404, RAILS_404_HTML, { 'Content-Type': 'text/html; charset=utf-8' }, true);
			return;
		}

		// Rate limit: fixed windows aligned to the clock, like Rack::Attack (Syncro counts per IP; every client here is one IP).
		if (faults.rateLimit) {
			const now = Date.now();
			const windowMs = faults.rateLimit.windowMs;
			const index = Math.floor(now / windowMs);
			if (index !== rate.window) {
				rate.window = index;
				rate.count = 0;
			}
			rate.count++;
			if (rate.count > faults.rateLimit.limit) {
				rate.refused++;
				/** @type {Record<string,string>} */
				const headers = { 'Content-Type': 'text/plain' };
				if (faults.rateLimit.retryAfter) headers['Retry-After'] = String(Math.max(1, Math.ceil(((index + 1) * windowMs - now) / 1000)));
				send(429, 'Retry later\n', headers, true);
				return;
			}
		}

		if (take(faults.resets, method, apiPath)) {
			record.status = -1;
			req.socket.destroy();
			return;
		}
		const stall = /** @type {{ms:number}|undefined} */ (take(faults.stalls, method, apiPath));
		if (stall) await delay(stall.ms);

		const injected = /** @type {InjectedFailure|undefined} */ (take(faults.failures, method, apiPath));
		if (injected) {
			if (injected.raw !== undefined) send(injected.status, injected.raw, injected.headers ?? { 'Content-Type': 'text/html' }, true);
			else send(injected.status, injected.body, injected.headers);
			return;
		}

		const auth = req.headers.authorization ?? '';
		const given = auth.replace(/^Bearer\s+/i, '').trim() || String(query.api_key ?? '');
		if (given !== token) {
			send(401, { error: 'Not authorized: invalid or expired API token' });
			return;
		}
		delete query.api_key;

		const { route, params, pathMatched } = router.match(method, apiPath);
		if (!route) {
			send(404, pathMatched ? { error: `No route matches [${method}] "${url.pathname}"` } : undefined);
			return;
		}
		try {
			const result = await route.handler({ method, path: apiPath, params, query, body: body ?? {}, headers: req.headers });
			if (result && typeof result === 'object' && '__reply' in result) {
				send(result.status ?? 200, result.raw ?? result.body, result.headers ?? {}, result.raw !== undefined);
			} else {
				send(method === 'POST' && result && result.__created ? 201 : 200, result);
			}
		} catch (error) {
			if (error instanceof HttpError) send(error.status, error.body);
			else {
				if (!options.quiet) console.error('[simulator]', error);
				send(500, HTML_500, { 'Content-Type': 'text/html' }, true);
			}
		}
	}

	await new Promise((resolve) => server.listen(options.port ?? 0, host, () => resolve(undefined)));
	const address = /** @type {import('node:net').AddressInfo} */ (server.address());
	const origin = `${tls ? 'https' : 'http'}://${host}:${address.port}`;
	/** @type {Set<import('node:net').Socket>} */
	const sockets = new Set();
	server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });

	return {
		origin,
		baseUrl: origin + API_PREFIX,
		port: address.port,
		token,
		db,
		requests,
		faults,
		rate,
		/** The certificate (PEM) a client must trust, when serving HTTPS. */
		ca: tls?.cert,
		/** A file holding that certificate, for NODE_EXTRA_CA_CERTS in a client process. */
		certPath: tls?.certPath,
		get latencyMs() {
			return settings.latencyMs;
		},
		/** Sets the per-answer latency (0: answer at once). Not a fault: clearFaults keeps it. */
		setLatency(/** @type {number} */ ms) {
			settings.latencyMs = Math.max(0, ms);
		},
		/** Sets the rate limit (requests per window) or turns it off with null. */
		setRateLimit(/** @type {{limit:number, windowMs:number, retryAfter?: boolean}|null} */ limit) {
			faults.rateLimit = limit;
			rate.window = -1;
			rate.count = 0;
		},
		/** Next `count` matching requests answer `status` with `body` (or `raw` text). */
		failNext(/** @type {InjectedFailure} */ failure) { faults.failures.push({ ...failure }); },
		/** Next `count` matching requests get their connection reset. */
		resetNext(count = 1, filter = {}) { faults.resets.push({ count, ...filter }); },
		/** Next `count` matching requests are answered only after `ms`. */
		stallNext(count, ms, filter = {}) { faults.stalls.push({ count, ms, ...filter }); },
		clearFaults() {
			faults.failures.length = 0;
			faults.resets.length = 0;
			faults.stalls.length = 0;
			faults.rateLimit = null;
		},
		/** Requests matching a method and a path (string or RegExp). */
		requestsTo(/** @type {string} */ method, /** @type {string|RegExp} */ p) {
			return requests.filter((r) => r.method === method && (typeof p === 'string' ? r.path === p : p.test(r.path)));
		},
		clearRequests() { requests.length = 0; },
		async close() {
			// A stalled or slow answer must not keep the process alive after the tests: end its wait now.
			for (const wait of waits) {
				clearTimeout(wait.timer);
				wait.resolve();
			}
			waits.clear();
			for (const s of sockets) s.destroy();
			await new Promise((resolve) => server.close(() => resolve(undefined)));
			if (tls) fs.rmSync(tls.dir, { recursive: true, force: true });
		},
	};
}

/** Helpers for handlers that need a non-200 status or a raw text body. */
const reply = {
	status: (/** @type {number} */ status, /** @type {any} */ body) => ({ __reply: true, status, body }),
	created: (/** @type {any} */ body) => ({ __reply: true, status: 201, body }),
	noContent: () => ({ __reply: true, status: 204, body: undefined }),
	text: (/** @type {string} */ text, status = 200) => ({ __reply: true, status, raw: text, headers: { 'Content-Type': 'text/plain' } }),
};

module.exports = { createSimulator, reply, errors, pageOf, HttpError, DEFAULT_TOKEN, API_PREFIX };
