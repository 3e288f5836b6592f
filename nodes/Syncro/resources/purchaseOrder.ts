import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import {
	body,
	type BuiltRequest,
	extraParametersField,
	GROUP_NAMES,
	type OperationDef,
	optionalGroup,
	recordId,
	rejectField,
	type ResourceDef,
	toRecords,
} from '../core';
import { invalidValueError, showValue, syncroRequest } from '../transport';

const purchaseOrderId = recordId(undefined, 'purchaseOrderId', 'Purchase Order ID');
const binaryProperty = body.string('binary_property', {
	displayName: 'Input Binary Field',
	required: true,
	default: 'data',
	description: 'Name of the binary property of the input item that holds the file',
});

/** What Syncro accepts as a purchase order attachment. */
const ATTACHMENT_TYPES = ['jpg', 'jpeg', 'png', 'gif', 'pdf', 'csv', 'xls', 'xlsx'];
const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

/** Named hook: uploads a file of the input item (binary data) as multipart `file` (+ `name`). */
async function addAttachment(
	ctx: IExecuteFunctions,
	op: OperationDef,
	itemIndex: number,
	request: BuiltRequest,
): Promise<IDataObject[]> {
	const property = String(request.body?.binary_property ?? 'data').trim() || 'data';
	const binary = ctx.getInputData()[itemIndex]?.binary?.[property];
	if (!binary) {
		rejectField(ctx, itemIndex, binaryProperty, `the item has no binary property "${showValue(property)}"`, {
			description:
				'Read the file first (e.g. with Read/Write Files from Disk or HTTP Request) and give the name of its binary property in "Input Binary Field".',
		});
	}
	const fileName = binary.fileName ?? `${property}.${binary.fileExtension ?? 'bin'}`;
	const extension = (fileName.split('.').pop() ?? '').toLowerCase();
	if (!ATTACHMENT_TYPES.includes(extension)) {
		throw invalidValueError(
			ctx.getNode(),
			`Invalid file in item ${itemIndex + 1}: Syncro accepts ${ATTACHMENT_TYPES.join(', ')} files, not "${fileName}"`,
			{ itemIndex },
		);
	}
	const content = await ctx.helpers.getBinaryDataBuffer(itemIndex, property);
	if (content.length > ATTACHMENT_MAX_BYTES) {
		throw invalidValueError(
			ctx.getNode(),
			`Invalid file in item ${itemIndex + 1}: "${fileName}" is ${content.length} bytes; Syncro accepts at most 10 MB`,
			{ itemIndex },
		);
	}
	const form = new FormData();
	form.append('file', new Blob([content], { type: binary.mimeType || 'application/octet-stream' }), fileName);
	const name = typeof request.body?.name === 'string' ? request.body.name.trim() : '';
	if (name) form.append('name', name);
	// Extra Body Fields travel as form fields beside the file: text, numbers and true/false only.
	for (const [key, value] of Object.entries(request.body ?? {})) {
		if (key === binaryProperty.name || key === 'name') continue;
		if (value !== null && typeof value === 'object') {
			rejectField(
				ctx,
				itemIndex,
				extraParametersField(op),
				`the value of "${key}" is an object or a list, which a file upload cannot send`,
				{
					where: GROUP_NAMES[optionalGroup(op)],
					description: 'A file upload sends its fields as form fields: give a text, a number or true/false.',
				},
			);
		}
		form.append(key, value === null ? '' : String(value));
	}
	const answer = await syncroRequest(ctx, {
		method: 'POST',
		path: request.path,
		formData: form,
		permission: op.permission,
		itemIndex,
	});
	return answer && typeof answer === 'object' && !Array.isArray(answer)
		? toRecords(op, purchaseOrder, answer)
		: [{ success: true, file_name: fileName }];
}

