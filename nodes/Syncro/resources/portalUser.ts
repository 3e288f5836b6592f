import { body, query, recordId, type ResourceDef } from '../core';

const portalUserId = recordId(undefined, 'portalUserId', 'Portal User ID');

/** Optional fields of Create and Update. */
const portalUserFields = [
	body.id('contact_id', 'contact', { displayName: 'Contact', description: 'Contact the login belongs to' }),
	body.password('password', { description: 'Portal password; give the same value in Password Confirmation' }),
	body.password('password_confirmation'),
	body.integer('portal_group_id', {
		displayName: 'Portal Group ID',
		description: 'Customer portal permission group (Admin > Customers - Portal User Permission Groups)',
	}),
];

export const portalUser: ResourceDef = {
	value: 'portalUser',
	name: 'Portal User',
	description: 'Customer portal logins of customers and their contacts; needs Global Admin',
	operations: [
		{
			operation: 'getAll',
			name: 'Get Many',
			action: 'Get many portal users',
			description: 'List customer portal logins, optionally of one customer or with one email (there is no get by ID)',
			method: 'GET',
			path: '/portal_users',
			spec: 'GET /portal_users',
			permission: 'Global Admin',
			list: { collectionKey: 'portal_users' },
			fields: [
				query.id('customer_id', 'customer', {
					displayName: 'Customer',
					description: 'Only the portal users of this customer',
				}),
				query.string('email', { placeholder: 'name@email.com', description: 'Only the portal user with this email' }),
			],
		},
		{
			operation: 'create',
			name: 'Create',
			action: 'Create a portal user',
			description:
				'Give a customer (or one of its contacts) a customer portal login; send an invitation afterwards to let them set a password',
			method: 'POST',
			path: '/portal_users',
			spec: 'POST /portal_users',
			permission: 'Global Admin',
			fields: [
				body.id('customer_id', 'customer', { displayName: 'Customer', required: true }),
				body.string('email', {
					required: true,
					placeholder: 'name@email.com',
					description: 'Login email; Syncro refuses a portal user without one',
				}),
				...portalUserFields,
			],
		},
		{
			operation: 'update',
			name: 'Update',
			action: 'Update a portal user',
			description: 'Change the email, password, contact or permission group of a portal login',
			method: 'PUT',
			path: '/portal_users/{id}',
			spec: 'PUT /portal_users/{id}',
			permission: 'Global Admin',
			fields: [
				portalUserId,
				body.string('email', { placeholder: 'name@email.com' }),
				body.id('customer_id', 'customer', { displayName: 'Customer' }),
				...portalUserFields,
			],
		},
		{
			operation: 'delete',
			name: 'Delete',
			action: 'Delete a portal user',
			description: 'Remove a customer portal login; the output is the deleted login',
			method: 'DELETE',
			path: '/portal_users/{id}',
			spec: 'DELETE /portal_users/{id}',
			permission: 'Global Admin',
			fields: [portalUserId],
		},
		{
			operation: 'sendInvitation',
			name: 'Send Invitation',
			action: 'Send a portal invitation',
			description: 'Email a portal user an invitation to the customer portal (you get a blind copy)',
			method: 'POST',
			path: '/portal_users/create_invitation',
			spec: 'POST /portal_users/create_invitation',
			permission: 'Global Admin',
			fields: [body.id('id', undefined, { displayName: 'Portal User ID', param: 'portalUserId', required: true })],
		},
	],
};
