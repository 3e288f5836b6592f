/**
 * The tenant's own lists (statuses, issue types, technicians…): where each lives and what one entry sends.
 * The editor's dropdowns are filled from them (methods/loadOptions.ts), and execution resolves a name typed
 * by a person or an AI agent against them (core/names.ts). Never hard-coded where Syncro lets the MSP
 * configure the list.
 * Syncro returns these lists as strings, `[id, name]` tuples or `{id, name}` objects: all are accepted.
 */
import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

import { syncroRequest, type SyncroContext } from '../transport';

async function get(ctx: SyncroContext, path: string): Promise<IDataObject> {
	const body = await syncroRequest(ctx, { method: 'GET', path });
	return body && typeof body === 'object' && !Array.isArray(body) ? (body as IDataObject) : {};
}

function dig(body: IDataObject, keys: string[]): unknown[] {
	let value: unknown = body;
	for (const key of keys) value = value && typeof value === 'object' ? (value as IDataObject)[key] : undefined;
	return Array.isArray(value) ? value : [];
}

/** `valueBy`: 'id' sends the ID (ticket_type_id), 'name' sends the name (problem_type, payment_method). */
function toOptions(list: unknown[], valueBy: 'id' | 'name'): INodePropertyOptions[] {
	const options: INodePropertyOptions[] = [];
	for (const entry of list) {
		let id: unknown;
		let name: unknown;
		if (typeof entry === 'string' || typeof entry === 'number') {
			id = entry;
			name = entry;
		} else if (Array.isArray(entry)) {
			[id, name] = entry;
		} else if (entry && typeof entry === 'object') {
			const record = entry as IDataObject;
			id = record.id ?? record.value ?? record.name;
			name = record.name ?? record.title ?? record.label ?? record.full_name ?? record.id;
		}
		const label = String(name ?? '').trim();
		if (label === '') continue;
		options.push({ name: label, value: (valueBy === 'id' ? id : label) as string | number });
	}
	return options.sort((a, b) => a.name.localeCompare(b.name));
}

/** Where a tenant list lives, what the dropdown sends (the ID or the name) and what one entry is called. */
export interface TenantList {
	path: string;
	keys: string[];
	valueBy: 'id' | 'name';
	/** One entry in words, for messages: "ticket status", "technician". */
	noun: string;
}

/** Every tenant list, by the name of the `loadOptions` method that fills its dropdown. */
export const TENANT_LISTS: Record<string, TenantList> = {
	getTicketStatuses: {
		path: '/tickets/settings',
		keys: ['ticket_status_list'],
		valueBy: 'name',
		noun: 'ticket status',
	},
	getTicketTypes: { path: '/tickets/settings', keys: ['ticket_types'], valueBy: 'id', noun: 'ticket type' },
	getSavedTicketSearches: {
		path: '/tickets/settings',
		keys: ['saved_searches'],
		valueBy: 'id',
		noun: 'saved ticket search',
	},
	getWorksheetTemplates: {
		path: '/tickets/settings',
		keys: ['worksheet_templates'],
		valueBy: 'id',
		noun: 'worksheet template',
	},
	getTicketFieldNames: {
		path: '/tickets/settings',
		keys: ['ticket_type_fields'],
		valueBy: 'name',
		noun: 'ticket custom field',
	},
	getProblemTypes: { path: '/settings', keys: ['ticket', 'problem_types'], valueBy: 'name', noun: 'issue type' },
	getPriorities: { path: '/settings', keys: ['ticket', 'priorities'], valueBy: 'name', noun: 'priority' },
	getAssetTypes: { path: '/settings', keys: ['assets', 'asset_types'], valueBy: 'id', noun: 'asset type' },
	getAssetFieldNames: {
		path: '/settings',
		keys: ['assets', 'asset_type_fields'],
		valueBy: 'name',
		noun: 'asset custom field',
	},
	getCustomerFieldNames: {
		path: '/settings',
		keys: ['customers', 'customer_fields'],
		valueBy: 'name',
		noun: 'customer custom field',
	},
	getUsers: { path: '/users', keys: ['users'], valueBy: 'id', noun: 'technician' },
	getAppointmentTypes: {
		path: '/appointment_types',
		keys: ['appointment_types'],
		valueBy: 'id',
		noun: 'appointment type',
	},
	getPaymentMethods: { path: '/payment_methods', keys: ['payment_methods'], valueBy: 'name', noun: 'payment method' },
	getProductCategories: { path: '/products/categories', keys: ['categories'], valueBy: 'id', noun: 'product category' },
	getProductCategoryNames: {
		path: '/products/categories',
		keys: ['categories'],
		valueBy: 'name',
		noun: 'product category',
	},
	getCannedResponseCategories: {
		path: '/canned_responses/settings',
		keys: ['canned_response_categories'],
		valueBy: 'id',
		noun: 'canned response category',
	},
};

/** Reads the Syncro endpoint a tenant list lives in (several lists share one: /settings, /tickets/settings). */
export async function fetchListSource(ctx: SyncroContext, list: TenantList): Promise<IDataObject> {
	return await get(ctx, list.path);
}

/** The entries of a tenant list, out of the body of its endpoint, as dropdown options. */
export function tenantListOptions(body: IDataObject, list: TenantList): INodePropertyOptions[] {
	return toOptions(dig(body, list.keys), list.valueBy);
}
