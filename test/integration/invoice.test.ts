import { runChain, syncroCredentials, type WorkflowNodeSpec } from '../helpers/harness';
import { useSimulator, type Simulator } from '../helpers/simulator';

let sim: Simulator;
useSimulator((s) => (sim = s), { pageSizes: { invoices: 4 } });

const creds = () => syncroCredentials(sim.baseUrl, sim.token);
const rl = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });
const invoice = (operation: string, parameters: Record<string, unknown> = {}): WorkflowNodeSpec => ({
	name: 'Syncro',
	parameters: { resource: 'invoice', operation, ...parameters },
});
const run = async (operation: string, parameters: Record<string, unknown> = {}, continueOnFail = false) =>
	await runChain([{}], [{ ...invoice(operation, parameters), continueOnFail }], creds());

describe('Invoice resource', () => {
	it('lists unpaid invoices over every page, sending the filter on each page', async () => {
		const result = await run('getAll', { returnAll: true, filters: { unpaid: true } });
		expect(result.error).toBeUndefined();
		const out = result.output('Syncro').map((i) => i.json);
		const leftOut = sim.db.table('invoices').all().filter((i) => !out.some((o) => o.id === i.id));
		expect(out.length).toBeGreaterThan(4);
		expect(out.every((i) => i.is_paid === false)).toBe(true);
		expect(leftOut.length).toBeGreaterThan(0);
		const pages = sim.requestsTo('GET', '/invoices');
		expect(pages.length).toBe(Math.ceil(out.length / 4));
		expect(pages.map((p) => p.query)).toEqual(pages.map((_, i) => ({ unpaid: 'true', page: String(i + 1) })));
	});

	it('filters by ticket and change date, and stops at the limit', async () => {
		const byTicket = await run('getAll', { returnAll: false, limit: 10, filters: { ticket_id: rl(4004) } });
		expect(byTicket.output('Syncro').map((i) => i.json.id)).toEqual([5004]);
		expect(sim.requests[0].query).toEqual({ ticket_id: '4004', page: '1' });

		sim.clearRequests();
		const limited = await run('getAll', { returnAll: false, limit: 6, filters: { since_updated_at: '2026-09-01T00:00:00Z' } });
		expect(limited.output('Syncro')).toHaveLength(6);
		expect(limited.output('Syncro').every((i) => Date.parse(i.json.updated_at as string) >= Date.parse('2026-09-01T00:00:00Z'))).toBe(true);
		expect(sim.requests.map((r) => r.query.page)).toEqual(['1', '2']);
	});

	it('gets an invoice by its number (flat answer) with line items and payments', async () => {
		const result = await run('get', { invoiceIdOrNumber: '24002' });
		expect(result.error).toBeUndefined();
		const out = result.output('Syncro')[0].json;
		expect(out).toMatchObject({ id: 5002, number: '24002', is_paid: true, balance_due: '0.0' });
		expect((out.line_items as unknown[]).length).toBeGreaterThan(0);
		expect((out.payments as unknown[]).length).toBe(1);
		expect(sim.requests[0].path).toBe('/invoices/24002');
	});

	it('creates and updates an invoice; the required fields are enforced by the node', async () => {
		const missing = await run('create', { customer_id: rl(2003), number: '={{ $json.number }}', date: '2026-11-10T00:00:00Z' });
		expect(missing.error?.message).toMatch(/Invalid "Number" in item 1: a value is required/);
		expect(sim.requests).toHaveLength(0);

		const created = await run('create', { customer_id: rl(2003), number: '77001', date: '2026-11-10T00:00:00Z', additionalFields: { note: 'Thank you for your business' } });
		expect(created.error).toBeUndefined();
		const inv = created.output('Syncro')[0].json;
		expect(inv).toMatchObject({ customer_id: 2003, number: '77001', note: 'Thank you for your business', total: '0.0' });

		const updated = await run('update', { invoiceId: rl(inv.id as number), updateFields: { po_number: 'BH-4410', due_date: '2026-12-10T00:00:00Z' } });
		expect(updated.output('Syncro')[0].json).toMatchObject({ id: inv.id, po_number: 'BH-4410', due_date: '2026-12-10T00:00:00Z' });
		expect(sim.requestsTo('PUT', `/invoices/${inv.id}`)[0].body).toEqual({ po_number: 'BH-4410', due_date: '2026-12-10T00:00:00Z' });

		const duplicate = await run('create', { customer_id: rl(2003), number: '77001', date: '2026-11-10T00:00:00Z' });
		expect(duplicate.error?.message).toMatch(/422.*Number has already been taken/);
	});

	it('adds, updates and deletes line items (a product fills name and price)', async () => {
		const inv = sim.db.table('invoices').insert({ customer_id: 2005, number: '77010', date: '2026-11-11T00:00:00Z', draft: false });
		const added = await run('addLineItem', { invoiceId: rl(inv.id), additionalFields: { product_id: rl(9011), quantity: 2 } });
		expect(added.error).toBeUndefined();
		const line = added.output('Syncro')[0].json;
		expect(line).toMatchObject({ invoice_id: inv.id, item: 'Ubiquiti UniFi U6+ Access Point', price: '179.0', quantity: '2.0', taxable: true });
		expect(sim.requestsTo('POST', `/invoices/${inv.id}/line_items`)[0].body).toEqual({ product_id: 9011, quantity: 2 });

		const manual = await run('addLineItem', { invoiceId: rl(inv.id), additionalFields: { item: 'Cabling', name: 'Ran two new drops', price: 85, cost: 20, taxable: false } });
		expect(manual.output('Syncro')[0].json).toMatchObject({ item: 'Cabling', price: '85.0', taxable: false });

		const updated = await run('updateLineItem', { invoiceId: rl(inv.id), lineItemId: line.id, updateFields: { price: 169, line_discount_percent: 10 } });
		expect(updated.output('Syncro')[0].json).toMatchObject({ id: line.id, price: '169.0', discount_percent: 10 });
		expect(sim.requestsTo('PUT', `/invoices/${inv.id}/line_items/${line.id}`)[0].body).toEqual({ price: 169, line_discount_percent: 10 });

		const deleted = await run('deleteLineItem', { invoiceId: rl(inv.id), lineItemId: line.id });
		expect(deleted.output('Syncro')[0].json).toEqual({ deleted: true, id: line.id, invoice_id: inv.id, message: 'Line item deleted' });
		expect(sim.db.table('line_items').filter((l) => l.invoice_id === inv.id).map((l) => l.item)).toEqual(['Cabling']);

		const incomplete = await run('addLineItem', { invoiceId: rl(inv.id), additionalFields: { price: 10 } });
		expect(incomplete.error?.message).toMatch(/422.*Item can't be blank, Name can't be blank/);
	});

	it('refuses to change the lines of a paid invoice (Syncro answers 200 with a failure)', async () => {
		const paidLine = sim.db.table('line_items').filter((l) => l.invoice_id === 5001)[0];
		const result = await run('updateLineItem', { invoiceId: rl(5001), lineItemId: paidLine.id, updateFields: { price: 1 } });
		expect(result.error?.message).toMatch(/Syncro refused the request: Invoice is already paid/);
		expect(sim.db.table('line_items').get(paidLine.id)?.price).toBe(paidLine.price);
	});

	it('gets the ticket of an invoice, prints it and emails it', async () => {
		const ticket = await run('getTicket', { invoiceId: rl(5010) });
		expect(ticket.output('Syncro')[0].json).toMatchObject({ id: 4010, number: '30010' });

		const noTicket = await run('getTicket', { invoiceId: rl(5002) });
		expect(noTicket.error?.message).toMatch(/404.*Invoice has no ticket/);

		const printed = await run('print', { invoiceId: rl(5002) });
		expect(printed.output('Syncro')[0].json).toMatchObject({ id: 5002, message: 'Invoice print job queued' });
		expect(sim.db.table('print_jobs').filter((j) => j.record_type === 'Invoice' && j.record_id === 5002)).toHaveLength(1);

		const emailed = await run('email', { invoiceId: rl(5003) });
		expect(emailed.output('Syncro')[0].json.message).toBe('Invoice 24003 was emailed to priya@blueharborlogistics.example');
		// Syncro answers only with the message: the invoice comes with it (ID, number, total for the next node).
		expect(emailed.output('Syncro')[0].json).toMatchObject({ id: 5003, number: '24003', total: expect.anything() });
		expect(sim.requestsTo('POST', '/invoices/5003/email')).toHaveLength(1);
	});

	it('publishes a draft and converts an unpaid invoice back to a draft', async () => {
		const published = await run('publish', { invoiceId: rl(5027) });
		expect(published.error).toBeUndefined();
		expect(published.output('Syncro')[0].json).toMatchObject({ id: 5027, draft: false });
		expect(sim.db.table('invoices').get(5027)?.draft).toBe(false);

		const again = await run('publish', { invoiceId: rl(5027) });
		expect(again.error?.message).toMatch(/422.*Invoice is already published/);

		const drafted = await run('convertToDraft', { invoiceId: rl(5027) });
		expect(drafted.output('Syncro')[0].json).toMatchObject({ id: 5027, draft: true });
		expect(sim.requestsTo('POST', '/invoices/5027/convert_to_draft')).toHaveLength(1);

		const paid = await run('convertToDraft', { invoiceId: rl(5001) });
		expect(paid.error?.message).toMatch(/422.*Invoices with payments cannot be converted to drafts/);

		sim.db.table('invoice_settings').get(1)!.draft_invoices_enabled = false;
		try {
			const off = await run('publish', { invoiceId: rl(5027) });
			expect(off.error?.message).toMatch(/404.*Draft invoices are not enabled/);
		} finally {
			sim.db.table('invoice_settings').get(1)!.draft_invoices_enabled = true;
		}
	});

	it('deletes an unpaid invoice, and reports a refused delete although Syncro answers 200', async () => {
		const inv = sim.db.table('invoices').insert({ customer_id: 2007, number: '77020', date: '2026-11-12T00:00:00Z', draft: false });
		const deleted = await run('delete', { invoiceId: rl(inv.id) });
		expect(deleted.error).toBeUndefined();
		expect(deleted.output('Syncro')[0].json).toEqual({ deleted: true, id: inv.id, message: 'Invoice 77020 was deleted' });
		expect(sim.db.table('invoices').get(inv.id)).toBeUndefined();
		expect(sim.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([`DELETE /invoices/${inv.id} 200`, `GET /invoices/${inv.id} 404`]);

		sim.clearRequests();
		const refused = await run('delete', { invoiceId: rl(5002) }, true);
		expect(refused.output('Syncro')[0].json.error).toBe('Syncro did not delete invoice 5002: Invoice 24002 could not be deleted: it has payments applied');
		expect(sim.db.table('invoices').get(5002)).toBeDefined();
		expect(sim.requests.map((r) => r.status)).toEqual([200, 200]);
	});
});
