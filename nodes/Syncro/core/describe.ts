/**
 * Turns the operation table into the properties the n8n editor shows.
 *
 * For each operation: path IDs and required fields on top (record IDs as resource locators),
 * "Return All" + "Limit" for lists, and every optional field in one collection
 * (Filters for lists, Additional Fields for creates, Update Fields for updates, Options otherwise).
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { compactProperties, shareCollectionOptions } from './compact';
import { GROUP_NAMES, isTopLevel, optionalGroup, paramName } from './layout';
import { listSearchMethod, RECORDS } from './records';
import type { FieldDef, ResourceDef } from './table';

/** What the editor says of a field: its description, and plainly when Syncro's API document does not list it. */
function describedField(field: FieldDef): string | undefined {
	if (!field.beyondSpec) return field.description;
	const said = field.description ? `${field.description.replace(/\.$/, '')}. ` : '';
	return `${said}Not in Syncro's API document (the README names the evidence that Syncro accepts it)`;
}

/** The n8n property of one field (without displayOptions). */
function fieldProperty(field: FieldDef, inCollection: boolean): INodeProperties {
	const name = inCollection ? field.name : paramName(field);
	const base = {
		displayName: field.displayName,
		name,
		description: describedField(field),
		required: !inCollection && field.required === true ? true : undefined,
		placeholder: field.placeholder,
	};
	switch (field.kind) {
		case 'text':
			return { ...base, type: 'string', typeOptions: { rows: 4 }, default: field.default ?? '' };
		case 'password':
			return { ...base, type: 'string', typeOptions: { password: true }, default: field.default ?? '' };
		case 'number':
		case 'integer': {
			const typeOptions = {
				...(field.kind === 'integer' ? { numberPrecision: 0 } : {}),
				...(field.minValue !== undefined ? { minValue: field.minValue } : {}),
				...(field.maxValue !== undefined ? { maxValue: field.maxValue } : {}),
			};
			// An empty typeOptions is n8n's default: not sent.
			return {
				...base,
				type: 'number',
				default: field.default ?? 0,
				...(Object.keys(typeOptions).length ? { typeOptions } : {}),
			};
		}
		case 'boolean':
			return { ...base, type: 'boolean', default: field.default ?? false };
		case 'dateTime':
			return { ...base, type: 'dateTime', default: field.default ?? '' };
		case 'options':
			if (field.loadOptions) {
				return {
					...base,
					type: 'options',
					typeOptions: { loadOptionsMethod: field.loadOptions },
					default: field.default ?? '',
				};
			}
			return {
				...base,
				type: 'options',
				options: (field.options ?? []) as INodePropertyOptions[],
				default: field.default ?? field.options?.[0]?.value ?? '',
			};
		case 'multiOptions':
			return {
				...base,
				type: 'multiOptions',
				...(field.loadOptions
					? { typeOptions: { loadOptionsMethod: field.loadOptions } }
					: { options: (field.options ?? []) as INodePropertyOptions[] }),
				default: field.default ?? [],
			};
		case 'json':
			return { ...base, type: 'json', default: field.default ?? '{}' };
		case 'idList':
			return {
				...base,
				type: 'string',
				default: field.default ?? '',
				placeholder: field.placeholder ?? 'e.g. 12, 34, 56',
				description: base.description ?? 'Comma-separated IDs',
			};
		case 'stringList':
			return {
				...base,
				type: 'string',
				default: field.default ?? '',
				placeholder: field.placeholder ?? 'e.g. first, second',
				description: base.description ?? 'Comma-separated values',
			};
		case 'files':
			return {
				...base,
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: {},
				options: [
					{
						name: 'file',
						displayName: 'File',
						values: [
							{
								displayName: 'URL',
								name: 'url',
								type: 'string',
								default: '',
								description: 'Public URL Syncro downloads the file from',
							},
							{ displayName: 'File Name', name: 'filename', type: 'string', default: '' },
						],
					},
				],
			};
		case 'customFields':
			return {
				...base,
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: {},
				placeholder: 'Add Custom Field',
				options: [
					{
						name: 'field',
						displayName: 'Custom Field',
						values: [
							field.loadOptions
								? {
										displayName: 'Field Name or ID',
										name: 'name',
										type: 'options',
										typeOptions: { loadOptionsMethod: field.loadOptions },
										default: '',
										description: 'Custom field as defined in Syncro',
									}
								: { displayName: 'Field Name', name: 'name', type: 'string', default: '' },
							{ displayName: 'Value', name: 'value', type: 'string', default: '' },
						],
					},
				],
			};
		case 'extraParameters': {
			// Every operation has one: kept small, as n8n sends each copy to every editor.
			const noun = field.in === 'query' ? 'Parameter' : 'Field';
			return {
				...base,
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: {},
				// n8n's button otherwise reads "Choose..."; the collection's own button below reads "Add Field".
				placeholder: field.in === 'query' ? 'Add Parameter' : 'Add Body Field',
				options: [
					{
						name: 'parameter',
						displayName: noun,
						values: [
							{ displayName: 'Name', name: 'name', type: 'string', default: '' },
							{ displayName: 'Value', name: 'value', type: 'string', default: '' },
							{
								displayName: 'Value Type',
								name: 'type',
								type: 'options',
								options: [
									{ name: 'JSON', value: 'json' },
									{ name: 'Text', value: 'text' },
								],
								default: 'text',
							},
						],
					},
				],
			};
		}
		case 'id':
			if (field.record) {
				const spec = RECORDS[field.record];
				return {
					...base,
					type: 'resourceLocator',
					default: { mode: 'list', value: '' },
					modes: [
						{
							displayName: `From List`,
							name: 'list',
							type: 'list',
							typeOptions: { searchListMethod: listSearchMethod(field.record), searchable: true },
						},
						{
							displayName: 'By URL',
							name: 'url',
							type: 'string',
							placeholder: `https://acme.syncromsp.com/${spec.urlSegment}/123`,
							// n8n uses it for `$parameter` in expressions. Which URLs are accepted (this credential's
							// account, the ID a whole segment) is checked once, by the node: recordIdFromUrl().
							extractValue: { type: 'regex', regex: `/${spec.urlSegment}/(\\d+)` },
						},
						// The ID's shape is checked by the node's path rule (transport/path.ts), not by a second regex here.
						{ displayName: 'ID', name: 'id', type: 'string' },
					],
				};
			}
			return { ...base, type: 'number', typeOptions: { numberPrecision: 0 }, default: field.default ?? 0 };
		case 'idOrNumber':
		case 'string':
		default:
			return { ...base, type: 'string', default: field.default ?? '' };
	}
}

