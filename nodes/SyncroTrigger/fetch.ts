/**
 * "Fetch Full Record": a delivery is a hint, not the record. Re-reading the record through the API gives
 * the complete, current object (comments, line items…) and proves the record exists in the tenant the
 * credential points at, which a forged delivery cannot fake. The record is read as the Syncro node's Get
 * of its resource reads it (path, permission, envelope: one table entry, core/run.ts `readRecord`).
 */
import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { readRecord } from '../Syncro/core';
import { findOperation } from '../Syncro/resources';
import type { SyncroResource } from './events';

/** The Syncro node's resource of each resource a delivery can name. */
const NODE_RESOURCES: Record<SyncroResource, string> = {
	ticket: 'ticket',
	customer: 'customer',
	contact: 'contact',
	rmm_alert: 'rmmAlert',
	invoice: 'invoice',
	estimate: 'estimate',
	payment: 'payment',
	appointment: 'appointment',
	asset: 'asset',
	lead: 'lead',
};

interface FetchResult {
	record: IDataObject | null;
	error?: { message: string; httpCode: string | null };
}

export async function fetchRecord(
	ctx: IWebhookFunctions,
	resource: SyncroResource | null,
	id: number | null,
): Promise<FetchResult> {
	if (!resource || id === null) {
		return {
			record: null,
			error: { message: 'The delivery names no record that could be read again', httpCode: null },
		};
	}
	const read = findOperation(NODE_RESOURCES[resource], 'get');
	if (!read) return { record: null, error: { message: `No Get operation reads a ${resource}`, httpCode: null } };
	try {
		const record = await readRecord(ctx, read.resource, id);
		if (!record)
			return {
				record: null,
				error: {
					message: `Syncro answered ${read.op.path.replace('{id}', String(id))} without a record`,
					httpCode: null,
				},
			};
		if (resource === 'rmm_alert' && record.resolved !== undefined && typeof record.resolved !== 'boolean') {
			record.resolved = ['true', '1', 't'].includes(String(record.resolved).toLowerCase());
		}
		return { record };
	} catch (error) {
		const e = error as { message?: string; httpCode?: string | null };
		return {
			record: null,
			error: { message: e.message ?? 'The record could not be read', httpCode: e.httpCode ?? null },
		};
	}
}
