import { body, recordId, type ResourceDef } from '../core';

const wikiPageId = recordId(undefined, 'wikiPageId', 'Wiki Page ID');

/** Optional fields of Create and Update. */
const pageFields = [
	body.string('slug', { description: 'URL name of the page; Syncro derives it from the name when empty' }),
	body.id('customer_id', 'customer', { displayName: 'Customer', description: 'Customer the page documents' }),
	body.id('asset_id', 'asset', { displayName: 'Asset', description: 'Asset the page documents' }),
	body.string('visibility', { description: 'Who can see the page, as named in Syncro; "internal" is refused' }),
];

export const wikiPage: ResourceDef = {
	value: 'wikiPage',
	name: 'Wiki Page',
	description: 'Documentation pages (the Syncro wiki), account-wide or about a customer or an asset',
	aliases: ['Article', 'Documentation'],
	wrapper: 'wiki_page',
	operations: [
		{
			operation: 'getAll',
			name: 'Get Many',
			action: 'Get many wiki pages',
			description: 'List the documentation (wiki) pages',
			method: 'GET',
			path: '/wiki_pages',
			spec: 'GET /wiki_pages',
			permission: 'Documentation - Allow Usage',
			list: { collectionKey: 'wiki_pages' },
			fields: [],
		},
		{
			operation: 'get',
			name: 'Get',
			action: 'Get a wiki page',
			description: 'Get one documentation page with its body',
			method: 'GET',
			path: '/wiki_pages/{id}',
			spec: 'GET /wiki_pages/{id}',
			permission: 'Documentation - Allow Usage',
			fields: [wikiPageId],
		},
		{
			operation: 'create',
			name: 'Create',
			action: 'Create a wiki page',
			description: 'Write a documentation page; Syncro needs a name and a body',
			method: 'POST',
			path: '/wiki_pages',
			spec: 'POST /wiki_pages',
			permission: 'Documentation - Create',
			fields: [
				body.string('name', { required: true }),
				body.text('body', { required: true, description: 'Page content (HTML)' }),
				...pageFields,
			],
		},
		{
			operation: 'update',
			name: 'Update',
			action: 'Update a wiki page',
			description: 'Change the name, body or links of a documentation page',
			method: 'PUT',
			path: '/wiki_pages/{id}',
			spec: 'PUT /wiki_pages/{id}',
			permission: 'Documentation - Edit',
			fields: [
				wikiPageId,
				body.string('name'),
				body.text('body', { description: 'Page content (HTML)' }),
				...pageFields,
			],
		},
		{
			operation: 'delete',
			name: 'Delete',
			action: 'Delete a wiki page',
			description: 'Delete a documentation page',
			method: 'DELETE',
			path: '/wiki_pages/{id}',
			spec: 'DELETE /wiki_pages/{id}',
			permission: 'Documentation - Delete',
			fields: [wikiPageId],
		},
	],
};
