import { runChain, syncroCredentials } from '../helpers/harness';
import { useSimulator, type Simulator } from '../helpers/simulator';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { RESOURCES } = require('../../dist/nodes/Syncro/resources');

let sim: Simulator;
useSimulator((s) => (sim = s));

const creds = () => syncroCredentials(sim.baseUrl, sim.token);
const id = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });
const portalUser = (operation: string, parameters: Record<string, unknown> = {}) => ({ name: 'Syncro', parameters: { resource: 'portalUser', operation, ...parameters } });

describe('Portal User resource', () => {
	it('covers every Portal User operation of the spec exactly once', () => {
		const resource = RESOURCES.find((r: { value: string }) => r.value === 'portalUser');
		expect(resource.operations.map((o: { spec?: string }) => o.spec).sort()).toEqual(
			['GET /portal_users', 'POST /portal_users', 'PUT /portal_users/{id}', 'DELETE /portal_users/{id}', 'POST /portal_users/create_invitation'].sort(),
		);
	});

	it('lists the portal users of a customer by email', async () => {
		const result = await runChain([{}], [portalUser('getAll', { returnAll: true, filters: { customer_id: id(2002), email: 'Daniel.Brooks@contosolegalllp.example' } })], creds());
		expect(result.error).toBeUndefined();
		expect(result.output('Syncro').map((i) => i.json)).toEqual([expect.objectContaining({ id: 6502, customer_id: 2002, contact_id: 3011 })]);
		expect(sim.requests[0].query).toEqual({ customer_id: '2002', email: 'Daniel.Brooks@contosolegalllp.example', page: '1' });
	});

	it('creates a portal user, invites, updates and deletes it', async () => {
		const result = await runChain(
			[{}],
			[
				{ name: 'Create', parameters: { resource: 'portalUser', operation: 'create', customer_id: id(2004), email: 'ethan.walsh@summitfamilyclinic.example', additionalFields: { contact_id: id(3031), password: 'S3cure!pass', password_confirmation: 'S3cure!pass', portal_group_id: 4 } } },
				{ name: 'Invite', parameters: { resource: 'portalUser', operation: 'sendInvitation', portalUserId: '={{ $json.id }}' } },
			],
			creds(),
		);
		expect(result.error).toBeUndefined();
		const created = result.output('Create')[0].json;
		expect(created).toMatchObject({ email: 'ethan.walsh@summitfamilyclinic.example', customer_id: 2004, contact_id: 3031, portal_group_id: 4 });
		expect(created).not.toHaveProperty('password');
		expect(sim.requestsTo('POST', '/portal_users/create_invitation')[0].body).toEqual({ id: created.id });
		expect(result.output('Invite')[0].json).toEqual({ success: true, message: "All set, we BCC'd you on that invitation." });
		expect(sim.db.table('portal_users').get(created.id as number)?.invited_at).toEqual(expect.any(String));

		const updated = await runChain([{}], [portalUser('update', { portalUserId: created.id, updateFields: { portal_group_id: 5 } })], creds());
		expect(updated.output('Syncro')[0].json).toMatchObject({ id: created.id, portal_group_id: 5 });
		const removed = await runChain([{}], [portalUser('delete', { portalUserId: created.id })], creds());
		expect(removed.output('Syncro')[0].json).toMatchObject({ deleted: true, id: created.id, email: 'ethan.walsh@summitfamilyclinic.example' });
		expect(sim.db.table('portal_users').get(created.id as number)).toBeUndefined();
	});

	it("passes Syncro's 422 when the passwords differ", async () => {
		const result = await runChain([{}], [portalUser('create', { customer_id: id(2005), email: 'olivia.grant@cedarstonearchitects.example', additionalFields: { password: 'one', password_confirmation: 'two' } })], creds());
		expect(result.error?.message).toMatch(/422.*Password confirmation doesn't match Password/);
	});

	it('requires the email, naming the item and the field', async () => {
		const result = await runChain([{}], [portalUser('create', { customer_id: id(2005), email: '={{ $json.email }}' })], creds());
		expect(result.error?.message).toBe('Invalid "Email" in item 1: a value is required');
	});
});
