/**
 * Runs one operation of the table for one input item: builds the request, sends it (or runs the operation's
 * named hook, or pages through a list) and returns the records to output.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import {
	extractCollection,
	invalidValueError,
	paginate,
	pathSegment,
	isProblem,
	numericId,
	resolveSettings,
	showValue,
	syncroRequest,
	type SyncroContext,
} from '../transport';
import { buildRequest } from './buildRequest';
import type { BuiltRequest, OperationDef, ResourceDef } from './table';
import { deletedRecord, envelopeKeys, isDelete, saidBy, toRecords, unwrapItem, unwrapRecord } from './unwrap';

/** Runs one operation for one item and returns the records to output. */
export async function runOperation(
	ctx: IExecuteFunctions,
	resource: ResourceDef,
	op: OperationDef,
	itemIndex: number,
): Promise<IDataObject[]> {
	const settings = await resolveSettings(ctx, itemIndex);
	const request = await buildRequest(ctx, op, itemIndex, settings.connection);
	if (op.run) return await op.run(ctx, op, itemIndex, request);

	let records: IDataObject[];
	if (op.list) {
		const returnAll = ctx.getNodeParameter('returnAll', itemIndex, false) as boolean;
		const limit = returnAll ? undefined : toLimit(ctx, itemIndex);
		if (op.list.paginated === false) {
			const body = await syncroRequest(
				ctx,
				{ method: op.method, path: request.path, query: request.query, permission: op.permission, itemIndex },
				settings,
			);
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
		const body = await syncroRequest(
			ctx,
			{
				method: op.method,
				path: request.path,
				query: request.query,
				body: request.body,
				permission: op.permission,
				itemIndex,
			},
			settings,
		);
		records = toRecords(op, resource, body);
		if (isDelete(op)) records = [deletedRecord(op, resource, request, records)];
		else if (holdsNoRecord(records)) records = await actedOn(ctx, resource, op, request, records, itemIndex);
	}
	return op.transform ? op.transform(records) : records;
}

/** An answer without a record: nothing, `{"success": true}`, or only Syncro's words (`{"message": "…"}`). */
function holdsNoRecord(records: IDataObject[]): boolean {
	return records.length === 1 && Object.keys(records[0]).every((key) => key === 'message' || key === 'success');
}

/**
 * The record an action acted on, for an answer that holds none (Invoice > Email answers only "Invoice T30032
 * was emailed to …"): read again through the resource's Get, with Syncro's words beside it, so that the next
 * node has the ID, the number and the total. Only for actions on one record of the resource
 * (`/invoices/{id}/email`); when the read fails, the action still succeeded: its ID and Syncro's words.
 */
async function actedOn(
	ctx: IExecuteFunctions,
	resource: ResourceDef,
	op: OperationDef,
	request: BuiltRequest,
	answer: IDataObject[],
	itemIndex: number,
): Promise<IDataObject[]> {
	const get = resource.operations.find((o) => o.operation === 'get');
	const placeholder = get && /\{(\w+)\}$/.exec(get.path)?.[1];
	if (!get || !placeholder || op.method === 'GET' || !op.path.startsWith(`${get.path}/`)) return answer;
	const id = request.pathValues[placeholder];
	const said = saidBy(answer);
	try {
		const record = await readRecord(ctx, resource, id, itemIndex);
		if (record) return [{ ...record, ...said }];
	} catch {
		// The action was carried out; only reading the record back failed (for example a token that may not read it).
	}
	return [{ id: numericId(id) ?? id, ...said }];
}

function toLimit(ctx: IExecuteFunctions, itemIndex: number): number {
	const raw = ctx.getNodeParameter('limit', itemIndex, 50) as unknown;
	const limit = Number(raw);
	if (!Number.isInteger(limit) || limit < 1) {
		throw invalidValueError(
			ctx.getNode(),
			`Invalid "Limit" in item ${itemIndex + 1}: "${showValue(raw)}" is not a whole number of at least 1`,
			{ itemIndex },
		);
	}
	return limit;
}

/**
 * Reads one record again through its resource's Get entry of the table (path, permission, envelope): what
 * the Syncro Trigger's "Fetch Full Record" and the answers that hold only a message use. Null when Syncro
 * answers without a record.
 */
export async function readRecord(
	ctx: SyncroContext,
	resource: ResourceDef,
	id: number | string,
	itemIndex?: number,
): Promise<IDataObject | null> {
	const op = resource.operations.find((o) => o.operation === 'get');
	if (!op) throw new Error(`${resource.name} has no Get operation to read a record with`);
	const segment = pathSegment(id, 'numericId');
	if (isProblem(segment))
		throw invalidValueError(ctx.getNode(), `Invalid ${resource.name} ID: ${segment.problem}`, { itemIndex });
	const body = await syncroRequest(ctx, {
		method: 'GET',
		path: op.path.replace('{id}', segment),
		permission: op.permission,
		itemIndex,
	});
	if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
	return unwrapRecord(body as IDataObject, envelopeKeys(op, resource));
}
