import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { body } from '../core/fields';
import type { BuiltRequest } from '../core/execute';
import type { OperationDef, ResourceDef } from '../core/types';
import { extractCollection, paginate } from '../transport/paginate';
import { syncroRequest, type QueryValue } from '../transport/request';

const SAFE_PATH = /^\/[A-Za-z0-9_\-./%]*$/;

/** Named hook: sends any request below /api/v1 with the node's credential, throttle, retries and errors. */
export async function customApiCall(ctx: IExecuteFunctions, _op: OperationDef, itemIndex: number, request: BuiltRequest): Promise<IDataObject[]> {
	const body = request.body ?? {};
	const method = String(body.method ?? 'GET').toUpperCase() as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
	const rawPath = String(body.path ?? '').trim();
	const path = rawPath.startsWith('/') ? rawPath : `/${rawPath}`;
	if (!SAFE_PATH.test(path) || path.split('/').some((segment) => segment === '..' || segment === '.')) {
		throw new NodeOperationError(ctx.getNode(), `Invalid "Path" in item ${itemIndex + 1}: "${rawPath.slice(0, 60)}"`, {
			itemIndex,
			description: 'Give a path below /api/v1 such as /tickets/123/comments: letters, digits, "/", "-", "_" and "." only, no "..", no host and no query (use Query Parameters).',
		});
	}
	const queryValues = (body.query_parameters ?? {}) as Record<string, QueryValue>;
	const payload = body.body as IDataObject | undefined;
	const collectionKey = typeof body.collection_key === 'string' ? body.collection_key.trim() : '';
	if (method === 'GET' && collectionKey) {
		return await paginate(ctx, { path, query: queryValues, collectionKey, itemIndex, limit: typeof body.limit === 'number' ? body.limit : undefined });
	}
	const answer = await syncroRequest(ctx, { method, path, query: queryValues, body: method === 'GET' || method === 'DELETE' ? undefined : payload ?? {}, itemIndex });
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
			fields: [
				body.options('method', ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'], { required: true, param: 'method', displayName: 'Method' }),
				body.string('path', { required: true, param: 'path', placeholder: '/tickets/123/comments', description: 'Path below /api/v1' }),
				body.json('query_parameters', { displayName: 'Query Parameters (JSON)', description: 'e.g. {"status": "Resolved"}; arrays are sent as key[]=…' }),
				body.json('body', { displayName: 'Body (JSON)', description: 'JSON body for POST, PUT and PATCH' }),
				body.string('collection_key', { description: 'For a GET list: the array key (e.g. "tickets") to fetch every page and output one item per record' }),
				body.integer('limit', { minValue: 1, description: 'With Collection Key: stop after this many records' }),
			],
		},
	],
};

