import { runChain, syncroCredentials } from '../helpers/harness';
import { useSimulator, type Simulator } from '../helpers/simulator';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { RESOURCES } = require('../../dist/nodes/Syncro/resources');

let sim: Simulator;
useSimulator((s) => (sim = s));

const creds = () => syncroCredentials(sim.baseUrl, sim.token);
const id = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });
const contact = (operation: string, parameters: Record<string, unknown> = {}) => ({ name: 'Syncro', parameters: { resource: 'contact', operation, ...parameters } });

describe('Contact resource', () => {
	it('covers every Contact operation of the spec exactly once', () => {
		const resource = RESOURCES.find((r: { value: string }) => r.value === 'contact');
		const specs = resource.operations.map((o: { spec?: string }) => o.spec).filter(Boolean).sort();
		expect(specs).toEqual(['GET /contacts', 'POST /contacts', 'GET /contacts/{id}', 'PUT /contacts/{id}', 'DELETE /contacts/{id}'].sort());
	});

	it('lists the contacts of one customer over every page', async () => {
		const result = await runChain([{}], [contact('getAll', { customer_id: id(2001), returnAll: true })], creds());
		expect(result.error).toBeUndefined();
		const out = result.output('Syncro').map((i) => i.json);
		expect(out).toHaveLength(sim.db.table('contacts').filter((c) => c.customer_id === 2001).length);
		expect(out.length).toBeGreaterThan(25);
		expect(out.every((c) => c.customer_id === 2001)).toBe(true);
		const pages = sim.requestsTo('GET', '/contacts');
		expect(pages.map((r) => r.query)).toEqual([
			{ customer_id: '2001', page: '1' },
			{ customer_id: '2001', page: '2' },
		]);
	});

	it('gets a contact (flat object, no wrapper)', async () => {
		const result = await runChain([{}], [contact('get', { contactId: id(3011) })], creds());
		expect(result.error).toBeUndefined();
		expect(result.output('Syncro')[0].json).toMatchObject({ id: 3011, customer_id: 2002, name: 'Daniel Brooks' });
	});

	it('creates, updates (title into properties) and deletes a contact', async () => {
		const result = await runChain(
			[{}],
			[
				{ name: 'Create', parameters: { resource: 'contact', operation: 'create', customer_id: id(2003), name: 'Keisha Grant', additionalFields: { email: 'keisha@blueharborlogistics.example', phone: '253-555-0101' } } },
				{ name: 'Update', parameters: { resource: 'contact', operation: 'update', contactId: id('={{ $json.id }}'), updateFields: { title: 'IT Coordinator', mobile: '253-555-0199' } } },
			],
			creds(),
		);
		expect(result.error).toBeUndefined();
		const created = result.output('Create')[0].json;
		expect(sim.requestsTo('POST', '/contacts')[0].body).toEqual({ customer_id: 2003, name: 'Keisha Grant', email: 'keisha@blueharborlogistics.example', phone: '253-555-0101' });
		expect(result.output('Update')[0].json).toMatchObject({ id: created.id, mobile: '253-555-0199', properties: { title: 'IT Coordinator' } });
		expect(sim.requestsTo('PUT', `/contacts/${created.id}`)[0].body).toEqual({ title: 'IT Coordinator', mobile: '253-555-0199' });

		const removed = await runChain([{}], [contact('delete', { contactId: id(created.id as number) })], creds());
		expect(removed.output('Syncro')[0].json).toEqual({ deleted: true, id: created.id });
		expect(sim.db.table('contacts').get(created.id as number)).toBeUndefined();
	});

	it('requires a name on create, naming the item and the field', async () => {
		const result = await runChain([{ name: 'Ann Lee' }, { name: '' }], [contact('create', { customer_id: id(2003), name: '={{ $json.name }}' })], creds());
		expect(result.error?.message).toBe('Invalid "Name" in item 2: a value is required');
		expect(sim.requestsTo('POST', '/contacts').map((r) => r.body?.name)).toEqual(['Ann Lee']);
	});

	it("passes Syncro's string-shaped 422 through", async () => {
		const result = await runChain([{}], [contact('create', { customer_id: id(2003), name: 'Bad Email', additionalFields: { email: 'xxx' } })], creds());
		expect(result.error?.message).toMatch(/422.*Email is not an email/);
	});

	describe('Find or Create', () => {
		it('finds a contact by email on a later page, ignoring case', async () => {
			const result = await runChain([{}], [contact('findOrCreate', { customer_id: id(2001), email: ' ZOE@northwinddental.example ', name: 'Zoe H.' })], creds());
			expect(result.error).toBeUndefined();
			expect(result.output('Syncro')[0].json).toMatchObject({ email: 'zoe@northwinddental.example', customer_id: 2001, findOrCreateResult: 'found' });
			expect(sim.requestsTo('GET', '/contacts').map((r) => r.query)).toEqual([
				{ customer_id: '2001', page: '1' },
				{ customer_id: '2001', page: '2' },
			]);
			expect(sim.requestsTo('POST', '/contacts')).toHaveLength(0);
		});

		it('creates the contact when the customer has no contact with that email', async () => {
			// Another customer's contact with this email does not count.
			const result = await runChain([{}], [contact('findOrCreate', { customer_id: id(2002), email: 'maria.lopez@northwinddental.example', name: 'Maria Lopez', additionalFields: { notes: 'Also consults for Contoso' } })], creds());
			expect(result.error).toBeUndefined();
			const json = result.output('Syncro')[0].json;
			expect(json).toMatchObject({ customer_id: 2002, name: 'Maria Lopez', findOrCreateResult: 'created' });
			expect(sim.requestsTo('POST', '/contacts')[0].body).toEqual({ customer_id: 2002, email: 'maria.lopez@northwinddental.example', name: 'Maria Lopez', notes: 'Also consults for Contoso' });
			expect(sim.db.table('contacts').get(json.id as number)).toMatchObject({ customer_id: 2002 });
		});

		it('requires the email, naming the item', async () => {
			const result = await runChain([{}], [contact('findOrCreate', { customer_id: id(2002), email: '={{ $json.email }}', name: 'Nobody' })], creds());
			expect(result.error?.message).toBe('Invalid "Email" in item 1: a value is required');
		});
	});
});
