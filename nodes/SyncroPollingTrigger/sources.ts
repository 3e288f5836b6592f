/**
 * What the Syncro Polling Trigger can watch, and how each list is read.
 *
 * Syncro has a server-side "changed since" filter only for tickets (`since_updated_at`, `created_after`) and
 * invoices (`since_updated_at`). Every other list is read page by page and compared with what was already
 * seen; when a list comes newest first the scan stops at the first page that reaches old records.
 */
import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

import type { QueryValue } from '../Syncro/transport';

type SourceKind = 'since' | 'scan' | 'comments';

export interface PollSource {
	value: string;
	name: string;
	/** The node creator's label (n8n writes `On ${noCase(name)}` without it: "On new rmm alert"). */
	action: string;
	description: string;
	kind: SourceKind;
	path: string;
	collectionKey: string;
	permission: string;
	/** Server-side filter that takes the cursor (kind `since`). */
	sinceParam?: 'since_updated_at' | 'created_after';
	/** The record's timestamp that decides whether it is new. */
	timeField: 'updated_at' | 'created_at';
	/** Fixed query parameters. */
	query?: Record<string, QueryValue>;
	/** True when a new version of the same record (a newer `updated_at`) is a new event. */
	perVersion: boolean;
}

const SOURCES: PollSource[] = [
	{
		value: 'ticketUpdated',
		name: 'New or Updated Ticket',
		action: 'On new or updated ticket',
		description: 'Each new ticket and each change to a ticket (status, fields, new comments…)',
		kind: 'since',
		path: '/tickets',
		collectionKey: 'tickets',
		permission: 'Tickets - List/Search',
		sinceParam: 'since_updated_at',
		timeField: 'updated_at',
		perVersion: true,
	},
	{
		value: 'ticketCreated',
		name: 'New Ticket',
		action: 'On new ticket',
		description: 'Each new ticket, once',
		kind: 'since',
		path: '/tickets',
		collectionKey: 'tickets',
		permission: 'Tickets - List/Search',
		sinceParam: 'created_after',
		timeField: 'created_at',
		perVersion: false,
	},
	{
		value: 'ticketCommentCreated',
		name: 'New Ticket Comment',
		action: 'On new ticket comment',
		description: 'Each new comment on any ticket (found through the tickets updated since the last poll)',
		kind: 'comments',
		path: '/tickets',
		collectionKey: 'tickets',
		permission: 'Tickets - List/Search and Tickets - View Details',
		sinceParam: 'since_updated_at',
		timeField: 'created_at',
		perVersion: false,
	},
	{
		value: 'invoiceUpdated',
		name: 'New or Updated Invoice',
		action: 'On new or updated invoice',
		description: 'Each new invoice and each change to an invoice (payments, lines, status)',
		kind: 'since',
		path: '/invoices',
		collectionKey: 'invoices',
		permission: 'Invoices - List/Search',
		sinceParam: 'since_updated_at',
		timeField: 'updated_at',
		perVersion: true,
	},
	{
		value: 'customerCreated',
		name: 'New Customer',
		action: 'On new customer',
		description: 'Each new customer, once',
		kind: 'scan',
		path: '/customers',
		collectionKey: 'customers',
		permission: 'Customers - List/Search',
		query: { sort: 'id DESC' },
		timeField: 'created_at',
		perVersion: false,
	},
	{
		value: 'contactCreated',
		name: 'New Contact',
		action: 'On new contact',
		description: 'Each new contact, once',
		kind: 'scan',
		path: '/contacts',
		collectionKey: 'contacts',
		permission: 'Customers - View Detail',
		timeField: 'created_at',
		perVersion: false,
	},
	{
		value: 'rmmAlertCreated',
		name: 'New RMM Alert',
		action: 'On new RMM alert',
		description: 'Each new RMM alert, once',
		kind: 'scan',
		path: '/rmm_alerts',
		collectionKey: 'rmm_alerts',
		permission: 'RMM Alerts - List',
		timeField: 'created_at',
		perVersion: false,
	},
	{
		value: 'paymentCreated',
		name: 'New Payment',
		action: 'On new payment',
		description: 'Each new payment, once',
		kind: 'scan',
		path: '/payments',
		collectionKey: 'payments',
		permission: 'Payments - View List',
		timeField: 'created_at',
		perVersion: false,
	},
	{
		value: 'estimateCreated',
		name: 'New Estimate',
		action: 'On new estimate',
		description: 'Each new estimate, once',
		kind: 'scan',
		path: '/estimates',
		collectionKey: 'estimates',
		permission: 'Estimates - List/Search',
		timeField: 'created_at',
		perVersion: false,
	},
];

export function findSource(value: string): PollSource | undefined {
	return SOURCES.find((s) => s.value === value);
}

export function sourceOptions(): INodePropertyOptions[] {
	return SOURCES.map((s) => ({ name: s.name, value: s.value, action: s.action, description: s.description }));
}

export function recordTime(record: IDataObject, field: string): number {
	const value = record[field];
	const t = typeof value === 'string' || typeof value === 'number' ? Date.parse(String(value)) : NaN;
	return Number.isFinite(t) ? t : Number.NEGATIVE_INFINITY;
}

/** Identity of one event: the record, or the record at one `updated_at` when every change counts. */
export function eventKey(source: PollSource, record: IDataObject): string | undefined {
	const id = record.id;
	if (id === undefined || id === null || id === '') return undefined;
	if (!source.perVersion) return String(id);
	return `${String(id)}@${String(record[source.timeField] ?? '')}`;
}
