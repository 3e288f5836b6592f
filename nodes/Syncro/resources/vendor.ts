import { body, recordId, type ResourceDef } from '../core';

const vendorId = recordId('vendor', 'vendorId', 'Vendor');

/** Optional fields of Create and Update. */
const vendorFields = [
	body.string('email', { placeholder: 'name@email.com' }),
	body.string('phone'),
	body.string('rep_first_name', {
		displayName: 'Rep First Name',
		description: 'First name of the sales representative',
	}),
	body.string('rep_last_name', { displayName: 'Rep Last Name' }),
	body.string('account_number', { description: 'Your account number with the vendor' }),
	body.string('website', { placeholder: 'e.g. www.example.com' }),
	body.string('address'),
	body.string('city'),
	body.string('state'),
	body.string('zip', { displayName: 'ZIP' }),
	body.text('notes'),
];

export const vendor: ResourceDef = {
	value: 'vendor',
	name: 'Vendor',
	description: 'Suppliers you buy products from (used on purchase orders); Syncro cannot delete vendors',
	aliases: ['Supplier'],
	wrapper: 'vendor',
	operations: [
		{
			operation: 'getAll',
			name: 'Get Many',
			action: 'Get many vendors',
			description: 'List the vendors (suppliers) of the account',
			method: 'GET',
			path: '/vendors',
			spec: 'GET /vendors',
			permission: 'Vendors - List',
			list: { collectionKey: 'vendors' },
			fields: [],
		},
		{
			operation: 'get',
			name: 'Get',
			action: 'Get a vendor',
			description: 'Get one vendor',
			method: 'GET',
			path: '/vendors/{id}',
			spec: 'GET /vendors/{id}',
			permission: 'Vendors - View Details',
			fields: [vendorId],
		},
		{
			operation: 'create',
			name: 'Create',
			action: 'Create a vendor',
			description: 'Add a vendor (supplier)',
			method: 'POST',
			path: '/vendors',
			spec: 'POST /vendors',
			permission: 'Vendors - New',
			fields: [body.string('name', { required: true }), ...vendorFields],
		},
		{
			operation: 'update',
			name: 'Update',
			action: 'Update a vendor',
			description: 'Change the details of a vendor',
			method: 'PUT',
			path: '/vendors/{id}',
			spec: 'PUT /vendors/{id}',
			permission: 'Vendors - Edit',
			fields: [vendorId, body.string('name'), ...vendorFields],
		},
	],
};
