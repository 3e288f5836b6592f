import { body, recordId, type ResourceDef } from '../core';

const contractId = recordId('contract', 'contractId', 'Contract');

/** Optional fields of Create and Update. */
const contractFields = [
	body.string('name'),
	body.text('description'),
	body.string('contract_amount', { placeholder: 'e.g. 30k', description: 'Contract value as text' }),
	body.dateTime('start_date'),
	body.dateTime('end_date'),
	body.string('primary_contact', { description: 'Name of the main contact for the contract' }),
	body.string('status', { placeholder: 'e.g. Active', description: 'Contract status as shown in Syncro' }),
	body.integer('likelihood', { minValue: 0, maxValue: 100, description: 'Chance of signing, in percent' }),
	body.boolean('apply_to_all', { description: "Whether the contract covers all of the customer's assets" }),
	body.integer('sla_id', {
		displayName: 'SLA ID',
		description: 'Service level agreement applied to the tickets of the contract',
	}),
];

export const contract: ResourceDef = {
	value: 'contract',
	name: 'Contract',
	description:
		'Service contracts of customers (amount, dates, SLA); the list has no customer filter, so filter the output',
	aliases: ['Agreement'],
	operations: [
		{
			operation: 'getAll',
			name: 'Get Many',
			action: 'Get many contracts',
			description:
				'List every contract of the account; Syncro cannot filter by customer, so filter the output on customer_id',
			method: 'GET',
			path: '/contracts',
			spec: 'GET /contracts',
			permission: 'Contracts - List/Search',
			list: { collectionKey: 'contracts' },
			fields: [],
		},
		{
			operation: 'get',
			name: 'Get',
			action: 'Get a contract',
			description: 'Get one contract; a deleted contract gives found false',
			method: 'GET',
			path: '/contracts/{id}',
			spec: 'GET /contracts/{id}',
			permission: 'Contracts - Edit',
			fields: [contractId],
		},
		{
			operation: 'create',
			name: 'Create',
			action: 'Create a contract',
			description: 'Create a contract for a customer',
			method: 'POST',
			path: '/contracts',
			spec: 'POST /contracts',
			permission: 'Contracts - Edit',
			fields: [body.id('customer_id', 'customer', { displayName: 'Customer', required: true }), ...contractFields],
		},
		{
			operation: 'update',
			name: 'Update',
			action: 'Update a contract',
			description: 'Change a contract: dates, amount, status, SLA and so on',
			method: 'PUT',
			path: '/contracts/{id}',
			spec: 'PUT /contracts/{id}',
			permission: 'Contracts - Edit',
			fields: [contractId, body.id('customer_id', 'customer', { displayName: 'Customer' }), ...contractFields],
		},
		{
			operation: 'delete',
			name: 'Delete',
			action: 'Delete a contract',
			description: 'Delete a contract',
			method: 'DELETE',
			path: '/contracts/{id}',
			spec: 'DELETE /contracts/{id}',
			permission: 'Contracts - Delete',
			fields: [contractId],
		},
	],
};