function strip<T extends object>(value: T): T {
	for (const key of Object.keys(value) as Array<keyof T>) {
		if (value[key] === undefined) delete value[key];
	}
	return value;
}

/**
 * The editor properties of the node: the resource and operation dropdowns plus every operation's fields,
 * with what several operations share sent once (compact.ts). Each operation shows exactly what
 * `expandProperties` gives it.
 */
export function buildProperties(resources: ResourceDef[]): INodeProperties[] {
	return compactProperties(shareCollectionOptions(expandProperties(resources)));
}

/**
 * The resource and operation dropdowns plus every operation's fields, one copy per operation: each field
 * property shows for exactly one resource and operation. What the editor shows is defined by this form;
 * `compactProperties` only shrinks it.
 */
export function expandProperties(resources: ResourceDef[]): INodeProperties[] {
	const properties: INodeProperties[] = [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: resources
				.map((r) => ({
					name: r.name,
					value: r.value,
					description: r.aliases?.length ? `${r.description} (also: ${r.aliases.join(', ')})` : r.description,
				}))
				.sort((a, b) => a.name.localeCompare(b.name)),
			default: 'ticket',
		},
	];

	for (const resource of resources) {
		const defaultOperation = (resource.operations.find((op) => op.operation === 'get') ?? resource.operations[0])
			.operation;
		properties.push({
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource.value] } },
			options: resource.operations
				.map((op) => ({ name: op.name, value: op.operation, action: op.action, description: op.description }))
				.sort((a, b) => a.name.localeCompare(b.name)),
			default: defaultOperation,
		});
	}

	for (const resource of resources) {
		for (const op of resource.operations) {
			const show = { show: { resource: [resource.value], operation: [op.operation] } };
			for (const field of op.fields.filter(isTopLevel)) {
				properties.push(strip({ ...fieldProperty(field, false), displayOptions: show }));
			}
			if (op.list) {
				properties.push(
					{
						displayName: 'Return All',
						name: 'returnAll',
						type: 'boolean',
						default: false,
						description: 'Whether to return all results or only up to a given limit',
						displayOptions: show,
					},
					{
						displayName: 'Limit',
						name: 'limit',
						type: 'number',
						typeOptions: { minValue: 1 },
						default: 50,
						description: 'Max number of results to return',
						displayOptions: { show: { ...show.show, returnAll: [false] } },
					},
				);
			}
			const optional = op.fields.filter((f) => !isTopLevel(f));
			if (optional.length > 0) {
				const group = optionalGroup(op);
				properties.push({
					displayName: GROUP_NAMES[group],
					name: group,
					type: 'collection',
					placeholder: group === 'filters' ? 'Add Filter' : group === 'options' ? 'Add Option' : 'Add Field',
					default: {},
					displayOptions: show,
					options: optional
						.map((f) => strip(fieldProperty(f, true)))
						.sort((a, b) => a.displayName.localeCompare(b.displayName)),
				});
			}
		}
	}
	return properties;
}
