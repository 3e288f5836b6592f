import type { IDataObject } from 'n8n-workflow';

import { query, type ResourceDef } from '../core';

/** `{_id, _type, _index, _source: {table: {...}}}` search hits -> `{id, type, index, ...fields}`. */
function flattenSearchHits(records: IDataObject[]): IDataObject[] {
	return records.map((hit) => {
		const source = (hit._source ?? {}) as IDataObject;
		const fields = (source.table && typeof source.table === 'object' ? source.table : source) as IDataObject;
		return { id: hit._id ?? null, type: hit._type ?? null, index: hit._index ?? null, ...fields };
	});
}

/** The caller-ID lookup answers `{data: {...}}`, a bare (JSON) string name, or the text "Disabled". */
function callerIdResult(records: IDataObject[]): IDataObject[] {
	return records.map((record) => {
		const keys = Object.keys(record);
		if (keys.length !== 1 || keys[0] !== 'message' || typeof record.message !== 'string') return record;
		const name = record.message.trim().replace(/^"(.*)"$/, '$1');
		if (name.toLowerCase() === 'disabled')
			return { enabled: false, message: 'Caller ID lookup is turned off in this Syncro account' };
		return { name };
	});
}

export const account: ResourceDef = {
	value: 'account',
	name: 'Account',
	description:
		'The Syncro account itself: Settings (custom fields, asset types, ticket options, business hours), tabs, printing, global Search and Caller ID lookup',
	aliases: ['Settings', 'Search', 'Caller ID'],
	operations: [
		{
			operation: 'getSettings',
			name: 'Get Settings',
			action: 'Get account settings',
			description:
				'Custom field definitions of customers and assets, asset types, ticket issue types and priorities, locale and business hours',
			method: 'GET',
			path: '/settings',
			spec: 'GET /settings',
			unwrap: false,
			fields: [],
		},
		{
			operation: 'getTabs',
			name: 'Get Tabs',
			action: 'Get enabled tabs',
			description: 'Which modules (tabs) are turned on in the account, e.g. assets, contracts, leads, wiki',
			method: 'GET',
			path: '/settings/tabs',
			spec: 'GET /settings/tabs',
			unwrap: ['tabs'],
			fields: [],
		},
		{
			operation: 'getPrinting',
			name: 'Get Printing Settings',
			action: 'Get printing settings',
			description: 'Print messaging channel and the registers (point-of-sale tills) of the account',
			method: 'GET',
			path: '/settings/printing',
			spec: 'GET /settings/printing',
			unwrap: false,
			fields: [],
		},
		{
			operation: 'search',
			name: 'Search',
			action: 'Search all records',
			description:
				'Search customers, contacts, assets, leads, tickets, invoices, estimates, products, purchase orders, vendors, reports and wiki pages at once; one item per hit with its type',
			method: 'GET',
			path: '/search',
			spec: 'GET /search',
			list: { collectionKey: 'results', paginated: false, itemKey: 'table' },
			transform: flattenSearchHits,
			fields: [
				query.string('query', {
					displayName: 'Search Text',
					required: true,
					description: 'Words, a name, an email, a phone number or a record number',
				}),
			],
		},
		{
			operation: 'callerId',
			name: 'Caller ID Lookup',
			action: 'Look up a caller ID',
			description:
				'Find the customer a phone number belongs to and the status of their open ticket (Syncro PBX caller ID)',
			method: 'GET',
			path: '/callerid',
			spec: 'GET /callerid',
			unwrap: ['data'],
			transform: callerIdResult,
			fields: [
				query.string('did', { displayName: 'Phone Number', required: true, description: 'Number of the caller (DID)' }),
				query.boolean('outbound', { description: 'Whether the call is outbound' }),
			],
		},
	],
};
