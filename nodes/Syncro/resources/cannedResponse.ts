import { body, query, recordId, type ResourceDef } from '../core';

const cannedResponseId = recordId(undefined, 'cannedResponseId', 'Canned Response ID');

export const cannedResponse: ResourceDef = {
	value: 'cannedResponse',
	name: 'Canned Response',
	description:
		'Reusable ticket reply templates (every operation needs the "Ticket Canned Responses - Manage" permission)',
	aliases: ['Reply Template'],
	wrapper: 'canned_response',
	operations: [
		{
			operation: 'getAll',
			name: 'Get Many',
			action: 'Get many canned responses',
			description: 'List canned responses, optionally those matching a search text',
			method: 'GET',
			path: '/canned_responses',
			spec: 'GET /canned_responses',
			permission: 'Ticket Canned Responses - Manage',
			list: { collectionKey: 'canned_responses', paginated: false },
			fields: [
				query.string('query', { displayName: 'Search Text', description: 'Matches the title, subject or body' }),
			],
		},
		{
			operation: 'create',
			name: 'Create',
			action: 'Create a canned response',
			description: 'Create a reusable ticket reply',
			method: 'POST',
			path: '/canned_responses',
			spec: 'POST /canned_responses',
			permission: 'Ticket Canned Responses - Manage',
			fields: [
				body.string('title', { required: true, description: 'Name technicians pick it by' }),
				body.text('body', { required: true, description: 'Text inserted into the reply' }),
				body.string('subject', { description: 'Comment subject set with the reply' }),
				body.loaded('canned_response_category_id', 'getCannedResponseCategories', {
					displayName: 'Category Name or ID',
				}),
			],
		},
		{
			operation: 'update',
			name: 'Update',
			action: 'Update a canned response',
			description: 'Change the title, text, subject or category of a canned response',
			method: 'PATCH',
			path: '/canned_responses/{id}',
			spec: 'PATCH /canned_responses/{id}',
			permission: 'Ticket Canned Responses - Manage',
			fields: [
				cannedResponseId,
				body.string('title'),
				body.text('body'),
				body.string('subject'),
				body.loaded('canned_response_category_id', 'getCannedResponseCategories', {
					displayName: 'Category Name or ID',
				}),
			],
		},
		{
			operation: 'delete',
			name: 'Delete',
			action: 'Delete a canned response',
			description: 'Delete a canned response',
			method: 'DELETE',
			path: '/canned_responses/{id}',
			spec: 'DELETE /canned_responses/{id}',
			permission: 'Ticket Canned Responses - Manage',
			fields: [cannedResponseId],
		},
		{
			operation: 'getSettings',
			name: 'Get Settings',
			action: 'Get canned response settings',
			description: 'The canned response categories and subjects of the account, and whether the token may manage them',
			method: 'GET',
			path: '/canned_responses/settings',
			spec: 'GET /canned_responses/settings',
			permission: 'Ticket Canned Responses - Manage',
			unwrap: false,
			fields: [],
		},
	],
};
