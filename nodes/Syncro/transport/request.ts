/**
 * The only place that talks HTTP to Syncro.
 *
 * - every request goes through `helpers.httpRequestWithAuthentication('syncroApi', …)`, to a URL below the
 *   API root built by `apiUrl()` (plain path segments only);
 * - a process-wide throttle keeps us under Syncro's per-IP limit;
 * - 429 / "Retry later" is retried for every method (Syncro did not process the request), honouring
 *   Retry-After, else exponential backoff with jitter, until the request has been refused for five
 *   rate-limit windows (5 minutes at Syncro's limit); 502/503/504, resets and timeouts are retried
 *   for idempotent methods only (GET, PUT, DELETE): a POST is never sent twice;
 * - every failure becomes a NodeApiError with Syncro's own words, the status, and the permission needed;
 * - the token never appears in a message, a log line or a URL.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

import { resolveConnection } from './baseUrl';
import type { SyncroConnection } from './baseUrl';
import { isRateLimitBody, isSoftFailure, syncroErrorText } from './errorBodies';
import {
	badAnswerError,
	cancelledError,
	httpStatusError,
	invalidCredentialError,
	invalidValueError,
	networkError,
	rateLimitError,
	softFailureError,
	unreadableWriteError,
} from './errors';
import { apiUrl } from './path';
import { isProblem } from './problem';
import { showValue } from './text';
import { requestSlots } from './slots';
import { getThrottle, sleep, type Throttle } from './throttle';

export type SyncroContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IHookFunctions
	| IWebhookFunctions
	| IPollFunctions;

export type QueryValue = string | number | boolean | Array<string | number> | undefined | null;

export interface SyncroRequest {
	method: IHttpRequestMethods;
	/** Path below the API root with every segment already encoded, e.g. `/tickets/12/comment`. */
	path: string;
	query?: Record<string, QueryValue>;
	body?: IDataObject;
	/** A multipart body instead of JSON (file uploads). */
	formData?: FormData;
	/** Syncro permission the operation needs (named in 401/403 messages). */
	permission?: string;
	/** Item the request is made for, so errors point at it. */
	itemIndex?: number;
}

export const CREDENTIAL_NAME = 'syncroApi';
const DEFAULT_REQUESTS_PER_MINUTE = 180;
const DEFAULT_TIMEOUT_MS = 60_000;
/**
 * How long a request keeps retrying 429s, in rate-limit windows from its first 429. A budget in time, not a
 * count of attempts: the backoff's first steps are short, so 7 attempts used to run out within about two
 * windows, while refusals caused by another client on the same IP can last longer. Five windows outlast a
 * burst; a request refused that long shares the IP with something that does not stop, and the error says so.
 */
const RATE_LIMIT_BUDGET_WINDOWS = 5;
const MAX_TRANSIENT_RETRIES = 3;
const TRANSIENT_STATUSES = new Set([502, 503, 504]);
const TRANSIENT_CODES = new Set([
	'ECONNRESET',
	'ECONNABORTED',
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
	'EPIPE',
	'ECONNREFUSED',
	'EAI_AGAIN',
	'UND_ERR_SOCKET',
	'ERR_BAD_RESPONSE',
]);

export interface ResolvedSettings {
	connection: SyncroConnection;
	throttle: Throttle;
	timeoutMs: number;
	windowMs: number;
}

function positive(value: unknown, fallback: number): number {
	const n = typeof value === 'string' ? Number(value) : (value as number);
	return typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : fallback;
}

/**
 * Whether the node has a Syncro credential set. The editor asks for a new node's dropdowns before it has put
 * the credential it picks on the node; such a request has nothing to send with.
 */
export function hasCredential(ctx: SyncroContext): boolean {
	return Boolean(ctx.getNode().credentials?.[CREDENTIAL_NAME]);
}

/** Settings already read for a context: one credential read per execution, not one per item and request. */
const settingsByContext = new WeakMap<object, ResolvedSettings>();

