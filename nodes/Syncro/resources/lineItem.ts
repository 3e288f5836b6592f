import { query, type ResourceDef } from '../core';

export const lineItem: ResourceDef = {
	value: 'lineItem',
	name: 'Line Item',
	description: 'Invoice and estimate line items across the whole account (needs a Global Admin token)',
	wrapper: 'line_item',
	operations: [
		{
			operation: 'getAll',
			name: 'Get Many',
			action: 'Get many line items',
			description:
				'List invoice and estimate line items: those of one invoice or estimate, or of every invoice or every estimate',
			method: 'GET',
			path: '/line_items',
			spec: 'GET /line_items',
			permission: 'Global Admin',
			list: { collectionKey: 'line_items' },
			fields: [
				query.id('invoice_id', 'invoice', { displayName: 'Invoice', description: 'Only the lines of this invoice' }),
				query.id('estimate_id', 'estimate', {
					displayName: 'Estimate',
					description: 'Only the lines of this estimate',
				}),
				query.boolean('invoice_id_not_null', {
					displayName: 'On Any Invoice',
					description: 'Whether to return only lines that belong to an invoice',
				}),
				query.boolean('estimate_id_not_null', {
					displayName: 'On Any Estimate',
					description: 'Whether to return only lines that belong to an estimate',
				}),
			],
		},
	],
};
