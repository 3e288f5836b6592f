/**
 * Extra Query Parameters and Extra Body Fields: what a person's own Syncro scripts send that an operation has
 * no field for (a filter Syncro's document does not list, a body key of a newer Syncro release), sent beside
 * the operation's fields, so the call stays in its own operation with its pickers, pages and errors.
 *
 * Every operation of the table gets one such field in its optional collection (`withExtraParameters`): query
 * parameters for GET and DELETE, body fields for writes. The rule of what may be sent lives here:
 * - a name is a plain parameter name (a letter, then letters, digits and `_`): no brackets, dots or spaces,
 *   so no pair can nest into another key or reach the path; a list is a JSON value, sent as `name[]=…`;
 * - a name one of the operation's fields sets, or the node itself sets (the page of a list, what a named hook
 *   adds), is refused, naming that field: one way to send each name;
 * - names Rails reads to route a request or pick the answer's format, and `api_key` (the token belongs in the
 *   Authorization header, not in a URL that logs keep), are refused;
 * - a value is sent as it is given (text, or an expression's number or true/false) unless its pair asks for
 *   JSON: then a number, true/false, a list, an object or null written as JSON.
 */
import type { IDataObject } from 'n8n-workflow';

import { showValue, type QueryValue } from '../transport';
import { MAX_STRING_LENGTH, MAX_TEXT_LENGTH, parseJson } from './coerce';
import { GROUP_NAMES, isTopLevel, optionalGroup, paramName } from './layout';
import type { FieldDef, OperationDef, Reject, ResourceDef } from './table';

/** The value types a pair may ask for. */
const EXTRA_VALUE_TYPES = ['text', 'json'];

/** A plain parameter name: what Rails reads as one key, not nested and not a list. */
const PLAIN_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

/** Names never sent as extra pairs, with the reason given when one is. */
const REFUSED_NAMES: Record<string, string> = {
	api_key:
		"the node sends the credential's API token in the Authorization header; a token given here would end up in URLs and logs",
	format: 'Syncro (Rails) reads it to choose the format of its answer, which the node reads as JSON',
	controller: 'Syncro (Rails) reads it to route the request',
	action: 'Syncro (Rails) reads it to route the request',
};

/** The extra-parameters field of an operation: query parameters for GET and DELETE, body fields for writes. */
export function extraParametersField(op: OperationDef): FieldDef {
	const inQuery = op.method === 'GET' || op.method === 'DELETE';
	return inQuery
		? {
				name: 'extraQueryParameters',
				in: 'query',
				kind: 'extraParameters',
				displayName: 'Extra Query Parameters',
				description:
					'Parameters this operation has no field for, sent as they are. Plain names (letters, digits, _); a JSON list is sent as name[]=…',
			}
		: {
				name: 'extraBodyFields',
				in: 'body',
				kind: 'extraParameters',
				displayName: 'Extra Body Fields',
				description:
					'Fields this operation has no field for, sent as they are. Plain names (letters, digits, _) that no field above sets',
			};
}

/** Every operation with its extra-parameters field last, except those that send any query and body already. */
export function withExtraParameters(resources: ResourceDef[]): ResourceDef[] {
	return resources.map((resource) => ({
		...resource,
		operations: resource.operations.map((op) =>
			op.extraParameters === false ? op : { ...op, fields: [...op.fields, extraParametersField(op)] },
		),
	}));
}

