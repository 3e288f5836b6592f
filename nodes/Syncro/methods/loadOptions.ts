/**
 * Dropdowns filled from the tenant (never hard-coded where Syncro lets the MSP configure the list).
 * Syncro returns these lists as strings, `[id, name]` tuples or `{id, name}` objects: all are accepted.
 */
import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { syncroRequest } from '../transport/request';

type Loader = (this: ILoadOptionsFunctions) => Promise<INodePropertyOptions[]>;

async function get(ctx: ILoadOptionsFunctions, path: string): Promise<IDataObject> {
	const body = await syncroRequest(ctx, { method: 'GET', path });
	return body && typeof body === 'object' && !Array.isArray(body) ? (body as IDataObject) : {};
}

function dig(body: IDataObject, keys: string[]): unknown[] {
	let value: unknown = body;
	for (const key of keys) value = value && typeof value === 'object' ? (value as IDataObject)[key] : undefined;
	return Array.isArray(value) ? value : [];
}

/** `valueBy`: 'id' sends the ID (ticket_type_id), 'name' sends the name (problem_type, payment_method). */
export function toOptions(list: unknown[], valueBy: 'id' | 'name'): INodePropertyOptions[] {
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

function fromPath(path: string, keys: string[], valueBy: 'id' | 'name'): Loader {
	return async function (this: ILoadOptionsFunctions) {
		return toOptions(dig(await get(this, path), keys), valueBy);
	};
}

export const loadOptions: Record<string, Loader> = {
	getTicketStatuses: fromPath('/tickets/settings', ['ticket_status_list'], 'name'),
	getTicketTypes: fromPath('/tickets/settings', ['ticket_types'], 'id'),
	getSavedTicketSearches: fromPath('/tickets/settings', ['saved_searches'], 'id'),
	getWorksheetTemplates: fromPath('/tickets/settings', ['worksheet_templates'], 'id'),
	getTicketFieldNames: fromPath('/tickets/settings', ['ticket_type_fields'], 'name'),
	getProblemTypes: fromPath('/settings', ['ticket', 'problem_types'], 'name'),
	getPriorities: fromPath('/settings', ['ticket', 'priorities'], 'name'),
	getAssetTypes: fromPath('/settings', ['assets', 'asset_types'], 'id'),
	getAssetFieldNames: fromPath('/settings', ['assets', 'asset_type_fields'], 'name'),
	getCustomerFieldNames: fromPath('/settings', ['customers', 'customer_fields'], 'name'),
	getUsers: fromPath('/users', ['users'], 'id'),
	getAppointmentTypes: fromPath('/appointment_types', ['appointment_types'], 'id'),
	getPaymentMethods: fromPath('/payment_methods', ['payment_methods'], 'name'),
	getProductCategories: fromPath('/products/categories', ['categories'], 'id'),
	getProductCategoryNames: fromPath('/products/categories', ['categories'], 'name'),
	getCannedResponseCategories: fromPath('/canned_responses/settings', ['canned_response_categories'], 'id'),
};
