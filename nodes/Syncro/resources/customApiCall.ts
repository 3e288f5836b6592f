import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { body, type BuiltRequest, type FieldDef, type OperationDef, rejectField, type ResourceDef } from '../core';
import {
	extractCollection,
	isProblem,
	normaliseApiPath,
	paginate,
	type QueryValue,
	showValue,
	syncroRequest,
} from '../transport';

/** Named hook: sends any request below /api/v1 with the node's credential, throttle, retries and errors. */
export async function customApiCall(
	ctx: IExecuteFunctions,
	op: OperationDef,
	itemIndex: number,
	request: BuiltRequest,
): Promise<IDataObject[]> {
	const field = (name: string) => op.fields.find((f) => f.name === name) as FieldDef;
	const body = request.body ?? {};
	const method = String(body.method ?? 'GET').toUpperCase() as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
	// Decoded and normalised before the check; the transport checks the URL once more before sending.
	const path = normaliseApiPath(String(body.path ?? ''));
	if (isProblem(path)) {
		rejectField(ctx, itemIndex, field('path'), path.problem, {
			description:
				'Give a path below /api/v1 such as /tickets/123/comments: no "." or ".." segments (encoded or not), no host, no control characters, and no query (use Query Parameters).',
		});
	}
	const queryValues = (body.query_parameters ?? {}) as Record<string, QueryValue>;
	const scalar = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);
	const queryProblem = Array.isArray(queryValues)
		? 'it is a list; give an object of name: value pairs'
		: Object.entries(queryValues)
				.filter(([, value]) => !(scalar(value) || (Array.isArray(value) && value.every(scalar))))
				.map(([key]) => `the value of "${showValue(key)}" is an object`)[0];
	if (queryProblem) {
		rejectField(ctx, itemIndex, field('query_parameters'), queryProblem, {
			description:
				'Each query parameter is a text, a number, true/false or a list of those; arrays are sent as key[]=…',
		});
	}
	const payload = body.body as IDataObject | undefined;
	const collectionKey = typeof body.collection_key === 'string' ? body.collection_key.trim() : '';
	if (method === 'GET' && collectionKey) {
		const onPage = (_records: IDataObject[], page: number, answer: unknown) => {
			const keys = answer && typeof answer === 'object' && !Array.isArray(answer) ? Object.keys(answer) : undefined;
			if (page === 1 && keys && !keys.includes(collectionKey)) {
				const has = keys.length > 0 ? `it has: ${keys.slice(0, 10).join(', ')}` : 'it is empty';
				rejectField(
					ctx,
					itemIndex,
					field('collection_key'),
					`the answer of GET ${path} has no "${showValue(collectionKey)}" (${has})`,
				);
			}
		};
		const limit = typeof body.limit === 'number' ? body.limit : undefined;
		return await paginate(ctx, { path, query: queryValues, collectionKey, itemIndex, limit, onPage });
	}
	const answer = await syncroRequest(ctx, {
		method,
		path,
		query: queryValues,
		body: method === 'GET' || method === 'DELETE' ? undefined : (payload ?? {}),
		itemIndex,
	});
	if (answer === undefined || answer === null) return [{ success: true }];
	if (Array.isArray(answer)) return extractCollection(answer, '');
	if (typeof answer === 'object') return [answer as IDataObject];
	return [{ message: String(answer) }];
}

export const customApi: ResourceDef = {
	value: 'customApiCall',
	name: 'Custom API Call',
	description: 'Call any Syncro API endpoint with this credential, throttle, retries and error handling',
	operations: [
		{
			operation: 'request',
			name: 'Send Request',
			action: 'Send a custom API request',
			description: 'Send any request to the Syncro API, for endpoints this node does not cover yet',
			method: 'POST',
			path: '/',
			optionalGroup: 'options',
			run: customApiCall,
			// Its Query Parameters and Body (JSON) send any name already.
			extraParameters: false,
			fields: [
				body.options('method', ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'], {
					required: true,
					param: 'method',
					displayName: 'Method',
				}),
				body.string('path', {
					required: true,
					param: 'path',
					placeholder: '/tickets/123/comments',
					description: 'Path below /api/v1',
				}),
				body.json('query_parameters', {
					displayName: 'Query Parameters (JSON)',
					description: 'e.g. {"status": "Resolved"}; arrays are sent as key[]=…',
				}),
				body.json('body', { displayName: 'Body (JSON)', description: 'JSON body for POST, PUT and PATCH' }),
				body.string('collection_key', {
					description:
						'For a GET list: the array key (e.g. "tickets") to fetch every page and output one item per record',
				}),
				body.integer('limit', { minValue: 1, description: 'With Collection Key: stop after this many records' }),
			],
		},
	],
};
