import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import {
	body,
	type BuiltRequest,
	type FieldDef,
	type OperationDef,
	path,
	query,
	recordId,
	type ResourceDef,
} from '../core';
import { errorCode, reportedFailureError, syncroRequest } from '../transport';

const invoiceId = recordId('invoice', 'invoiceId', 'Invoice');
const lineItemId = path.id('line_item_id', undefined, {
	param: 'lineItemId',
	displayName: 'Line Item ID',
	required: true,
});

/** Invoice header fields shared by Create and Update. */
const invoiceFields: FieldDef[] = [
	body.dateTime('due_date'),
	body.id('ticket_id', 'ticket', {
		displayName: 'Ticket',
		description: "Ticket the invoice bills; on create Syncro moves the ticket's uninvoiced charges onto the invoice",
	}),
	body.id('contact_id', 'contact', { displayName: 'Contact' }),
	body.integer('location_id', { displayName: 'Location ID' }),
	body.string('po_number', { displayName: 'PO Number', description: "The customer's purchase order number" }),
	body.text('note', { description: 'Note printed on the invoice' }),
	body.number('hardwarecost', { displayName: 'Hardware Cost' }),
];

/** Line item fields of POST/PUT /invoices/{id}/line_items. */
const lineItemFields: FieldDef[] = [
	body.id('product_id', 'product', {
		displayName: 'Product',
		description: 'Catalogue product; Syncro fills item, name and prices from it when they are not given',
		beyondSpec:
			'Observed live: product_id and quantity fill the line from the catalogue (advenimus/syncromsp-mcp live test)',
	}),
	body.number('quantity', {
		beyondSpec:
			'Observed live: product_id and quantity fill the line from the catalogue (advenimus/syncromsp-mcp live test)',
	}),
	body.number('price', { description: 'Unit price charged to the customer' }),
	body.number('cost', { description: 'Unit cost to you' }),
	body.boolean('taxable'),
	body.integer('line_discount_percent', { minValue: 0, maxValue: 100 }),
	body.string('discount_dollars', { description: 'Discount as an amount, e.g. 10.00' }),
];

/**
 * DELETE /invoices/{id} answers 200 even when Syncro refuses the delete (for example a paid invoice), so the
 * invoice is read back: only a 404 proves it is gone.
 */
async function deleteInvoice(
	ctx: IExecuteFunctions,
	op: OperationDef,
	itemIndex: number,
	request: BuiltRequest,
): Promise<IDataObject[]> {
	const answer = await syncroRequest(ctx, {
		method: 'DELETE',
		path: request.path,
		query: request.query,
		permission: op.permission,
		itemIndex,
	});
	const said =
		answer && typeof answer === 'object' && !Array.isArray(answer) ? (answer as IDataObject).message : answer;
	const message = typeof said === 'string' && said.trim() !== '' ? said.trim() : undefined;
	const id = Number(request.path.split('/').pop());
	try {
		await syncroRequest(ctx, { method: 'GET', path: request.path, permission: 'Invoices - View Details', itemIndex });
	} catch (error) {
		if (errorCode(error) === 'notFound') return [{ deleted: true, id, ...(message ? { message } : {}) }];
		// The delete was answered but cannot be checked (e.g. the token may not read invoices): report what Syncro said.
		return [{ deleted: true, id, verified: false, ...(message ? { message } : {}) }];
	}
	throw reportedFailureError(ctx.getNode(), `Syncro did not delete invoice ${id}${message ? `: ${message}` : ''}`, {
		itemIndex,
		description:
			'Syncro answers 200 even when it refuses to delete an invoice, and the invoice is still there. Paid invoices and ' +
			'invoices with payments applied cannot be deleted: remove the payments first, or leave the invoice.',
	});
}

