/**
 * Syncro's answers to records: the envelope of a single record (`{"ticket": {...}}`), of each element of
 * a list, and the answers that hold no record. The Syncro node and the Syncro Trigger both use this rule.
 */
import type { IDataObject } from 'n8n-workflow';

import { numericId } from '../transport';
import type { BuiltRequest, OperationDef, ResourceDef } from './table';

const isRecord = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

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
	if (Array.isArray(body))
		return body.map((v) => (v && typeof v === 'object' ? (v as IDataObject) : { value: v as string }));
	if (typeof body !== 'object') return [{ value: body as string }];
	return [unwrapRecord(body as IDataObject, envelopeKeys(op, resource))];
}

/** One element of a list, unwrapped by the list's `itemKey` (`{appointment: {...}}`). */
export function unwrapItem(key: string | undefined, record: IDataObject): IDataObject {
	return key ? unwrapRecord(record, [key]) : record;
}

/** Whether an operation deletes a record: a DELETE unless its entry says otherwise, or a POST that says so. */
export function isDelete(op: OperationDef): boolean {
	return op.deletes !== undefined ? op.deletes !== false : op.method === 'DELETE';
}

/** Syncro's words of an answer (`message`…), without its `success` flag and without an `id`. */
export function saidBy(records: IDataObject[]): IDataObject {
	if (records.length !== 1) return {};
	const said: IDataObject = {};
	for (const [key, value] of Object.entries(records[0])) if (key !== 'success' && key !== 'id') said[key] = value;
	return said;
}

const asId = (value: unknown): unknown =>
	numericId(value) ?? (typeof value === 'string' ? decodeURIComponent(value) : value);

const snakeCase = (name: string) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/**
 * The output of a delete: `{deleted: true, id}` with the ID that was deleted, the IDs of the records it
 * belonged to (`ticket_id` of a ticket's line item, `customer_id` of a customer's phone), then what Syncro
 * said, if anything (its `message`), never its `success`. Where Syncro answers with the deleted record, its
 * fields follow; with the record the deleted one belonged to (an estimate without the line item, with its
 * new totals), that record is kept under its name (`estimate`).
 */
export function deletedRecord(
	op: OperationDef,
	resource: ResourceDef,
	request: BuiltRequest,
	answer: IDataObject[],
): IDataObject {
	const placeholders = [...op.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
	const deleted = op.deletes || placeholders[placeholders.length - 1];
	const value = request.pathValues[deleted] ?? request.query[deleted] ?? request.body?.[deleted];
	const owner = resource.wrapper ?? snakeCase(resource.value);
	const parents: IDataObject = {};
	for (const name of placeholders) {
		if (name === deleted) continue;
		parents[name === 'id' ? `${owner}_id` : name] = asId(request.pathValues[name]) as IDataObject[string];
	}
	const id = asId(value) as IDataObject[string];
	const record = answer.length === 1 && answer[0].id !== undefined ? answer[0] : undefined;
	// The deleted record itself comes back as it was; a record it belonged to under its name.
	if (record && String(record.id) === String(id)) return { deleted: true, ...parents, ...record };
	return { deleted: true, id, ...parents, ...(record ? { [owner]: record } : saidBy(answer)) };
}
