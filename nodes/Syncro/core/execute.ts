/**
 * Turns one operation of the table plus one input item into a Syncro request, and the answer into records.
 * Every value is checked here: a bad value is a NodeOperationError naming the item and the field, and no
 * request is sent with an unencoded path segment.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { SyncroConnection } from '../transport/baseUrl';
import { isProblem } from '../transport/baseUrl';
import { extractCollection, paginate } from '../transport/paginate';
import { pathSegment, showValue, type SegmentKind } from '../transport/path';
import { resolveSettings, syncroRequest, type QueryValue } from '../transport/request';
import { GROUP_NAMES, isTopLevel, optionalGroup, paramName } from './describe';
import { resolveName } from './names';
import { recordIdFromUrl } from './records';
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

/** What a path field must look like in the URL: its declared kind, else what its field kind implies. */
export function segmentKind(field: FieldDef): SegmentKind | undefined {
	if (field.segment) return field.segment;
	if (field.kind === 'id' || (field.kind === 'options' && field.loadOptions)) return 'numericId';
	if (field.kind === 'idOrNumber') return 'slug';
	return undefined;
}

/**
 * Reads the ID out of a resource-locator value ({__rl, mode, value}) or a plain value. "By URL" accepts only
 * an address of the credential's own Syncro web app (`connection.appUrls`), the ID being a whole path segment.
 */
function locatorValue(field: FieldDef, raw: unknown, reject: Reject, connection?: SyncroConnection): unknown {
	if (raw && typeof raw === 'object' && '__rl' in (raw as IDataObject)) {
		const { mode, value } = raw as { mode?: string; value?: unknown };
		if (mode === 'url' && field.record) {
			if (typeof value !== 'string') return reject(`${showValue(value)} is not a URL`);
			if (!connection) return reject('a URL cannot be checked here: give the ID');
			const id = recordIdFromUrl(field.record, value, connection.appUrls);
			return isProblem(id) ? reject(`"${showValue(value)}" ${id.problem}`) : id;
		}
		return value;
	}
	return raw;
}

function toId(value: unknown, reject: Reject): number {
	const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	if (!/^\d+$/.test(text) || Number(text) <= 0 || !Number.isSafeInteger(Number(text))) {
		return reject(`"${showValue(value)}" is not a numeric ID (a positive whole number is expected)`);
	}
	return Number(text);
}

/** Text, or a number written as text; objects, arrays and booleans are refused where text is meant. */
function toText(raw: unknown, reject: Reject): string {
	if (typeof raw === 'string') return raw;
	if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
	return reject(`${showValue(raw)} is ${typeName(raw)}, where text is expected`);
}

function typeName(value: unknown): string {
	if (Array.isArray(value)) return 'a list';
	if (value === null) return 'null';
	if (typeof value === 'object') return 'an object';
	if (typeof value === 'boolean') return 'a true/false value';
	if (typeof value === 'number') return 'not a finite number';
	return `a ${typeof value}`;
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
	if (Array.isArray(value)) return value.map((v) => toText(v, reject).trim()).filter(Boolean);
	if (typeof value === 'number') return [String(value)];
	if (typeof value !== 'string') return reject(`${showValue(value)} is not a comma-separated list`);
	return value.split(',').map((v) => v.trim()).filter(Boolean);
}

function isDateTimeObject(value: unknown): value is { toISO: () => string } {
	return typeof value === 'object' && value !== null && typeof (value as { toISO?: unknown }).toISO === 'function';
}

/**
 * Converts one editor value to what Syncro expects; rejects with the reason otherwise. `connection` is the
 * credential's Syncro account, against which "By URL" record locators are checked.
 */
