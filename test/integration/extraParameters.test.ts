/**
 * Extra Query Parameters and Extra Body Fields: what a person's own Syncro scripts send that an operation has
 * no field for, sent beside its fields from the operation itself, with its pages and unwrapped records; and
 * the named fields that public evidence added (README, "Parameters beyond Syncro's document").
 */
import { runChain, syncroCredentials, type WorkflowNodeSpec } from '../helpers/harness';
import { useSimulator, type Simulator } from '../helpers/simulator';

let sim: Simulator;
useSimulator((s) => (sim = s), { pageSizes: { invoices: 4 } });

const creds = () => syncroCredentials(sim.baseUrl, sim.token);
const rl = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });
type Pair = { name: string; value: unknown; type?: 'text' | 'json' };
const pairs = (...list: Pair[]) => ({ parameter: list });
const node = (resource: string, operation: string, parameters: Record<string, unknown>, continueOnFail = false): WorkflowNodeSpec => ({
	name: 'Syncro',
	parameters: { resource, operation, ...parameters },
	continueOnFail,
});
const run = async (resource: string, operation: string, parameters: Record<string, unknown>, items: Array<Record<string, unknown>> = [{}], continueOnFail = false) =>
	await runChain(items, [node(resource, operation, parameters, continueOnFail)], creds());

describe('Extra Query Parameters on a list', () => {
	it('sends the pairs beside the filters on every page; the records page and unwrap as without them', async () => {
		const plain = await run('invoice', 'getAll', { returnAll: true, filters: { unpaid: true } });
		const plainIds = plain.output('Syncro').map((i) => i.json.id);
		sim.clearRequests();

		const extra = await run('invoice', 'getAll', {
			returnAll: true,
			filters: {
				unpaid: true,
				extraQueryParameters: pairs({ name: 'status', value: 'Sent' }, { name: 'statuses', value: '["Sent", "Viewed"]', type: 'json' }, { name: 'per_page', value: 4, type: 'text' }),
			},
		});
		expect(extra.error).toBeUndefined();
		expect(extra.output('Syncro').map((i) => i.json.id)).toEqual(plainIds);
		expect(extra.output('Syncro')[0].json).not.toHaveProperty('invoices');
		const pages = sim.requestsTo('GET', '/invoices');
		expect(pages.length).toBe(Math.ceil(plainIds.length / 4));
		expect(pages.length).toBeGreaterThan(1);
		expect(pages.map((p) => p.query)).toEqual(
			pages.map((_, i) => ({ unpaid: 'true', status: 'Sent', statuses: ['Sent', 'Viewed'], per_page: '4', page: String(i + 1) })),
		);
		expect(pages[0].url).toContain('statuses%5B%5D=Sent&statuses%5B%5D=Viewed');
	});

	it('sends what a value holds as one value: &, =, #, ../ and line breaks do not split the query or reach the path', async () => {
		const hostile = 'a&page=99#frag/../../customers?x=1\r\nX-Injected: 1 %2e%2e ü';
		const result = await run('rmmAlert', 'getAll', { returnAll: false, limit: 2, filters: { extraQueryParameters: pairs({ name: 'note', value: hostile }) } });
		expect(result.error).toBeUndefined();
		const [request] = sim.requests;
		expect(request.path).toBe('/rmm_alerts');
		expect(request.query).toEqual({ status: 'active', note: hostile, page: '1' });
	});

	it('filters invoices by customer with the named Customer filter (not in Syncro\'s document), in the simulator too', async () => {
		const result = await run('invoice', 'getAll', { returnAll: true, filters: { customer_id: rl(2003) } });
		expect(result.error).toBeUndefined();
		const ids = result.output('Syncro').map((i) => i.json.customer_id);
		expect(ids.length).toBeGreaterThan(0);
		expect(new Set(ids)).toEqual(new Set([2003]));
		expect(ids.length).toBe(sim.db.table('invoices').filter((i) => i.customer_id === 2003).length);
		expect(sim.requests.every((r) => r.query.customer_id === '2003')).toBe(true);
		// The same name as an extra pair is refused: the filter has a field.
		const twice = await run('invoice', 'getAll', { filters: { extraQueryParameters: pairs({ name: 'customer_id', value: '2003' }) } });
		expect(twice.error?.message).toBe(
			'Invalid "Extra Query Parameters" in Filters in item 1: "customer_id" is set by "Customer" in Filters of this operation: use that field (parameter "customer_id")',
		);
	});
});