/** Why `name` may not be an extra pair (of `field`) of `op`, or undefined when it may. */
function refusal(op: OperationDef, field: FieldDef, name: string): string | undefined {
	if (!PLAIN_NAME.test(name)) {
		const nested = field.in === 'body' ? ': give the outer name with a JSON object as its value' : '';
		const hint = /^[A-Za-z][A-Za-z0-9_]*\[\]$/.test(name)
			? `: give "${name.slice(0, -2)}" with a JSON list as its value`
			: /\[|\./.test(name)
				? nested
				: '';
		return `"${showValue(name)}" is not a plain parameter name (a letter, then letters, digits and "_", at most 64)${hint}`;
	}
	const named = op.fields.find((f) => f.name === name && f.kind !== 'extraParameters');
	if (named) {
		const where = isTopLevel(named)
			? `the field "${named.displayName}"`
			: `"${named.displayName}" in ${GROUP_NAMES[optionalGroup(op)]}`;
		return `"${name}" is set by ${where} of this operation: use that field (parameter "${isTopLevel(named) ? paramName(named) : named.name}")`;
	}
	if (name === 'page' && op.list && op.list.paginated !== false)
		return '"page" is set by the node as it pages through the list: use Return All or Limit';
	if (op.setByHook?.includes(name)) return `"${name}" is set by the node itself for ${op.name}`;
	const reason = REFUSED_NAMES[name];
	return reason ? `"${name}" cannot be sent: ${reason}` : undefined;
}

const isScalar = (value: unknown) => ['string', 'number', 'boolean'].includes(typeof value);

/**
 * One pair's value. Text: as it is given (what is typed, or an expression's number or true/false); JSON: the
 * value written as JSON, which for a query parameter is a text, a number, true/false or a list of texts and
 * numbers.
 */
function pairValue(field: FieldDef, name: string, raw: unknown, type: unknown, reject: Reject): unknown {
	const of = `the value of "${name}"`;
	const inQuery = field.in === 'query';
	const max = inQuery ? MAX_STRING_LENGTH : MAX_TEXT_LENGTH;
	if (typeof raw === 'string' && raw.length > max)
		return reject(`${of} is ${raw.length} characters long; at most ${max} are accepted`);
	let value: unknown = raw ?? '';
	if (type === 'json') {
		if (typeof raw === 'string') {
			const parsed = parseJson(raw);
			if (parsed.error !== undefined) return reject(`${of} is not valid JSON (${parsed.error})`);
			value = parsed.value;
		}
		if (!inQuery) return value;
		if (value === null) return reject(`${of} is null: a query parameter needs a value`);
	} else if (type !== undefined && type !== 'text') {
		return reject(`the Value Type of "${name}", "${showValue(type)}", is not one of: ${EXTRA_VALUE_TYPES.join(', ')}`);
	} else if (typeof value === 'object') {
		return reject(`${of} is an object or a list: set its Value Type to JSON to send it as JSON`);
	}
	if (typeof value === 'number' && !Number.isFinite(value)) return reject(`${of} is not a finite number`);
	if (
		!inQuery ||
		isScalar(value) ||
		(Array.isArray(value) && value.every((v) => isScalar(v) && typeof v !== 'boolean'))
	)
		return value;
	return reject(
		`${of} is ${Array.isArray(value) ? 'a list holding objects, lists or true/false' : 'an object'}: a query parameter is a text, a number, true/false or a list of texts and numbers`,
	);
}

/**
 * The pairs of an extra-parameters field, checked: `{name: value}` to send beside the operation's fields.
 * The editor gives `{parameter: [{name, value, type}]}`; a row without name and value is skipped.
 */
export function extraPairs(
	op: OperationDef,
	field: FieldDef,
	raw: unknown,
	reject: Reject,
): Record<string, QueryValue | IDataObject[string]> {
	const rows =
		raw && typeof raw === 'object' && !Array.isArray(raw) ? ((raw as IDataObject).parameter ?? []) : undefined;
	if (!Array.isArray(rows)) return reject(`${showValue(raw)} is not a list of name/value pairs`);
	const pairs: Record<string, QueryValue | IDataObject[string]> = {};
	for (const [index, row] of rows.entries()) {
		if (row === null || typeof row !== 'object' || Array.isArray(row))
			return reject(`pair ${index + 1} is not a name and a value`);
		const { name: rawName, value, type } = row as IDataObject;
		const name = typeof rawName === 'string' ? rawName.trim() : rawName;
		if ((name === undefined || name === '') && (value === undefined || value === '')) continue;
		if (typeof name !== 'string' || name === '') return reject(`pair ${index + 1} has no name`);
		const refused = refusal(op, field, name);
		if (refused) return reject(refused);
		if (Object.prototype.hasOwnProperty.call(pairs, name)) return reject(`"${name}" is given twice`);
		pairs[name] = pairValue(field, name, value, type, reject) as QueryValue | IDataObject[string];
	}
	return pairs;
}
