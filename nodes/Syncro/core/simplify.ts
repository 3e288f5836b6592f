/**
 * "Simplify": the fields a person or an AI agent needs from the main Syncro records (IDs, names, status,
 * dates and the record's link in the Syncro web app) instead of Syncro's full record.
 *
 * An operation opts in with `simplify: '<record type>'` in its table entry. The option is on by default
 * when the node runs as an AI agent's tool and off for the regular node (n8n's `@tool` display condition).
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { resolveSettings } from '../transport';
import { runsAsTool } from './tool';
import { customerDisplayName, firstText, RECORDS, type RecordType } from './records';
import type { OperationDef, ResourceDef, SimpleRecordType } from './table';

/** A kept field: Syncro's name, or [output name, how to read it]. */
type Pick = string | [string, (record: IDataObject) => unknown];

interface SimpleSpec {
	fields: Pick[];
	/** Record type whose web-app page is the record's `url` (core/records.ts). */
	page?: RecordType;
}

/** Longest long text (an alert's output, a comment's body) kept in a simplified record. */
const KEPT_TEXT_LENGTH = 1000;
/** Contacts listed on a simplified customer; `contacts_total` says how many there are beyond. */
const MAX_CONTACTS = 10;

const nested = (key: string, inner: string) => (r: IDataObject) => (r[key] as IDataObject | undefined)?.[inner];
const field = (key: string) => (r: IDataObject) => r[key];
/** The customer of a ticket, asset, invoice or estimate: Syncro's flat name, else the embedded customer's. */
const customerName = (r: IDataObject) =>
	firstText(r, ['customer_business_then_name']) || customerDisplayName(r.customer);

const SPECS: Record<SimpleRecordType, SimpleSpec> = {
	ticket: {
		page: 'ticket',
		fields: [
			'id',
			'number',
			'subject',
			'status',
			'priority',
			'problem_type',
			'ticket_type_name',
			'customer_id',
			['customer_name', customerName],
			'contact_id',
			['contact_name', field('contact_fullname')],
			'user_id',
			['technician', (r) => firstText(r.user, ['full_name', 'name'])],
			'due_date',
			'resolved_at',
			'created_at',
			'updated_at',
		],
	},
	customer: {
		page: 'customer',
		fields: [
			'id',
			['name', customerDisplayName],
			// The person's name when the customer is a business (the name is then the business name).
			['contact_person', (r) => (r.business_name ? r.fullname : undefined)],
			'email',
			'phone',
			'mobile',
			[
				'address',
				(r) => [r.address, r.address_2, r.city, [r.state, r.zip].filter(Boolean).join(' ')].filter(Boolean).join(', '),
			],
			['disabled', (r) => (r.disabled === true ? true : undefined)],
			[
				'contacts',
				(r) =>
					Array.isArray(r.contacts)
						? (r.contacts as IDataObject[])
								.slice(0, MAX_CONTACTS)
								.map((c) => withoutEmptyValues({ id: c.id, name: c.name, email: c.email }))
						: undefined,
			],
			[
				'contacts_total',
				(r) => (Array.isArray(r.contacts) && r.contacts.length > MAX_CONTACTS ? r.contacts.length : undefined),
			],
			'created_at',
		],
	},
	contact: {
		page: 'contact',
		fields: ['id', 'name', 'email', 'phone', 'mobile', ['title', nested('properties', 'title')], 'customer_id'],
	},
	asset: {
		page: 'asset',
		fields: [
			'id',
			'name',
			'asset_type',
			'asset_serial',
			'customer_id',
			['customer_name', customerName],
			'contact_id',
			['os', nested('properties', 'os')],
			'created_at',
			'updated_at',
		],
	},
	invoice: {
		page: 'invoice',
		fields: [
			'id',
			'number',
			'customer_id',
			['customer_name', customerName],
			'ticket_id',
			'date',
			'due_date',
			'total',
			'balance_due',
			'is_paid',
			['draft', (r) => (r.draft === true ? true : undefined)],
			'pdf_url',
		],
	},
	estimate: {
		page: 'estimate',
		fields: [
			'id',
			'number',
			'name',
			'status',
			'customer_id',
			['customer_name', customerName],
			'ticket_id',
			'invoice_id',
			'date',
			'total',
			'pdf_url',
		],
	},
	rmmAlert: {
		fields: [
			'id',
			'description',
			'status',
			'resolved',
			'computer_name',
			'customer_id',
			'asset_id',
			'ticket_id',
			'ticket_number',
			['output', (r) => clip(r.formatted_output)],
			'created_at',
			'updated_at',
			['asset_url', (r) => r.asset_id],
		],
	},
	comment: {
		fields: [
			'id',
			'ticket_id',
			'subject',
			['body', (r) => clip(r.body)],
			'tech',
			'hidden',
			'do_not_email',
			'created_at',
		],
	},
};

