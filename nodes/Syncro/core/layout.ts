/**
 * Where each field of an operation sits in the editor and under which parameter name: the rule the
 * description (describe.ts), the request builder (buildRequest.ts) and the tool descriptions (tool.ts) share.
 */
import type { FieldDef, OperationDef } from './table';

/** The display name of each optional-fields collection. */
export const GROUP_NAMES: Record<NonNullable<OperationDef['optionalGroup']>, string> = {
	filters: 'Filters',
	additionalFields: 'Additional Fields',
	updateFields: 'Update Fields',
	options: 'Options',
};

/** The collection an operation's optional fields sit in: its own choice, else by method. */
export function optionalGroup(op: OperationDef): NonNullable<OperationDef['optionalGroup']> {
	if (op.optionalGroup) return op.optionalGroup;
	if (op.list) return 'filters';
	if (op.method === 'POST') return 'additionalFields';
	if (op.method === 'PUT' || op.method === 'PATCH') return 'updateFields';
	return 'options';
}

/** Whether a field is a parameter of its own (path IDs, required fields) rather than in the collection. */
export function isTopLevel(field: FieldDef): boolean {
	return field.in === 'path' || field.required === true || field.topLevel === true;
}

/** The n8n parameter name of a top-level field (the Syncro name unless the table says otherwise). */
export function paramName(field: FieldDef): string {
	return field.param ?? field.name;
}
