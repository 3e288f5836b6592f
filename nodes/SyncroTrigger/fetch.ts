/**
 * "Fetch Full Record": a delivery is a hint, not the record. Re-reading the record through the API gives
 * the complete, current object (comments, line items…) and proves the record exists in the tenant the
 * credential points at, which a forged delivery cannot fake.
 */
import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { syncroRequest } from '../Syncro/transport/request';
import type { SyncroResource } from './events';

interface ReadSpec {
	path: string;
	/** Key of the single-object wrapper, when Syncro wraps this resource. */
	wrapper?: string;
	permission: string;
}

export const READ_PATHS: Record<SyncroResource, ReadSpec> = {
	ticket: { path: '/tickets', wrapper: 'ticket', permission: 'Tickets - View Details' },
	customer: { path: '/customers', wrapper: 'customer', permission: 'Customers - View Detail' },
	contact: { path: '/contacts', permission: 'Customers - View Detail' },
	rmm_alert: { path: '/rmm_alerts', wrapper: 'rmm_alert', permission: 'RMM Alerts - List' },
	invoice: { path: '/invoices', wrapper: 'invoice', permission: 'Invoices - View Details' },
	estimate: { path: '/estimates', wrapper: 'estimate', permission: 'Estimates - View Details' },
	payment: { path: '/payments', wrapper: 'payment', permission: 'Payments - View List' },
	appointment: { path: '/appointments', wrapper: 'appointment', permission: 'Appointments - View All' },
	asset: { path: '/customer_assets', wrapper: 'asset', permission: 'Assets - View Details' },
	lead: { path: '/leads', wrapper: 'lead', permission: 'Leads - List/Search' },
};

const isObject = (value: unknown): value is IDataObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `{"ticket": {...}}` -> the ticket; a flat object stays as it is. */
export function unwrap(body: unknown, wrapper?: string): IDataObject | null {
	if (!isObject(body)) return null;
	if (wrapper && isObject(body[wrapper])) return body[wrapper] as IDataObject;
	const keys = Object.keys(body);
	if (keys.length === 1 && isObject(body[keys[0]])) return body[keys[0]] as IDataObject;
	return body;
}

export interface FetchResult {
	record: IDataObject | null;
	error?: { message: string; httpCode: string | null };
}

export async function fetchRecord(ctx: IWebhookFunctions, resource: SyncroResource | null, id: number | null): Promise<FetchResult> {
	if (!resource || id === null) {
		return { record: null, error: { message: 'The delivery names no record that could be read again', httpCode: null } };
	}
	const spec = READ_PATHS[resource];
	try {
		const body = await syncroRequest(ctx, { method: 'GET', path: `${spec.path}/${id}`, permission: spec.permission });
		const record = unwrap(body, spec.wrapper);
		if (!record) return { record: null, error: { message: `Syncro answered ${spec.path}/${id} without a record`, httpCode: null } };
		if (resource === 'rmm_alert' && record.resolved !== undefined && typeof record.resolved !== 'boolean') {
			record.resolved = ['true', '1', 't'].includes(String(record.resolved).toLowerCase());
		}
		return { record };
	} catch (error) {
		const e = error as { message?: string; httpCode?: string | null };
		return { record: null, error: { message: e.message ?? 'The record could not be read', httpCode: e.httpCode ?? null } };
	}
}
