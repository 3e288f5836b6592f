/* eslint-disable @n8n/community-nodes/no-restricted-globals -- test code: runs under Node.js in this repository, never inside n8n */
/**
 * Property: whatever value reaches whatever field of whatever operation, the run ends either in a clear error
 * naming the item and the field, or in requests whose path is the operation's own with plain segments, sent to
 * the credential's host with the token in the Authorization header only.
 *
 * The test walks the operation table: a new operation or field is covered without editing this file. For each
 * field, one execution of the real n8n engine (in-process harness) gets one input item per hostile value, the
 * field set to an expression that reads the value from the item, every other required field valid, and
 * Continue On Fail on so that every item's outcome is visible.
 */
import type { IDataObject } from 'n8n-workflow';

import { runChain, syncroCredentials } from '../helpers/harness';
import { useSimulator, type Simulator, type SimRequestRecord } from '../helpers/simulator';
import { generatedValues, HOSTILE_VALUES, hostileRecordUrls, sampleHostile } from './hostileValues';

/* eslint-disable @typescript-eslint/no-require-imports */
const { RESOURCES } = require('../../dist/nodes/Syncro/resources');
const { isTopLevel, optionalGroup, paramName } = require('../../dist/nodes/Syncro/core/layout');
const { segmentKind } = require('../../dist/nodes/Syncro/core/coerce');
const { RECORDS } = require('../../dist/nodes/Syncro/core/records');
const { TENANT_LISTS } = require('../../dist/nodes/Syncro/core/tenantLists');
/* eslint-enable @typescript-eslint/no-require-imports */

interface Field {
	name: string;
	in: 'path' | 'query' | 'body';
	kind: string;
	displayName: string;
	required?: boolean;
	record?: string;
	options?: Array<{ value: unknown }>;
	loadOptions?: string;
	segment?: string;
	minValue?: number;
}
interface Operation {
	operation: string;
	name: string;
	method: string;
	path: string;
	fields: Field[];
	list?: unknown;
	run?: unknown;
}
interface Resource {
	value: string;
	operations: Operation[];
}

type Value = IDataObject[string];

const SEED = Number(process.env.PROPERTY_SEED ?? 20261130);
const UUID = '123e4567-e89b-42d3-a456-426614174000';

/** What the test itself expects a segment of each kind to look like (an oracle independent of the code). */
const SEGMENT_PATTERNS: Record<string, string> = {
	numericId: '[1-9][0-9]*',
	slug: '[A-Za-z0-9][A-Za-z0-9_-]*',
	// A value whose format Syncro does not fix (a device UUID): any segment but a dot segment, plain or encoded.
	plain: '(?!(?:\\.|%2[eE]){1,2}(?:$|/))[^/?#\\\\]+',
};

let sim: Simulator;
useSimulator((s) => (sim = s));

/** A valid value of a field, so that only the field under test is hostile. */
function validValue(field: Field): Value {
	if (field.in === 'path' && segmentKind(field) === 'plain') return UUID;
	switch (field.kind) {
		case 'id':
			return field.record ? { __rl: true, mode: 'id', value: '1' } : 1;
		case 'idOrNumber':
			return field.record ? { __rl: true, mode: 'id', value: '1' } : '1';
		case 'options':
			return field.loadOptions ? 1 : (field.options?.[0]?.value as Value);
		case 'multiOptions':
			return [];
		case 'number':
		case 'integer':
			return Math.max(1, field.minValue ?? 1);
		case 'boolean':
			return false;
		case 'dateTime':
			return '2026-01-01T00:00:00Z';
		case 'json':
			return '{}';
		case 'idList':
			return '1';
		case 'customFields':
		case 'files':
			return {};
		default:
			return 'x';
	}
}

