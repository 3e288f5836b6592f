import { runChain, syncroCredentials } from '../helpers/harness';
import { useSimulator, type Simulator } from '../helpers/simulator';

let sim: Simulator;
useSimulator((s) => (sim = s));

const creds = () => syncroCredentials(sim.baseUrl, sim.token);
const run = async (operation: string, parameters: Record<string, unknown> = {}) =>
	await runChain([{}], [{ name: 'Syncro', parameters: { resource: 'timelog', operation, ...parameters } }], creds());

describe('Timelog resource', () => {
	it('lists the timelogs of one employee in one request, newest first', async () => {
		const result = await run('getAll', { returnAll: true, filters: { user_id: 13 } });
		expect(result.error).toBeUndefined();
		const out = result.output('Syncro').map((i) => i.json);
		expect(out).toHaveLength(5);
		expect(out.every((t) => t.user_id === 13)).toBe(true);
		expect(sim.requests.map((r) => r.url)).toEqual(['/api/v1/timelogs?user_id=13']);
	});

	it('shows who is clocked in with Get Last', async () => {
		const result = await run('getLast', { options: { user_id: 12 } });
		expect(result.output('Syncro')[0].json).toMatchObject({ user_id: 12, out_at: null, in_note: 'Morning shift' });
	});

	it('clocks the token user in, then out', async () => {
		const clockIn = await run('update', { options: { in_note: 'Starting at the Boise clinic' } });
		expect(clockIn.error).toBeUndefined();
		const open = clockIn.output('Syncro')[0].json;
		expect(open).toMatchObject({ user_id: 11, out_at: null, in_note: 'Starting at the Boise clinic' });

		const clockOut = await run('update', { options: { out_note: 'Back at the office', lunch: false } });
		const closed = clockOut.output('Syncro')[0].json;
		expect(closed).toMatchObject({ id: open.id, out_note: 'Back at the office', out_at: expect.any(String) });
		expect(sim.requestsTo('PUT', '/timelogs').map((r) => r.body)).toEqual([{ in_note: 'Starting at the Boise clinic' }, { out_note: 'Back at the office', lunch: false }]);
		expect(sim.db.table('timelogs').get(open.id as number)?.out_at).toEqual(expect.any(String));
	});
});