export async function resolveSettings(ctx: SyncroContext, itemIndex?: number): Promise<ResolvedSettings> {
	const known = settingsByContext.get(ctx);
	if (known) return known;
	const resolved = await readSettings(ctx, itemIndex);
	settingsByContext.set(ctx, resolved);
	return resolved;
}

async function readSettings(ctx: SyncroContext, itemIndex?: number): Promise<ResolvedSettings> {
	const credentials = await ctx.getCredentials(CREDENTIAL_NAME);
	const connection = resolveConnection(credentials);
	if (isProblem(connection)) throw invalidCredentialError(ctx.getNode(), connection.problem, { itemIndex });
	const windowMs = positive(credentials.rateLimitWindowMs, 60_000);
	const limit = Math.floor(positive(credentials.requestsPerMinute, DEFAULT_REQUESTS_PER_MINUTE));
	return {
		connection,
		throttle: getThrottle(connection.throttleKey, { limit, windowMs }),
		timeoutMs: positive(credentials.timeoutSeconds, DEFAULT_TIMEOUT_MS / 1000) * 1000,
		windowMs,
	};
}

/** Serialises a query the way Syncro (Rails) reads it: arrays as `key[]=a&key[]=b`. */
export function buildQueryString(query: Record<string, QueryValue> | undefined): string {
	if (!query) return '';
	const parts: string[] = [];
	for (const [key, value] of Object.entries(query)) {
		if (value === undefined || value === null || value === '') continue;
		if (Array.isArray(value)) {
			const arrayKey = key.endsWith('[]') ? key : `${key}[]`;
			for (const v of value) parts.push(`${encodeURIComponent(arrayKey)}=${encodeURIComponent(String(v))}`);
		} else {
			parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
		}
	}
	return parts.length ? `?${parts.join('&')}` : '';
}

interface RawResponse {
	statusCode: number;
	headers: Record<string, string | string[] | undefined>;
	body: unknown;
}

/**
 * Parses a text body as JSON when it is JSON (objects, arrays, and the bare `null` or `"text"` some endpoints
 * send); keeps plain text (`Retry later`, `Disabled`, HTML) as text. A body that starts like an object or an
 * array but does not parse is malformed.
 */
export function parseBody(text: unknown): { value: unknown; malformed: boolean } {
	if (typeof text !== 'string') return { value: text, malformed: false };
	const trimmed = text.trim();
	if (trimmed === '') return { value: undefined, malformed: false };
	const looksStructured = trimmed[0] === '{' || trimmed[0] === '[';
	if (looksStructured || trimmed[0] === '"' || /^(null|true|false|-?\d+(\.\d+)?)$/.test(trimmed)) {
		try {
			return { value: JSON.parse(trimmed), malformed: false };
		} catch {
			return { value: text, malformed: looksStructured };
		}
	}
	return { value: text, malformed: false };
}

