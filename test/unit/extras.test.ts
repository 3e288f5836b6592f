/**
 * The rule of Extra Query Parameters / Extra Body Fields (core/extras.ts), on the operation table itself: which
 * names may be sent, how values are typed, and that every operation but Custom API Call has the field.
 */
import { extraPairs } from '../../nodes/Syncro/core/extras';
import type { FieldDef, OperationDef } from '../../nodes/Syncro/core/table';
import { findOperation, RESOURCES } from '../../nodes/Syncro/resources';
import { generatedValues, HOSTILE_VALUES } from '../property/hostileValues';

const reject = (reason: string): never => {
	throw new Error(reason);
};
const operation = (resource: string, name: string): OperationDef => {
	const found = findOperation(resource, name);
	if (!found) throw new Error(`no ${resource}.${name}`);
	return found.op;
};
const extraField = (op: OperationDef): FieldDef => {
	const field = op.fields.find((f) => f.kind === 'extraParameters');
	if (!field) throw new Error(`${op.name} has no extra field`);
	return field;
};
const pairsOf = (op: OperationDef, ...rows: Array<{ name: unknown; value?: unknown; type?: unknown }>) =>
	extraPairs(op, extraField(op), { parameter: rows }, reject);

const list = operation('invoice', 'getAll');
const create = operation('ticket', 'addTimerEntry');
const update = operation('invoice', 'updateLineItem');

describe('Extra Query Parameters / Extra Body Fields: the rule', () => {
	it('gives every operation but Custom API Call one, last: query for GET and DELETE, body for writes', () => {
		for (const resource of RESOURCES) {
			for (const op of resource.operations) {
				const extras = op.fields.filter((f) => f.kind === 'extraParameters');
				if (resource.value === 'customApiCall') {
					expect(extras).toEqual([]);
					continue;
				}
				expect(extras).toHaveLength(1);
				expect(op.fields[op.fields.length - 1]).toBe(extras[0]);
				const inQuery = op.method === 'GET' || op.method === 'DELETE';
				expect([extras[0].in, extras[0].name]).toEqual(inQuery ? ['query', 'extraQueryParameters'] : ['body', 'extraBodyFields']);
			}
		}
	});

	it('sends text as it is given, and JSON parsed, on a list, a create and an update', () => {
		expect(pairsOf(list, { name: 'status', value: 'paid' }, { name: 'statuses', value: '["a", 2]', type: 'json' }, { name: 'n', value: 5 })).toEqual({ status: 'paid', statuses: ['a', 2], n: 5 });
		expect(pairsOf(create, { name: 'billable_override', value: 'true', type: 'json' }, { name: 'hidden', value: true }, { name: 'note', value: '12' })).toEqual({ billable_override: true, hidden: true, note: '12' });
		expect(pairsOf(update, { name: 'discount_percent', value: '5.5', type: 'json' }, { name: 'tax_note', value: 'null', type: 'json' }, { name: 'meta', value: '{"a": [1]}', type: 'json' })).toEqual({ discount_percent: 5.5, tax_note: null, meta: { a: [1] } });
		expect(pairsOf(list)).toEqual({});
		expect(extraPairs(list, extraField(list), {}, reject)).toEqual({});
		expect(pairsOf(list, { name: '', value: '' }, { name: '  ' })).toEqual({});
	});

	it('refuses what may not be sent, with the reason', () => {
		expect(() => pairsOf(list, { name: 'ticket_id', value: '1' })).toThrow('"ticket_id" is set by "Ticket" in Filters of this operation: use that field (parameter "ticket_id")');
		expect(() => pairsOf(update, { name: 'line_item_id', value: '1' })).toThrow('"line_item_id" is set by the field "Line Item ID" of this operation: use that field (parameter "lineItemId")');
		expect(() => pairsOf(list, { name: 'page', value: '2' })).toThrow('"page" is set by the node as it pages through the list');
		expect(pairsOf(operation('invoice', 'get'), { name: 'page', value: '2' })).toEqual({ page: '2' });
		expect(() => pairsOf(operation('script', 'run'), { name: 'freq', value: 'x' })).toThrow('"freq" is set by the node itself for Run');
		for (const name of ['api_key', 'format', 'controller', 'action']) expect(() => pairsOf(list, { name, value: 'x' })).toThrow(`"${name}" cannot be sent`);
		for (const name of ['a b', '_method', '__proto__', '1st', 'a.b', 'a[b]', 'a[]', 'ä', 'a-b', 'x'.repeat(65)]) {
			expect(() => pairsOf(create, { name, value: '1' })).toThrow(/is not a plain parameter name/);
		}
		// A nested body key is a JSON object under its outer name; a query parameter cannot nest at all.
		expect(() => pairsOf(create, { name: 'a[b]', value: '1' })).toThrow(/at most 64\): give the outer name with a JSON object as its value$/);
		expect(() => pairsOf(list, { name: 'a[b]', value: '1' })).toThrow(/at most 64\)$/);
		expect(() => pairsOf(list, { name: 'a', value: '1' }, { name: 'a', value: '2' })).toThrow('"a" is given twice');
		expect(() => pairsOf(list, { name: 'a', value: '{"b": 1}', type: 'json' })).toThrow('a query parameter is a text, a number, true/false or a list');
		expect(() => pairsOf(list, { name: 'a', value: '[true]', type: 'json' })).toThrow('a list holding objects, lists or true/false');
		expect(() => pairsOf(list, { name: 'a', value: 'null', type: 'json' })).toThrow('is null: a query parameter needs a value');
		expect(() => pairsOf(create, { name: 'a', value: '{', type: 'json' })).toThrow(/is not valid JSON/);
		expect(() => pairsOf(create, { name: 'a', value: { b: 1 } })).toThrow('set its Value Type to JSON');
		expect(() => pairsOf(create, { name: 'a', value: '1', type: 'yaml' })).toThrow('is not one of: text, json');
		expect(() => pairsOf(create, { name: 'a', value: 'x'.repeat(1_048_577) })).toThrow('at most 1048576 are accepted');
		expect(() => pairsOf(list, { name: 'a', value: 'x'.repeat(65_536) })).toThrow('at most 65535 are accepted');
		expect(() => extraPairs(list, extraField(list), 'a=1', reject)).toThrow('is not a list of name/value pairs');
		expect(() => extraPairs(list, extraField(list), { parameter: [7] }, reject)).toThrow('pair 1 is not a name and a value');
		expect(() => pairsOf(list, { name: 7, value: '1' })).toThrow('pair 1 has no name');
	});

	it('takes any hostile value as one value of a plain name, and only plain names', () => {
		for (const value of [...HOSTILE_VALUES, ...generatedValues(25, 50)]) {
			if (typeof value === 'string' && value.length <= 65_535) expect(pairsOf(list, { name: 'note', value })).toEqual({ note: value });
			let accepted: Record<string, unknown> | undefined;
			try {
				accepted = pairsOf(create, { name: value });
			} catch (error) {
				expect((error as Error).message).toMatch(/is not a plain parameter name|pair 1 has no name|is set by|cannot be sent/);
			}
			if (accepted) for (const name of Object.keys(accepted)) expect(name).toMatch(/^[A-Za-z][A-Za-z0-9_]{0,63}$/);
		}
	});
});