describe('Extra Body Fields on a create and an update', () => {
	it('adds body keys to a time entry, typed as JSON where asked; the record comes back unwrapped', async () => {
		const result = await run('ticket', 'addTimerEntry', {
			ticketId: rl(4001),
			start_at: '2026-11-20T09:00:00Z',
			additionalFields: {
				notes: 'On site',
				extraBodyFields: pairs({ name: 'billable_override', value: 'true', type: 'json' }, { name: 'hidden', value: true }, { name: 'tag', value: '12' }),
			},
		});
		expect(result.error).toBeUndefined();
		const [request] = sim.requestsTo('POST', '/tickets/4001/timer_entry');
		expect(request.body).toEqual({ start_at: '2026-11-20T09:00:00Z', notes: 'On site', billable_override: true, hidden: true, tag: '12' });
		const out = result.output('Syncro')[0].json;
		expect(out).toMatchObject({ ticket_id: 4001, notes: 'On site' });
		expect(out).not.toHaveProperty('ticket_timer');
	});

	it('adds body keys to a line item update: numbers, a list and null as JSON', async () => {
		const inv = sim.db.table('invoices').insert({ customer_id: 2005, number: '78010', date: '2026-11-11T00:00:00Z', draft: false });
		const line = sim.db.table('line_items').insert({ invoice_id: inv.id, estimate_id: null, item: 'Cabling', name: 'Two drops', price: 85, cost: 20, quantity: 1, taxable: false, position: 1 });
		const result = await run('invoice', 'updateLineItem', {
			invoiceId: rl(inv.id),
			lineItemId: line.id,
			updateFields: {
				price: 80,
				extraBodyFields: pairs(
					{ name: 'discount_percent', value: '5', type: 'json' },
					{ name: 'tax_rate_id', value: '7', type: 'json' },
					{ name: 'position', value: 2, type: 'json' },
					{ name: 'tags', value: '["a", 1]', type: 'json' },
					{ name: 'tax_note', value: 'null', type: 'json' },
				),
			},
		});
		expect(result.error).toBeUndefined();
		const [request] = sim.requestsTo('PUT', `/invoices/${inv.id}/line_items/${line.id}`);
		expect(request.body).toEqual({ price: 80, discount_percent: 5, tax_rate_id: 7, position: 2, tags: ['a', 1], tax_note: null });
		expect(result.output('Syncro')[0].json).toMatchObject({ id: line.id, price: '80.0' });
	});

	it('gives operations without optional fields an Options collection with them (Invoice > Delete sends them on the DELETE only)', async () => {
		const inv = sim.db.table('invoices').insert({ customer_id: 2005, number: '78020', date: '2026-11-11T00:00:00Z', draft: false });
		const result = await run('invoice', 'delete', { invoiceId: rl(inv.id), options: { extraQueryParameters: pairs({ name: 'force', value: 'true' }) } });
		expect(result.error).toBeUndefined();
		expect(result.output('Syncro')[0].json).toMatchObject({ deleted: true, id: inv.id });
		expect(sim.requestsTo('DELETE', `/invoices/${inv.id}`)[0].query).toEqual({ force: 'true' });
		expect(sim.requestsTo('GET', `/invoices/${inv.id}`)[0].query).toEqual({});
	});

	it('sends Extra Body Fields of a file upload as form fields beside the file', async () => {
		const pdf = { data: Buffer.from('%PDF-1.4 quote').toString('base64'), mimeType: 'application/pdf', fileName: 'quote.pdf' };
		const result = await run('purchaseOrder', 'addAttachment', {
			purchaseOrderId: 8502,
			binary_property: 'data',
			additionalFields: { extraBodyFields: pairs({ name: 'description', value: 'Vendor quote' }, { name: 'visible', value: 'true', type: 'json' }) },
		}, [{ $binary: pdf }]);
		expect(result.error).toBeUndefined();
		const body = String(sim.requestsTo('POST', '/purchase_orders/8502/attachments')[0].body);
		expect(body).toMatch(/name="description"\r\n\r\nVendor quote\r\n/);
		expect(body).toMatch(/name="visible"\r\n\r\ntrue\r\n/);

		const object = await run('purchaseOrder', 'addAttachment', {
			purchaseOrderId: 8502,
			binary_property: 'data',
			additionalFields: { extraBodyFields: pairs({ name: 'meta', value: '{"a": 1}', type: 'json' }) },
		}, [{ $binary: pdf }]);
		expect(object.error?.message).toBe('Invalid "Extra Body Fields" in Additional Fields in item 1: the value of "meta" is an object or a list, which a file upload cannot send');
	});
});

