/**
 * Small builders for `FieldDef`s, so a resource file reads like Syncro's docs:
 *   body.string('subject', { required: true }), query.dateTime('since_updated_at'), path.id('id', 'ticket')
 */
import type { FieldDef, FieldKind, FieldLocation, FieldOption } from './table';
import type { RecordType } from './records';
import { titleCase } from '../transport';

type FieldOptions = Partial<Omit<FieldDef, 'name' | 'in' | 'kind'>>;

function make(location: FieldLocation, kind: FieldKind, name: string, options: FieldOptions = {}): FieldDef {
	return { name, in: location, kind, displayName: options.displayName ?? titleCase(name), ...options };
}

function builders(location: FieldLocation) {
	return {
		string: (name: string, o?: FieldOptions) => make(location, 'string', name, o),
		text: (name: string, o?: FieldOptions) => make(location, 'text', name, o),
		password: (name: string, o?: FieldOptions) => make(location, 'password', name, o),
		number: (name: string, o?: FieldOptions) => make(location, 'number', name, o),
		integer: (name: string, o?: FieldOptions) => make(location, 'integer', name, o),
		boolean: (name: string, o?: FieldOptions) => make(location, 'boolean', name, o),
		dateTime: (name: string, o?: FieldOptions) => make(location, 'dateTime', name, o),
		json: (name: string, o?: FieldOptions) => make(location, 'json', name, o),
		idList: (name: string, o?: FieldOptions) => make(location, 'idList', name, o),
		stringList: (name: string, o?: FieldOptions) => make(location, 'stringList', name, o),
		files: (name: string, o?: FieldOptions) => make(location, 'files', name, o),
		customFields: (name: string, o?: FieldOptions) => make(location, 'customFields', name, o),
		idOrNumber: (name: string, o?: FieldOptions) => make(location, 'idOrNumber', name, o),
		/** A fixed list of values; plain strings become `{name: value, value}`. */
		options: (name: string, values: Array<string | FieldOption>, o?: FieldOptions) =>
			make(location, 'options', name, {
				options: values.map((v) => (typeof v === 'string' ? { name: v, value: v } : v)),
				...o,
			}),
		multiOptions: (name: string, values: Array<string | FieldOption>, o?: FieldOptions) =>
			make(location, 'multiOptions', name, {
				options: values.map((v) => (typeof v === 'string' ? { name: v, value: v } : v)),
				...o,
			}),
		/** Values loaded from the tenant by `methods.loadOptions[method]`. */
		loaded: (name: string, method: string, o?: FieldOptions) =>
			make(location, 'options', name, { loadOptions: method, ...o }),
		/** The ID of a Syncro record: a resource locator when `record` is given, else a plain integer ID. */
		id: (name: string, record?: RecordType, o?: FieldOptions) =>
			make(location, 'id', name, { record, displayName: o?.displayName ?? titleCase(name), ...o }),
	};
}

export const body = builders('body');
export const query = builders('query');
export const path = builders('path');

/** The `{id}` of a record in its own path: a required resource locator named `<resource>Id`. */
export function recordId(record: RecordType | undefined, param: string, displayName: string, name = 'id'): FieldDef {
	return make('path', 'id', name, { record, param, displayName, required: true });
}

/**
 * The evidence of fields that Syncro's newer live API document lists but the cached one (swagger.json) does
 * not: client code written against the live document (see ../shared/syncro-api/CATALOGUE.md, [NEW]).
 */
export const IN_LIVE_API_DOCUMENT = "Syncro's newer live API document (advenimus/syncromsp-mcp, written against it)";
