import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import {
	body,
	type BuiltRequest,
	type OperationDef,
	path,
	query,
	recordId,
	type ResourceDef,
	toRecords,
} from '../core';
import { invalidValueError, paginate, syncroRequest } from '../transport';

const customerId = recordId('customer', 'customerId', 'Customer');
/** `{customer_id}` of the phone and payment-profile paths: the same locator, under its Syncro name. */
const parentCustomerId = recordId('customer', 'customerId', 'Customer', 'customer_id');
const phoneId = path.id('id', undefined, { displayName: 'Phone ID', param: 'phoneId', required: true });
const paymentProfileId = path.id('id', undefined, {
	displayName: 'Payment Profile ID',
	param: 'paymentProfileId',
	required: true,
});

/** Fields shared by Create, Update and Find or Create (Syncro's PUT takes the same body as POST). */
const customerFields = [
	body.string('business_name', { description: 'Company name; Syncro shows it instead of the person name when set' }),
	body.string('firstname', { displayName: 'First Name' }),
	body.string('lastname', { displayName: 'Last Name' }),
	body.string('email', {
		placeholder: 'name@email.com',
		description: 'Primary email; Syncro refuses an email another customer already uses',
	}),
	body.string('phone'),
	body.string('mobile'),
	body.string('address'),
	body.string('address_2', { displayName: 'Address Line 2' }),
	body.string('city'),
	body.string('state'),
	body.string('zip', { displayName: 'ZIP' }),
	body.text('notes'),
	body.boolean('get_sms', { displayName: 'Get SMS', description: 'Whether the customer receives SMS notifications' }),
	body.boolean('opt_out', { description: 'Whether the customer opted out of marketing messages' }),
	body.boolean('no_email', { description: 'Whether Syncro must never email this customer' }),
	body.boolean('get_billing', { description: 'Whether the customer receives billing emails' }),
	body.boolean('get_marketing', { description: 'Whether the customer receives marketing emails' }),
	body.boolean('get_reports', { description: 'Whether the customer receives report emails' }),
	body.id('ref_customer_id', 'customer', {
		displayName: 'Referred By Customer',
		description: 'Customer who referred this one',
	}),
	body.string('referred_by', { description: 'Referral source, e.g. Google or Friend' }),
	body.integer('tax_rate_id', {
		displayName: 'Tax Rate ID',
		description: 'Sales tax rate (Admin > Invoices - Tax Rates); empty uses the default rate',
	}),
	body.string('notification_email', { description: 'Additional notification addresses, comma-separated' }),
	body.string('invoice_cc_emails', {
		displayName: 'Invoice CC Emails',
		description: 'Addresses copied on invoices, comma-separated',
	}),
	body.integer('invoice_term_id', { displayName: 'Invoice Term ID' }),
	body.customFields('properties', { displayName: 'Custom Fields', loadOptions: 'getCustomerFieldNames' }),
	body.json('consent', {
		displayName: 'Consent (JSON)',
		description: 'Consent record as Syncro stores it, e.g. {"sms": true}',
	}),
];

const phoneFields = [
	body.string('label', { description: 'E.g. Office, Mobile, Fax' }),
	body.string('number'),
	body.string('extension'),
];

const LIST_PERMISSION = 'Customers - List/Search';
const CREATE_PERMISSION = 'Customers - Create';

function text(value: unknown): string {
	return typeof value === 'string' ? value.trim() : value === undefined || value === null ? '' : String(value).trim();
}

/** The first customer whose `key` equals `value` (ignoring case), over every page of the filtered list. */
async function findCustomerBy(
	ctx: IExecuteFunctions,
	itemIndex: number,
	key: 'email' | 'business_name',
	value: string,
): Promise<IDataObject | undefined> {
	const candidates = await paginate(ctx, {
		path: '/customers',
		query: { [key]: value },
		collectionKey: 'customers',
		permission: LIST_PERMISSION,
		itemIndex,
	});
	const wanted = value.toLowerCase();
	return candidates.find((c) => text(c[key]).toLowerCase() === wanted);
}

/** Named hook: match by email, else by business name (exact, ignoring case); create when nothing matches. */
async function findOrCreateCustomer(
	ctx: IExecuteFunctions,
	op: OperationDef,
	itemIndex: number,
	request: BuiltRequest,
): Promise<IDataObject[]> {
	const payload: IDataObject = { ...(request.body ?? {}) };
	const email = text(payload.email);
	const businessName = text(payload.business_name);
	if (!email && !businessName) {
		throw invalidValueError(
			ctx.getNode(),
			`Missing "Email" and "Business Name" in item ${itemIndex + 1}: give at least one to look the customer up by`,
			{
				itemIndex,
				description:
					'Find or Create matches an existing customer by email first, then by business name (exact match, ignoring case), and creates the customer when neither matches.',
			},
		);
	}
	if (email) payload.email = email;
	if (businessName) payload.business_name = businessName;

	const lookups: Array<['email' | 'business_name', string]> = [];
	if (email) lookups.push(['email', email]);
	if (businessName) lookups.push(['business_name', businessName]);
	for (const [key, value] of lookups) {
		const found = await findCustomerBy(ctx, itemIndex, key, value);
		if (found) return [{ ...found, findOrCreateResult: 'found' }];
	}

	const answer = await syncroRequest(ctx, {
		method: 'POST',
		path: '/customers',
		body: payload,
		permission: CREATE_PERMISSION,
		itemIndex,
	});
	return toRecords(op, customer, answer).map((record) => ({ ...record, findOrCreateResult: 'created' }));
}

