/**
 * The main Syncro records that users pick by name (resource locators): where to list them, how to
 * name them in a dropdown, and the path of their page in the Syncro web app.
 */
import type { IDataObject } from 'n8n-workflow';

import { hasControlCharacter, type Problem } from '../transport';

export interface RecordSpec {
	label: string;
	/** List endpoint used by the searchable dropdown. */
	listPath: string;
	collectionKey: string;
	/** Segment of the record's URL in the Syncro web app: https://acme.syncromsp.com/<segment>/<id>. */
	urlSegment: string;
	/** Query parameter that filters the list by text, when the endpoint has one. */
	searchParam?: string;
	title: (record: IDataObject) => string;
}

const str = (value: unknown): string => (value === undefined || value === null ? '' : String(value)).trim();

/** The first of `keys` that holds text in `record` (trimmed), or ''. */
export function firstText(record: unknown, keys: string[]): string {
	if (typeof record !== 'object' || record === null) return '';
	for (const key of keys) {
		const value = str((record as IDataObject)[key]);
		if (value) return value;
	}
	return '';
}

/** How a customer is named everywhere (dropdowns, simplified records): the business, else the person. */
export function customerDisplayName(customer: unknown): string {
	if (typeof customer !== 'object' || customer === null) return '';
	const r = customer as IDataObject;
	return (
		firstText(r, ['business_then_name', 'business_name', 'fullname']) || `${str(r.firstname)} ${str(r.lastname)}`.trim()
	);
}

export const RECORDS = {
	customer: {
		label: 'Customer',
		listPath: '/customers',
		collectionKey: 'customers',
		urlSegment: 'customers',
		searchParam: 'query',
		title: customerDisplayName,
	},
	contact: {
		label: 'Contact',
		listPath: '/contacts',
		collectionKey: 'contacts',
		urlSegment: 'contacts',
		title: (r: IDataObject) => [str(r.name), str(r.email) ? `<${str(r.email)}>` : ''].filter(Boolean).join(' '),
	},
	ticket: {
		label: 'Ticket',
		listPath: '/tickets',
		collectionKey: 'tickets',
		urlSegment: 'tickets',
		searchParam: 'query',
		title: (r: IDataObject) =>
			`#${str(r.number) || str(r.id)} ${str(r.subject)}${r.customer_business_then_name ? ` (${str(r.customer_business_then_name)})` : ''}`,
	},
	asset: {
		label: 'Asset',
		listPath: '/customer_assets',
		collectionKey: 'assets',
		urlSegment: 'customer_assets',
		searchParam: 'query',
		title: (r: IDataObject) => `${str(r.name)}${r.asset_serial ? ` (${str(r.asset_serial)})` : ''}`,
	},
	invoice: {
		label: 'Invoice',
		listPath: '/invoices',
		collectionKey: 'invoices',
		urlSegment: 'invoices',
		title: (r: IDataObject) =>
			`#${str(r.number) || str(r.id)}${r.customer_business_then_name ? ` ${str(r.customer_business_then_name)}` : ''}${r.total ? ` (${str(r.total)})` : ''}`,
	},
	estimate: {
		label: 'Estimate',
		listPath: '/estimates',
		collectionKey: 'estimates',
		urlSegment: 'estimates',
		title: (r: IDataObject) =>
			`#${str(r.number) || str(r.id)} ${str(r.name)}${r.customer_business_then_name ? ` (${str(r.customer_business_then_name)})` : ''}`.trim(),
	},
	product: {
		label: 'Product',
		listPath: '/products',
		collectionKey: 'products',
		urlSegment: 'products',
		searchParam: 'query',
		title: (r: IDataObject) => str(r.name),
	},
	lead: {
		label: 'Lead',
		listPath: '/leads',
		collectionKey: 'leads',
		urlSegment: 'leads',
		searchParam: 'query',
		title: (r: IDataObject) =>
			firstText(r, ['business_name']) || `${str(r.first_name)} ${str(r.last_name)}`.trim() || str(r.email),
	},
	vendor: {
		label: 'Vendor',
		listPath: '/vendors',
		collectionKey: 'vendors',
		urlSegment: 'vendors',
		title: (r: IDataObject) => str(r.name),
	},
	contract: {
		label: 'Contract',
		listPath: '/contracts',
		collectionKey: 'contracts',
		urlSegment: 'contracts',
		title: (r: IDataObject) => str(r.name),
	},
	appointment: {
		label: 'Appointment',
		listPath: '/appointments',
		collectionKey: 'appointments',
		urlSegment: 'appointments',
		title: (r: IDataObject) => `${str(r.summary)}${r.start_at ? ` (${str(r.start_at)})` : ''}`,
	},
} satisfies Record<string, RecordSpec>;

export type RecordType = keyof typeof RECORDS;

export const RECORD_TYPES = Object.keys(RECORDS) as RecordType[];

/**
 * The record ID in a URL of the credential's own Syncro web app (one of `appUrls`: https://acme.syncromsp.com,
 * or the address of the Base URL Override), or the problem: another host, another record type, or an ID that
 * is not a whole path segment.
 */
export function recordIdFromUrl(type: RecordType, value: string, appUrls: string[]): string | Problem {
	const { label, urlSegment } = RECORDS[type];
	const expected = `${appUrls[0]}/${urlSegment}/123`;
	const aRecordUrl = `${/^[aeiou]/i.test(label) ? 'an' : 'a'} ${label.toLowerCase()} URL`;
	const text = value.trim();
	// The URL parser silently drops tabs and line breaks: a value holding any is refused before parsing.
	if (hasControlCharacter(text, { orSpace: true }))
		return { problem: `contains spaces or control characters; ${aRecordUrl} looks like ${expected}` };
	const url = URL.canParse(text) ? new URL(text) : undefined;
	if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.username !== '' || url.password !== '') {
		return { problem: `is not a plain web address; ${aRecordUrl} looks like ${expected}` };
	}
	const app = appUrls.map((root) => new URL(root)).find((root) => root.host === url.host);
	if (!app) {
		const hosts = appUrls.map((root) => new URL(root).host).join(' or ');
		return {
			problem: `is not an address of this credential's Syncro account (${hosts}); ${aRecordUrl} looks like ${expected}`,
		};
	}
	const prefix = app.pathname.replace(/\/+$/, '');
	const rest = url.pathname.startsWith(`${prefix}/`) ? url.pathname.slice(prefix.length + 1).split('/') : [];
	if (rest[0] !== urlSegment || !/^\d+$/.test(rest[1] ?? '')) {
		return { problem: `is not a Syncro ${label.toLowerCase()} URL; it looks like ${expected}` };
	}
	return rest[1];
}

/** Name of the `methods.listSearch` function of a record type, e.g. `searchCustomers`. */
export function listSearchMethod(type: RecordType): string {
	return `search${type.charAt(0).toUpperCase()}${type.slice(1)}s`;
}