export function coerce(field: FieldDef, raw: unknown, reject: Reject, connection?: SyncroConnection): unknown {
	switch (field.kind) {
		case 'string':
		case 'password':
		case 'text': {
			const text = toText(raw, reject);
			const max = field.kind === 'text' ? MAX_TEXT : MAX_STRING;
			if (text.length > max) return reject(`the text is ${text.length} characters long; at most ${max} are accepted`);
			return text;
		}
		case 'number':
		case 'integer': {
			const n = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
			if (typeof n !== 'number' || !Number.isFinite(n)) return reject(`"${showValue(raw)}" is not a number`);
			if (field.kind === 'integer' && !Number.isSafeInteger(n)) return reject(`"${showValue(raw)}" is not a whole number within ±${Number.MAX_SAFE_INTEGER}`);
			if (field.minValue !== undefined && n < field.minValue) return reject(`${n} is below the minimum ${field.minValue}`);
			if (field.maxValue !== undefined && n > field.maxValue) return reject(`${n} is above the maximum ${field.maxValue}`);
			return n;
		}
		case 'boolean':
			if (typeof raw === 'boolean') return raw;
			if (raw === 'true' || raw === 'false') return raw === 'true';
			return reject(`"${showValue(raw)}" is not true or false`);
		case 'dateTime': {
			const text = raw instanceof Date ? raw.toISOString() : isDateTimeObject(raw) ? raw.toISO() : toText(raw, reject).trim();
			if (Number.isNaN(Date.parse(text))) return reject(`"${showValue(raw)}" is not a date (use ISO 8601, e.g. 2026-04-01T00:00:00Z)`);
			return text;
		}
		case 'options':
			if (field.options && !field.loadOptions) {
				if (!field.options.some((o) => o.value === raw)) {
					return reject(`"${showValue(raw)}" is not one of: ${field.options.map((o) => o.value).join(', ')}`);
				}
				return raw;
			}
			// A value loaded from the tenant: an ID or a name, never an object, a list or true/false.
			return typeof raw === 'number' ? raw : toText(raw, reject);
		case 'multiOptions':
			return Array.isArray(raw) ? raw.map((v) => (typeof v === 'number' ? v : toText(v, reject))) : splitList(raw, reject);
		case 'json': {
			let value = raw;
			if (typeof raw === 'string') {
				const parsed = parseJson(raw);
				if (parsed.error !== undefined) return reject(`is not valid JSON (${parsed.error})`);
				value = parsed.value;
			}
			if (typeof value !== 'object' || value === null) return reject(`${showValue(raw)} is not a JSON object or array`);
			return value;
		}
		case 'idList':
			return splitList(raw, reject).map((v) => toId(v, reject));
		case 'stringList':
			return splitList(raw, reject);
		case 'files': {
			const entries = ((raw as IDataObject)?.file as IDataObject[] | undefined) ?? [];
			if (!Array.isArray(entries)) return reject(`${showValue(raw)} is not a list of files`);
			return entries.map((entry, index) => {
				const url = toText(entry?.url ?? '', reject).trim();
				if (!/^https?:\/\/\S+$/i.test(url)) return reject(`file ${index + 1} has no valid http(s) URL`);
				return { url, filename: toText(entry.filename ?? '', reject).trim() || url.split('/').pop() };
			});
		}
		case 'customFields': {
			if (typeof raw === 'string') {
				const parsed = coerce({ ...field, kind: 'json' }, raw, reject);
				return Array.isArray(parsed) ? reject('custom fields in JSON must be an object of name: value pairs') : parsed;
			}
			const entries = ((raw as IDataObject)?.field as IDataObject[] | undefined) ?? [];
			if (!Array.isArray(entries)) return reject(`${showValue(raw)} is not a list of custom fields`);
			const out: IDataObject = {};
			for (const entry of entries) {
				const name = toText(entry?.name ?? '', reject).trim();
				if (!name) return reject('a custom field has no name');
				const value = entry.value;
				if (value !== null && value !== undefined && typeof value === 'object') {
					return reject(`the value of custom field "${showValue(name)}" is ${typeName(value)}, where text is expected`);
				}
				out[name] = value as string;
			}
			return out;
		}
		case 'id':
			return toId(locatorValue(field, raw, reject, connection), reject);
		case 'idOrNumber':
			// Its shape (a slug) is the path rule's: see segmentKind().
			return toText(locatorValue(field, raw, reject, connection), reject).trim();
		default:
			return raw;
	}
}

