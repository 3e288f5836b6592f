import { runChain, syncroCredentials } from '../helpers/harness';
import { useSimulator, type Simulator } from '../helpers/simulator';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { RESOURCES } = require('../../dist/nodes/Syncro/resources');

let sim: Simulator;
useSimulator((s) => (sim = s));

const creds = () => syncroCredentials(sim.baseUrl, sim.token);
const id = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });
const folder = (operation: string, parameters: Record<string, unknown> = {}) => ({ name: 'Syncro', parameters: { resource: 'policyFolder', operation, ...parameters } });

describe('Policy Folder resource (newer than the cached spec)', () => {
	it('marks every operation as new', () => {
		const resource = RESOURCES.find((r: { value: string }) => r.value === 'policyFolder');
		expect(resource.operations.map((o: { operation: string }) => o.operation)).toEqual(['getAll', 'get', 'create', 'update', 'delete']);
		expect(resource.operations.every((o: { isNew?: boolean; spec?: string }) => o.isNew && !o.spec)).toBe(true);
	});

	it('lists the folders of a customer page by page with per_page', async () => {
		const result = await runChain([{}], [folder('getAll', { customer_id: id(2001), returnAll: true, filters: { per_page: 2 } })], creds());
		expect(result.error).toBeUndefined();
		const out = result.output('Syncro').map((i) => i.json);
		expect(out.map((f) => f.name)).toEqual(['Northwind Dental', 'Servers', 'Front desk', 'Check-in kiosks']);
		expect(out.find((f) => f.name === 'Front desk')).toMatchObject({ partial_policy_id: null, effective_policy_id: 31 });
		expect(sim.requests.map((r) => r.query)).toEqual([
			{ customer_id: '2001', per_page: '2', page: '1' },
			{ customer_id: '2001', per_page: '2', page: '2' },
		]);
	});

	it('creates a folder, attaches then detaches a policy (sending null), and deletes it', async () => {
		const result = await runChain(
			[{}],
			[
				{ name: 'Create', parameters: { resource: 'policyFolder', operation: 'create', customer_id: id(2001), name: 'Imaging PCs', parent_id: 10012 } },
				{ name: 'Attach', parameters: { resource: 'policyFolder', operation: 'update', policyFolderId: '={{ $json.id }}', updateFields: { partial_policy_id: 33 } } },
				{ name: 'Detach', parameters: { resource: 'policyFolder', operation: 'update', policyFolderId: '={{ $json.id }}', updateFields: { detach_policy: true, name: 'Imaging workstations' } } },
			],
			creds(),
		);
		expect(result.error).toBeUndefined();
		const created = result.output('Create')[0].json;
		expect(sim.requestsTo('POST', '/policy_folders')[0].body).toEqual({ customer_id: 2001, name: 'Imaging PCs', parent_id: 10012 });
		expect(result.output('Attach')[0].json).toMatchObject({ partial_policy_id: 33, effective_policy_id: 33 });
		expect(sim.requestsTo('PUT', `/policy_folders/${created.id}`)[1].body).toEqual({ name: 'Imaging workstations', partial_policy_id: null });
		expect(result.output('Detach')[0].json).toMatchObject({ name: 'Imaging workstations', partial_policy_id: null, effective_policy_id: 31 });

		const removed = await runChain([{}], [folder('delete', { policyFolderId: created.id })], creds());
		expect(removed.error).toBeUndefined();
		expect(sim.db.table('policy_folders').get(created.id as number)).toBeUndefined();
	});

	it("passes Syncro's 422 for a folder that still has subfolders", async () => {
		const result = await runChain([{}], [folder('delete', { policyFolderId: 10012 })], creds());
		expect(result.error?.message).toMatch(/422.*subfolders/);
		expect(sim.db.table('policy_folders').get(10012)).toBeDefined();
	});

	it('requires the parent folder, naming the item and the field', async () => {
		const result = await runChain([{}], [folder('create', { customer_id: id(2001), name: 'Orphan', parent_id: '={{ $json.parent }}' })], creds());
		expect(result.error?.message).toBe('Invalid "Parent Folder ID" in item 1: a value is required');
		expect(sim.requests).toHaveLength(0);
	});
});
