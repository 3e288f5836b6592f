/**
 * The node-wide "Request Options": how many requests one execution may have underway, and whether input
 * items of a write may run side by side. Reads run in parallel by default, writes one item after another.
 */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationDef } from './table';
import { invalidValueError } from '../transport';

/**
 * Chosen from `npm run bench` (bench/RESULTS.md, latency sweep): enough requests underway to reach Syncro's
 * 180 requests per minute at a real tenant's latency (about 0.5 s per answer, more far from Syncro's
 * servers), few enough to keep one execution from holding dozens of connections.
 */
const DEFAULT_PARALLEL_REQUESTS = 8;
const MAX_PARALLEL_REQUESTS = 20;

export const requestOptionsProperty: INodeProperties = {
	displayName: 'Request Options',
	name: 'requestOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Parallel Requests',
			name: 'parallelRequests',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: MAX_PARALLEL_REQUESTS, numberPrecision: 0 },
			default: DEFAULT_PARALLEL_REQUESTS,
			description:
				"How many Syncro requests this node may have underway at once: the pages of a Return All, and the input items of a read. Syncro's limit of 180 requests per minute per IP is kept either way; 1 sends one request at a time.",
		},
		{
			displayName: 'Allow Parallel Writes',
			name: 'parallelWrites',
			type: 'boolean',
			default: false,
			description:
				'Whether input items of a create, update or delete may also run side by side. Faster, but records are then created in no particular order, and when an item fails the items after it may already have been written. Find-or-create always runs one item at a time.',
		},
	],
};

export interface RequestOptions {
	parallelRequests: number;
	parallelWrites: boolean;
}

export function readRequestOptions(ctx: IExecuteFunctions): RequestOptions {
	const raw = (ctx.getNodeParameter('requestOptions', 0, {}) ?? {}) as {
		parallelRequests?: unknown;
		parallelWrites?: unknown;
	};
	const parallelRequests =
		raw.parallelRequests === undefined ? DEFAULT_PARALLEL_REQUESTS : Number(raw.parallelRequests);
	if (!Number.isInteger(parallelRequests) || parallelRequests < 1 || parallelRequests > MAX_PARALLEL_REQUESTS) {
		throw invalidValueError(
			ctx.getNode(),
			`Invalid "Parallel Requests" in Request Options: "${String(raw.parallelRequests)}" is not a whole number from 1 to ${MAX_PARALLEL_REQUESTS}`,
		);
	}
	return { parallelRequests, parallelWrites: raw.parallelWrites === true };
}

/** How many input items of `op` may run side by side. */
export function itemConcurrency(op: OperationDef, options: RequestOptions): number {
	if (op.sequentialItems) return 1;
	return op.method === 'GET' || options.parallelWrites ? options.parallelRequests : 1;
}