/** The node parameters of an operation with every top-level field valid and `field` set to `value`. */
function parameters(resource: Resource, op: Operation, target: Field, value: Value): IDataObject {
	const params: IDataObject = { resource: resource.value, operation: op.operation };
	if (op.list) Object.assign(params, { returnAll: false, limit: 1 });
	for (const field of op.fields.filter(isTopLevel)) params[paramName(field)] = validValue(field);
	if (resource.value === 'customApiCall') Object.assign(params, { method: 'GET', path: '/tickets' });
	if (isTopLevel(target)) params[paramName(target)] = value;
	else params[optionalGroup(op)] = { [target.name]: value };
	return params;
}

/** Regexes of the (method, path) pairs an operation may send: its own, and for named hooks its resource's. */
function allowedRequests(resource: Resource, op: Operation): Array<{ method: string; path: RegExp }> {
	if (resource.value === 'customApiCall') return [{ method: 'GET', path: /^\/api\/v1(?:\/[^/]+)+$/ }];
	const ops = op.run ? resource.operations : [op];
	// Names given for tenant dropdowns are looked up in the tenant's lists (technicians by email: each user).
	const lookups = op.fields
		.filter((f) => f.kind === 'options' && f.loadOptions)
		.flatMap((f) => [TENANT_LISTS[f.loadOptions as string].path, ...(f.loadOptions === 'getUsers' ? [`/users/${SEGMENT_PATTERNS.numericId}`] : [])])
		.map((path) => ({ method: 'GET', path: new RegExp(`^/api/v1${path.replace(/\//g, '\\/')}$`) }));
	return [...lookups, ...ops.map((o) => {
		const pattern = o.path.replace(/\{(\w+)\}/g, (_, name: string) => {
			const field = o.fields.find((f) => f.in === 'path' && f.name === name);
			return `(?:${SEGMENT_PATTERNS[segmentKind(field)] ?? '(?!)'})`;
		});
		return { method: o.method, path: new RegExp(`^/api/v1${pattern.replace(/\//g, '\\/')}$`) };
	})];
}

