/**
 * Turns one operation of the table plus one input item into a Syncro request, and the answer into records.
 * Every value is checked here: a bad value is a NodeOperationError naming the item and the field, and no
 * request is sent with an unencoded path segment.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { extractCollection, paginate } from '../transport/paginate';
import { syncroRequest, type QueryValue } from '../transport/request';
import { GROUP_NAMES, isTopLevel, optionalGroup, paramName } from './describe';
import { resolveNames } from './names';
import { RECORDS, recordUrlRegex } from './records';
import type { FieldDef, OperationDef, ResourceDef } from './types';

export interface BuiltRequest {
	path: string;
	query: Record<string, QueryValue>;
	body: IDataObject | undefined;
}

/** A named hook that replaces the default request of an operation (e.g. find-or-create). */
export type OperationRunner = (ctx: IExecuteFunctions, op: OperationDef, itemIndex: number, request: BuiltRequest) => Promise<IDataObject[]>;

const MAX_STRING = 65_535;
const MAX_TEXT = 1_048_576;

/** Rejects a value: throws a NodeOperationError naming the item and the field (never returns). */
export type Reject = (reason: string) => never;

function parseJson(text: string): { value?: unknown; error?: string } {
	try {
		return { value: JSON.parse(text) };
	} catch (error) {
		return { error: (error as Error).message };
	}
}