export const customer: ResourceDef = {
	value: 'customer',
	name: 'Customer',
	description: 'Customers (clients) with their phone numbers and stored payment profiles',
	aliases: ['Client', 'Organization'],
	wrapper: 'customer',
	operations: [
		{
			operation: 'getAll',
			simplify: 'customer',
			name: 'Get Many',
			action: 'Get many customers',
			description: 'List customers filtered by name, business name, email, IDs or search text, optionally sorted',
			method: 'GET',
			path: '/customers',
			spec: 'GET /customers',
			permission: LIST_PERMISSION,
			list: { collectionKey: 'customers' },
			fields: [
				query.string('query', {
					displayName: 'Search Text',
					description: 'Matches names, business name, email and phone',
				}),
				query.string('firstname', {
					displayName: 'First Name',
					description: 'Customers whose first name contains this text',
				}),
				query.string('lastname', {
					displayName: 'Last Name',
					description: 'Customers whose last name contains this text',
				}),
				query.string('business_name', { description: 'Customers whose business name contains this text' }),
				query.string('email', { placeholder: 'name@email.com', description: 'Customers whose email matches' }),
				query.idList('id', { displayName: 'IDs', description: 'Only these customer IDs (comma-separated)' }),
				query.idList('not_id', {
					displayName: 'Exclude IDs',
					description: 'Leave out these customer IDs (comma-separated)',
				}),
				query.boolean('include_disabled', { description: 'Whether to include disabled customers' }),
				query.string('sort', {
					placeholder: 'e.g. business_name ASC',
					description: 'A customer field and a direction, e.g. "updated_at DESC" or "firstname ASC"',
				}),
			],
		},
		{
			operation: 'get',
			simplify: 'customer',
			name: 'Get',
			action: 'Get a customer',
			description: 'Get one customer with its contacts, phones and addresses',
			method: 'GET',
			path: '/customers/{id}',
			spec: 'GET /customers/{id}',
			permission: 'Customers - View Detail',
			fields: [customerId],
		},
		{
			operation: 'create',
			simplify: 'customer',
			name: 'Create',
			action: 'Create a customer',
			description: 'Create a customer; set a business name and an email, which Syncro uses as the unique identifier',
			method: 'POST',
			path: '/customers',
			spec: 'POST /customers',
			permission: CREATE_PERMISSION,
			fields: customerFields,
		},
		{
			operation: 'findOrCreate',
			simplify: 'customer',
			name: 'Find or Create',
			action: 'Find or create a customer',
			description:
				'Return the customer with this email, else the one with this business name (exact match, ignoring case; disabled customers are not matched), or create it with the given fields. The output has findOrCreateResult "found" or "created".',
			method: 'POST',
			path: '/customers',
			permission: `${LIST_PERMISSION} and ${CREATE_PERMISSION}`,
			unwrap: ['customer'],
			sequentialItems: true,
			run: findOrCreateCustomer,
			fields: [
				body.string('email', {
					topLevel: true,
					placeholder: 'name@email.com',
					description: 'Looked up first; at least one of Email and Business Name is required',
				}),
				body.string('business_name', { topLevel: true, description: 'Looked up when no customer has the email' }),
				...customerFields.filter((f) => f.name !== 'email' && f.name !== 'business_name'),
			],
		},
		{
			operation: 'update',
			simplify: 'customer',
			name: 'Update',
			action: 'Update a customer',
			description: 'Change a customer: contact details, notification settings, custom fields and so on',
			method: 'PUT',
			path: '/customers/{id}',
			spec: 'PUT /customers/{id}',
			permission: 'Customers - Edit',
			fields: [customerId, ...customerFields],
		},
		{
			operation: 'delete',
			name: 'Delete',
			action: 'Delete a customer',
			description: 'Delete a customer',
			method: 'DELETE',
			path: '/customers/{id}',
			spec: 'DELETE /customers/{id}',
			permission: 'Customers - Delete',
			fields: [customerId],
		},
		{
			operation: 'getLatest',
			simplify: 'customer',
			name: 'Get Latest',
			action: 'Get the latest customer',
			description: 'Get the most recently created customer',
			method: 'GET',
			path: '/customers/latest',
			spec: 'GET /customers/latest',
			permission: 'Customers - Edit',
			fields: [],
		},
		{
			operation: 'autocomplete',
			simplify: 'customer',
			name: 'Autocomplete',
			action: 'Search customers by name',
			description:
				'Fast name lookup: the customers whose name or business name starts with the text (one short list, no paging)',
			method: 'GET',
			path: '/customers/autocomplete',
			spec: 'GET /customers/autocomplete',
			list: { collectionKey: 'customers', paginated: false },
			fields: [
				query.string('query', {
					displayName: 'Search Text',
					required: true,
					description: 'Beginning of a customer or business name',
				}),
			],
		},
		{
			operation: 'getPhones',
			name: 'Get Phones',
			action: 'Get phone numbers of a customer',
			description: 'List the phone numbers of a customer',
			method: 'GET',
			path: '/customers/{customer_id}/phones',
			spec: 'GET /customers/{customer_id}/phones',
			permission: 'Customers - View Detail',
			list: { collectionKey: 'phones', paginated: false },
			fields: [parentCustomerId],
		},
		{
			operation: 'addPhone',
			name: 'Add Phone',
			action: 'Add a phone number to a customer',
			description: 'Add a phone number to a customer',
			method: 'POST',
			path: '/customers/{customer_id}/phones',
			spec: 'POST /customers/{customer_id}/phones',
			permission: 'Customers - Edit',
			unwrap: false,
			fields: [
				parentCustomerId,
				body.string('number', { required: true, description: 'Syncro refuses a phone without a number' }),
				...phoneFields.filter((f) => f.name !== 'number'),
			],
		},
		{
			operation: 'updatePhone',
			name: 'Update Phone',
			action: 'Update a phone number of a customer',
			description: 'Change the label, number or extension of a customer phone',
			method: 'PUT',
			path: '/customers/{customer_id}/phones/{id}',
			spec: 'PUT /customers/{customer_id}/phones/{id}',
			permission: 'Customers - Edit',
			unwrap: false,
			fields: [parentCustomerId, phoneId, ...phoneFields],
		},
		{
			operation: 'deletePhone',
			name: 'Delete Phone',
			action: 'Delete a phone number of a customer',
			description: 'Remove a phone number from a customer',
			method: 'DELETE',
			path: '/customers/{customer_id}/phones/{id}',
			spec: 'DELETE /customers/{customer_id}/phones/{id}',
			permission: 'Customers - Edit',
			fields: [parentCustomerId, phoneId],
		},
		{
			operation: 'getPaymentProfiles',
			name: 'Get Payment Profiles',
			action: 'Get payment profiles of a customer',
			description:
				'List the cards and bank accounts stored for a customer at the payment gateway (tokens and last four digits only)',
			method: 'GET',
			path: '/customers/{customer_id}/payment_profiles',
			spec: 'GET /customers/{customer_id}/payment_profiles',
			list: { collectionKey: 'payment_profiles', paginated: false },
			fields: [parentCustomerId],
		},
		{
			operation: 'getPaymentProfile',
			name: 'Get Payment Profile',
			action: 'Get a payment profile of a customer',
			description: 'Get one stored payment profile of a customer',
			method: 'GET',
			path: '/customers/{customer_id}/payment_profiles/{id}',
			spec: 'GET /customers/{customer_id}/payment_profiles/{id}',
			unwrap: ['payment_profile'],
			fields: [parentCustomerId, paymentProfileId],
		},
		{
			operation: 'addPaymentProfile',
			name: 'Add Payment Profile',
			action: 'Add a payment profile to a customer',
			description:
				'Store a payment profile created at the payment gateway (its tokens) on a customer; needs integrated payment processing',
			method: 'POST',
			path: '/customers/{customer_id}/payment_profiles',
			spec: 'POST /customers/{customer_id}/payment_profiles',
			unwrap: ['payment_profile'],
			fields: [
				parentCustomerId,
				body.string('payment_profile_id', {
					displayName: 'Gateway Payment Profile Token',
					required: true,
					description: "The gateway's token of the stored card or account",
				}),
				body.string('customer_external_id', {
					displayName: 'Gateway Customer Token',
					description: "The gateway's token of the customer",
				}),
				body.string('expiration', { placeholder: 'e.g. 12/28' }),
				body.string('last_four', { displayName: 'Last Four Digits' }),
			],
		},
		{
			operation: 'updatePaymentProfile',
			name: 'Update Payment Profile',
			action: 'Update a payment profile of a customer',
			description: 'Change the expiration or last four digits of a stored payment profile',
			method: 'PUT',
			path: '/customers/{customer_id}/payment_profiles/{id}',
			spec: 'PUT /customers/{customer_id}/payment_profiles/{id}',
			unwrap: ['payment_profile'],
			fields: [
				parentCustomerId,
				paymentProfileId,
				body.string('expiration', { placeholder: 'e.g. 12/28' }),
				body.string('last_four', { displayName: 'Last Four Digits' }),
			],
		},
		{
			operation: 'deletePaymentProfile',
			name: 'Delete Payment Profile',
			action: 'Delete a payment profile of a customer',
			description: 'Remove a stored payment profile from a customer',
			method: 'DELETE',
			path: '/customers/{customer_id}/payment_profiles/{id}',
			spec: 'DELETE /customers/{customer_id}/payment_profiles/{id}',
			fields: [parentCustomerId, paymentProfileId],
		},
	],
};
