import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import {
	body,
	type BuiltRequest,
	IN_LIVE_API_DOCUMENT,
	type OperationDef,
	query,
	recordId,
	type ResourceDef,
	toRecords,
} from '../core';
import { mayHaveAppliedError, syncroRequest } from '../transport';

const assetId = recordId('asset', 'assetId', 'Asset');

const assetTypeId = body.loaded('asset_type_id', 'getAssetTypes', { displayName: 'Asset Type Name or ID' });
const assetTypeName = body.string('asset_type_name', {
	description: 'Asset type by name instead of ID; it must already exist in Syncro',
});
const assetSerial = body.string('asset_serial', { displayName: 'Serial Number' });
const customFields = body.customFields('properties', {
	displayName: 'Custom Fields',
	loadOptions: 'getAssetFieldNames',
});

/**
 * Named hook: Syncro ignores custom fields sent with a new asset, so the asset is created first and the
 * custom fields are then written with an update of the new asset.
 */
async function createAsset(
	ctx: IExecuteFunctions,
	op: OperationDef,
	itemIndex: number,
	request: BuiltRequest,
): Promise<IDataObject[]> {
	const { properties, ...fields } = request.body ?? {};
	const created = await syncroRequest(ctx, {
		method: 'POST',
		path: '/customer_assets',
		body: fields,
		permission: op.permission,
		itemIndex,
	});
	let [record] = toRecords(op, asset, created);
	const hasCustomFields =
		properties && typeof properties === 'object' && Object.keys(properties as IDataObject).length > 0;
	if (hasCustomFields && record.id !== undefined && record.id !== null) {
		const createdId = String(record.id);
		const updated = await syncroRequest(ctx, {
			method: 'PUT',
			path: `/customer_assets/${encodeURIComponent(createdId)}`,
			body: { name: (record.name as string | undefined) ?? fields.name, properties },
			permission: 'Assets - Edit',
			itemIndex,
		}).catch((error: Error & { description?: string }) => {
			// The asset exists now: say so, so that nobody re-runs the create and makes a duplicate.
			throw mayHaveAppliedError(
				ctx.getNode(),
				`Asset ${createdId} was created, but its custom fields were not set: ${error.message}`,
				{
					itemIndex,
					description:
						`${error.description ?? ''} Set them with Asset > Update on asset ${createdId}; do not run the create again.`.trim(),
				},
			);
		});
		[record] = toRecords(op, asset, updated);
	}
	return [record];
}

