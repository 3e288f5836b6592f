import { runChain, syncroCredentials } from '../helpers/harness';
import { useSimulator, type Simulator } from '../helpers/simulator';

let sim: Simulator;
useSimulator((s) => (sim = s), { pageSizes: { estimates: 2 } });

const creds = () => syncroCredentials(sim.baseUrl, sim.token);
const rl = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });
const run = async (operation: string, parameters: Record<string, unknown> = {}) =>
	await runChain([{}], [{ name: 'Syncro', parameters: { resource: 'estimate', operation, ...parameters } }], creds());

describe('Estimate resource', () => {
	it('lists approved estimates over every page, keeping the filter on each page', async () => {
		const result = await run('getAll', { returnAll: true, filters: { status: 'approved' } });
		expect(result.error).toBeUndefined();
		const out = result.output('Syncro').map((i) => i.json);
		expect(out.length).toBe(sim.db.table('estimates').filter((e) => e.status === 'Approved').length);
		expect(out.every((e) => e.status === 'Approved')).toBe(true);
		const pages = sim.requestsTo('GET', '/estimates');
		expect(pages.length).toBe(2);
		expect(pages.every((p) => p.query.status === 'approved')).toBe(true);
	});

	it('gets an estimate by ID, or by number when no estimate has the ID', async () => {
		const byId = await run('get', { estimateId: rl(6002) });
		expect(byId.output('Syncro')[0].json).toMatchObject({ id: 6002, number: '1002', name: 'Office Wi-Fi upgrade' });
		expect((byId.output('Syncro')[0].json.line_items as unknown[]).length).toBe(3);

		const byNumber = await run('get', { estimateId: rl(999999), options: { number: '1005' } });
		expect(byNumber.output('Syncro')[0].json).toMatchObject({ id: 6005, number: '1005' });
		expect(sim.requestsTo('GET', '/estimates/999999')[0].query).toEqual({ number: '1005' });
	});

	it('creates a quote, adds, updates and removes lines, then emails and prints it', async () => {
		const created = await run('create', { customer_id: rl(2004), date: '2026-11-15T00:00:00Z', additionalFields: { name: 'Exam room PCs', note: 'Includes setup' } });
		expect(created.error).toBeUndefined();
		const est = created.output('Syncro')[0].json;
		expect(est).toMatchObject({ customer_id: 2004, name: 'Exam room PCs', status: 'Fresh', total: '0.0' });
		expect(sim.requestsTo('POST', '/estimates')[0].body).toEqual({ customer_id: 2004, date: '2026-11-15T00:00:00Z', name: 'Exam room PCs', note: 'Includes setup' });

		const pc = await run('addLineItem', { estimateId: rl(est.id as number), name: 'OptiPlex with Windows 11 Pro', additionalFields: { product_id: rl(9010), quantity: 2 } });
		expect(pc.error).toBeUndefined();
		const line = pc.output('Syncro')[0].json;
		expect(line).toMatchObject({ item: 'Dell OptiPlex 7010 Micro', name: 'OptiPlex with Windows 11 Pro', price: '899.0', quantity: '2.0' });
		const labor = await run('addLineItem', { estimateId: rl(est.id as number), name: 'Setup and data transfer', additionalFields: { item: 'Labor', price: 140, quantity: 3 } });
		expect(labor.output('Syncro')[0].json).toMatchObject({ item: 'Labor', price: '140.0' });

		const updated = await run('updateLineItem', { estimateId: rl(est.id as number), lineItemId: line.id, updateFields: { quantity: 3, discount_percent: 5 } });
		expect(updated.output('Syncro')[0].json).toMatchObject({ id: line.id, quantity: '3.0', discount_percent: 5 });

		const afterRemove = await run('deleteLineItem', { estimateId: rl(est.id as number), lineItemId: labor.output('Syncro')[0].json.id });
		// The estimate comes back: 3 x 899 less 5 %, taxed at 8 %.
		expect(afterRemove.output('Syncro')[0].json).toMatchObject({
			deleted: true,
			id: labor.output('Syncro')[0].json.id,
			estimate_id: est.id,
			estimate: { id: est.id, subtotal: '2562.15', tax: '204.97', total: '2767.12' },
		});
		expect(sim.db.table('line_items').filter((l) => l.estimate_id === est.id)).toHaveLength(1);

		const emailed = await run('email', { estimateId: rl(est.id as number) });
		expect(emailed.output('Syncro')[0].json.message).toBe(`We emailed estimate ${est.number} to ethan@summitfamilyclinic.example`);
		// Syncro answers only with the message: the estimate the email was about comes with it.
		expect(emailed.output('Syncro')[0].json).toMatchObject({ id: est.id, number: est.number, total: '2767.12' });
		expect(sim.db.table('estimates').get(est.id as number)?.last_emailed).toEqual(expect.any(String));

		const printed = await run('print', { estimateId: rl(est.id as number) });
		expect(printed.output('Syncro')[0].json).toMatchObject({ id: est.id, number: est.number, message: 'We queued up a print job' });
		expect(sim.db.table('print_jobs').filter((j) => j.record_type === 'Estimate' && j.record_id === est.id)).toHaveLength(1);
	});

	it('requires a line name, and reports Syncro\'s validation errors', async () => {
		const noName = await run('addLineItem', { estimateId: rl(6001), name: '={{ $json.name }}' });
		expect(noName.error?.message).toMatch(/Invalid "Name" in item 1: a value is required/);

		const unknownProduct = await run('addLineItem', { estimateId: rl(6001), name: 'Widget', additionalFields: { product_id: rl(12345) } });
		expect(unknownProduct.error?.message).toMatch(/422.*validation error: Product must exist/);
	});

	it('converts an estimate into an invoice with the same lines', async () => {
		const result = await run('convertToInvoice', { estimateId: rl(6003) });
		expect(result.error).toBeUndefined();
		const inv = result.output('Syncro')[0].json;
		const estimate = sim.db.table('estimates').get(6003)!;
		expect(inv).toMatchObject({ customer_id: estimate.customer_id, is_paid: false });
		expect(estimate.invoice_id).toBe(inv.id);
		const estimateLines = sim.db.table('line_items').filter((l) => l.estimate_id === 6003).map((l) => [l.item, l.quantity, l.price]);
		const invoiceLines = sim.db.table('line_items').filter((l) => l.invoice_id === inv.id).map((l) => [l.item, l.quantity, l.price]);
		expect(invoiceLines).toEqual(estimateLines);

		const again = await run('convertToInvoice', { estimateId: rl(6003) });
		expect(again.error?.message).toMatch(/422.*already converted/);
	});

	it('updates and deletes an estimate', async () => {
		const updated = await run('update', { estimateId: rl(6004), updateFields: { status: 'Declined' } });
		expect(updated.output('Syncro')[0].json).toMatchObject({ id: 6004, status: 'Declined' });
		expect(sim.requestsTo('PUT', '/estimates/6004')[0].body).toEqual({ status: 'Declined' });

		const deleted = await run('delete', { estimateId: rl(6004) });
		expect(deleted.output('Syncro')[0].json).toEqual({ deleted: true, id: 6004, message: '6004: We deleted # 1004' });
		expect(sim.db.table('estimates').get(6004)).toBeUndefined();
		expect(sim.db.table('line_items').filter((l) => l.estimate_id === 6004)).toHaveLength(0);
	});
});