export const purchaseOrder: ResourceDef = {
	value: 'purchaseOrder',
	name: 'Purchase Order',
	description: 'Purchase orders to vendors: add stocked products, receive them into inventory, track delivery',
	wrapper: 'purchase_order',
	operations: [
		{
			operation: 'getAll',
			name: 'Get Many',
			action: 'Get many purchase orders',
			description: 'List purchase orders with their vendor and totals',
			method: 'GET',
			path: '/purchase_orders',
			spec: 'GET /purchase_orders',
			permission: 'Purchase Orders - List/Search',
			list: { collectionKey: 'purchase_orders' },
			fields: [],
		},
		{
			operation: 'get',
			name: 'Get',
			action: 'Get a purchase order',
			description: 'Get one purchase order with its vendor and line items',
			method: 'GET',
			path: '/purchase_orders/{id}',
			spec: 'GET /purchase_orders/{id}',
			permission: 'Purchase Orders - View Details',
			fields: [purchaseOrderId],
		},
		{
			operation: 'create',
			name: 'Create',
			action: 'Create a purchase order',
			description: 'Create a purchase order to a vendor; add products with Add Line Item',
			method: 'POST',
			path: '/purchase_orders',
			spec: 'POST /purchase_orders',
			permission: 'Purchase Orders - Edit',
			fields: [
				body.id('vendor_id', 'vendor', {
					displayName: 'Vendor',
					required: true,
					description: 'Vendor the order is placed with',
				}),
				body.loaded('user_id', 'getUsers', {
					displayName: 'Ordered By Name or ID',
					description: 'Employee placing the order',
				}),
				body.integer('location_id', { displayName: 'Location ID', description: 'Location the goods are delivered to' }),
				body.dateTime('order_date'),
				body.dateTime('expected_date', { description: 'Expected delivery date' }),
				body.dateTime('due_date', { description: 'Payment due date' }),
				body.dateTime('paid_date'),
				body.text('general_notes'),
				body.text('shipping_notes'),
				body.integer('shipping_cents', { displayName: 'Shipping (Cents)', minValue: 0 }),
				body.integer('other_cents', { displayName: 'Other Costs (Cents)', minValue: 0 }),
				body.integer('discount_percent', { minValue: 0, maxValue: 100 }),
				body.string('delivery_tracking', { description: 'Tracking number or tracking link' }),
			],
		},
		{
			operation: 'update',
			name: 'Update',
			action: 'Update a purchase order',
			description:
				'Change the status, notes, shipping cost, tracking or vendor of a purchase order (nothing else can be changed). Syncro refuses Finished while a line is not received',
			method: 'PUT',
			path: '/purchase_orders/{id}',
			isNew: true,
			fields: [
				purchaseOrderId,
				body.string('status', { placeholder: 'e.g. Ordered', description: 'New status, e.g. Ordered or Finished' }),
				body.text('general_notes'),
				body.integer('shipping_cents', { displayName: 'Shipping (Cents)', minValue: 0 }),
				body.string('delivery_tracking', { description: 'Tracking number or tracking link' }),
				body.id('vendor_id', 'vendor', { displayName: 'Vendor' }),
			],
		},
		{
			operation: 'addAttachment',
			name: 'Add Attachment',
			action: 'Attach a file to a purchase order',
			description:
				'Upload a file of the input item (a quote, invoice or packing slip: jpg, png, gif, pdf, csv, xls or xlsx, at most 10 MB; at most 10 files per purchase order)',
			method: 'POST',
			path: '/purchase_orders/{id}/attachments',
			isNew: true,
			unwrap: ['attachment'],
			run: addAttachment,
			setByHook: ['file'],
			fields: [
				purchaseOrderId,
				binaryProperty,
				body.string('name', { description: 'Name shown in Syncro; the file name when empty' }),
			],
		},
		{
			operation: 'addLineItem',
			name: 'Add Line Item',
			action: 'Add a product to a purchase order',
			description: 'Order a product on a purchase order; the product must have Maintain Stock on. Returns the new line',
			method: 'POST',
			path: '/purchase_orders/{id}/create_po_line_item',
			spec: 'POST /purchase_orders/{id}/create_po_line_item',
			permission: 'Purchase Orders - Edit',
			unwrap: ['po_line_item'],
			fields: [
				purchaseOrderId,
				body.id('product_id', 'product', {
					displayName: 'Product',
					required: true,
					description: 'A product with Maintain Stock on',
				}),
				body.integer('quantity', { required: true, minValue: 1, default: 1 }),
			],
		},
		{
			operation: 'receive',
			name: 'Receive Line Item',
			action: 'Receive a line item of a purchase order',
			description: 'Mark a line of a purchase order as received, which adds its quantity to stock',
			method: 'POST',
			path: '/purchase_orders/{id}/receive',
			spec: 'POST /purchase_orders/{id}/receive',
			permission: 'Purchase Orders - Edit',
			fields: [
				purchaseOrderId,
				body.id('line_item_id', undefined, {
					displayName: 'Line Item ID',
					required: true,
					description: 'ID of the purchase order line (from Add Line Item or Get)',
				}),
			],
		},
	],
};
