import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { body, type BuiltRequest, type OperationDef, query, recordId, type ResourceDef, toRecords } from '../core';
import { paginate, syncroRequest } from '../transport';

const contactId = recordId('contact', 'contactId', 'Contact');

/** Optional fields of Create, Update and Find or Create. */
const contactFields = [
	body.string('email', { placeholder: 'name@email.com' }),
	body.string('phone'),
	body.string('mobile'),
	body.string('address1', { displayName: 'Address' }),
	body.string('address2', { displayName: 'Address Line 2' }),
	body.string('city'),
	body.string('state'),
	body.string('zip', { displayName: 'ZIP' }),
	body.text('notes'),
	body.customFields('properties', {
		displayName: 'Custom Fields',
		description: 'Contact custom fields by name',
		beyondSpec: 'Observed live: contacts keep custom fields (and the title) in properties, as customers do',
	}),
];

/** Named hook: the contact of the customer with this email (ignoring case, every page), or a new one. */
async function findOrCreateContact(
	ctx: IExecuteFunctions,
	op: OperationDef,
	itemIndex: number,
	request: BuiltRequest,
): Promise<IDataObject[]> {
	const payload: IDataObject = { ...(request.body ?? {}) };
	const email = String(payload.email ?? '').trim();
	payload.email = email;
	const contacts = await paginate(ctx, {
		path: '/contacts',
		query: { customer_id: payload.customer_id as number },
		collectionKey: 'contacts',
		permission: 'Customers - View Detail',
		itemIndex,
	});
	const wanted = email.toLowerCase();
	const found = contacts.find(
		(c) =>
			String(c.email ?? '')
				.trim()
				.toLowerCase() === wanted,
	);
	if (found) return [{ ...found, findOrCreateResult: 'found' }];

	const answer = await syncroRequest(ctx, {
		method: 'POST',
		path: '/contacts',
		body: payload,
		permission: 'Customers - Edit',
		itemIndex,
	});
	return toRecords(op, contact, answer).map((record) => ({ ...record, findOrCreateResult: 'created' }));
}

export const contact: ResourceDef = {
	value: 'contact',
	name: 'Contact',
	description: 'People who work for a customer (the people tickets, invoices and portal logins can be addressed to)',
	aliases: ['Person'],
	operations: [
		{
			operation: 'getAll',
			simplify: 'contact',
			name: 'Get Many',
			action: 'Get many contacts',
			description: 'List contacts, optionally only those of one customer',
			method: 'GET',
			path: '/contacts',
			spec: 'GET /contacts',
			permission: 'Customers - View Detail',
			list: { collectionKey: 'contacts' },
			fields: [
				query.id('customer_id', 'customer', {
					displayName: 'Customer',
					topLevel: true,
					description: 'Only the contacts of this customer',
				}),
			],
		},
		{
			operation: 'get',
			simplify: 'contact',
			name: 'Get',
			action: 'Get a contact',
			description: 'Get one contact',
			method: 'GET',
			path: '/contacts/{id}',
			spec: 'GET /contacts/{id}',
			permission: 'Customers - View Detail',
			fields: [contactId],
		},
		{
			operation: 'create',
			simplify: 'contact',
			name: 'Create',
			action: 'Create a contact',
			description: 'Add a contact person to a customer',
			method: 'POST',
			path: '/contacts',
			spec: 'POST /contacts',
			permission: 'Customers - Edit',
			fields: [
				body.id('customer_id', 'customer', { displayName: 'Customer', required: true }),
				body.string('name', { required: true, description: 'Full name; Syncro refuses contacts without one' }),
				...contactFields,
			],
		},
		{
			operation: 'findOrCreate',
			simplify: 'contact',
			name: 'Find or Create',
			action: 'Find or create a contact',
			description:
				'Return the contact of the customer with this email (exact match, ignoring case), or create it with the given fields. The output has findOrCreateResult "found" or "created".',
			method: 'POST',
			path: '/contacts',
			permission: 'Customers - View Detail and Customers - Edit',
			sequentialItems: true,
			run: findOrCreateContact,
			fields: [
				body.id('customer_id', 'customer', {
					displayName: 'Customer',
					required: true,
					description: 'The customer whose contacts are searched',
				}),
				body.string('email', {
					required: true,
					placeholder: 'name@email.com',
					description: 'Looked up among the contacts of the customer',
				}),
				body.string('name', { required: true, description: 'Full name, used when the contact is created' }),
				...contactFields.filter((f) => f.name !== 'email'),
			],
		},
		{
			operation: 'update',
			simplify: 'contact',
			name: 'Update',
			action: 'Update a contact',
			description:
				'Change a contact: name, title, email, phone, address or custom fields; or move it to another customer',
			method: 'PUT',
			path: '/contacts/{id}',
			spec: 'PUT /contacts/{id}',
			permission: 'Customers - Edit',
			fields: [
				contactId,
				body.string('name'),
				body.string('title', { description: 'Job title (Syncro stores it as the custom field "title")' }),
				body.id('customer_id', 'customer', { displayName: 'Customer' }),
				...contactFields,
			],
		},
		{
			operation: 'delete',
			name: 'Delete',
			action: 'Delete a contact',
			description: 'Delete a contact',
			method: 'DELETE',
			path: '/contacts/{id}',
			spec: 'DELETE /contacts/{id}',
			permission: 'Customers - Edit',
			fields: [contactId],
		},
	],
};
