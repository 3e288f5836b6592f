import { runChain, syncroCredentials } from '../helpers/harness';
import { useSimulator, type Simulator } from '../helpers/simulator';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { RESOURCES } = require('../../dist/nodes/Syncro/resources');

let sim: Simulator;
useSimulator((s) => (sim = s));

const creds = () => syncroCredentials(sim.baseUrl, sim.token);
const account = (operation: string, parameters: Record<string, unknown> = {}) => ({ name: 'Syncro', parameters: { resource: 'account', operation, ...parameters } });

describe('Account resource (settings, search, caller ID)', () => {
	it('covers every Setting, Search and Call operation of the spec exactly once', () => {
		const resource = RESOURCES.find((r: { value: string }) => r.value === 'account');
		expect(resource.operations.map((o: { spec?: string }) => o.spec).sort()).toEqual(['GET /settings', 'GET /settings/tabs', 'GET /settings/printing', 'GET /search', 'GET /callerid'].sort());
		expect(resource.description).toMatch(/Settings.*Search.*Caller ID/);
	});

	it('reads settings, tabs and printing settings', async () => {
		const result = await runChain(
			[{}],
			[
				{ name: 'Settings', parameters: { resource: 'account', operation: 'getSettings' } },
				{ name: 'Tabs', parameters: { resource: 'account', operation: 'getTabs' } },
				{ name: 'Printing', parameters: { resource: 'account', operation: 'getPrinting' } },
			],
			creds(),
		);
		expect(result.error).toBeUndefined();
		expect(result.output('Settings')[0].json).toMatchObject({ assets: { asset_types: expect.any(Array) }, ticket: { problem_types: expect.any(Array) } });
		expect(result.output('Tabs')[0].json).toMatchObject({ assets: true, wiki: true });
		expect(result.output('Printing')[0].json).toMatchObject({ registers: [expect.objectContaining({ name: 'Front Counter' })] });
	});

	it('searches everything with a text query (not a number) and flattens each hit', async () => {
		const result = await runChain([{}], [account('search', { query: 'northwind', returnAll: true })], creds());
		expect(result.error).toBeUndefined();
		const hits = result.output('Syncro').map((i) => i.json);
		expect(hits[0]).toMatchObject({ id: 2001, type: 'customer', index: 'customers', business_name: 'Northwind Dental' });
		expect(hits.map((h) => h.type)).toEqual(expect.arrayContaining(['customer', 'contact', 'wiki_page']));
		expect(sim.requests[0].query).toEqual({ query: 'northwind' });
	});

	it('looks up a caller, and says so when caller ID is off', async () => {
		const found = await runChain([{}], [account('callerId', { did: '+1 (503) 555-0112' })], creds());
		expect(found.error).toBeUndefined();
		expect(found.output('Syncro')[0].json).toEqual({ name: 'Blue Harbor Logistics', ticket_status: 'Open' });
		expect(sim.requests[0].query).toEqual({ did: '+1 (503) 555-0112' });

		const settings = sim.db.table('settings').get(1) as Record<string, unknown>;
		settings.caller_id_enabled = false;
		try {
			const off = await runChain([{}], [account('callerId', { did: '5035550112', options: { outbound: true } })], creds());
			expect(off.error).toBeUndefined();
			expect(off.output('Syncro')[0].json).toMatchObject({ enabled: false });
			expect(sim.requests[1].query).toEqual({ did: '5035550112', outbound: 'true' });
		} finally {
			settings.caller_id_enabled = true;
		}
	});

	it('requires the search text, naming the item and the field', async () => {
		const result = await runChain([{ q: 'x' }, {}], [account('search', { query: '={{ $json.q }}' })], creds());
		expect(result.error?.message).toBe('Invalid "Search Text" in item 2: a value is required');
	});
});
