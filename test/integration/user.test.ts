import { runChain, syncroCredentials } from '../helpers/harness';
import { useSimulator, type Simulator } from '../helpers/simulator';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { RESOURCES } = require('../../dist/nodes/Syncro/resources');

let sim: Simulator;
useSimulator((s) => (sim = s));

const creds = () => syncroCredentials(sim.baseUrl, sim.token);
const user = (operation: string, parameters: Record<string, unknown> = {}) => ({ name: 'Syncro', parameters: { resource: 'user', operation, ...parameters } });

describe('User resource', () => {
	it('covers every User and User Device operation of the spec exactly once', () => {
		const resource = RESOURCES.find((r: { value: string }) => r.value === 'user');
		expect(resource.operations.map((o: { spec?: string }) => o.spec).sort()).toEqual(
			['GET /me', 'GET /users', 'GET /users/{id}', 'POST /otp_login', 'POST /user_devices', 'GET /user_devices/{id}', 'PUT /user_devices/{id}'].sort(),
		);
	});

	it('turns the [id, name] tuples of GET /users into objects', async () => {
		const result = await runChain([{}], [user('getAll', { returnAll: true })], creds());
		expect(result.error).toBeUndefined();
		expect(result.output('Syncro').map((i) => i.json)).toEqual([
			{ id: 11, name: 'Alex Rivera' },
			{ id: 12, name: 'Sam Chen' },
			{ id: 13, name: 'Jordan Patel' },
		]);
		expect(sim.requests[0].query).toEqual({});
	});

	it('gets the token user and one user', async () => {
		const result = await runChain(
			[{}],
			[
				{ name: 'Me', parameters: { resource: 'user', operation: 'getMe' } },
				{ name: 'User', parameters: { resource: 'user', operation: 'get', userId: 12 } },
			],
			creds(),
		);
		expect(result.error).toBeUndefined();
		expect(result.output('Me')[0].json).toMatchObject({ user_id: 11, subdomain: 'demo-msp', permissions: expect.any(Object) });
		expect(result.output('User')[0].json).toMatchObject({ id: 12, name: 'Sam Chen' });
	});

	it('registers a technician device, reads it by UUID and replaces its push token', async () => {
		const uuid = 'F00DCAFE-1111-4222-8333-444455556666';
		const result = await runChain(
			[{}],
			[
				{ name: 'Create', parameters: { resource: 'user', operation: 'createDevice', device_uuid: uuid, additionalFields: { device_name: 'Sam Pixel', system_name: 'Android', registration_token_gcm: 'fcm-old' } } },
				{ name: 'Update', parameters: { resource: 'user', operation: 'updateDevice', deviceUuid: '={{ $json.device_uuid }}', registration_token_gcm: 'fcm-new' } },
				{ name: 'Get', parameters: { resource: 'user', operation: 'getDevice', deviceUuid: uuid } },
			],
			creds(),
		);
		expect(result.error).toBeUndefined();
		expect(sim.requestsTo('POST', '/user_devices')[0].body).toEqual({ device_uuid: uuid, device_name: 'Sam Pixel', system_name: 'Android', registration_token_gcm: 'fcm-old' });
		expect(sim.requestsTo('PUT', `/user_devices/${uuid}`)[0].body).toEqual({ registration_token_gcm: 'fcm-new' });
		expect(result.output('Get')[0].json).toMatchObject({ device_uuid: uuid, registration_token_gcm: 'fcm-new', user_id: 11 });
	});

	it('logs in with a one-time password', async () => {
		const result = await runChain([{}], [user('otpLogin', { code: '246810' })], creds());
		expect(result.error).toBeUndefined();
		expect(result.output('Syncro')[0].json).toMatchObject({ login: true, session_token: expect.any(String) });
		expect(sim.requests[0].body).toEqual({ code: '246810' });
	});

	it('requires the device UUID, naming the item and the field', async () => {
		const result = await runChain([{}], [user('createDevice', { device_uuid: '={{ $json.uuid }}' })], creds());
		expect(result.error?.message).toBe('Invalid "Device UUID" in item 1: a value is required');
		expect(sim.requests).toHaveLength(0);
	});
});
