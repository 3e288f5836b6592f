import { runChain, syncroCredentials } from '../helpers/harness';
import { useSimulator, type Simulator } from '../helpers/simulator';

let sim: Simulator;
useSimulator((s) => (sim = s), { pageSizes: { line_items: 10 } });

const creds = () => syncroCredentials(sim.baseUrl, sim.token);
const run = async (parameters: Record<string, unknown>) =>
	await runChain([{}], [{ name: 'Syncro', parameters: { resource: 'lineItem', operation: 'getAll', ...parameters } }], creds());

describe('Line Item resource', () => {
	it('lists the lines of one invoice', async () => {
		const result = await run({ returnAll: true, filters: { invoice_id: { __rl: true, mode: 'url', value: 'https://demo-msp.syncromsp.com/invoices/5001' } } });
		expect(result.error).toBeUndefined();
		expect(result.output('Syncro').map((i) => [i.json.item, i.json.quantity])).toEqual([['Managed Workstation', '8.0'], ['Microsoft 365 Business Premium', '8.0']]);
		expect(sim.requests.map((r) => r.query)).toEqual([{ invoice_id: '5001', page: '1' }]);
	});

	it('lists every estimate line over all pages (full meta), keeping the filter on each page', async () => {
		const result = await run({ returnAll: true, filters: { estimate_id_not_null: true } });
		const out = result.output('Syncro');
		expect(out.length).toBe(sim.db.table('line_items').filter((l) => l.estimate_id).length);
		expect(out.every((i) => i.json.estimate_id !== null && i.json.invoice_id === null)).toBe(true);
		const pages = sim.requestsTo('GET', '/line_items');
		expect(pages.length).toBe(Math.ceil(out.length / 10));
		expect(pages.every((p) => p.query.estimate_id_not_null === 'true')).toBe(true);
	});
});
