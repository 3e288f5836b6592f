/**
 * Every error the package throws carries a code (transport/errors.ts), and what reacts to an error (the
 * advice an AI agent gets, core/tool.ts) switches on the code, never on the wording of the message.
 */
import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toolErrorResult } from '../../nodes/Syncro/core/tool';
import {
	badAnswerError,
	cancelledError,
	endlessListError,
	ERROR_CODES,
	errorCode,
	httpStatusError,
	invalidCredentialError,
	invalidValueError,
	mayHaveAppliedError,
	networkError,
	rateLimitError,
	reportedFailureError,
	softFailureError,
	unreadableWriteError,
	type ErrorCode,
} from '../../nodes/Syncro/transport/errors';

const node: INode = { id: 'n', name: 'Syncro', type: 'n8n-nodes-syncro.syncro', typeVersion: 1, position: [0, 0], parameters: {} };
const failed = (status: number, method = 'GET', notRepeated = false) =>
	httpStatusError(node, { status, method, path: '/tickets/1', body: { error: 'no' }, notRepeated });

const cases: Array<[string, Error, ErrorCode]> = [
	['a bad field value', invalidValueError(node, 'Invalid "Ticket ID" in item 1: "x" is not a numeric ID'), 'invalidValue'],
	['a credential without a valid subdomain', invalidCredentialError(node, 'The Syncro subdomain "a/b" is not valid'), 'invalidCredential'],
	['401', failed(401), 'unauthorized'],
	['403', failed(403), 'permission'],
	['404', failed(404), 'notFound'],
	['422', failed(422, 'POST'), 'refused'],
	['503 of a GET after its retries', failed(503), 'unavailable'],
	['503 of a POST, not repeated', failed(503, 'POST', true), 'mayHaveApplied'],
	['409', failed(409, 'PUT'), 'syncroError'],
	['"success": false in a 200', softFailureError(node, { status: 200, method: 'POST', path: '/x', body: { success: false } }), 'reportedFailure'],
	['a delete Syncro did not carry out', reportedFailureError(node, 'Syncro did not delete invoice 1'), 'reportedFailure'],
	['429 past the budget', rateLimitError(node, { method: 'GET', path: '/x', attempts: 9, refusedFor: '5 minutes' }), 'rateLimited'],
	['a timeout of a GET', networkError(node, { method: 'GET', path: '/x', code: 'ETIMEDOUT', idempotent: true, attempts: 4, timeoutMs: 60_000 }), 'unavailable'],
	['a reset of a POST', networkError(node, { method: 'POST', path: '/x', code: 'ECONNRESET', idempotent: false, attempts: 1, timeoutMs: 60_000 }), 'mayHaveApplied'],
	['an unreadable answer to a write', unreadableWriteError(node, { status: 200, method: 'PATCH', path: '/x' }), 'mayHaveApplied'],
	['a write applied in part', mayHaveAppliedError(node, 'Asset 1 was created, but its custom fields were not set'), 'mayHaveApplied'],
	['an HTML page', badAnswerError(node, 'Syncro sent an HTML page', { status: 200, path: '/x' }), 'badAnswer'],
	['an endless list', endlessListError(node, { path: '/x', maxPages: 1000 }), 'badAnswer'],
	['a cancelled execution', cancelledError(node, { whileWaiting: 'for the Syncro rate limit' }), 'cancelled'],
];

describe('error codes', () => {
	it.each(cases)('%s has its code', (_what, error, code) => {
		expect(errorCode(error)).toBe(code);
	});

	it('covers every code', () => {
		expect([...new Set(cases.map(([, , code]) => code))].sort()).toEqual([...ERROR_CODES].sort());
	});

	it('is not part of the error as n8n serialises it', () => {
		const error = failed(404);
		expect(Object.keys(error)).not.toContain('code');
		expect(JSON.stringify(error)).not.toContain('notFound');
	});

	it('is undefined for an error the package did not make', () => {
		expect(errorCode(new NodeOperationError(node, 'Invalid "X" in item 1: a value is required'))).toBeUndefined();
		expect(errorCode(new Error('boom'))).toBeUndefined();
	});

	it('says "repeating a PATCH" for a PATCH and "repeating a POST" for a POST', () => {
		expect(failed(503, 'PATCH', true).description).toContain('repeating a PATCH could create a duplicate');
		expect(failed(503, 'POST', true).description).toContain('repeating a POST could create a duplicate');
	});
});

describe("an AI agent's advice follows the code, not the wording", () => {
	it.each([
		['refused', failed(422, 'POST'), /change the arguments/],
		['notFound', failed(404), /find the right ID/],
		['permission', failed(403), /permission is missing/],
		['rateLimited', rateLimitError(node, { method: 'GET', path: '/x', attempts: 9, refusedFor: '5 minutes' }), /wait a minute/],
		['mayHaveApplied', mayHaveAppliedError(node, 'Asset 1 was created, but its custom fields were not set'), /check .* before calling again/],
		['invalidValue', invalidValueError(node, 'Missing "Run At" in item 1'), /change the argument the message names/],
	] as const)('%s', (code, error, advice) => {
		const result = toolErrorResult(error as never);
		expect(result).toMatchObject({ failed: true, code, whatToChange: expect.stringMatching(advice) });
	});

	it('the same words without the code get the general advice', () => {
		const reworded = new NodeOperationError(node, 'Invalid "Ticket ID" in item 1: could create a duplicate');
		expect(toolErrorResult(reworded).whatToChange).toMatch(/try again later, or tell the user/);
	});
});
