/**
 * Syncro's answers to records: the envelope of a single record (`{"ticket": {...}}`), of each element of
 * a list, and the answers that hold no record. The Syncro node and the Syncro Trigger both use this rule.
 */
import type { IDataObject } from 'n8n-workflow';

import type { OperationDef, ResourceDef } from './table';

const isRecord = (value: unknown): value is IDataObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The one unwrap rule: `{ticket: {...}}` -> the ticket, for the first of `keys` that holds an object;
 * any other object stays as it is. Only declared envelope keys are unwrapped, never "the only key".
 */
export function unwrapRecord(record: IDataObject, keys: readonly string[]): IDataObject {
	for (const key of keys) {
		const inner = record[key];
		if (isRecord(inner)) return inner;
	}
	return record;
}

/** The envelope keys of an operation's single record: its own, else its resource's wrapper. */
export function envelopeKeys(op: OperationDef, resource: ResourceDef): string[] {
	if (op.unwrap === false) return [];
	return op.unwrap ?? (resource.wrapper ? [resource.wrapper] : []);
}

/**
 * The records of a single-record answer: the record unwrapped; an empty body -> `{success: true}`;
 * a JSON `null` (Syncro's answer for a soft-deleted record) -> `{found: false}` for a read.
 */
export function toRecords(op: OperationDef, resource: ResourceDef, body: unknown): IDataObject[] {
	if (body === null && op.method === 'GET') return [{ found: false }];
	if (body === undefined || body === null) return [{ success: true }];
	if (typeof body === 'string') return [{ message: body.trim() }];
	if (Array.isArray(body)) return body.map((v) => (v && typeof v === 'object' ? (v as IDataObject) : { value: v as string }));
	if (typeof body !== 'object') return [{ value: body as string }];
	return [unwrapRecord(body as IDataObject, envelopeKeys(op, resource))];
}

/** One element of a list, unwrapped by the list's `itemKey` (`{appointment: {...}}`). */
export function unwrapItem(key: string | undefined, record: IDataObject): IDataObject {
	return key ? unwrapRecord(record, [key]) : record;
}
