import { body, type FieldDef, type FieldOption, path, query, recordId, type ResourceDef } from '../core';

const scheduleId = recordId(undefined, 'scheduleId', 'Recurring Invoice ID');
const scheduleLineItemId = path.id('schedule_line_item_id', undefined, {
	param: 'lineItemId',
	displayName: 'Line Item ID',
	required: true,
});

const FREQUENCIES = [
	'Daily',
	'Weekly',
	'Biweekly',
	'Monthly',
	'Quarterly',
	'Semi-Annually',
	'Annually',
	'Biennially',
	'Triennially',
];

/** What a recurring line bills: it decides how the quantity is counted. */
const RECURRING_TYPES: FieldOption[] = [
	{ name: 'Recurring Charge', value: 1, description: 'A fixed quantity every run' },
	{ name: 'Data Backup', value: 2 },
	{ name: 'General Subscription', value: 3 },
	{ name: 'Asset', value: 4, description: 'One unit per asset of a type or saved search' },
	{ name: 'Kabuto', value: 5 },
	{ name: 'Contact', value: 6, description: 'One unit per contact (optionally by a custom field)' },
];

const NEWER_RECURRING_TYPES: FieldOption[] = [
	...RECURRING_TYPES,
	{ name: 'Syncro Backup', value: 7 },
	{ name: 'Remote Access', value: 8 },
	{ name: 'Policy Folder', value: 9, description: 'One unit per asset in a policy folder' },
	{ name: 'Third-Party Vendor', value: 10, description: 'Usage read from a vendor (e.g. Microsoft 365 seats)' },
	{ name: 'Cloudberry', value: 11 },
];

/** Schedule fields shared by Create and Update (besides the required ones). */
const scheduleFlags: FieldDef[] = [
	body.boolean('email_customer', { description: 'Whether each generated invoice is emailed to the customer' }),
	body.boolean('snail_mail', { description: 'Whether each generated invoice is queued for postal mail' }),
	body.boolean('charge_mop', {
		displayName: 'Charge Payment Method on File',
		description: "Whether to charge the customer's saved card automatically",
	}),
	body.boolean('invoice_unbilled_ticket_charges', {
		description: "Whether to add the customer's unbilled ticket charges to each invoice",
	}),
	body.boolean('paused', { description: 'Whether the schedule is paused (no invoices are generated)' }),
];

/** Line fields of add_line_item and PUT line_items/{id} (prices in cents). */
const lineFields: FieldDef[] = [
	body.id('product_id', 'product', { displayName: 'Product', description: 'Catalogue product billed by the line' }),
	body.text('description'),
	body.number('quantity'),
	body.integer('retail_cents', {
		displayName: 'Retail Price (Cents)',
		description: 'Price per unit charged, in cents',
	}),
	body.integer('cost_cents', { displayName: 'Cost Price (Cents)', description: 'Your cost per unit, in cents' }),
	body.boolean('taxable'),
	body.boolean('one_time_charge', { description: 'Whether the line is billed once and then removed' }),
	body.integer('position', { minValue: 0, description: 'Order of the line on the invoice' }),
	body.loaded('user_id', 'getUsers', {
		displayName: 'Employee Name or ID',
		description: 'Employee credited with the line',
	}),
	body.options('recurring_type_id', RECURRING_TYPES, {
		displayName: 'Line Type',
		description: 'What the line bills; it decides how the quantity is counted',
	}),
	body.loaded('asset_type_id', 'getAssetTypes', {
		displayName: 'Asset Type Name or ID',
		description: "Asset lines: bill the customer's assets of this type",
	}),
	body.integer('saved_asset_search_id', {
		displayName: 'Saved Asset Search ID',
		description: 'Asset lines: bill the assets matching this saved search',
	}),
	body.integer('contact_field_type_id', {
		displayName: 'Contact Field Type ID',
		description: 'Contact lines: count contacts by this custom field',
	}),
	body.integer('contact_field_answer_id', {
		displayName: 'Contact Field Answer ID',
		description: 'Contact lines: only contacts with this answer',
	}),
];

