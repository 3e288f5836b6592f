import { runChain, syncroCredentials } from '../helpers/harness';
import { useSimulator, type Simulator } from '../helpers/simulator';

let sim: Simulator;
useSimulator((s) => (sim = s), { pageSizes: { payments: 3 } });

const creds = () => syncroCredentials(sim.baseUrl, sim.token);
const rl = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });
const run = async (operation: string, parameters: Record<string, unknown> = {}) =>
	await runChain([{}], [{ name: 'Syncro', parameters: { resource: 'payment', operation, ...parameters } }], creds());

describe('Payment resource', () => {
	it('lists payments matching a search over every page, sending the search on each page', async () => {
		const result = await run('getAll', { returnAll: true, filters: { query: 'check' } });
		expect(result.error).toBeUndefined();
		const out = result.output('Syncro').map((i) => i.json);
		expect(out.length).toBe(sim.db.table('payments').filter((p) => p.payment_method === 'Check').length);
		expect(out.length).toBeGreaterThan(3);
		expect(out.every((p) => p.payment_method === 'Check')).toBe(true);
		const pages = sim.requestsTo('GET', '/payments');
		expect(pages.length).toBe(Math.ceil(out.length / 3));
		expect(pages.every((p) => p.query.query === 'check')).toBe(true);
	});

	it('records a payment on an invoice by number, which pays the invoice', async () => {
		const before = await runChain([{}], [{ name: 'Invoice', parameters: { resource: 'invoice', operation: 'get', invoiceIdOrNumber: '24020' } }], creds());
		const invoice = before.output('Invoice')[0].json;
		expect(invoice.is_paid).toBe(false);
		const cents = Math.round(Number(invoice.balance_due) * 100);

		const result = await run('create', { amount_cents: cents, additionalFields: { invoice_number: '24020', payment_method: 'Check', ref_num: '10877' } });
		expect(result.error).toBeUndefined();
		const payment = result.output('Syncro')[0].json;
		expect(payment).toMatchObject({ payment_amount: cents / 100, invoice_ids: [invoice.id], payment_method: 'Check', ref_num: '10877', customer_id: invoice.customer_id });
		expect(sim.requestsTo('POST', '/payments')[0].body).toEqual({ amount_cents: cents, invoice_number: '24020', payment_method: 'Check', ref_num: '10877' });

		const after = await runChain([{}], [{ name: 'Invoice', parameters: { resource: 'invoice', operation: 'get', invoiceIdOrNumber: String(invoice.id) } }], creds());
		expect(after.output('Invoice')[0].json).toMatchObject({ is_paid: true, balance_due: '0.0' });
	});

	it('splits a payment over two invoices with Apply Payments and gets it back', async () => {
		const [a, b] = [5004, 5024];
		const result = await run('create', {
			amount_cents: 10000,
			additionalFields: { customer_id: rl(2004), apply_payments: JSON.stringify({ [a]: 6000, [b]: 4000 }), payment_method: 'Cash' },
		});
		expect(result.error).toBeUndefined();
		const payment = result.output('Syncro')[0].json;
		expect(payment.invoice_ids).toEqual([a, b]);
		expect(sim.db.table('payment_applications').filter((x) => x.payment_id === payment.id).map((x) => [x.invoice_id, x.amount_cents])).toEqual([[a, 6000], [b, 4000]]);

		const got = await run('get', { paymentId: rl(payment.id as number) });
		expect(got.output('Syncro')[0].json).toMatchObject({ id: payment.id, payment_amount: 100, customer: { id: 2004 } });
	});

	it('refuses an unknown payment method with Syncro\'s 422 message', async () => {
		const result = await run('create', { amount_cents: 500, additionalFields: { customer_id: rl(2001), payment_method: 'Bitcoin' } });
		expect(result.error?.message).toMatch(/422.*Payment method Bitcoin is not a payment method of this account/);
		expect(sim.db.table('payments').filter((p) => p.amount_cents === 500)).toHaveLength(0);
	});

	it('lists the payment methods (one request, no pages)', async () => {
		const result = await run('getPaymentMethods', { returnAll: true });
		expect(result.output('Syncro').map((i) => i.json.name)).toEqual(['Credit Card', 'Cash', 'Check', 'Offline CC', 'Quick', 'Other']);
		expect(sim.requests.map((r) => r.url)).toEqual(['/api/v1/payment_methods']);
	});
});
