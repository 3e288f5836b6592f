import { runChain, syncroCredentials } from '../helpers/harness';
import { useSimulator, type Simulator } from '../helpers/simulator';

let sim: Simulator;
useSimulator((s) => (sim = s), { pageSizes: { items: 2 } });

const creds = () => syncroCredentials(sim.baseUrl, sim.token);

describe('Part Order resource', () => {
	it('lists outstanding part orders over every page, sending the filter on each page', async () => {
		const result = await runChain([{}], [{ name: 'Syncro', parameters: { resource: 'partOrder', operation: 'getAll', returnAll: true, filters: { completed: false } } }], creds());
		expect(result.error).toBeUndefined();
		const out = result.output('Syncro').map((i) => i.json);
		expect(out.map((i) => i.description)).toEqual([
			'SFP+ 10G SR module',
			'Server PSU 750W hot-swap',
			'Wi-Fi access point mount bracket',
			'27" monitor Dell P2723D',
			'Toner HP 58A',
		]);
		expect(out.every((i) => i.receivedon === null)).toBe(true);
		const pages = sim.requestsTo('GET', '/items');
		expect(pages.map((p) => p.query)).toEqual([
			{ completed: 'false', page: '1' },
			{ completed: 'false', page: '2' },
			{ completed: 'false', page: '3' },
		]);
	});

	it('searches part orders by tracking number', async () => {
		const result = await runChain([{}], [{ name: 'Syncro', parameters: { resource: 'partOrder', operation: 'getAll', limit: 5, filters: { query: '1Z999AA10123456702', completed: true } } }], creds());
		expect(result.output('Syncro').map((i) => i.json.description)).toEqual(['USB-C dock WD19S']);
	});
});