/** Extra fields of the newer RESTful POST /schedules/{id}/line_items (prices in dollars, every line type). */
const newerLineFields: FieldDef[] = [
	body.string('name', { description: 'Line name on the invoice; a line needs a name or a product' }),
	...lineFields.filter((f) => f.name !== 'recurring_type_id'),
	body.options('recurring_type_id', NEWER_RECURRING_TYPES, {
		displayName: 'Line Type',
		description: 'What the line bills; it decides how the quantity is counted',
	}),
	body.number('price_retail', {
		displayName: 'Retail Price',
		description: 'Price per unit charged, in dollars (instead of cents)',
	}),
	body.number('price_cost', {
		displayName: 'Cost Price',
		description: 'Your cost per unit, in dollars (instead of cents)',
	}),
	body.loaded('product_category', 'getProductCategoryNames', { displayName: 'Product Category Name or ID' }),
	body.integer('policy_folder_id', {
		displayName: 'Policy Folder ID',
		description: 'Policy folder lines: bill the assets in this folder',
	}),
	body.boolean('bill_nested_folders', { description: 'Policy folder lines: whether to include sub-folders' }),
	body.string('vendor_name', { description: 'Vendor lines: vendor the usage is read from' }),
	body.string('vendor_product_name', { description: 'Vendor lines: the vendor product billed' }),
	body.options(
		'm365_unit_type',
		[
			{ name: 'All Licensed Seats', value: 'all' },
			{ name: 'Consumed Seats', value: 'consumed' },
		],
		{ displayName: 'Microsoft 365 Unit Type' },
	),
	body.boolean('bill_all_units', { description: 'Whether to bill every unit, not only those above the threshold' }),
	body.number('bill_units_threshold', {
		description: 'Units included before billing starts (when not billing all units)',
	}),
	body.boolean('include_zero_charge', { description: 'Whether to keep the line on the invoice when it bills nothing' }),
	body.options('syncro_backup_billing_type', [
		{ name: 'License Count', value: 'license_count' },
		{ name: 'Cloud Storage Usage', value: 'cloud_storage_usage' },
	]),
	body.options('syncro_backup_credit_type', [
		{ name: 'Global Credit', value: 'global_credit' },
		{ name: 'Per Asset Credit', value: 'per_asset_credit' },
	]),
	body.boolean('syncro_backup_bill_all', {
		description: 'Whether to bill all backup usage, ignoring the included allowance',
	}),
	body.number('syncro_backup_bill_after_licenses', { description: 'Backup licenses included before billing starts' }),
	body.number('syncro_backup_bill_after_storage', {
		description: 'Backup storage (GB) included before billing starts',
	}),
];

