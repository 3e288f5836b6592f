import { runChain, syncroCredentials } from '../helpers/harness';
import { useSimulator, type Simulator } from '../helpers/simulator';

let sim: Simulator;
useSimulator((s) => (sim = s), { pageSizes: { purchase_orders: 2 } });

const creds = () => syncroCredentials(sim.baseUrl, sim.token);
const rl = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });
const run = async (operation: string, parameters: Record<string, unknown> = {}) =>
	await runChain([{}], [{ name: 'Syncro', parameters: { resource: 'purchaseOrder', operation, ...parameters } }], creds());

describe('Purchase Order resource', () => {
	it('lists every purchase order (no meta: stops on a short page) and gets one with its lines', async () => {
		const all = await run('getAll', { returnAll: true });
		expect(all.error).toBeUndefined();
		expect(all.output('Syncro').map((i) => i.json.number)).toEqual(['PO-1003', 'PO-1002', 'PO-1001']);
		expect(sim.requestsTo('GET', '/purchase_orders').map((r) => r.query.page)).toEqual(['1', '2']);

		const one = await run('get', { purchaseOrderId: 8502 });
		expect(one.output('Syncro')[0].json).toMatchObject({ id: 8502, status: 'Ordered', vendor_id: 401 });
		expect((one.output('Syncro')[0].json.line_items as unknown[]).length).toBe(2);
	});

	it('orders stocked products, receives them into stock and finishes the order', async () => {
		const created = await run('create', { vendor_id: rl(402), additionalFields: { general_notes: 'Access points for Lakeside Veterinary', shipping_cents: 2500, expected_date: '2026-11-20T00:00:00Z' } });
		expect(created.error).toBeUndefined();
		const po = created.output('Syncro')[0].json;
		expect(po).toMatchObject({ status: 'Draft', vendor_id: 402, shipping: 25, general_notes: 'Access points for Lakeside Veterinary' });
		expect(sim.requestsTo('POST', '/purchase_orders')[0].body).toEqual({ vendor_id: 402, general_notes: 'Access points for Lakeside Veterinary', shipping_cents: 2500, expected_date: '2026-11-20T00:00:00Z' });

		const notStocked = await run('addLineItem', { purchaseOrderId: po.id, product_id: rl(9001), quantity: 1 });
		expect(notStocked.error?.message).toMatch(/422.*set to .Maintain Stock/);

		const line = await run('addLineItem', { purchaseOrderId: po.id, product_id: rl(9011), quantity: 3 });
		expect(line.output('Syncro')[0].json).toMatchObject({ purchase_order_id: po.id, product_id: 9011, quantity: 3, cost_cents: 12900, received: false });

		const early = await run('update', { purchaseOrderId: po.id, updateFields: { status: 'Finished' } });
		expect(early.error?.message).toMatch(/422.*cannot be Finished while line items are not received/);

		const stockBefore = sim.db.table('products').get(9011)?.quantity as number;
		const received = await run('receive', { purchaseOrderId: po.id, line_item_id: line.output('Syncro')[0].json.id });
		expect(received.output('Syncro')[0].json).toMatchObject({ id: po.id, status: 'Finished' });
		expect(sim.db.table('products').get(9011)?.quantity).toBe(stockBefore + 3);

		const tracked = await run('update', { purchaseOrderId: po.id, updateFields: { delivery_tracking: '1Z999AA10123456799', shipping_cents: 1800 } });
		expect(tracked.output('Syncro')[0].json).toMatchObject({ delivery_tracking: '1Z999AA10123456799', shipping: 18 });
		expect(sim.requestsTo('PUT', `/purchase_orders/${po.id}`).pop()?.body).toEqual({ delivery_tracking: '1Z999AA10123456799', shipping_cents: 1800 });
	});
});

describe('Purchase order attachments [NEW]', () => {
	const pdf = { data: Buffer.from('%PDF-1.4 quote from vendor').toString('base64'), fileName: 'vendor-quote.pdf', mimeType: 'application/pdf' };

	it('uploads the input item\'s file as multipart form data', async () => {
		const result = await runChain(
			[{ $binary: pdf }],
			[{ name: 'Syncro', parameters: { resource: 'purchaseOrder', operation: 'addAttachment', purchaseOrderId: 8502, binary_property: 'data', additionalFields: { name: 'Vendor quote' } } }],
			syncroCredentials(sim.baseUrl, sim.token),
		);
		expect(result.error).toBeUndefined();
		// The attachment itself, out of Syncro's {"attachment": {...}} envelope, as every other write returns its record.
		const [out] = result.output('Syncro');
		expect(out.json).toMatchObject({ purchase_order_id: 8502, file_name: 'vendor-quote.pdf', name: 'Vendor quote' });
		expect(out.json).not.toHaveProperty('attachment');
		const [request] = sim.requestsTo('POST', '/purchase_orders/8502/attachments');
		expect(String(request.body)).toContain('%PDF-1.4 quote from vendor');
		expect(sim.db.table('po_attachments').all()).toHaveLength(1);
	});

	it('refuses a file type Syncro does not take, and a missing binary property, before sending', async () => {
		const wrongType = await runChain(
			[{ $binary: { ...pdf, fileName: 'setup.exe' } }],
			[{ name: 'Syncro', parameters: { resource: 'purchaseOrder', operation: 'addAttachment', purchaseOrderId: 8502, binary_property: 'data' } }],
			syncroCredentials(sim.baseUrl, sim.token),
		);
		expect(wrongType.error?.message).toMatch(/^Invalid file in item 1: Syncro accepts jpg, .* files, not "setup.exe"$/);
		const missing = await runChain([{}], [{ name: 'Syncro', parameters: { resource: 'purchaseOrder', operation: 'addAttachment', purchaseOrderId: 8502, binary_property: 'data' } }], syncroCredentials(sim.baseUrl, sim.token));
		expect(missing.error?.message).toBe('Invalid "Input Binary Field" in item 1: the item has no binary property "data"');
		expect(sim.requestsTo('POST', /attachments$/)).toHaveLength(0);
	});
});
