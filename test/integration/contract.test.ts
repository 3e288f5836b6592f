import { runChain, syncroCredentials } from '../helpers/harness';
import { useSimulator, type Simulator } from '../helpers/simulator';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { RESOURCES } = require('../../dist/nodes/Syncro/resources');

let sim: Simulator;
useSimulator((s) => (sim = s), { pageSizes: { contracts: 4 } });

const creds = () => syncroCredentials(sim.baseUrl, sim.token);
const id = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });
const contract = (operation: string, parameters: Record<string, unknown> = {}) => ({ name: 'Syncro', parameters: { resource: 'contract', operation, ...parameters } });

describe('Contract resource', () => {
	it('covers every Contract operation of the spec exactly once', () => {
		const resource = RESOURCES.find((r: { value: string }) => r.value === 'contract');
		expect(resource.operations.map((o: { spec?: string }) => o.spec).sort()).toEqual(
			['GET /contracts', 'POST /contracts', 'GET /contracts/{id}', 'PUT /contracts/{id}', 'DELETE /contracts/{id}'].sort(),
		);
	});

	it('lists every contract over the pages (full meta)', async () => {
		const result = await runChain([{}], [contract('getAll', { returnAll: true })], creds());
		expect(result.error).toBeUndefined();
		expect(result.output('Syncro')).toHaveLength(6);
		expect(sim.requests.map((r) => r.query)).toEqual([{ page: '1' }, { page: '2' }]);
	});

	it('creates, updates, soft-deletes a contract', async () => {
		const result = await runChain(
			[{}],
			[
				{ name: 'Create', parameters: { resource: 'contract', operation: 'create', customer_id: id(2008), additionalFields: { name: 'Fleet Laptops 2027', contract_amount: '12k', start_date: '2027-01-01T00:00:00.000Z', likelihood: 70, apply_to_all: false } } },
				{ name: 'Update', parameters: { resource: 'contract', operation: 'update', contractId: id('={{ $json.id }}'), updateFields: { status: 'Active', sla_id: 2 } } },
			],
			creds(),
		);
		expect(result.error).toBeUndefined();
		const created = result.output('Create')[0].json;
		expect(sim.requestsTo('POST', '/contracts')[0].body).toEqual({ customer_id: 2008, name: 'Fleet Laptops 2027', contract_amount: '12k', start_date: '2027-01-01T00:00:00.000Z', likelihood: 70, apply_to_all: false });
		expect(result.output('Update')[0].json).toMatchObject({ id: created.id, customer_id: 2008, status: 'Active', sla_id: 2 });

		const removed = await runChain([{}], [contract('delete', { contractId: id(created.id as number) })], creds());
		expect(removed.error).toBeUndefined();
		expect(sim.db.table('contracts').get(created.id as number)?.deleted_at).toEqual(expect.any(String));
		const after = await runChain([{}], [contract('get', { contractId: id(created.id as number) })], creds());
		expect(after.error).toBeUndefined();
		expect(after.output('Syncro')[0].json).toMatchObject({ found: false });
	});

	it('requires the customer, naming the item and the field', async () => {
		const result = await runChain([{}], [contract('create', { customer_id: id('={{ $json.customer }}') })], creds());
		expect(result.error?.message).toBe('Invalid "Customer" in item 1: a value is required');
		expect(sim.requests).toHaveLength(0);
	});
});