function rawPathname(record: SimRequestRecord): string {
	const index = record.url.search(/[?#]/);
	return index === -1 ? record.url : record.url.slice(0, index);
}

/** Every plain segment: not `.`/`..` even after decoding, no control characters. */
function plainSegments(pathname: string): boolean {
	return pathname
		.split('/')
		.slice(1)
		.every((segment) => {
			let decoded = segment;
			for (let i = 0; i < 5; i++) decoded = decodeURIComponent(decoded);
			return segment !== '' && decoded !== '.' && decoded !== '..' && ![...decoded].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f || '/\\?#'.includes(c));
		});
}

interface Outcome {
	value: unknown;
	message: string;
	kind: 'validation' | 'syncro' | 'other';
}

/** Runs one execution with one item per value and returns what went wrong (empty when the property holds). */
async function probe(resource: Resource, op: Operation, field: Field, values: unknown[], wrap: (expression: string) => Value): Promise<string[]> {
	const problems: string[] = [];
	const mark = sim.requests.length;
	const result = await runChain(
		values.map((v) => ({ v: v as Value })),
		[{ name: 'Syncro', parameters: parameters(resource, op, field, wrap('={{ $json.v }}')), continueOnFail: true }],
		syncroCredentials(sim.baseUrl, sim.token),
	);
	const label = `${resource.value}.${op.operation} "${field.displayName}"`;
	if (result.error) return [`${label}: the run failed instead of continuing: ${result.error.message}`];

	const items = result.output('Syncro');
	const outcomes: Outcome[] = [];
	for (const item of items) {
		const index = (item.pairedItem as { item: number } | undefined)?.item ?? -1;
		const error = item.json.error as string | undefined;
		if (error === undefined) continue;
		const nodeError = item.error as (Error & { httpCode?: string | null; name?: string }) | undefined;
		const value = values[index];
		const httpCode = nodeError?.httpCode ?? null;
		const namesItem = error.includes(`item ${index + 1}`) || error.includes(`[item ${index}]`);
		// The field under test, or another field of the operation whose (valid) base value this item cannot
		// satisfy: Input Binary Field, when the items of this test carry no file.
		const namesField = op.fields.some((f) => error.includes(`"${f.displayName}"`) || error.includes(`'${f.displayName}'`));
		if (nodeError?.name === 'NodeOperationError') {
			outcomes.push({ value, message: error, kind: namesItem && namesField ? 'validation' : 'other' });
		} else if (httpCode && /^[1-5]\d\d$/.test(httpCode)) {
			outcomes.push({ value, message: error, kind: 'syncro' });
		} else {
			outcomes.push({ value, message: error, kind: 'other' });
		}
	}
	for (const outcome of outcomes.filter((o) => o.kind === 'other')) {
		problems.push(`${label}: ${JSON.stringify(outcome.value)?.slice(0, 60)} ended in an error that does not name the item and the field: ${outcome.message.slice(0, 200)}`);
	}
	const everyItemAnswered = new Set(items.map((i) => (i.pairedItem as { item: number } | undefined)?.item));
	const silent = values.map((_, i) => i).filter((i) => !everyItemAnswered.has(i) && !op.list);
	if (silent.length > 0) problems.push(`${label}: no output item for inputs ${silent.join(', ')}`);

	const allowed = allowedRequests(resource, op);
	for (const request of sim.requests.slice(mark)) {
		const pathname = rawPathname(request);
		const shown = `${request.method} ${pathname.slice(0, 120)}`;
		if (!plainSegments(pathname)) problems.push(`${label}: sent a path with a segment that is not plain: ${shown}`);
		else if (!allowed.some((a) => a.method === request.method && a.path.test(pathname))) problems.push(`${label}: sent a path that is not the operation's own: ${shown}`);
		if (!request.bearer) problems.push(`${label}: sent ${shown} without "Authorization: Bearer <token>"`);
		if (request.url.includes(sim.token) || JSON.stringify(request.body ?? '').includes(sim.token)) problems.push(`${label}: the token appears in the URL or body of ${shown}`);
	}
	return problems;
}

const resources = RESOURCES as Resource[];

describe('no value of any field of any operation leaves the operation\'s own path', () => {
	for (const resource of resources) {
		for (const op of resource.operations) {
			it(`${resource.value}: ${op.name}`, async () => {
				const problems: string[] = [];
				for (const [index, field] of op.fields.entries()) {
					if (resource.value === 'customApiCall' && field.name === 'method') continue;
					const asLocator = field.record && (field.kind === 'id' || field.kind === 'idOrNumber');
					// Whatever can reach a path gets the whole corpus; other fields a sample of every category.
					const reachesPath = field.in === 'path' || asLocator || resource.value === 'customApiCall';
					const values = reachesPath
						? [...HOSTILE_VALUES, ...generatedValues(SEED + index, 12)]
						: [...sampleHostile(SEED + index, 1), ...generatedValues(SEED + index, 3)];
					problems.push(...(await probe(resource, op, field, values, (e) => (asLocator ? { __rl: true, mode: 'id', value: e } : e))));
					if (asLocator) {
						const urls = [...new Set(hostileRecordUrls(sim.origin, RECORDS[field.record as string].urlSegment))];
						problems.push(...(await probe(resource, op, field, urls, (e) => ({ __rl: true, mode: 'url', value: e }))));
					}
					if (field.kind === 'extraParameters') {
						// Extra pairs: hostile names are refused or sent as one plain key, hostile values as one value; neither reaches the path.
						const corpus = [...HOSTILE_VALUES, ...generatedValues(SEED + index, 12)];
						problems.push(...(await probe(resource, op, field, corpus, (e) => ({ parameter: [{ name: e, value: '1' }] }))));
						problems.push(...(await probe(resource, op, field, corpus, (e) => ({ parameter: [{ name: 'extra_note', value: e }] }))));
						problems.push(...(await probe(resource, op, field, corpus, (e) => ({ parameter: [{ name: 'extra_note', value: e, type: 'json' }] }))));
					}
				}
				expect(problems).toEqual([]);
			}, 120_000);
		}
	}
});