export const schedule: ResourceDef = {
	value: 'schedule',
	name: 'Recurring Invoice',
	description: 'Recurring invoice schedules (Syncro "schedules") that bill customers automatically, and their lines',
	aliases: ['Subscription', 'Invoice Schedule'],
	wrapper: 'schedule',
	operations: [
		{
			operation: 'getAll',
			name: 'Get Many',
			action: 'Get many recurring invoices',
			description: 'List recurring invoice schedules with their lines, optionally of one customer',
			method: 'GET',
			path: '/schedules',
			spec: 'GET /schedules',
			permission: 'Recurring Invoices - List',
			list: { collectionKey: 'schedules' },
			fields: [query.id('customer_id', 'customer', { displayName: 'Customer' })],
		},
		{
			operation: 'get',
			name: 'Get',
			action: 'Get a recurring invoice',
			description: 'Get one recurring invoice schedule with its lines',
			method: 'GET',
			path: '/schedules/{id}',
			spec: 'GET /schedules/{id}',
			permission: 'Recurring Invoices - List',
			fields: [scheduleId],
		},
		{
			operation: 'create',
			name: 'Create',
			action: 'Create a recurring invoice',
			description: 'Create a recurring invoice schedule for a customer; add what it bills with Add Line Item',
			method: 'POST',
			path: '/schedules',
			spec: 'POST /schedules',
			permission: 'Recurring Invoices - New',
			fields: [
				body.id('customer_id', 'customer', { displayName: 'Customer', required: true }),
				body.string('name', { required: true, description: 'Name of the schedule, e.g. Managed Services - Monthly' }),
				body.options('frequency', FREQUENCIES, {
					required: true,
					default: 'Monthly',
					description: 'How often an invoice is generated',
				}),
				body.dateTime('next_run', { required: true, description: 'Date of the next invoice' }),
				...scheduleFlags,
			],
		},
		{
			operation: 'update',
			name: 'Update',
			action: 'Update a recurring invoice',
			description: 'Change a recurring invoice schedule: frequency, next run, pause it and so on',
			method: 'PUT',
			path: '/schedules/{id}',
			spec: 'PUT /schedules/{id}',
			permission: 'Recurring Invoices - Edit',
			fields: [
				scheduleId,
				body.id('customer_id', 'customer', { displayName: 'Customer' }),
				body.string('name'),
				body.options('frequency', FREQUENCIES, { default: 'Monthly' }),
				body.dateTime('next_run'),
				...scheduleFlags,
			],
		},
		{
			operation: 'delete',
			name: 'Delete',
			action: 'Delete a recurring invoice',
			description: 'Delete a recurring invoice schedule (invoices it already generated stay)',
			method: 'DELETE',
			path: '/schedules/{id}',
			spec: 'DELETE /schedules/{id}',
			permission: 'Recurring Invoices - Delete',
			fields: [scheduleId],
		},
		{
			operation: 'addLineItem',
			name: 'Add Line Item',
			action: 'Add a line item to a recurring invoice',
			description: 'Add a line to a recurring invoice schedule, with prices in cents',
			method: 'POST',
			path: '/schedules/{id}/add_line_item',
			spec: 'POST /schedules/{id}/add_line_item',
			permission: 'Recurring Invoices - Edit',
			unwrap: ['schedule_line_item'],
			fields: [
				scheduleId,
				body.string('name', {
					required: true,
					description: 'Line name on the invoice; Syncro refuses lines without it',
				}),
				...lineFields,
			],
		},
		{
			operation: 'createLineItem',
			name: 'Add Line Item (Extended)',
			action: 'Add an extended line item to a recurring invoice',
			description:
				'Add a line with the newer endpoint: prices in dollars or cents, and every line type (policy folder, third-party vendor such as Microsoft 365, Syncro Backup…). Give a name or a product',
			method: 'POST',
			path: '/schedules/{id}/line_items',
			isNew: true,
			unwrap: ['schedule_line_item', 'line_item'],
			fields: [scheduleId, ...newerLineFields],
		},
		{
			operation: 'updateLineItem',
			name: 'Update Line Item',
			action: 'Update a line item of a recurring invoice',
			description: 'Change a line of a recurring invoice schedule: quantity, price, line type and so on',
			method: 'PUT',
			path: '/schedules/{id}/line_items/{schedule_line_item_id}',
			spec: 'PUT /schedules/{id}/line_items/{schedule_line_item_id}',
			permission: 'Recurring Invoices - Edit',
			unwrap: ['schedule_line_item'],
			fields: [scheduleId, scheduleLineItemId, body.string('name'), ...lineFields],
		},
		{
			operation: 'removeLineItem',
			name: 'Remove Line Item',
			action: 'Remove a line item from a recurring invoice',
			description: 'Remove a line from a recurring invoice schedule',
			method: 'POST',
			path: '/schedules/{id}/remove_line_item',
			deletes: 'schedule_line_item_id',
			spec: 'POST /schedules/{id}/remove_line_item',
			permission: 'Recurring Invoices - Edit',
			fields: [
				scheduleId,
				body.id('schedule_line_item_id', undefined, {
					param: 'lineItemId',
					displayName: 'Line Item ID',
					required: true,
					beyondSpec:
						'Inferred, not confirmed live: the document gives this endpoint no body, and the line to remove has to be named (tickets take ticket_line_item_id)',
				}),
			],
		},
		{
			operation: 'deleteLineItem',
			name: 'Delete Line Item',
			action: 'Delete a line item of a recurring invoice',
			description: 'Remove a line from a recurring invoice schedule with the newer endpoint',
			method: 'DELETE',
			path: '/schedules/{id}/line_items/{schedule_line_item_id}',
			isNew: true,
			fields: [scheduleId, scheduleLineItemId],
		},
	],
};