export const asset: ResourceDef = {
	value: 'asset',
	name: 'Asset',
	description: 'Customer devices and other assets, with their RMM data, Windows patches and installed software',
	aliases: ['Device'],
	wrapper: 'asset',
	operations: [
		{
			operation: 'getAll',
			simplify: 'asset',
			name: 'Get Many',
			action: 'Get many assets',
			description: 'List assets (devices), filtered by customer, asset type, SNMP, search text or a saved asset search',
			method: 'GET',
			path: '/customer_assets',
			spec: 'GET /customer_assets',
			permission: 'Assets - List/Search',
			list: { collectionKey: 'assets' },
			fields: [
				query.id('customer_id', 'customer', {
					displayName: 'Customer',
					description: 'Only the assets of this customer',
				}),
				query.loaded('asset_type_id', 'getAssetTypes', { displayName: 'Asset Type Name or ID' }),
				query.boolean('snmp_enabled', {
					displayName: 'SNMP Enabled',
					description: 'Whether to return only assets with SNMP monitoring on',
				}),
				query.string('query', { displayName: 'Search Text', description: 'Matches asset name and serial number' }),
				query.integer('asset_search_id', {
					displayName: 'Saved Asset Search ID',
					description: 'Runs a saved asset search of the Syncro UI',
					beyondSpec: 'Observed live by a third party: davejlong/SyncroRMM Get-SyncroAsset.ps1 sends it',
				}),
			],
		},
		{
			operation: 'get',
			simplify: 'asset',
			name: 'Get',
			action: 'Get an asset',
			description: 'Get one asset with its custom fields, hardware and RMM data',
			method: 'GET',
			path: '/customer_assets/{id}',
			spec: 'GET /customer_assets/{id}',
			permission: 'Assets - View Details',
			fields: [assetId],
		},
		{
			operation: 'create',
			simplify: 'asset',
			name: 'Create',
			action: 'Create an asset',
			description:
				'Create an asset for a customer; custom fields are written right after with an update, because Syncro ignores them on create',
			method: 'POST',
			path: '/customer_assets',
			spec: 'POST /customer_assets',
			permission: 'Assets - Create',
			run: createAsset,
			fields: [
				body.string('name', { required: true }),
				body.id('customer_id', 'customer', { displayName: 'Customer', topLevel: true }),
				{ ...assetTypeId, topLevel: true, description: 'Syncro needs an asset type (by ID or by name)' },
				assetTypeName,
				assetSerial,
				customFields,
			],
		},
		{
			operation: 'update',
			simplify: 'asset',
			name: 'Update',
			action: 'Update an asset',
			description: 'Change an asset: name, customer, type, serial, custom fields or policy folder',
			method: 'PUT',
			path: '/customer_assets/{id}',
			spec: 'PUT /customer_assets/{id}',
			permission: 'Assets - Edit',
			fields: [
				assetId,
				body.string('name'),
				body.id('customer_id', 'customer', { displayName: 'Customer' }),
				assetTypeId,
				assetTypeName,
				assetSerial,
				customFields,
				body.integer('policy_folder_id', {
					displayName: 'Policy Folder ID',
					description: 'Moves the asset into this policy folder',
					beyondSpec: IN_LIVE_API_DOCUMENT,
				}),
			],
		},
		{
			operation: 'getPatches',
			name: 'Get Patches',
			action: 'Get Windows patches of an asset',
			description: 'Installed and available (missing, failed, rejected) Windows updates of an asset',
			method: 'GET',
			path: '/customer_assets/{id}/patches',
			spec: 'GET /customer_assets/{id}/patches',
			permission: 'Assets - List/Search',
			unwrap: false,
			fields: [assetId],
		},
		{
			operation: 'getChatInformation',
			name: 'Get Chat Information',
			action: 'Get chat information of assets',
			description: 'Short summaries (name and customer) of the assets with the given IDs',
			method: 'GET',
			path: '/customer_assets/chat_information_by_ids',
			spec: 'GET /customer_assets/chat_information_by_ids',
			permission: 'Assets - List/Search',
			list: { collectionKey: 'assets', paginated: false },
			fields: [
				query.idList('ids', { displayName: 'Asset IDs', required: true, description: 'Comma-separated asset IDs' }),
			],
		},
		{
			operation: 'getInstalledApplications',
			name: 'Get Installed Applications',
			action: 'Get installed applications of an asset',
			description: 'Software installed on an asset: name, vendor, version and install date',
			method: 'GET',
			path: '/customer_assets/{id}/installed_applications',
			isNew: true,
			permission: 'Assets - View Details',
			list: { collectionKey: 'installed_applications' },
			fields: [
				assetId,
				query.integer('per_page', { minValue: 1, maxValue: 100, description: 'Applications per page (at most 100)' }),
			],
		},
		{
			operation: 'getManyByContact',
			simplify: 'asset',
			name: 'Get Many by Contact',
			action: 'Get assets of a contact',
			description: 'List the assets assigned to a contact, sorted by name',
			method: 'GET',
			path: '/customer_assets/assets_by_contact/{contact_id}',
			isNew: true,
			permission: 'Assets - List/Search',
			list: { collectionKey: 'assets' },
			fields: [recordId('contact', 'contactId', 'Contact', 'contact_id')],
		},
	],
};
