import { runChain, syncroCredentials } from '../helpers/harness';
import { useSimulator, type Simulator } from '../helpers/simulator';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { RESOURCES } = require('../../dist/nodes/Syncro/resources');

let sim: Simulator;
useSimulator((s) => (sim = s), { pageSizes: { rmm_alerts: 8 } });

const creds = () => syncroCredentials(sim.baseUrl, sim.token);
const id = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });
const alert = (operation: string, parameters: Record<string, unknown> = {}) => ({ name: 'Syncro', parameters: { resource: 'rmmAlert', operation, ...parameters } });

describe('RMM Alert resource', () => {
	it('covers every RMM Alert operation of the spec exactly once', () => {
		const resource = RESOURCES.find((r: { value: string }) => r.value === 'rmmAlert');
		const specs = resource.operations.map((o: { spec?: string }) => o.spec).filter(Boolean).sort();
		expect(specs).toEqual(['GET /rmm_alerts', 'POST /rmm_alerts', 'POST /rmm_alerts/{id}/mute', 'GET /rmm_alerts/{id}', 'DELETE /rmm_alerts/{id}'].sort());
	});

	it('lists active alerts over every page (reduced meta), the status sent each time', async () => {
		const result = await runChain([{}], [alert('getAll', { returnAll: true })], creds());
		expect(result.error).toBeUndefined();
		const out = result.output('Syncro').map((i) => i.json);
		expect(out).toHaveLength(sim.db.table('rmm_alerts').filter((a) => !a.resolved).length);
		expect(out.every((a) => a.resolved === false)).toBe(true);
		expect(sim.requests.map((r) => r.query)).toEqual([
			{ status: 'active', page: '1' },
			{ status: 'active', page: '2' },
			{ status: 'active', page: '3' },
		]);
	});

	it('lists resolved alerts up to a limit', async () => {
		const result = await runChain([{}], [alert('getAll', { status: 'resolved', limit: 3 })], creds());
		expect(result.error).toBeUndefined();
		expect(result.output('Syncro').map((i) => i.json.resolved)).toEqual([true, true, true]);
		expect(sim.requests).toHaveLength(1);
	});

	it('gets an alert shaped like a real agent-offline alert', async () => {
		const result = await runChain([{}], [alert('get', { rmmAlertId: 9001 })], creds());
		expect(result.error).toBeUndefined();
		expect(result.output('Syncro')[0].json).toMatchObject({
			id: 9001,
			computer_name: 'NORT-WS01',
			description: 'Agent Offline Trigger',
			properties: { trigger: 'agent_offline_trigger', description: 'Agent Offline Trigger' },
			resolved: false,
		});
	});

	it('creates an alert: property fields nested in properties, {success, alert} unwrapped', async () => {
		const result = await runChain(
			[{}],
			[
				alert('create', {
					customer_id: id(2002),
					description: 'Backup job failed',
					asset_id: id(7025),
					additionalFields: { formatted_output: 'Veeam job "Nightly" failed: disk full', trigger: 'veeam_backup_failed', skip_automation: true, properties: '{"source": "veeam"}' },
				}),
			],
			creds(),
		);
		expect(result.error).toBeUndefined();
		const json = result.output('Syncro')[0].json;
		expect(json).toMatchObject({ customer_id: 2002, asset_id: 7025, description: 'Backup job failed', resolved: false });
		expect(json).not.toHaveProperty('success');
		expect(sim.requests[0].body).toEqual({
			customer_id: 2002,
			description: 'Backup job failed',
			asset_id: 7025,
			formatted_output: 'Veeam job "Nightly" failed: disk full',
			properties: { source: 'veeam', trigger: 'veeam_backup_failed', skip_automation: true, description: 'Backup job failed' },
		});
		expect(sim.requests[0].status).toBe(201);
		expect(sim.db.table('rmm_alerts').get(json.id as number)).toMatchObject({ computer_name: 'CONT-WS01' });
	});

	it("reports Syncro's object-shaped 422 for an asset of another customer", async () => {
		const result = await runChain([{}], [alert('create', { customer_id: id(2003), description: 'Oops', asset_id: id(7001) })], creds());
		expect(result.error?.message).toMatch(/422.*asset must belong to the customer/);
	});

	it('mutes an alert for a period and clears (resolves) another', async () => {
		const muted = await runChain([{}], [alert('mute', { rmmAlertId: 9003, mute_for: '1-week' })], creds());
		expect(muted.error).toBeUndefined();
		// Syncro answers {"success": "true"}: the alert that was muted comes back instead.
		expect(muted.output('Syncro')[0].json).toMatchObject({ id: 9003, muted_until: expect.any(String) });
		expect(sim.requests[0]).toMatchObject({ method: 'POST', path: '/rmm_alerts/9003/mute', query: { mute_for: '1-week' } });
		expect(sim.db.table('rmm_alerts').get(9003)?.muted_until).toEqual(expect.any(String));

		const cleared = await runChain([{}], [alert('delete', { rmmAlertId: 9004 })], creds());
		expect(cleared.error).toBeUndefined();
		expect(sim.db.table('rmm_alerts').get(9004)).toMatchObject({ resolved: true });
	});

	it('rejects a mute period Syncro does not know, naming the item and the field', async () => {
		const result = await runChain([{ period: 'forever' }, { period: '3-days' }], [alert('mute', { rmmAlertId: 9005, mute_for: '={{ $json.period }}' })], creds());
		expect(result.error?.message).toMatch(/^Invalid "Mute For" in item 2: "3-days" is not one of: 1-hour, 1-day/);
		expect(sim.requestsTo('POST', '/rmm_alerts/9005/mute')).toHaveLength(1);
		expect(sim.db.table('rmm_alerts').get(9005)?.muted_until).toBe('forever');
	});
});
