/**
 * The operation table's types: every Syncro operation is one `OperationDef`, declared once in
 * `resources/<resource>.ts`. `describe.ts` turns the table into editor properties, `buildRequest.ts` into
 * requests and `run.ts` runs them. This file depends on nothing of the code that uses it.
 */
import type { IDataObject, IExecuteFunctions, IHttpRequestMethods } from 'n8n-workflow';

import type { QueryValue, SegmentKind } from '../transport';
import type { RecordType } from './records';

/** The request an operation's fields make for one item: path (segments encoded), query and body. */
export interface BuiltRequest {
	path: string;
	/** The value of each `{placeholder}` of the operation's path, checked and encoded. */
	pathValues: Record<string, string>;
	query: Record<string, QueryValue>;
	body: IDataObject | undefined;
}

/** A named hook that replaces the default request of an operation (e.g. find-or-create). */
export type OperationRunner = (
	ctx: IExecuteFunctions,
	op: OperationDef,
	itemIndex: number,
	request: BuiltRequest,
) => Promise<IDataObject[]>;

/** Rejects a value: throws the error naming the item and the field (never returns). */
export type Reject = (reason: string) => never;

/** The main Syncro records the "Simplify" option knows (core/simplify.ts). */
export type SimpleRecordType =
	| 'ticket'
	| 'customer'
	| 'contact'
	| 'asset'
	| 'invoice'
	| 'estimate'
	| 'rmmAlert'
	| 'comment';

export type FieldLocation = 'path' | 'query' | 'body';

export type FieldKind =
	/** single-line text */
	| 'string'
	/** multi-line text (comment bodies, notes) */
	| 'text'
	/** a secret typed by the user (portal passwords): masked in the editor */
	| 'password'
	| 'number'
	| 'integer'
	| 'boolean'
	/** ISO-8601 date-time, sent as typed */
	| 'dateTime'
	/** a fixed list (`options`) or a list loaded from the tenant (`loadOptions`) */
	| 'options'
	| 'multiOptions'
	/** an object typed as JSON */
	| 'json'
	/** comma-separated integers, sent as an array of numbers */
	| 'idList'
	/** comma-separated strings, sent as an array */
	| 'stringList'
	/** URL + file name pairs, sent as `[{url, filename}]` */
	| 'files'
	/** name/value pairs, sent as an object (Syncro `properties`) */
	| 'customFields'
	/** the ID of a Syncro record: a resource locator (list, URL, ID) when `record` is set */
	| 'id'
	/** an ID or a record number (invoices accept both) */
	| 'idOrNumber'
	/**
	 * name/value pairs the operation has no field for, sent beside its fields (core/extras.ts); `name` is the
	 * collection option, not a Syncro key. Every operation gets one; resources do not declare it.
	 */
	| 'extraParameters';

export interface FieldOption {
	name: string;
	value: string | number | boolean;
	description?: string;
}

export interface FieldDef {
	/** Syncro's own field name (snake_case): the query key, body key or `{placeholder}` in the path. */
	name: string;
	in: FieldLocation;
	kind: FieldKind;
	displayName: string;
	description?: string;
	/** Required by Syncro (per spec or per observed behaviour): shown on top and enforced. */
	required?: boolean;
	/** For `id` fields: the record type, which makes the field a resource locator. */
	record?: RecordType;
	options?: FieldOption[];
	/** Name of a `methods.loadOptions` function that lists the values from the tenant. */
	loadOptions?: string;
	/** Values Syncro accepts besides the tenant's list (a filter's "Not Closed"); see core/names.ts. */
	alsoAccepts?: string[];
	default?: string | number | boolean | string[];
	placeholder?: string;
	/** n8n parameter name when it differs from `name` (path IDs are `<resource>Id`). */
	param?: string;
	/** Shown on top even when optional (a filter users nearly always set). */
	topLevel?: boolean;
	minValue?: number;
	maxValue?: number;
	/**
	 * For path fields whose kind does not say it (`string`): what the value must look like in the URL.
	 * IDs and dropdown values in a path are numeric IDs, `idOrNumber` is a slug; see `segmentKind()`.
	 */
	segment?: SegmentKind;
	/**
	 * The field is not in Syncro's API document (swagger.json) for this operation: the evidence that Syncro
	 * accepts it, named (a live test, public clients, Syncro's newer live document). The editor says "Not in
	 * Syncro's API document"; the README lists every such field with this text.
	 */
	beyondSpec?: string;
}

type HttpMethod = Extract<IHttpRequestMethods, 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'>;

interface ListSpec {
	/** Key of the array in the response envelope. */
	collectionKey: string;
	/** false for lists Syncro returns whole (no `page`): no Return All / Limit, just a Limit. */
	paginated?: boolean;
	/** Key wrapping each element (`{appointment: {...}}`), unwrapped per element. */
	itemKey?: string;
}

export interface OperationDef {
	/** n8n operation value (camelCase). */
	operation: string;
	/** Shown in the operation dropdown, e.g. "Add Comment". */
	name: string;
	/** Action label shown in the nodes panel, e.g. "Add a comment to a ticket". */
	action: string;
	/** What the operation does, for people and AI agents. */
	description: string;
	method: HttpMethod;
	/** Path below /api/v1 with `{placeholders}` named like the path fields. */
	path: string;
	/** The cached spec operation it covers, as "METHOD /path" exactly as in swagger.json. Absent for [NEW] ones. */
	spec?: string;
	/** In Syncro's live API but newer than the cached spec. */
	isNew?: boolean;
	/** Syncro permission named by the spec (shown on 401/403). */
	permission?: string;
	fields: FieldDef[];
	list?: ListSpec;
	/** Envelope key(s) of a single record, e.g. ['ticket']; false = return the body as it is. */
	unwrap?: string[] | false;
	/** Named hook that replaces the default request (e.g. find-or-create). */
	run?: OperationRunner;
	/** Named hook that reshapes the records after unwrapping (e.g. users sent as tuples). */
	transform?: (records: IDataObject[]) => IDataObject[];
	/**
	 * Input items run one after another even when the user allows parallel writes: find-or-create, where two
	 * items naming the same record must not both create it.
	 */
	sequentialItems?: true;
	/** Display name of the optional-fields collection; defaults by method (Filters / Additional Fields / Update Fields). */
	optionalGroup?: 'filters' | 'additionalFields' | 'updateFields' | 'options';
	/**
	 * What a delete removes, for its output `{deleted: true, id, …}`: the field (a path placeholder, a query or
	 * a body field) holding the removed record's ID. DELETE operations default to their last path value; `false`:
	 * the DELETE deletes nothing (RMM Alert > Clear resolves the alert, which stays readable).
	 */
	deletes?: string | false;
	/**
	 * Body keys or query parameters the named hook sets itself (Script > Run sets `freq`): refused as Extra
	 * Body Fields / Extra Query Parameters, as the names of the operation's fields are.
	 */
	setByHook?: string[];
	/** false: no Extra Query Parameters / Extra Body Fields (Custom API Call sends any query and body already). */
	extraParameters?: false;
	/** The records it returns are one of the main Syncro records: the "Simplify" option applies (core/simplify.ts). */
	simplify?: SimpleRecordType;
}

export interface ResourceDef {
	/** n8n resource value (camelCase), e.g. `rmmAlert`. */
	value: string;
	name: string;
	description: string;
	/** Other words people use for it (Quote for Estimate, Device for Asset…): shown in the description. */
	aliases?: string[];
	/** Default envelope key for single records (`ticket` in `{"ticket": {...}}`). */
	wrapper?: string;
	operations: OperationDef[];
}