export const invoice: ResourceDef = {
	value: 'invoice',
	name: 'Invoice',
	description: "Customer invoices with their line items; email, print, publish drafts, and bill a ticket's charges",
	wrapper: 'invoice',
	operations: [
		{
			operation: 'getAll',
			simplify: 'invoice',
			name: 'Get Many',
			action: 'Get many invoices',
			description: 'List invoices, filtered by paid or unpaid, by ticket, or by change date',
			method: 'GET',
			path: '/invoices',
			spec: 'GET /invoices',
			permission: 'Invoices - List/Search',
			list: { collectionKey: 'invoices' },
			fields: [
				query.boolean('paid', { description: 'Whether to return only invoices marked as paid' }),
				query.boolean('unpaid', { description: 'Whether to return only invoices not yet paid' }),
				query.id('ticket_id', 'ticket', { displayName: 'Ticket', description: 'Only invoices of this ticket' }),
				query.id('customer_id', 'customer', {
					displayName: 'Customer',
					description: 'Only invoices of this customer',
					beyondSpec:
						'Sent by two independent public clients (wyre-technology/node-syncro src/resources/invoices.ts, johnnichols/SyncroMSP-API Get-SyncroInvoices) and used on a live tenant in a published invoice audit (azcomputerguru/claudetools)',
				}),
				query.dateTime('since_updated_at', { description: 'Only invoices changed since this time' }),
			],
		},
		{
			operation: 'get',
			simplify: 'invoice',
			name: 'Get',
			action: 'Get an invoice',
			description: 'Get one invoice with its line items, customer and payments, by invoice ID or by invoice number',
			method: 'GET',
			path: '/invoices/{id}',
			spec: 'GET /invoices/{id}',
			permission: 'Invoices - View Details',
			fields: [
				path.idOrNumber('id', {
					param: 'invoiceIdOrNumber',
					displayName: 'Invoice ID or Number',
					required: true,
					placeholder: 'e.g. 1234',
					description:
						'The invoice ID, or the invoice number shown on the invoice: Syncro tries the ID first, then the number',
				}),
			],
		},
		{
			operation: 'create',
			simplify: 'invoice',
			name: 'Create',
			action: 'Create an invoice',
			description:
				"Create an invoice for a customer. With a ticket, Syncro moves the ticket's uninvoiced line items (charged time, parts) onto the invoice. Add other lines with Add Line Item",
			method: 'POST',
			path: '/invoices',
			spec: 'POST /invoices',
			permission: 'Invoices - Create',
			fields: [
				body.id('customer_id', 'customer', { displayName: 'Customer', required: true }),
				body.string('number', { required: true, description: 'Invoice number; it must be unique in the account' }),
				body.dateTime('date', { required: true, description: 'Invoice date' }),
				...invoiceFields,
			],
		},
		{
			operation: 'update',
			simplify: 'invoice',
			name: 'Update',
			action: 'Update an invoice',
			description: 'Change the header of an invoice: date, due date, PO number, note, contact and so on',
			method: 'PUT',
			path: '/invoices/{id}',
			spec: 'PUT /invoices/{id}',
			fields: [
				invoiceId,
				body.id('customer_id', 'customer', { displayName: 'Customer' }),
				body.string('number'),
				body.dateTime('date'),
				...invoiceFields,
			],
		},
		{
			operation: 'delete',
			name: 'Delete',
			action: 'Delete an invoice',
			description:
				'Delete an invoice. Syncro answers success even when it refuses, so the node reads the invoice back and fails if it still exists',
			method: 'DELETE',
			path: '/invoices/{id}',
			spec: 'DELETE /invoices/{id}',
			run: deleteInvoice,
			fields: [invoiceId],
		},
		{
			operation: 'getTicket',
			simplify: 'ticket',
			name: 'Get Ticket',
			action: 'Get the ticket of an invoice',
			description: 'Get the ticket an invoice was created from',
			method: 'GET',
			path: '/invoices/{id}/ticket',
			spec: 'GET /invoices/{id}/ticket',
			permission: 'Invoices - View Details and Tickets - View Details',
			unwrap: ['ticket'],
			fields: [invoiceId],
		},
		{
			operation: 'print',
			name: 'Print',
			action: 'Print an invoice',
			description: "Queue a print job for an invoice on the account's print server",
			method: 'POST',
			path: '/invoices/{id}/print',
			spec: 'POST /invoices/{id}/print',
			permission: 'Invoices - View Details',
			fields: [invoiceId],
		},
		{
			operation: 'email',
			name: 'Email',
			action: 'Email an invoice',
			description: "Email an invoice to the customer with the account's invoice email template",
			method: 'POST',
			path: '/invoices/{id}/email',
			spec: 'POST /invoices/{id}/email',
			permission: 'Invoices - View Details',
			fields: [invoiceId],
		},
		{
			operation: 'publish',
			name: 'Publish',
			action: 'Publish a draft invoice',
			description:
				'Publish a draft invoice so the customer can see and pay it. Fails when draft invoices are turned off in Syncro, or for paid invoices',
			method: 'POST',
			path: '/invoices/{id}/publish',
			isNew: true,
			fields: [invoiceId],
		},
		{
			operation: 'convertToDraft',
			name: 'Convert to Draft',
			action: 'Convert an invoice to a draft',
			description:
				'Turn a published invoice back into a draft to edit it. Fails when draft invoices are turned off in Syncro, or for paid invoices',
			method: 'POST',
			path: '/invoices/{id}/convert_to_draft',
			isNew: true,
			fields: [invoiceId],
		},
		{
			operation: 'addLineItem',
			name: 'Add Line Item',
			action: 'Add a line item to an invoice',
			description: 'Add a product or a manual charge to an invoice. Give a product, or at least Item and Name',
			method: 'POST',
			path: '/invoices/{id}/line_items',
			spec: 'POST /invoices/{id}/line_items',
			permission: 'Invoices - Edit',
			unwrap: ['line_item', 'invoice'],
			fields: [
				invoiceId,
				body.string('item', { description: 'Short item name, e.g. the product name' }),
				body.string('name', { description: 'Line description shown under the item' }),
				...lineItemFields,
			],
		},
		{
			operation: 'updateLineItem',
			name: 'Update Line Item',
			action: 'Update a line item of an invoice',
			description: 'Change a line item of an unpaid invoice',
			method: 'PUT',
			path: '/invoices/{id}/line_items/{line_item_id}',
			spec: 'PUT /invoices/{id}/line_items/{line_item_id}',
			unwrap: ['line_item', 'invoice'],
			fields: [invoiceId, lineItemId, body.string('item'), body.string('name'), ...lineItemFields],
		},
		{
			operation: 'deleteLineItem',
			name: 'Delete Line Item',
			action: 'Delete a line item of an invoice',
			description: 'Remove a line item from an unpaid invoice',
			method: 'DELETE',
			path: '/invoices/{id}/line_items/{line_item_id}',
			spec: 'DELETE /invoices/{id}/line_items/{line_item_id}',
			fields: [invoiceId, lineItemId],
		},
	],
};
