/** Helpers shared by the benchmark processes. */
import type { IDataObject } from 'n8n-workflow';

import { runChain, syncroCredentials, type RunResult, type SyncroCredentialData } from '../test/helpers/harness';

export const LIMIT = 180;
/** Syncro's 60 s window shrunk 20x, the throttle told the same: minutes become seconds. */
export const WINDOW_MS = 3000;

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function credentials(baseUrl: string, token: string, overrides: Partial<SyncroCredentialData> = {}): SyncroCredentialData {
	return syncroCredentials(baseUrl, token, { requestsPerMinute: LIMIT, rateLimitWindowMs: WINDOW_MS, timeoutSeconds: 10, ...overrides });
}

/**
 * Node parameters of the baseline: one request at a time (the node option `requestOptions.parallelRequests`).
 * The default runs without `requestOptions`. On a node without that option n8n drops the parameter when it
 * loads the workflow, and both run the same code.
 */
export const ONE_AT_A_TIME: IDataObject = { requestOptions: { parallelRequests: 1 } };

export async function returnAllTickets(baseUrl: string, token: string, overrides: Partial<SyncroCredentialData> = {}, nodeParameters: IDataObject = {}): Promise<RunResult> {
	return await runChain([{}], [{ name: 'Syncro', parameters: { resource: 'ticket', operation: 'getAll', returnAll: true, ...nodeParameters } }], credentials(baseUrl, token, overrides));
}

/** `count` input items, one Get Ticket each (ticket IDs 100000…), Continue On Fail on. */
export async function fanOutTickets(baseUrl: string, token: string, count: number, overrides: Partial<SyncroCredentialData> = {}, nodeParameters: IDataObject = {}): Promise<RunResult> {
	const items = Array.from({ length: count }, (_, i) => ({ id: 100_000 + i }));
	return await runChain(
		items,
		[{ name: 'Syncro', continueOnFail: true, parameters: { resource: 'ticket', operation: 'get', ticketId: { __rl: true, mode: 'id', value: '={{ $json.id }}' }, ...nodeParameters } }],
		credentials(baseUrl, token, overrides),
	);
}

export function ticketRows(count: number, firstId = 100_000): IDataObject[] {
	const rows: IDataObject[] = [];
	const base = Date.parse('2026-01-01T00:00:00Z');
	for (let i = 0; i < count; i++) {
		const at = new Date(base + i * 60_000).toISOString();
		rows.push({
			id: firstId + i,
			number: String(50_000 + i),
			subject: `Benchmark ticket ${i}`,
			status: ['New', 'In Progress', 'Resolved'][i % 3],
			problem_type: 'Software',
			priority: '2 Normal',
			customer_id: 2001,
			user_id: 11,
			created_at: at,
			updated_at: at,
			properties: {},
			tag_list: [],
		});
	}
	return rows;
}
