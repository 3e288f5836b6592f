import { runChain, syncroCredentials } from '../helpers/harness';
import { useSimulator, type Simulator } from '../helpers/simulator';

let sim: Simulator;
useSimulator((s) => (sim = s), { pageSizes: { ticket_timers: 3 } });

const creds = () => syncroCredentials(sim.baseUrl, sim.token);
const rl = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });
const run = async (operation: string, parameters: Record<string, unknown> = {}) =>
	await runChain([{}], [{ name: 'Syncro', parameters: { resource: 'ticketTimer', operation, ...parameters } }], creds());

describe('Ticket Timer resource', () => {
	it('lists unbilled time of a technician in a date range, sending every filter on every page', async () => {
		const result = await run('getAll', {
			returnAll: true,
			filters: { user_id: 11, billing_status: 'unbilled', created_at_gt: '2026-10-01T00:00:00Z', created_at_lt: '2026-10-05T00:00:00Z' },
		});
		expect(result.error).toBeUndefined();
		expect(result.output('Syncro').map((i) => [i.json.ticket_id, i.json.billing_status])).toEqual([[4001, 'unbilled']]);
		expect(sim.requests[0].query).toEqual({ user_id: '11', billing_status: 'unbilled', created_at_gt: '2026-10-01T00:00:00Z', created_at_lt: '2026-10-05T00:00:00Z', page: '1' });

		sim.clearRequests();
		const stopped = await run('getAll', { returnAll: true, filters: { status: 'stopped' } });
		expect(stopped.output('Syncro').length).toBe(10);
		const pages = sim.requestsTo('GET', '/ticket_timers');
		expect(pages.map((p) => p.query)).toEqual([1, 2, 3, 4].map((page) => ({ status: 'stopped', page: String(page) })));
	});

	it('runs a live timer: start, pause, resume, stop; refuses invalid state changes', async () => {
		const started = await run('create', { ticket_id: rl(4008), additionalFields: { notes: 'Walking the site survey' } });
		expect(started.error).toBeUndefined();
		const timer = started.output('Syncro')[0].json;
		expect(timer).toMatchObject({ ticket_id: 4008, user_id: 11, status: 'running', billable: true, product_id: 9001, notes: 'Walking the site survey' });
		expect(sim.requestsTo('POST', '/ticket_timers')[0].body).toEqual({ ticket_id: 4008, notes: 'Walking the site survey' });

		const paused = await run('pause', { ticketTimerId: timer.id });
		expect(paused.output('Syncro')[0].json).toMatchObject({ id: timer.id, status: 'paused' });
		const pausedAgain = await run('pause', { ticketTimerId: timer.id });
		expect(pausedAgain.error?.message).toMatch(/422.*only a running timer can be paused/);

		const resumed = await run('resume', { ticketTimerId: timer.id });
		expect(resumed.output('Syncro')[0].json.status).toBe('running');
		expect(sim.requestsTo('POST', `/ticket_timers/${timer.id}/start`)).toHaveLength(1);

		const stopped = await run('stop', { ticketTimerId: timer.id });
		expect(stopped.output('Syncro')[0].json).toMatchObject({ status: 'stopped', recorded: true });
		expect(sim.db.table('timer_entries').get(timer.id as number)).toMatchObject({ status: 'stopped', recorded: true });

		const missingTicket = await run('create', { ticket_id: rl(999999) });
		expect(missingTicket.error?.message).toMatch(/422.*ticket must exist/);
	});

	it('marks logged time as non-billable with PATCH ?billable=false', async () => {
		const result = await run('updateBillable', { ticketTimerId: 12003, billable: false });
		expect(result.error).toBeUndefined();
		expect(result.output('Syncro')[0].json).toMatchObject({ id: 12003, billable: false, billing_status: 'non-billable' });
		const request = sim.requests[0];
		expect([request.method, request.path, request.query]).toEqual(['PATCH', '/ticket_timers/12003', { billable: 'false' }]);
		expect(sim.db.table('timer_entries').get(12003)?.billable).toBe(false);

		const missing = await run('updateBillable', { ticketTimerId: 424242, billable: true });
		expect(missing.error?.message).toMatch(/404.*Not found/);
	});
});