function describeValue(value: unknown): string {
	const text = typeof value === 'string' ? value : JSON.stringify(value);
	return text === undefined ? String(value) : text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** Reads the ID out of a resource-locator value ({__rl, mode, value}) or a plain value. */
function locatorValue(field: FieldDef, raw: unknown, reject: Reject): unknown {
	if (raw && typeof raw === 'object' && '__rl' in (raw as IDataObject)) {
		const { mode, value } = raw as { mode?: string; value?: unknown };
		if (mode === 'url' && field.record && typeof value === 'string' && value.trim() !== '') {
			const match = new RegExp(recordUrlRegex(field.record)).exec(value.trim());
			if (!match) return reject(`"${describeValue(value)}" is not a Syncro ${RECORDS[field.record].label.toLowerCase()} URL`);
			return match[1];
		}
		return value;
	}
	return raw;
}

function toId(value: unknown, reject: Reject): number {
	const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	if (!/^\d+$/.test(text) || Number(text) <= 0 || !Number.isSafeInteger(Number(text))) {
		return reject(`"${describeValue(value)}" is not a numeric ID (a positive whole number is expected)`);
	}
	return Number(text);
}

function isEmpty(value: unknown): boolean {
	if (value === undefined || value === null || value === '') return true;
	if (Array.isArray(value)) return value.length === 0;
	if (typeof value === 'object' && '__rl' in (value as IDataObject)) {
		const inner = (value as IDataObject).value;
		return inner === undefined || inner === null || inner === '';
	}
	return false;
}

function splitList(value: unknown, reject: Reject): string[] {
	if (Array.isArray(value)) return value.map((v) => String(v).trim()).filter(Boolean);
	if (typeof value === 'number') return [String(value)];
	if (typeof value !== 'string') return reject(`"${describeValue(value)}" is not a comma-separated list`);
	return value.split(',').map((v) => v.trim()).filter(Boolean);
}

/** Converts one editor value to what Syncro expects; rejects with the reason otherwise. */
export function coerce(field: FieldDef, raw: unknown, reject: Reject): unknown {
	switch (field.kind) {
		case 'string':
		case 'password':
		case 'text': {
			if (typeof raw === 'object' && raw !== null) return reject(`an object was given where text is expected`);
			const text = String(raw);
			const max = field.kind === 'text' ? MAX_TEXT : MAX_STRING;
			if (text.length > max) return reject(`the text is ${text.length} characters long; at most ${max} are accepted`);
			return text;
		}
		case 'number':
		case 'integer': {
			const n = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
			if (typeof n !== 'number' || !Number.isFinite(n)) return reject(`"${describeValue(raw)}" is not a number`);
			if (field.kind === 'integer' && !Number.isInteger(n)) return reject(`"${describeValue(raw)}" is not a whole number`);
			if (field.minValue !== undefined && n < field.minValue) return reject(`${n} is below the minimum ${field.minValue}`);
			if (field.maxValue !== undefined && n > field.maxValue) return reject(`${n} is above the maximum ${field.maxValue}`);
			return n;
		}
		case 'boolean':
			if (typeof raw === 'boolean') return raw;
			if (raw === 'true' || raw === 'false') return raw === 'true';
			return reject(`"${describeValue(raw)}" is not true or false`);
		case 'dateTime': {
			const text = raw instanceof Date ? raw.toISOString() : String(raw).trim();
			if (Number.isNaN(Date.parse(text))) return reject(`"${describeValue(raw)}" is not a date (use ISO 8601, e.g. 2026-04-01T00:00:00Z)`);
			return text;
		}
		case 'options':
			if (field.options && !field.loadOptions && !field.options.some((o) => o.value === raw)) {
				return reject(`"${describeValue(raw)}" is not one of: ${field.options.map((o) => o.value).join(', ')}`);
			}
			return raw;
		case 'multiOptions':
			return Array.isArray(raw) ? raw : splitList(raw, reject);
		case 'json': {
			let value = raw;
			if (typeof raw === 'string') {
				const parsed = parseJson(raw);
				if (parsed.error !== undefined) return reject(`is not valid JSON (${parsed.error})`);
				value = parsed.value;
			}
			if (typeof value !== 'object' || value === null) return reject('must be a JSON object or array');
			return value;
		}
		case 'idList':
			return splitList(raw, reject).map((v) => toId(v, reject));
		case 'stringList':
			return splitList(raw, reject);
		case 'files': {
			const entries = ((raw as IDataObject)?.file as IDataObject[] | undefined) ?? [];
			return entries.map((entry, index) => {
				const url = String(entry.url ?? '').trim();
				if (!/^https?:\/\/\S+$/i.test(url)) return reject(`file ${index + 1} has no valid http(s) URL`);
				return { url, filename: String(entry.filename ?? '').trim() || url.split('/').pop() };
			});
		}
		case 'customFields': {
			if (typeof raw === 'string') return coerce({ ...field, kind: 'json' }, raw, reject);
			const entries = ((raw as IDataObject)?.field as IDataObject[] | undefined) ?? [];
			const out: IDataObject = {};
			for (const entry of entries) {
				const name = String(entry.name ?? '').trim();
				if (!name) return reject('a custom field has no name');
				out[name] = entry.value as string;
			}
			return out;
		}
		case 'id':
			return toId(locatorValue(field, raw, reject), reject);
		case 'idOrNumber': {
			const text = String(locatorValue(field, raw, reject)).trim();
			if (!/^[A-Za-z0-9-]{1,64}$/.test(text)) return reject(`"${describeValue(raw)}" is not an ID or a number`);
			return text;
		}
		default:
			return raw;
	}
}

export function fail(ctx: IExecuteFunctions, itemIndex: number, field: FieldDef, reason: string, where?: string): never {
	const location = where ? `"${field.displayName}" in ${where}` : `"${field.displayName}"`;
	throw new NodeOperationError(ctx.getNode(), `Invalid ${location} in item ${itemIndex + 1}: ${reason}`, {
		itemIndex,
		description: `Field "${paramName(field)}" (Syncro name: ${field.name}). Correct the value or the expression that produces it.`,
	});
}

/** Reads every field of the operation for one item and builds path, query and body. */
export function buildRequest(ctx: IExecuteFunctions, op: OperationDef, itemIndex: number): BuiltRequest {
	const query: Record<string, QueryValue> = {};
	const body: IDataObject = {};
	const pathValues: Record<string, string> = {};

	const put = (field: FieldDef, value: unknown) => {
		if (field.in === 'path') pathValues[field.name] = encodeURIComponent(String(value));
		else if (field.in === 'query') query[field.name] = value as QueryValue;
		else body[field.name] = value as IDataObject[string];
	};

	for (const field of op.fields.filter(isTopLevel)) {
		const raw = ctx.getNodeParameter(paramName(field), itemIndex, undefined) as unknown;
		if (isEmpty(raw)) {
			if (field.required || field.in === 'path') fail(ctx, itemIndex, field, 'a value is required');
			continue;
		}
		put(field, coerce(field, raw, (reason) => fail(ctx, itemIndex, field, reason)));
	}

	const optional = op.fields.filter((f) => !isTopLevel(f));
	if (optional.length > 0) {
		const group = optionalGroup(op);
		const values = ctx.getNodeParameter(group, itemIndex, {}) as IDataObject;
		const groupName = GROUP_NAMES[group];
		for (const [key, raw] of Object.entries(values ?? {})) {
			const field = optional.find((f) => f.name === key);
			if (!field) {
				throw new NodeOperationError(ctx.getNode(), `Unknown option "${key}" in ${groupName} of item ${itemIndex + 1}`, {
					itemIndex,
					description: `"${op.name}" accepts: ${optional.map((f) => f.name).join(', ')}`,
				});
			}
			if (isEmpty(raw) && field.kind !== 'boolean') continue;
			put(field, coerce(field, raw, (reason) => fail(ctx, itemIndex, field, reason, groupName)));
		}
	}

	const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
		const value = pathValues[name];
		if (value === undefined) throw new NodeOperationError(ctx.getNode(), `Path parameter "${name}" of ${op.name} has no field`, { itemIndex });
		return value;
	});
	const hasBody = op.method !== 'GET' && op.method !== 'DELETE';
	return { path, query, body: hasBody ? body : undefined };
}

