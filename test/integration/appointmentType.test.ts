import { runChain, syncroCredentials } from '../helpers/harness';
import { useSimulator, type Simulator } from '../helpers/simulator';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { RESOURCES } = require('../../dist/nodes/Syncro/resources');

let sim: Simulator;
useSimulator((s) => (sim = s));

const creds = () => syncroCredentials(sim.baseUrl, sim.token);
const type = (operation: string, parameters: Record<string, unknown> = {}) => ({ name: 'Syncro', parameters: { resource: 'appointmentType', operation, ...parameters } });

describe('Appointment Type resource', () => {
	it('covers every Appointment Type operation of the spec exactly once', () => {
		const resource = RESOURCES.find((r: { value: string }) => r.value === 'appointmentType');
		expect(resource.operations.map((o: { spec?: string }) => o.spec).sort()).toEqual(
			['GET /appointment_types', 'POST /appointment_types', 'GET /appointment_types/{id}', 'PUT /appointment_types/{id}', 'DELETE /appointment_types/{id}'].sort(),
		);
	});

	it('lists the appointment types in one request (no paging)', async () => {
		const result = await runChain([{}], [type('getAll', { returnAll: true })], creds());
		expect(result.error).toBeUndefined();
		expect(result.output('Syncro').map((i) => i.json.name)).toEqual(['On-site Visit', 'Remote Session', 'Drop-off at Shop']);
		expect(sim.requests.map((r) => r.query)).toEqual([{}]);
	});

	it('creates (location type required), updates, gets and deletes an appointment type', async () => {
		const result = await runChain(
			[{}],
			[
				{ name: 'Create', parameters: { resource: 'appointmentType', operation: 'create', name: 'Video Call', location_type: 1, additionalFields: { email_instructions: 'A Teams link follows.' } } },
				{ name: 'Update', parameters: { resource: 'appointmentType', operation: 'update', appointmentTypeId: '={{ $json.id }}', updateFields: { location_hard_code: 'Microsoft Teams' } } },
				{ name: 'Get', parameters: { resource: 'appointmentType', operation: 'get', appointmentTypeId: '={{ $json.id }}' } },
			],
			creds(),
		);
		expect(result.error).toBeUndefined();
		const created = result.output('Create')[0].json;
		expect(sim.requestsTo('POST', '/appointment_types')[0].body).toEqual({ name: 'Video Call', location_type: 1, email_instructions: 'A Teams link follows.' });
		expect(created).toMatchObject({ name: 'Video Call', location_type: 'manual_entry' });
		expect(result.output('Get')[0].json).toMatchObject({ id: created.id, location_hard_code: 'Microsoft Teams' });

		const removed = await runChain([{}], [type('delete', { appointmentTypeId: created.id })], creds());
		expect(removed.error).toBeUndefined();
		expect(sim.db.table('appointment_types').get(created.id as number)).toBeUndefined();
	});

	it('requires the location type, naming the item and the field', async () => {
		const result = await runChain([{}], [type('create', { name: 'Phone', location_type: '={{ $json.kind }}' })], creds());
		expect(result.error?.message).toBe('Invalid "Location Type" in item 1: a value is required');
		expect(sim.requests).toHaveLength(0);
	});
});
