import { runChain, syncroCredentials } from '../helpers/harness';
import { useSimulator, type Simulator } from '../helpers/simulator';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { RESOURCES } = require('../../dist/nodes/Syncro/resources');

let sim: Simulator;
useSimulator((s) => (sim = s));

const creds = () => syncroCredentials(sim.baseUrl, sim.token);
const id = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });
const vendor = (operation: string, parameters: Record<string, unknown> = {}) => ({ name: 'Syncro', parameters: { resource: 'vendor', operation, ...parameters } });

describe('Vendor resource', () => {
	it('covers every Vendor operation of the spec exactly once, and is also known as Supplier', () => {
		const resource = RESOURCES.find((r: { value: string }) => r.value === 'vendor');
		expect(resource.operations.map((o: { spec?: string }) => o.spec).sort()).toEqual(['GET /vendors', 'POST /vendors', 'GET /vendors/{id}', 'PUT /vendors/{id}'].sort());
		expect(resource.aliases).toEqual(['Supplier']);
	});

	it('lists and gets vendors', async () => {
		const result = await runChain(
			[{}],
			[
				{ name: 'List', parameters: { resource: 'vendor', operation: 'getAll', returnAll: false, limit: 1 } },
				{ name: 'Get', parameters: { resource: 'vendor', operation: 'get', vendorId: id('={{ $json.id }}') } },
			],
			creds(),
		);
		expect(result.error).toBeUndefined();
		expect(result.output('List')).toHaveLength(1);
		expect(result.output('Get')[0].json).toMatchObject({ id: 403, name: 'Amazon Business' });
	});

	it('creates and updates a vendor', async () => {
		const result = await runChain(
			[{}],
			[
				{ name: 'Create', parameters: { resource: 'vendor', operation: 'create', name: 'D&H Distributing', additionalFields: { email: 'orders@dandh.example', account_number: 'DH-1234', website: 'www.dandh.com' } } },
				{ name: 'Update', parameters: { resource: 'vendor', operation: 'update', vendorId: id('={{ $json.id }}'), updateFields: { rep_first_name: 'Mia', notes: 'Free freight over $500' } } },
			],
			creds(),
		);
		expect(result.error).toBeUndefined();
		const created = result.output('Create')[0].json;
		expect(sim.requestsTo('POST', '/vendors')[0].body).toEqual({ name: 'D&H Distributing', email: 'orders@dandh.example', account_number: 'DH-1234', website: 'www.dandh.com' });
		expect(sim.db.table('vendors').get(created.id as number)).toMatchObject({ rep_first_name: 'Mia', notes: 'Free freight over $500', account_number: 'DH-1234' });
	});

	it("passes Syncro's 422 for a malformed email and names a missing name", async () => {
		const bad = await runChain([{}], [vendor('update', { vendorId: id(401), updateFields: { email: 'broken_emailmail.com' } })], creds());
		expect(bad.error?.message).toMatch(/422.*Email is not an email/);
		const missing = await runChain([{}], [vendor('create', { name: '={{ $json.name }}' })], creds());
		expect(missing.error?.message).toBe('Invalid "Name" in item 1: a value is required');
	});
});
