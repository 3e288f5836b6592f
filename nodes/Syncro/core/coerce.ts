/**
 * Editor value to Syncro value: one field's value, as the editor, an expression or an AI agent gives it,
 * checked and converted to what Syncro expects, or rejected with the reason (which `buildRequest.ts` turns
 * into the error naming the item and the field).
 */
import type { IDataObject } from 'n8n-workflow';

import { isProblem, numericId, showValue, type SegmentKind, type SyncroConnection } from '../transport';
import { recordIdFromUrl } from './records';
import type { FieldDef, Reject } from './table';

/** Longest value of a one-line text field (`string`, `password`), and of an extra query parameter. */
export const MAX_STRING_LENGTH = 65_535;
/** Longest value of a multi-line text field (`text`), and of an extra body field: 1 MiB. */
export const MAX_TEXT_LENGTH = 1_048_576;

/** A JSON text's value, or the parser's reason it is not JSON. */
export function parseJson(text: string): { value?: unknown; error?: string } {
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
	return numericId(value) ?? reject(`"${showValue(value)}" is not a numeric ID (a positive whole number is expected)`);
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

/** Whether an editor value is empty (nothing given, an empty list, a resource locator without a value). */
export function isEmpty(value: unknown): boolean {
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
	return value
		.split(',')
		.map((v) => v.trim())
		.filter(Boolean);
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
			const max = field.kind === 'text' ? MAX_TEXT_LENGTH : MAX_STRING_LENGTH;
			if (text.length > max) return reject(`the text is ${text.length} characters long; at most ${max} are accepted`);
			return text;
		}
		case 'number':
		case 'integer': {
			const n = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
			if (typeof n !== 'number' || !Number.isFinite(n)) return reject(`"${showValue(raw)}" is not a number`);
			if (field.kind === 'integer' && !Number.isSafeInteger(n))
				return reject(`"${showValue(raw)}" is not a whole number within ±${Number.MAX_SAFE_INTEGER}`);
			if (field.minValue !== undefined && n < field.minValue)
				return reject(`${n} is below the minimum ${field.minValue}`);
			if (field.maxValue !== undefined && n > field.maxValue)
				return reject(`${n} is above the maximum ${field.maxValue}`);
			return n;
		}
		case 'boolean':
			if (typeof raw === 'boolean') return raw;
			if (raw === 'true' || raw === 'false') return raw === 'true';
			return reject(`"${showValue(raw)}" is not true or false`);
		case 'dateTime': {
			const text =
				raw instanceof Date ? raw.toISOString() : isDateTimeObject(raw) ? raw.toISO() : toText(raw, reject).trim();
			if (Number.isNaN(Date.parse(text)))
				return reject(`"${showValue(raw)}" is not a date (use ISO 8601, e.g. 2026-04-01T00:00:00Z)`);
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
			return Array.isArray(raw)
				? raw.map((v) => (typeof v === 'number' ? v : toText(v, reject)))
				: splitList(raw, reject);
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
