import { runChain, syncroCredentials } from '../helpers/harness';
import { useSimulator, type Simulator } from '../helpers/simulator';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { RESOURCES } = require('../../dist/nodes/Syncro/resources');

let sim: Simulator;
useSimulator((s) => (sim = s), { pageSizes: { appointments: 2 } });

const creds = () => syncroCredentials(sim.baseUrl, sim.token);
const id = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });
const appointment = (operation: string, parameters: Record<string, unknown> = {}) => ({ name: 'Syncro', parameters: { resource: 'appointment', operation, ...parameters } });

describe('Appointment resource', () => {
	it('covers every Appointment operation of the spec exactly once', () => {
		const resource = RESOURCES.find((r: { value: string }) => r.value === 'appointment');
		expect(resource.operations.map((o: { spec?: string }) => o.spec).sort()).toEqual(
			['GET /appointments', 'POST /appointments', 'GET /appointments/{id}', 'PUT /appointments/{id}', 'DELETE /appointments/{id}'].sort(),
		);
	});

	it('lists appointments in a date range, unwrapping each {"appointment": …} (no meta: stops on a short page)', async () => {
		const result = await runChain([{}], [appointment('getAll', { returnAll: true, filters: { date_from: '2026-10-06', date_to: '2026-10-10' } })], creds());
		expect(result.error).toBeUndefined();
		const out = result.output('Syncro').map((i) => i.json);
		expect(out.map((a) => a.summary)).toEqual(['Replace UPS battery', 'New hire laptop handover', 'VPN troubleshooting call', 'Server disk expansion']);
		expect(out[0]).not.toHaveProperty('appointment');
		const pages = sim.requestsTo('GET', '/appointments');
		expect(pages.map((r) => r.query.page)).toEqual(['1', '2', '3']);
		for (const page of pages) expect(page.query).toMatchObject({ date_from: '2026-10-06', date_to: '2026-10-10' });
	});

	it('lists only my appointments', async () => {
		const result = await runChain([{}], [appointment('getAll', { returnAll: true, filters: { mine: true } })], creds());
		expect(result.error).toBeUndefined();
		const out = result.output('Syncro').map((i) => i.json);
		expect(out.length).toBeGreaterThan(0);
		expect(out.every((a) => a.user_id === 11 || (a.user_ids as number[]).includes(11))).toBe(true);
		expect(sim.requests.every((r) => r.query.mine === 'true')).toBe(true);
	});

	it('creates (201), reschedules and deletes an appointment', async () => {
		const result = await runChain(
			[{}],
			[
				{
					name: 'Create',
					parameters: {
						resource: 'appointment',
						operation: 'create',
						summary: 'Firewall firmware upgrade',
						start_at: '2026-10-20T22:00:00.000Z',
						additionalFields: { appointment_duration: '1:30', customer_id: id(2001), ticket_id: id(4001), user_ids: [11, 12], appointment_type_id: 51, email_customer: true },
					},
				},
				{ name: 'Update', parameters: { resource: 'appointment', operation: 'update', appointmentId: id('={{ $json.id }}'), updateFields: { start_at: '2026-10-21T22:00:00.000Z' } } },
				{ name: 'Get', parameters: { resource: 'appointment', operation: 'get', appointmentId: id('={{ $json.id }}') } },
			],
			creds(),
		);
		expect(result.error).toBeUndefined();
		const created = result.output('Create')[0].json;
		expect(sim.requestsTo('POST', '/appointments')[0]).toMatchObject({
			status: 201,
			body: { summary: 'Firewall firmware upgrade', start_at: '2026-10-20T22:00:00.000Z', appointment_duration: '1:30', customer_id: 2001, ticket_id: 4001, user_ids: [11, 12], appointment_type_id: 51, email_customer: true },
		});
		expect(created).toMatchObject({ end_at: '2026-10-20T23:30:00.000Z', duration: 1.5 });
		expect(result.output('Get')[0].json).toMatchObject({ id: created.id, start_at: '2026-10-21T22:00:00.000Z', end_at: '2026-10-21T23:30:00.000Z' });

		const removed = await runChain([{}], [appointment('delete', { appointmentId: id(created.id as number) })], creds());
		expect(removed.output('Syncro')[0].json).toEqual({ deleted: true, id: created.id });
		expect(sim.db.table('appointments').get(created.id as number)).toBeUndefined();
	});

	it("passes Syncro's 422 when neither an end nor a duration is given", async () => {
		const result = await runChain([{}], [appointment('create', { summary: 'Open ended', start_at: '2026-10-20T22:00:00.000Z' })], creds());
		expect(result.error?.message).toMatch(/422.*End at can't be blank/);
	});

	it('requires the start, naming the item and the field', async () => {
		const result = await runChain([{}], [appointment('create', { summary: 'No start', start_at: '={{ $json.start }}' })], creds());
		expect(result.error?.message).toBe('Invalid "Start At" in item 1: a value is required');
		expect(sim.requests).toHaveLength(0);
	});
});