describe('what is refused, before anything is sent', () => {
	const refusals: Array<[string, string, string, Record<string, unknown>, string | RegExp]> = [
		['a name a top-level field sets', 'invoice', 'create', { customer_id: rl(2003), number: '78030', date: '2026-11-10T00:00:00Z', additionalFields: { extraBodyFields: pairs({ name: 'number', value: 'x' }) } },
			'Invalid "Extra Body Fields" in Additional Fields in item 1: "number" is set by the field "Number" of this operation: use that field (parameter "number")'],
		['a name an optional field sets', 'invoice', 'update', { invoiceId: rl(5003), updateFields: { extraBodyFields: pairs({ name: 'po_number', value: 'x' }) } },
			'Invalid "Extra Body Fields" in Update Fields in item 1: "po_number" is set by "PO Number" in Update Fields of this operation: use that field (parameter "po_number")'],
		['a path placeholder', 'invoice', 'update', { invoiceId: rl(5003), updateFields: { extraBodyFields: pairs({ name: 'id', value: '1' }) } },
			'Invalid "Extra Body Fields" in Update Fields in item 1: "id" is set by the field "Invoice" of this operation: use that field (parameter "invoiceId")'],
		['the page of a list', 'invoice', 'getAll', { filters: { extraQueryParameters: pairs({ name: 'page', value: '3' }) } },
			'Invalid "Extra Query Parameters" in Filters in item 1: "page" is set by the node as it pages through the list: use Return All or Limit'],
		['a key a named hook sets', 'script', 'run', { assetId: rl(3001), script_id: 5, run_type: 'now', additionalFields: { extraBodyFields: pairs({ name: 'freq', value: 'daily' }) } },
			'Invalid "Extra Body Fields" in Additional Fields in item 1: "freq" is set by the node itself for Run'],
		['a token in the URL', 'ticket', 'get', { ticketId: rl(4001), options: { extraQueryParameters: pairs({ name: 'api_key', value: 'T0KEN' }) } },
			'Invalid "Extra Query Parameters" in Options in item 1: "api_key" cannot be sent: the node sends the credential\'s API token in the Authorization header; a token given here would end up in URLs and logs'],
		['a Rails routing name', 'ticket', 'get', { ticketId: rl(4001), options: { extraQueryParameters: pairs({ name: 'format', value: 'xml' }) } },
			'Invalid "Extra Query Parameters" in Options in item 1: "format" cannot be sent: Syncro (Rails) reads it to choose the format of its answer, which the node reads as JSON'],
		['a nested name', 'ticket', 'update', { ticketId: rl(4001), updateFields: { extraBodyFields: pairs({ name: 'ticket[subject]', value: 'x' }) } },
			'Invalid "Extra Body Fields" in Update Fields in item 1: "ticket[subject]" is not a plain parameter name (a letter, then letters, digits and "_", at most 64): give the outer name with a JSON object as its value'],
		['a list name', 'rmmAlert', 'getAll', { filters: { extraQueryParameters: pairs({ name: 'status_list[]', value: 'a' }) } },
			'Invalid "Extra Query Parameters" in Filters in item 1: "status_list[]" is not a plain parameter name (a letter, then letters, digits and "_", at most 64): give "status_list" with a JSON list as its value'],
		['a name given twice', 'rmmAlert', 'getAll', { filters: { extraQueryParameters: pairs({ name: 'a', value: '1' }, { name: 'a', value: '2' }) } },
			'Invalid "Extra Query Parameters" in Filters in item 1: "a" is given twice'],
		['JSON that does not parse', 'ticket', 'update', { ticketId: rl(4001), updateFields: { extraBodyFields: pairs({ name: 'due', value: '{oops', type: 'json' }) } },
			/^Invalid "Extra Body Fields" in Update Fields in item 1: the value of "due" is not valid JSON \(Expected property name .* at position 1/],
		['an object in a query', 'rmmAlert', 'getAll', { filters: { extraQueryParameters: pairs({ name: 'where', value: '{"a": 1}', type: 'json' }) } },
			'Invalid "Extra Query Parameters" in Filters in item 1: the value of "where" is an object: a query parameter is a text, a number, true/false or a list of texts and numbers'],
		['an object as text', 'ticket', 'update', { ticketId: rl(4001), updateFields: { extraBodyFields: pairs({ name: 'due', value: '={{ { a: 1 } }}' }) } },
			'Invalid "Extra Body Fields" in Update Fields in item 1: the value of "due" is an object or a list: set its Value Type to JSON to send it as JSON'],
		['a pair without a name', 'ticket', 'update', { ticketId: rl(4001), updateFields: { extraBodyFields: pairs({ name: ' ', value: 'x' }) } },
			'Invalid "Extra Body Fields" in Update Fields in item 1: pair 1 has no name'],
	];

	it.each(refusals)('refuses %s, naming the item and the field', async (_what, resource, operation, parameters, message) => {
		sim.clearRequests();
		const result = await run(resource, operation, parameters);
		if (typeof message === 'string') expect(result.error?.message).toBe(message);
		else expect(result.error?.message).toMatch(message);
		expect(sim.requests.filter((r) => r.method !== 'GET' || !/^\/(users|settings)/.test(r.path))).toHaveLength(0);
	});

	it('with Continue On Fail gives every input item an output item: the refused one an error, the others their record', async () => {
		const result = await run(
			'ticket',
			'get',
			{ ticketId: rl(4001), options: { extraQueryParameters: pairs({ name: '={{ $json.name }}', value: '1' }) } },
			[{ name: 'include_comments' }, { name: 'bad name' }, { name: 'format' }],
			true,
		);
		expect(result.error).toBeUndefined();
		const out = result.output('Syncro');
		expect(out).toHaveLength(3);
		expect(out[0].json).toMatchObject({ id: 4001 });
		expect(out[1].json.error).toMatch(/^Invalid "Extra Query Parameters" in Options in item 2: "bad name" is not a plain parameter name/);
		expect(out[2].json.error).toMatch(/^Invalid "Extra Query Parameters" in Options in item 3: "format" cannot be sent/);
		expect(sim.requestsTo('GET', '/tickets/4001').map((r) => r.query)).toEqual([{ include_comments: '1' }]);
	});

	it('skips a row left empty, and Custom API Call has none (its Query Parameters send any name)', async () => {
		const result = await run('ticket', 'get', { ticketId: rl(4001), options: { extraQueryParameters: pairs({ name: '', value: '' }) } });
		expect(result.error).toBeUndefined();
		expect(sim.requestsTo('GET', '/tickets/4001')[0].query).toEqual({});
		sim.clearRequests();
		const custom = await run('customApiCall', 'request', { method: 'GET', path: '/tickets/4001', options: { extraQueryParameters: pairs({ name: 'a', value: '1' }) } });
		expect(custom.error).toBeUndefined();
		expect(sim.requestsTo('GET', '/tickets/4001')[0].query).toEqual({});
	});
});

describe("the calls people's own Syncro scripts make, each in its named operation (none needs Custom API Call)", () => {
	it('lists: invoices by status, appointments by customer and technician, RMM alerts by customer', async () => {
		const calls: Array<[string, string, Record<string, unknown>, string, Record<string, string>]> = [
			['invoice', 'getAll', { filters: { customer_id: rl(2003), extraQueryParameters: pairs({ name: 'status', value: 'paid' }) } }, '/invoices', { customer_id: '2003', status: 'paid' }],
			['appointment', 'getAll', { filters: { extraQueryParameters: pairs({ name: 'customer_id', value: '2003' }, { name: 'user_id', value: 11, type: 'json' }) } }, '/appointments', { customer_id: '2003', user_id: '11' }],
			['rmmAlert', 'getAll', { filters: { extraQueryParameters: pairs({ name: 'customer_id', value: '2003' }) } }, '/rmm_alerts', { customer_id: '2003' }],
		];
		for (const [resource, operation, parameters, path, sent] of calls) {
			sim.clearRequests();
			const result = await run(resource, operation, { returnAll: false, limit: 3, ...parameters });
			expect(result.error).toBeUndefined();
			const [request] = sim.requestsTo('GET', path);
			expect(request.query).toMatchObject(sent);
		}
	});

	it('writes: a time entry updated with billable_override and hidden, an invoice line added with discount, tax rate and position', async () => {
		const added = await run('ticket', 'addTimerEntry', { ticketId: rl(4001), start_at: '2026-11-21T09:00:00Z', additionalFields: { duration_minutes: 30 } });
		const entryId = added.output('Syncro')[0].json.id as number;
		sim.clearRequests();
		const updated = await run('ticket', 'updateTimerEntry', {
			ticketId: rl(4001),
			timer_entry_id: entryId,
			updateFields: { notes: 'Warranty', extraBodyFields: pairs({ name: 'billable_override', value: 'false', type: 'json' }, { name: 'hidden', value: 'true', type: 'json' }) },
		});
		expect(updated.error).toBeUndefined();
		expect(sim.requestsTo('PUT', '/tickets/4001/update_timer_entry')[0].body).toEqual({ timer_entry_id: entryId, notes: 'Warranty', billable_override: false, hidden: true });
		expect(updated.output('Syncro')[0].json).toMatchObject({ id: entryId, notes: 'Warranty' });

		const inv = sim.db.table('invoices').insert({ customer_id: 2005, number: '78040', date: '2026-11-11T00:00:00Z', draft: false });
		const line = await run('invoice', 'addLineItem', {
			invoiceId: rl(inv.id),
			additionalFields: {
				item: 'Cabling',
				name: 'Two drops',
				price: 85,
				extraBodyFields: pairs({ name: 'discount_percent', value: '10', type: 'json' }, { name: 'tax_rate_id', value: '3', type: 'json' }, { name: 'position', value: '1', type: 'json' }),
			},
		});
		expect(line.error).toBeUndefined();
		expect(sim.requestsTo('POST', `/invoices/${inv.id}/line_items`)[0].body).toEqual({ item: 'Cabling', name: 'Two drops', price: 85, discount_percent: 10, tax_rate_id: 3, position: 1 });
		expect(line.output('Syncro')[0].json).toMatchObject({ invoice_id: inv.id, item: 'Cabling' });
	});
});
