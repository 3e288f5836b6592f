import { runChain, syncroCredentials } from '../helpers/harness';
import { useSimulator, type Simulator } from '../helpers/simulator';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { RESOURCES } = require('../../dist/nodes/Syncro/resources');

let sim: Simulator;
useSimulator((s) => (sim = s));

const creds = () => syncroCredentials(sim.baseUrl, sim.token);
const id = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });
const run = (parameters: Record<string, unknown>) => ({ name: 'Syncro', parameters: { resource: 'script', operation: 'run', ...parameters } });

describe('Script resource (newer than the cached spec)', () => {
	it('has one Run operation needing "Scripts - Execute"', () => {
		const resource = RESOURCES.find((r: { value: string }) => r.value === 'script');
		expect(resource.operations).toHaveLength(1);
		expect(resource.operations[0]).toMatchObject({ operation: 'run', isNew: true, permission: 'Scripts - Execute', path: '/rmm/public_scripts/{asset_id}/schedule' });
	});

	it('runs a script now with runtime variables nested under script_options', async () => {
		const result = await runChain([{}], [run({ assetId: id(7003), script_id: 803, run_type: 'now', next_time: '2026-10-01T02:00:00Z', additionalFields: { runtime_variables: { field: [{ name: 'service_name', value: 'Spooler' }] }, run_as: 'system' } })], creds());
		expect(result.error).toBeUndefined();
		expect(result.output('Syncro')[0].json).toEqual({ message: 'Ok, script scheduled.' });
		expect(sim.requests[0]).toMatchObject({ method: 'POST', path: '/rmm/public_scripts/7003/schedule' });
		expect(sim.requests[0].body).toEqual({ script_id: 803, run_type: 'now', run_as: 'system', freq: 'once', script_options: { runtime_variables: { service_name: 'Spooler' } } });
		expect(sim.db.table('script_runs').filter((r) => r.asset_id === 7003)).toEqual([expect.objectContaining({ script_id: 803, runtime_variables: { service_name: 'Spooler' } })]);
	});

	it('schedules a later run with its time', async () => {
		const result = await runChain([{}], [run({ assetId: id(7004), script_id: 801, run_type: 'later', next_time: '2026-10-02T03:00:00Z' })], creds());
		expect(result.error).toBeUndefined();
		expect(sim.requests[0].body).toEqual({ script_id: 801, run_type: 'later', next_time: '2026-10-02T03:00:00Z', freq: 'once' });
		expect(sim.db.table('script_runs').filter((r) => r.asset_id === 7004)[0]).toMatchObject({ next_time: '2026-10-02T03:00:00Z' });
	});

	it('refuses a later run without a time before sending anything, naming the item', async () => {
		const result = await runChain([{}], [run({ assetId: id(7004), script_id: 801, run_type: 'later' })], creds());
		expect(result.error?.message).toMatch(/Missing "Run At" in item 1/);
		expect(sim.requests).toHaveLength(0);
	});

	it("passes Syncro's 422 when a runtime variable is missing", async () => {
		const result = await runChain([{}], [run({ assetId: id(7004), script_id: 802, run_type: 'now' })], creds());
		expect(result.error?.message).toMatch(/422.*Runtime variable drive is required/);
	});
});
