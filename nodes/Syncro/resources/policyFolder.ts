import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { body, type BuiltRequest, type OperationDef, query, recordId, type ResourceDef, toRecords } from '../core';
import { syncroRequest } from '../transport';

const folderId = recordId(undefined, 'policyFolderId', 'Policy Folder ID');

/** Named hook: "Detach Policy" sends `partial_policy_id: null`, which the editor cannot express. */
async function updateFolder(
	ctx: IExecuteFunctions,
	op: OperationDef,
	itemIndex: number,
	request: BuiltRequest,
): Promise<IDataObject[]> {
	const { detach_policy: detach, ...payload } = request.body ?? {};
	if (detach === true) payload.partial_policy_id = null;
	const answer = await syncroRequest(ctx, {
		method: 'PUT',
		path: request.path,
		body: payload,
		permission: op.permission,
		itemIndex,
	});
	return toRecords(op, policyFolder, answer);
}

export const policyFolder: ResourceDef = {
	value: 'policyFolder',
	name: 'Policy Folder',
	description: 'RMM policy folders of a customer: the tree assets sit in, which decides the RMM policy they inherit',
	aliases: ['Policy'],
	wrapper: 'policy_folder',
	operations: [
		{
			operation: 'getAll',
			name: 'Get Many',
			action: 'Get many policy folders',
			description:
				'List the policy folders of a customer, each with its parent, its own policy and the policy it inherits',
			method: 'GET',
			path: '/policy_folders',
			isNew: true,
			list: { collectionKey: 'policy_folders' },
			fields: [
				query.id('customer_id', 'customer', { displayName: 'Customer', required: true }),
				query.integer('per_page', { minValue: 1, maxValue: 100, description: 'Folders per page (at most 100)' }),
			],
		},
		{
			operation: 'get',
			name: 'Get',
			action: 'Get a policy folder',
			description: 'Get one policy folder',
			method: 'GET',
			path: '/policy_folders/{id}',
			isNew: true,
			fields: [folderId],
		},
		{
			operation: 'create',
			name: 'Create',
			action: 'Create a policy folder',
			description:
				'Create a policy folder under an existing folder of the same customer (the root folder exists already)',
			method: 'POST',
			path: '/policy_folders',
			isNew: true,
			fields: [
				body.id('customer_id', 'customer', { displayName: 'Customer', required: true }),
				body.string('name', { required: true }),
				body.id('parent_id', undefined, {
					displayName: 'Parent Folder ID',
					required: true,
					description: 'Folder to create it in (get the root with Get Many)',
				}),
			],
		},
		{
			operation: 'update',
			name: 'Update',
			action: 'Update a policy folder',
			description: 'Rename or move a policy folder, or attach or detach the policy set at this folder',
			method: 'PUT',
			path: '/policy_folders/{id}',
			isNew: true,
			run: updateFolder,
			fields: [
				folderId,
				body.string('name'),
				body.id('parent_id', undefined, {
					displayName: 'Parent Folder ID',
					description: 'Move the folder under this folder of the same customer',
				}),
				body.id('partial_policy_id', undefined, {
					displayName: 'Policy ID',
					description: 'Policy to attach at this folder',
				}),
				body.boolean('detach_policy', {
					description: 'Whether to remove the policy attached at this folder, so it inherits from its parent',
				}),
			],
		},
		{
			operation: 'delete',
			name: 'Delete',
			action: 'Delete a policy folder',
			description: 'Delete an empty policy folder; Syncro refuses folders that still have subfolders',
			method: 'DELETE',
			path: '/policy_folders/{id}',
			isNew: true,
			fields: [folderId],
		},
	],
};