/** Milliseconds to wait from a Retry-After header (seconds or HTTP date), if any. */
function retryAfterMs(headers: RawResponse['headers'], now = Date.now()): number | undefined {
	const raw = headers['retry-after'] ?? headers['Retry-After'];
	const value = Array.isArray(raw) ? raw[0] : raw;
	if (!value) return undefined;
	const seconds = Number(value);
	if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
	const date = Date.parse(value);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Exponential backoff with jitter, scaled to the rate-limit window (2 s, 4 s, 8 s … for a 60 s window). */
function backoffMs(attempt: number, windowMs: number, random = Math.random): number {
	const base = windowMs / 30;
	const ceiling = base * 2 ** attempt;
	const capped = Math.min(ceiling, windowMs);
	return Math.round(capped / 2 + random() * (capped / 2));
}

/** "5 minutes", "1.5 s": how long something took, for a message. */
function showDuration(ms: number): string {
	if (ms >= 120_000) return `${Math.round(ms / 60_000)} minutes`;
	return `${ms >= 10_000 ? Math.round(ms / 1000) : Math.round(ms / 100) / 10} s`;
}

function networkCode(error: unknown): string | undefined {
	const seen = new Set<unknown>();
	let current: unknown = error;
	while (current && typeof current === 'object' && !seen.has(current)) {
		seen.add(current);
		// n8n's NodeApiError keeps the network code (ECONNRESET, ECONNABORTED…) in httpCode.
		for (const key of ['code', 'httpCode'] as const) {
			const code = (current as Record<string, unknown>)[key];
			if (typeof code === 'string' && /^[A-Z][A-Z_]+$/.test(code)) return code;
		}
		current = (current as { cause?: unknown }).cause;
	}
	return undefined;
}

/** The execution's cancel signal, on n8n versions that have one. */
export function cancelSignal(ctx: SyncroContext): AbortSignal | undefined {
	const fn = (ctx as Partial<IExecuteFunctions>).getExecutionCancelSignal;
	return typeof fn === 'function' ? fn.call(ctx) : undefined;
}

function logWarn(ctx: SyncroContext, message: string, meta: Record<string, unknown>): void {
	ctx.logger?.warn?.(message, meta);
}

/**
 * Sends one request and returns the parsed body (objects unwrapped by nobody: callers decide).
 * An empty body (204, or an empty 200) comes back as `undefined`. When the execution bounds its requests
 * (slots.ts), the request holds one of its slots from the first attempt to the answer.
 */
export async function syncroRequest(
	ctx: SyncroContext,
	req: SyncroRequest,
	settings?: ResolvedSettings,
): Promise<unknown> {
	const slots = requestSlots(ctx);
	if (!slots) return await send(ctx, req, settings);
	const release = await slots.acquire(cancelSignal(ctx)).catch(() => {
		throw cancelledError(ctx.getNode(), { itemIndex: req.itemIndex, whileWaiting: 'to send a Syncro request' });
	});
	try {
		return await send(ctx, req, settings);
	} finally {
		release();
	}
}

/** One request with the throttle, retries and error mapping. */
async function send(ctx: SyncroContext, req: SyncroRequest, settings?: ResolvedSettings): Promise<unknown> {
	const resolved = settings ?? (await resolveSettings(ctx, req.itemIndex));
	const { connection, throttle, timeoutMs, windowMs } = resolved;
	const method = req.method.toUpperCase() as IHttpRequestMethods;
	const target = apiUrl(connection.baseUrl, req.path);
	if (isProblem(target)) {
		// The last line of defence: whatever built the path, nothing leaves the API root.
		throw invalidValueError(ctx.getNode(), `Refused to send ${method} ${showValue(req.path)}: ${target.problem}`, {
			itemIndex: req.itemIndex,
			description: 'Every value that becomes part of a Syncro URL must be a plain path segment.',
		});
	}
	const url = `${target}${buildQueryString(req.query)}`;
	const shownPath = req.path;
	const idempotent = method === 'GET' || method === 'PUT' || method === 'DELETE';
	const signal = cancelSignal(ctx);
	let rateLimited = 0;
	let firstRefusedAt: number | undefined;
	let transient = 0;

	for (;;) {
		// Once refused with a 429, the request keeps its turn in the throttle (see throttle.ts).
		const release = await throttle.acquire(signal, { retry: rateLimited > 0 }).catch(() => {
			throw cancelledError(ctx.getNode(), { itemIndex: req.itemIndex, whileWaiting: 'for the Syncro rate limit' });
		});

		const options: IHttpRequestOptions = {
			method,
			url,
			headers: { Accept: 'application/json' },
			encoding: 'text',
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: timeoutMs,
		};
		if (req.formData !== undefined) {
			// The multipart boundary header is set by the HTTP client.
			options.body = req.formData as unknown as IHttpRequestOptions['body'];
		} else if (req.body !== undefined && method !== 'GET') {
			options.body = req.body;
			options.json = true;
			options.headers = { ...options.headers, 'Content-Type': 'application/json' };
		}

		let response: RawResponse;
		try {
			response = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, CREDENTIAL_NAME, options)) as RawResponse;
			release();
		} catch (error) {
			release();
			const code = networkCode(error);
			if (signal?.aborted) {
				throw cancelledError(ctx.getNode(), { itemIndex: req.itemIndex });
			}
			if (idempotent && code && TRANSIENT_CODES.has(code) && transient < MAX_TRANSIENT_RETRIES) {
				const wait = backoffMs(transient, windowMs);
				transient++;
				logWarn(ctx, 'Syncro request failed, retrying', {
					method,
					path: shownPath,
					code,
					attempt: transient,
					waitMs: wait,
				});
				await sleep(wait, signal).catch(() => undefined);
				continue;
			}
			throw networkError(ctx.getNode(), {
				method,
				path: shownPath,
				code,
				idempotent,
				attempts: transient + 1,
				itemIndex: req.itemIndex,
				timeoutMs,
			});
		}

		const { value: body, malformed } = parseBody(response.body);
		const status = response.statusCode;

		if (status === 429 || isRateLimitBody(body)) {
			const now = Date.now();
			firstRefusedAt ??= now;
			const budgetLeft = firstRefusedAt + RATE_LIMIT_BUDGET_WINDOWS * windowMs - now;
			rateLimited++;
			if (budgetLeft > 0) {
				// Retry-After is honoured within the budget: the last attempt is made when the budget ends.
				const wait = Math.min(retryAfterMs(response.headers) ?? backoffMs(rateLimited - 1, windowMs), budgetLeft);
				throttle.pause(now + wait);
				logWarn(ctx, 'Syncro rate limit hit, backing off', {
					method,
					path: shownPath,
					attempt: rateLimited,
					waitMs: wait,
				});
				continue;
			}
			throw rateLimitError(ctx.getNode(), {
				method,
				path: shownPath,
				itemIndex: req.itemIndex,
				attempts: rateLimited,
				refusedFor: showDuration(now - firstRefusedAt),
			});
		}

		if (TRANSIENT_STATUSES.has(status) && idempotent && transient < MAX_TRANSIENT_RETRIES) {
			const wait = retryAfterMs(response.headers) ?? backoffMs(transient, windowMs);
			transient++;
			logWarn(ctx, 'Syncro answered a gateway error, retrying', {
				method,
				path: shownPath,
				status,
				attempt: transient,
				waitMs: wait,
			});
			await sleep(wait, signal).catch(() => undefined);
			continue;
		}

		if (status < 200 || status >= 300) {
			throw httpStatusError(ctx.getNode(), {
				status,
				method,
				path: shownPath,
				permission: req.permission,
				body,
				itemIndex: req.itemIndex,
				notRepeated: TRANSIENT_STATUSES.has(status) && !idempotent,
			});
		}

		if (malformed && idempotent && transient < MAX_TRANSIENT_RETRIES) {
			// A cut-off answer to a read is worth another try; a write may have been applied, so it is not.
			const wait = backoffMs(transient, windowMs);
			transient++;
			logWarn(ctx, 'Syncro sent malformed JSON, retrying', {
				method,
				path: shownPath,
				status,
				attempt: transient,
				waitMs: wait,
			});
			await sleep(wait, signal).catch(() => undefined);
			continue;
		}

		if (malformed && !idempotent)
			throw unreadableWriteError(ctx.getNode(), { status, method, path: shownPath, itemIndex: req.itemIndex });
		if (malformed) {
			throw badAnswerError(ctx.getNode(), 'Syncro sent a response that is not valid JSON', {
				status,
				path: shownPath,
				itemIndex: req.itemIndex,
				description: `${method} ${shownPath} answered ${status} with a body that could not be parsed. Try again later.`,
			});
		}

		if (typeof body === 'string' && body.trim().startsWith('<')) {
			throw badAnswerError(ctx.getNode(), `Syncro sent ${syncroErrorText(body)}`, {
				status,
				path: shownPath,
				itemIndex: req.itemIndex,
				description: `${method} ${shownPath} answered ${status} with HTML. Check the subdomain or Base URL Override of the credential.`,
			});
		}

		if (isSoftFailure(body))
			throw softFailureError(ctx.getNode(), { status, method, path: shownPath, body, itemIndex: req.itemIndex });

		return body;
	}
}