/**
 * Throws the error of a bad field value, in the one wording every field uses: it names the field (and the
 * group it sits in), the item, and why the value is refused.
 */
export function rejectField(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: FieldDef,
	reason: string,
	options: { where?: string; description?: string } = {},
): never {
	const location = options.where ? `"${field.displayName}" in ${options.where}` : `"${field.displayName}"`;
	throw new NodeOperationError(ctx.getNode(), `Invalid ${location} in item ${itemIndex + 1}: ${reason}`, {
		itemIndex,
		description:
			options.description ?? `Field "${paramName(field)}" (Syncro name: ${field.name}). Correct the value or the expression that produces it.`,
	});
}

/**
 * Reads every field of the operation for one item and builds path, query and body. `connection` is the
 * credential's Syncro account (record URLs are checked against it). A name given for a field whose dropdown
 * is loaded from the tenant is resolved first (core/names.ts), so the path rule sees what will be sent.
 */
export async function buildRequest(ctx: IExecuteFunctions, op: OperationDef, itemIndex: number, connection?: SyncroConnection): Promise<BuiltRequest> {
	const query: Record<string, QueryValue> = {};
	const body: IDataObject = {};
	const pathValues: Record<string, string> = {};

	/** Checks and converts one value, resolves a name given for a tenant dropdown, and puts it in its place. */
	const accept = async (field: FieldDef, raw: unknown, where?: string) => {
		const reject: Reject = (reason) => rejectField(ctx, itemIndex, field, reason, { where });
		let value = coerce(field, raw, reject, connection);
		if (field.kind === 'options' && field.loadOptions) {
			// A value bound for a path must be a plain segment before it is even looked up as a name.
			const plain = field.in === 'path' ? pathSegment(value) : undefined;
			if (isProblem(plain)) reject(plain.problem);
			value = await resolveName(ctx, field, value, reject);
		}
		if (field.in === 'path') {
			const segment = pathSegment(value, segmentKind(field));
			if (isProblem(segment)) reject(segment.problem);
			pathValues[field.name] = segment;
		} else if (field.in === 'query') query[field.name] = value as QueryValue;
		else body[field.name] = value as IDataObject[string];
	};

	for (const field of op.fields.filter(isTopLevel)) {
		const raw = ctx.getNodeParameter(paramName(field), itemIndex, undefined) as unknown;
		if (isEmpty(raw)) {
			if (field.required || field.in === 'path') rejectField(ctx, itemIndex, field, 'a value is required');
			continue;
		}
		await accept(field, raw);
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
			await accept(field, raw, groupName);
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
	const settings = await resolveSettings(ctx, itemIndex);
	const request = await buildRequest(ctx, op, itemIndex, settings.connection);
	if (op.run) return await op.run(ctx, op, itemIndex, request);

	let records: IDataObject[];
	if (op.list) {
		const returnAll = ctx.getNodeParameter('returnAll', itemIndex, false) as boolean;
		const limit = returnAll ? undefined : toLimit(ctx, itemIndex);
		if (op.list.paginated === false) {
			const body = await syncroRequest(ctx, { method: op.method, path: request.path, query: request.query, permission: op.permission, itemIndex }, settings);
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
		}, settings);
		records = toRecords(op, resource, body);
	}
	return op.transform ? op.transform(records) : records;
}

function toLimit(ctx: IExecuteFunctions, itemIndex: number): number {
	const raw = ctx.getNodeParameter('limit', itemIndex, 50) as unknown;
	const limit = Number(raw);
	if (!Number.isInteger(limit) || limit < 1) {
		throw new NodeOperationError(ctx.getNode(), `Invalid "Limit" in item ${itemIndex + 1}: "${showValue(raw)}" is not a whole number of at least 1`, { itemIndex });
	}
	return limit;
}
