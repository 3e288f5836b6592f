import { query, type ResourceDef } from '../core';

export const partOrder: ResourceDef = {
	value: 'partOrder',
	name: 'Part Order',
	description: 'Special-order parts bought for tickets, with their order, tracking and receipt status (read-only)',
	aliases: ['Special Order Parts'],
	operations: [
		{
			operation: 'getAll',
			name: 'Get Many',
			action: 'Get many part orders',
			description: 'List special-order parts, optionally only completed ones or those matching a search text',
			method: 'GET',
			path: '/items',
			spec: 'GET /items',
			permission: 'Parts Orders - List/Search',
			list: { collectionKey: 'items' },
			fields: [
				query.boolean('completed', { description: 'Whether to return only completed (received) part orders' }),
				query.string('query', {
					displayName: 'Search Text',
					description: 'Matches the description, ticket number or tracking number',
				}),
			],
		},
	],
};