/**
 * Unwraps a single-record answer: `{ticket: {...}}` -> the ticket; an empty body -> `{success: true}`;
 * a JSON `null` (Syncro's answer for a soft-deleted record) -> `{found: false}` for a read.
 */
export function toRecords(op: OperationDef, resource: ResourceDef, body: unknown): IDataObject[] {
	if (body === null && op.method === 'GET') return [{ found: false }];
	if (body === undefined || body === null) return [{ success: true }];
	if (typeof body === 'string') return [{ message: body.trim() }];
	if (Array.isArray(body)) return body.map((v) => (v && typeof v === 'object' ? (v as IDataObject) : { value: v as string }));
	if (typeof body !== 'object') return [{ value: body as string }];
	const record = body as IDataObject;
	if (op.unwrap !== false) {
		const keys = op.unwrap ?? (resource.wrapper ? [resource.wrapper] : []);
		for (const key of keys) {
			const inner = record[key];
			if (inner && typeof inner === 'object' && !Array.isArray(inner)) return [inner as IDataObject];
		}
	}
	return [record];
}

function unwrapItem(key: string | undefined, record: IDataObject): IDataObject {
	if (!key) return record;
	const inner = record[key];
	return inner && typeof inner === 'object' && !Array.isArray(inner) ? (inner as IDataObject) : record;
}

/** Runs one operation for one item and returns the records to output. */
export async function runOperation(ctx: IExecuteFunctions, resource: ResourceDef, op: OperationDef, itemIndex: number): Promise<IDataObject[]> {
	const request = await resolveNames(ctx, op, buildRequest(ctx, op, itemIndex), itemIndex);
	if (op.run) return await op.run(ctx, op, itemIndex, request);

	let records: IDataObject[];
	if (op.list) {
		const returnAll = ctx.getNodeParameter('returnAll', itemIndex, false) as boolean;
		const limit = returnAll ? undefined : toLimit(ctx, itemIndex);
		if (op.list.paginated === false) {
			const body = await syncroRequest(ctx, { method: op.method, path: request.path, query: request.query, permission: op.permission, itemIndex });
			const all = extractCollection(body, op.list.collectionKey);
			records = limit === undefined ? all : all.slice(0, limit);
		} else {
			records = await paginate(ctx, {
				path: request.path,
				query: request.query,
				collectionKey: op.list.collectionKey,
				limit,
				permission: op.permission,
				itemIndex,
			});
		}
		records = records.map((r) => unwrapItem(op.list?.itemKey, r));
	} else {
		const body = await syncroRequest(ctx, {
			method: op.method,
			path: request.path,
			query: request.query,
			body: request.body,
			permission: op.permission,
			itemIndex,
		});
		records = toRecords(op, resource, body);
	}
	return op.transform ? op.transform(records) : records;
}

function toLimit(ctx: IExecuteFunctions, itemIndex: number): number {
	const raw = ctx.getNodeParameter('limit', itemIndex, 50) as unknown;
	const limit = Number(raw);
	if (!Number.isInteger(limit) || limit < 1) {
		throw new NodeOperationError(ctx.getNode(), `Invalid "Limit" in item ${itemIndex + 1}: "${describeValue(raw)}" is not a whole number of at least 1`, { itemIndex });
	}
	return limit;
}