/** Fields that are not Syncro's but the node's own (find-or-create), kept as they are. */
const NODE_FIELDS = ['findOrCreateResult'];

function clip(value: unknown): unknown {
	if (typeof value !== 'string') return value;
	return value.length > KEPT_TEXT_LENGTH ? `${value.slice(0, KEPT_TEXT_LENGTH)}…` : value;
}

/** Drops the fields that hold nothing (undefined, null, '', []). */
function withoutEmptyValues(record: IDataObject): IDataObject {
	for (const key of Object.keys(record)) {
		const value = record[key];
		if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0))
			delete record[key];
	}
	return record;
}

/** The simplified form of one record; `appUrl` is the tenant's web app (https://acme.syncromsp.com). */
export function simplifyRecord(type: SimpleRecordType, record: IDataObject, appUrl: string): IDataObject {
	// Answers that are not a record ({success: true}, {found: false}) stay as they are.
	if (record.id === undefined || record.id === null) return record;
	const spec = SPECS[type];
	const out: IDataObject = {};
	for (const pick of spec.fields) {
		const [name, read] = typeof pick === 'string' ? [pick, field(pick)] : pick;
		out[name] = read(record) as IDataObject[string];
	}
	if (spec.page) out.url = `${appUrl}/${RECORDS[spec.page].urlSegment}/${String(record.id)}`;
	if (out.asset_url !== undefined) out.asset_url = `${appUrl}/${RECORDS.asset.urlSegment}/${String(out.asset_url)}`;
	for (const key of NODE_FIELDS) if (record[key] !== undefined) out[key] = record[key];
	return withoutEmptyValues(out);
}

/** Applies the "Simplify" option of the item to the records of an operation that supports it. */
export async function simplifyRecords(
	ctx: IExecuteFunctions,
	op: OperationDef,
	itemIndex: number,
	records: IDataObject[],
): Promise<IDataObject[]> {
	if (!op.simplify || records.length === 0) return records;
	if (!(ctx.getNodeParameter('simplify', itemIndex, runsAsTool(ctx)) as boolean)) return records;
	const { connection } = await resolveSettings(ctx, itemIndex);
	return records.map((record) => simplifyRecord(op.simplify as SimpleRecordType, record, connection.appUrl));
}

/**
 * The "Simplify" switch: one property for tools (on by default) and one for the regular node (off), shown for
 * the operations that declare `simplify`. n8n shows a property for every resource x operation pair of its
 * lists, so resources share a property only when none of them has an operation of the union that it does not
 * simplify.
 */
export function simplifyProperties(resources: ResourceDef[]): INodeProperties[] {
	const notSimplified = (r: ResourceDef) =>
		new Set(r.operations.filter((op) => !op.simplify).map((op) => op.operation));
	const groups: Array<{ members: ResourceDef[]; operations: Set<string> }> = [];
	for (const resource of resources) {
		const simplified = resource.operations.filter((op) => op.simplify).map((op) => op.operation);
		if (simplified.length === 0) continue;
		const group = groups.find((g) => {
			const union = new Set([...g.operations, ...simplified]);
			return [...g.members, resource].every((member) => ![...union].some((o) => notSimplified(member).has(o)));
		});
		if (group) {
			group.members.push(resource);
			for (const o of simplified) group.operations.add(o);
		} else {
			groups.push({ members: [resource], operations: new Set(simplified) });
		}
	}
	const description =
		'Whether to return only the main fields (IDs, names, status, dates and the link to the record) instead of the full Syncro record';
	return groups.flatMap((g): INodeProperties[] => {
		const show = { resource: g.members.map((r) => r.value), operation: [...g.operations] };
		return [
			{
				displayName: 'Simplify',
				name: 'simplify',
				type: 'boolean',
				default: true,
				description,
				displayOptions: { show: { '@tool': [true], ...show } },
			},
			{
				displayName: 'Simplify',
				name: 'simplify',
				type: 'boolean',
				default: false,
				description,
				displayOptions: { show: { '@tool': [false], ...show } },
			},
		];
	});
}
