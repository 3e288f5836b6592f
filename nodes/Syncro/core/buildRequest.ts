/**
 * Reads every field of an operation for one item and builds the request: path (each segment checked by the
 * path rule), query and body. A bad value is an `invalidValue` error naming the item and the field, and no
 * request is sent with an unchecked path segment.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { invalidValueError, isProblem, pathSegment, type QueryValue, type SyncroConnection } from '../transport';
import { coerce, isEmpty, segmentKind } from './coerce';
import { extraPairs } from './extras';
import { GROUP_NAMES, isTopLevel, optionalGroup, paramName } from './layout';
import { resolveName } from './names';
import type { BuiltRequest, FieldDef, OperationDef, Reject } from './table';

/**
 * Throws the error of a bad field value, in the one wording every field uses: it names the field (and the
 * group it sits in), the item, and why the value is refused.
 */
export function rejectField(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: FieldDef,
	reason: string,
	options: { where?: string; description?: string } = {},
): never {
	const location = options.where ? `"${field.displayName}" in ${options.where}` : `"${field.displayName}"`;
	throw invalidValueError(ctx.getNode(), `Invalid ${location} in item ${itemIndex + 1}: ${reason}`, {
		itemIndex,
		description:
			options.description ??
			`Field "${paramName(field)}" (Syncro name: ${field.name}). Correct the value or the expression that produces it.`,
	});
}

/**
 * Reads every field of the operation for one item and builds path, query and body. `connection` is the
 * credential's Syncro account (record URLs are checked against it). A name given for a field whose dropdown
 * is loaded from the tenant is resolved first (core/names.ts), so the path rule sees what will be sent.
 */
export async function buildRequest(
	ctx: IExecuteFunctions,
	op: OperationDef,
	itemIndex: number,
	connection?: SyncroConnection,
): Promise<BuiltRequest> {
	const query: Record<string, QueryValue> = {};
	const body: IDataObject = {};
	const pathValues: Record<string, string> = {};

	/** Checks and converts one value, resolves a name given for a tenant dropdown, and puts it in its place. */
	const accept = async (field: FieldDef, raw: unknown, where?: string) => {
		const reject: Reject = (reason) => rejectField(ctx, itemIndex, field, reason, { where });
		if (field.kind === 'extraParameters') {
			// Checked names only (core/extras.ts): none is a field's, none reaches the path.
			Object.assign(field.in === 'query' ? query : body, extraPairs(op, field, raw, reject));
			return;
		}
		let value = coerce(field, raw, reject, connection);
		if (field.kind === 'options' && field.loadOptions) {
			// A value bound for a path must be a plain segment before it is even looked up as a name.
			const plain = field.in === 'path' ? pathSegment(value) : undefined;
			if (isProblem(plain)) reject(plain.problem);
			value = await resolveName(ctx, field, value, reject);
		}
		if (field.in === 'path') {
			const segment = pathSegment(value, segmentKind(field));
			if (isProblem(segment)) reject(segment.problem);
			pathValues[field.name] = segment;
		} else if (field.in === 'query') query[field.name] = value as QueryValue;
		else body[field.name] = value as IDataObject[string];
	};

	for (const field of op.fields.filter(isTopLevel)) {
		const raw = ctx.getNodeParameter(paramName(field), itemIndex, undefined) as unknown;
		if (isEmpty(raw)) {
			if (field.required || field.in === 'path') rejectField(ctx, itemIndex, field, 'a value is required');
			continue;
		}
		await accept(field, raw);
	}

	const optional = op.fields.filter((f) => !isTopLevel(f));
	if (optional.length > 0) {
		const group = optionalGroup(op);
		const values = ctx.getNodeParameter(group, itemIndex, {}) as IDataObject;
		const groupName = GROUP_NAMES[group];
		for (const [key, raw] of Object.entries(values ?? {})) {
			const field = optional.find((f) => f.name === key);
			if (!field) {
				throw invalidValueError(ctx.getNode(), `Unknown option "${key}" in ${groupName} of item ${itemIndex + 1}`, {
					itemIndex,
					description: `"${op.name}" accepts: ${optional.map((f) => f.name).join(', ')}`,
				});
			}
			if (isEmpty(raw) && field.kind !== 'boolean') continue;
			await accept(field, raw, groupName);
		}
	}

	const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
		const value = pathValues[name];
		if (value === undefined)
			throw new NodeOperationError(ctx.getNode(), `Path parameter "${name}" of ${op.name} has no field`, { itemIndex });
		return value;
	});
	const hasBody = op.method !== 'GET' && op.method !== 'DELETE';
	return { path, pathValues, query, body: hasBody ? body : undefined };
}
