/**
 * Every error the package throws, by kind. Each kind has a code and one constructor, and its message is
 * written here once. Whatever reacts to an error (the advice an AI agent gets, core/tool.ts; the README's
 * troubleshooting table) switches on `errorCode(error)`, never on the wording.
 */
import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { syncroErrorText } from './errorBodies';

export const ERROR_CODES = [
	/** A value of the input (a field, an option, a setting of the node) is refused before anything is sent. */
	'invalidValue',
	/** The credential's settings cannot address a Syncro account (subdomain, Base URL Override). */
	'invalidCredential',
	/** 401: the API token is not accepted. */
	'unauthorized',
	/** 403: the token lacks the permission the operation needs. */
	'permission',
	/** 404: no such record (or no such endpoint). */
	'notFound',
	/** 422: Syncro's validation refused the values. */
	'refused',
	/** A 2xx answer that reports a failure (`"success": false`), or a delete Syncro did not carry out. */
	'reportedFailure',
	/** 429 for longer than the retry budget. */
	'rateLimited',
	/** A write failed in a way that leaves open whether Syncro applied it; it was not repeated. */
	'mayHaveApplied',
	/** Syncro could not be reached or kept failing (network, timeouts, 5xx after retries). */
	'unavailable',
	/** Syncro answered, but not with what the API sends (HTML, malformed JSON, no record). */
	'badAnswer',
	/** Any other HTTP status. */
	'syncroError',
	/** The execution was cancelled. */
	'cancelled',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

type PackageError = NodeApiError | NodeOperationError;

const CODE = Symbol('syncroErrorCode');

/** Tags an error with its code (not enumerable: it is not part of the error's JSON). */
function coded<E extends PackageError>(error: E, code: ErrorCode): E {
	Object.defineProperty(error, CODE, { value: code, enumerable: false });
	return error;
}

/** The code of an error the package threw, or undefined for any other error. */
export function errorCode(error: unknown): ErrorCode | undefined {
	return typeof error === 'object' && error !== null ? (error as { [CODE]?: ErrorCode })[CODE] : undefined;
}

interface Where {
	itemIndex?: number;
	description?: string;
}

const CANCELLED = 'The execution was cancelled';

/**
 * The reason a wait of the transport (throttle, slots, sleep) rejects with when the execution is cancelled;
 * the request that waited turns it into `cancelledError`, which names the node and the item.
 */
export function cancellation(): Error {
	return new Error(CANCELLED);
}

/** The execution was cancelled, optionally while waiting for something ("for the Syncro rate limit"). */
export function cancelledError(
	node: INode,
	options: { itemIndex?: number; whileWaiting?: string } = {},
): NodeOperationError {
	const message = `${CANCELLED}${options.whileWaiting ? ` while waiting ${options.whileWaiting}` : ''}`;
	return coded(new NodeOperationError(node, message, { itemIndex: options.itemIndex }), 'cancelled');
}

/** A value of the input that is refused; `message` names the item and the field (see core/buildRequest.ts). */
export function invalidValueError(node: INode, message: string, where: Where = {}): NodeOperationError {
	return coded(new NodeOperationError(node, message, where), 'invalidValue');
}

/** A credential whose settings cannot address a Syncro account. */
export function invalidCredentialError(node: INode, message: string, where: Where = {}): NodeOperationError {
	return coded(new NodeOperationError(node, message, where), 'invalidCredential');
}

/** An operation's result that Syncro reported as a failure, in words of the operation (e.g. a refused delete). */
export function reportedFailureError(node: INode, message: string, where: Where = {}): NodeOperationError {
	return coded(new NodeOperationError(node, message, where), 'reportedFailure');
}

/** A write that was applied only in part (a record created, a second step refused): check Syncro before repeating it. */
export function mayHaveAppliedError(node: INode, message: string, where: Where = {}): NodeOperationError {
	return coded(new NodeOperationError(node, message, where), 'mayHaveApplied');
}

/** A list that kept sending full pages without page totals, stopped at `maxPages`. */
export function endlessListError(
	node: INode,
	list: { path: string; maxPages: number; itemIndex?: number },
): NodeOperationError {
	return coded(
		new NodeOperationError(node, `Stopped after ${list.maxPages} pages of ${list.path}: the list looks endless`, {
			itemIndex: list.itemIndex,
			description: 'Narrow the filters or set a Limit. Syncro kept returning full pages without page totals.',
		}),
		'badAnswer',
	);
}

/** Syncro answered without what the operation needs (HTML, malformed JSON, no record). */
export function badAnswerError(
	node: INode,
	message: string,
	where: Where & { status?: number; path: string },
): NodeApiError {
	return coded(
		new NodeApiError(node, { status: where.status ?? null, path: where.path } as JsonObject, {
			message,
			description: where.description,
			httpCode: where.status === undefined ? undefined : String(where.status),
			itemIndex: where.itemIndex,
		}),
		'badAnswer',
	);
}

interface FailedRequest {
	status: number;
	method: string;
	/** Path relative to the API root, never the full URL. */
	path: string;
	permission?: string;
	body: unknown;
	itemIndex?: number;
	/** A 5xx of a request that is not repeated automatically: it may have been applied. */
	notRepeated?: boolean;
}

const statusCodes: Record<number, ErrorCode> = {
	401: 'unauthorized',
	403: 'permission',
	404: 'notFound',
	422: 'refused',
};

/** Why a write is not repeated automatically (a POST or a PATCH). */
function notRepeatedNote(method: string): string {
	return `repeating a ${method} could create a duplicate in Syncro`;
}

/** The message and the description of a failed Syncro response, by status. */
export function describeHttpError(request: Omit<FailedRequest, 'itemIndex'>): { message: string; description: string } {
	const said = syncroErrorText(request.body);
	const where = `${request.method} ${request.path}`;
	const need = request.permission ? `"${request.permission}"` : undefined;
	switch (request.status) {
		case 401:
			return {
				message: 'Syncro rejected the API token (401 Unauthorized)',
				description:
					`${where}: ${said ?? 'no details'}. Check the API token in the Syncro credential (Admin > API Tokens); ` +
					'a token stops working when it expires or when the user who created it is removed.' +
					(need ? ` If the token is valid, it lacks the permission this operation needs: ${need}.` : ''),
			};
		case 403:
			return {
				message: `The Syncro API token lacks a permission${need ? `: ${need}` : ''} (403 Forbidden)`,
				description:
					`${where}: ${said ?? 'no details'}. Edit the token in Syncro (Admin > API Tokens > Custom Permissions)` +
					`${need ? ` and tick ${need}` : ''}; the token also inherits the limits of the user who created it.`,
			};
		case 404:
			return {
				message: `Syncro found no such record (404)${said && !said.startsWith('an HTML') ? `: ${said}` : ''}`,
				description: `${where}: check the ID. Some Syncro resources cannot be deleted or have no endpoint for this action.`,
			};
		case 422:
			return {
				message: `Syncro refused the request (422): ${said ?? 'the data is invalid'}`,
				description: `${where}: fix the fields named above and run again.`,
			};
		default:
			return {
				message: `Syncro answered ${request.status}${said ? `: ${said}` : ''}`,
				description:
					`${where} failed with HTTP ${request.status}.` +
					(request.notRepeated ? ` It was not retried automatically: ${notRepeatedNote(request.method)}.` : ''),
			};
	}
}

function safeBody(body: unknown): unknown {
	if (typeof body === 'string') return body.length > 500 ? `${body.slice(0, 500)}…` : body;
	return body ?? null;
}

/** A request Syncro answered with an error status. */
export function httpStatusError(node: INode, request: FailedRequest): NodeApiError {
	const { message, description } = describeHttpError(request);
	const code: ErrorCode =
		statusCodes[request.status] ??
		(request.notRepeated ? 'mayHaveApplied' : request.status >= 500 ? 'unavailable' : 'syncroError');
	return coded(
		new NodeApiError(node, { status: request.status, path: request.path, body: safeBody(request.body) } as JsonObject, {
			message,
			description,
			httpCode: String(request.status),
			itemIndex: request.itemIndex,
		}),
		code,
	);
}

/** A 2xx answer whose body reports a failure (`"success": false`). */
export function softFailureError(
	node: INode,
	request: Omit<FailedRequest, 'permission' | 'notRepeated'>,
): NodeApiError {
	const said = syncroErrorText(request.body) ?? 'Syncro reported "success": false';
	return coded(
		new NodeApiError(node, { status: request.status, path: request.path, body: safeBody(request.body) } as JsonObject, {
			message: `Syncro refused the request: ${said}`,
			description: `${request.method} ${request.path} answered ${request.status} but reported a failure.`,
			httpCode: String(request.status),
			itemIndex: request.itemIndex,
		}),
		'reportedFailure',
	);
}

/** A write whose answer could not be read (malformed JSON): it may have been applied. */
export function unreadableWriteError(
	node: INode,
	request: { status: number; method: string; path: string; itemIndex?: number },
): NodeApiError {
	return coded(
		new NodeApiError(node, { status: request.status, path: request.path } as JsonObject, {
			message: 'Syncro sent a response that is not valid JSON',
			description:
				`${request.method} ${request.path} answered ${request.status} with a body that could not be parsed. ` +
				'The request may have been applied: check Syncro before running it again.',
			httpCode: String(request.status),
			itemIndex: request.itemIndex,
		}),
		'mayHaveApplied',
	);
}

/** Still refused with 429 at the end of the retry budget. */
export function rateLimitError(
	node: INode,
	request: { method: string; path: string; itemIndex?: number; attempts: number; refusedFor: string },
): NodeApiError {
	return coded(
		new NodeApiError(node, { status: 429, path: request.path } as JsonObject, {
			message: `Syncro rate limit: still refused after ${request.refusedFor} (${request.attempts} attempts, 429)`,
			description:
				`${request.method} ${request.path}. Syncro allows 180 requests per minute per IP address, shared by every workflow and machine ` +
				'behind that address. Lower "Requests per Minute" in the Syncro credential (for example 180 divided by the number of ' +
				'n8n instances sharing the IP), or run fewer Syncro workflows at once.',
			httpCode: '429',
			itemIndex: request.itemIndex,
		}),
		'rateLimited',
	);
}

/** The request got no answer (network error, timeout). A write is then not repeated: it may have arrived. */
export function networkError(
	node: INode,
	info: {
		method: string;
		path: string;
		code?: string;
		idempotent: boolean;
		attempts: number;
		itemIndex?: number;
		timeoutMs: number;
	},
): NodeApiError {
	const timedOut = info.code === 'ECONNABORTED' || info.code === 'ETIMEDOUT' || info.code === 'ESOCKETTIMEDOUT';
	const what = timedOut
		? `Syncro did not answer within ${Math.round(info.timeoutMs / 1000)} seconds`
		: info.code === 'ENOTFOUND'
			? 'The Syncro host could not be found: check the subdomain in the credential'
			: 'The connection to Syncro failed';
	const retried = info.idempotent
		? `Tried ${info.attempts} time(s).`
		: `Not retried automatically: ${notRepeatedNote(info.method)}; check Syncro before running it again.`;
	// The message must not contain the raw error code: n8n replaces such messages with generic text.
	return coded(
		new NodeApiError(node, { path: info.path, networkCode: info.code ?? null } as JsonObject, {
			message: what,
			description: `${info.method} ${info.path} (${info.code ?? 'network error'}). ${retried}`,
			itemIndex: info.itemIndex,
		}),
		info.idempotent ? 'unavailable' : 'mayHaveApplied',
	);
}
