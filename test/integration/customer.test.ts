import { runChain, syncroCredentials } from '../helpers/harness';
import { useSimulator, type Simulator } from '../helpers/simulator';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { RESOURCES } = require('../../dist/nodes/Syncro/resources');

let sim: Simulator;
// Small pages so that Return All walks several of them.
useSimulator((s) => (sim = s), { pageSizes: { customers: 3, contacts: 25 } });

const creds = () => syncroCredentials(sim.baseUrl, sim.token);
const id = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });
const customer = (operation: string, parameters: Record<string, unknown> = {}) => ({ name: 'Syncro', parameters: { resource: 'customer', operation, ...parameters } });

describe('Customer resource', () => {
	it('covers every Customer, Phone and Payment Profile operation of the spec exactly once', () => {
		const resource = RESOURCES.find((r: { value: string }) => r.value === 'customer');
		const specs = resource.operations.map((o: { spec?: string }) => o.spec).filter(Boolean).sort();
		// The Customer, Phone and Payment Profile tags of Syncro's swagger.json.
		expect(specs).toEqual(
			[
				'GET /customers',
				'POST /customers',
				'GET /customers/{id}',
				'PUT /customers/{id}',
				'DELETE /customers/{id}',
				'GET /customers/latest',
				'GET /customers/autocomplete',
				'GET /customers/{customer_id}/phones',
				'POST /customers/{customer_id}/phones',
				'PUT /customers/{customer_id}/phones/{id}',
				'DELETE /customers/{customer_id}/phones/{id}',
				'GET /customers/{customer_id}/payment_profiles',
				'POST /customers/{customer_id}/payment_profiles',
				'GET /customers/{customer_id}/payment_profiles/{id}',
				'PUT /customers/{customer_id}/payment_profiles/{id}',
				'DELETE /customers/{customer_id}/payment_profiles/{id}',
			].sort(),
		);
		expect(resource.operations.every((o: { action: string; description: string }) => o.action && o.description)).toBe(true);
	});

	it('lists customers with every filter sent on every page (Return All)', async () => {
		const result = await runChain([{}], [customer('getAll', { returnAll: true, filters: { email: '.example', not_id: '2002, 2003', sort: 'business_name DESC' } })], creds());
		expect(result.error).toBeUndefined();
		const out = result.output('Syncro').map((i) => i.json);
		// 10 seeded customers, minus the two excluded; the disabled one is left out by Syncro.
		expect(out.map((c) => c.id)).toHaveLength(8);
		expect(out.map((c) => c.id)).not.toContain(2002);
		expect(out.map((c) => c.business_name)).toEqual([...out.map((c) => c.business_name as string)].sort().reverse());
		const pages = sim.requestsTo('GET', '/customers');
		expect(pages.map((r) => r.query.page)).toEqual(['1', '2', '3']);
		for (const page of pages) {
			expect(page.query).toMatchObject({ email: '.example', not_id: ['2002', '2003'], sort: 'business_name DESC' });
			expect(page.url).toContain('not_id%5B%5D=2002');
		}
	});

	it('includes disabled customers and filters by ID list when asked, honouring the limit', async () => {
		const result = await runChain([{}], [customer('getAll', { returnAll: false, limit: 2, filters: { id: '2011,2001,2005', include_disabled: true, sort: 'id DESC' } })], creds());
		expect(result.error).toBeUndefined();
		expect(result.output('Syncro').map((i) => i.json.id)).toEqual([2011, 2005]);
		expect(sim.requestsTo('GET', '/customers')).toHaveLength(1);
		expect(sim.requestsTo('GET', '/customers')[0].query).toMatchObject({ id: ['2011', '2001', '2005'], include_disabled: 'true', sort: 'id DESC', page: '1' });
	});

	it('gets a customer by URL and unwraps {"customer": …}', async () => {
		const result = await runChain([{}], [customer('get', { customerId: { __rl: true, mode: 'url', value: 'https://demo-msp.syncromsp.com/customers/2003' } })], creds());
		expect(result.error).toBeUndefined();
		const json = result.output('Syncro')[0].json;
		expect(json).toMatchObject({ id: 2003, business_name: 'Blue Harbor Logistics' });
		expect(Array.isArray(json.contacts)).toBe(true);
	});

	it('creates a customer with custom fields, then updates and deletes it', async () => {
		const result = await runChain(
			[{ company: 'Fjord Freight AS' }],
			[
				{
					name: 'Create',
					parameters: {
						resource: 'customer',
						operation: 'create',
						additionalFields: {
							business_name: '={{ $json.company }}',
							email: 'ops@fjordfreight.example',
							get_sms: true,
							properties: { field: [{ name: 'Contract Tier', value: 'Bronze' }] },
						},
					},
				},
				{ name: 'Update', parameters: { resource: 'customer', operation: 'update', customerId: id('={{ $json.id }}'), updateFields: { city: 'Bergen', properties: { field: [{ name: 'Primary Site', value: 'Dock 4' }] } } } },
				{ name: 'Delete', parameters: { resource: 'customer', operation: 'delete', customerId: id('={{ $json.id }}') } },
			],
			creds(),
		);
		expect(result.error).toBeUndefined();
		const created = result.output('Create')[0].json;
		expect(created).toMatchObject({ business_name: 'Fjord Freight AS', email: 'ops@fjordfreight.example', get_sms: true });
		expect(sim.requestsTo('POST', '/customers')[0].body).toEqual({
			business_name: 'Fjord Freight AS',
			email: 'ops@fjordfreight.example',
			get_sms: true,
			properties: { 'Contract Tier': 'Bronze' },
		});
		expect(result.output('Update')[0].json).toMatchObject({ city: 'Bergen', properties: { 'Contract Tier': 'Bronze', 'Primary Site': 'Dock 4' } });
		expect(result.output('Delete')[0].json).toEqual({ deleted: true, id: expect.any(Number), message: 'Customer was deleted from the system.' });
		expect(sim.db.table('customers').get(created.id as number)).toBeUndefined();
	});

	it('reports Syncro\'s 422 when the email is already used by another customer', async () => {
		const result = await runChain([{}], [customer('create', { additionalFields: { business_name: 'Copycat', email: 'maria@northwinddental.example' } })], creds());
		expect(result.error?.message).toMatch(/422.*Email has already been taken/);
	});

	describe('Find or Create', () => {
		it('finds a customer by email, ignoring case, without creating anything', async () => {
			const result = await runChain([{}], [customer('findOrCreate', { email: 'MARIA@NorthwindDental.example', additionalFields: { city: 'Nowhere' } })], creds());
			expect(result.error).toBeUndefined();
			expect(result.output('Syncro')[0].json).toMatchObject({ id: 2001, findOrCreateResult: 'found' });
			expect(sim.requestsTo('GET', '/customers')[0].query).toMatchObject({ email: 'MARIA@NorthwindDental.example' });
			expect(sim.requestsTo('POST', '/customers')).toHaveLength(0);
		});

		it('falls back to the business name when no customer has the email', async () => {
			const result = await runChain([{}], [customer('findOrCreate', { email: 'front-desk@contoso.example', business_name: 'contoso legal llp' })], creds());
			expect(result.error).toBeUndefined();
			expect(result.output('Syncro')[0].json).toMatchObject({ id: 2002, findOrCreateResult: 'found' });
			expect(sim.requests.map((r) => [r.method, r.query.email ?? r.query.business_name])).toEqual([
				['GET', 'front-desk@contoso.example'],
				['GET', 'contoso legal llp'],
			]);
		});

		it('creates the customer when the Syncro filter only returns partial matches', async () => {
			// "Northwind" matches "Northwind Dental" in Syncro's LIKE filter, but is not the same business name.
			const before = sim.db.table('customers').size;
			const result = await runChain([{}], [customer('findOrCreate', { business_name: 'Northwind', additionalFields: { firstname: 'Ola', properties: { field: [{ name: 'Contract Tier', value: 'Silver' }] } } })], creds());
			expect(result.error).toBeUndefined();
			const json = result.output('Syncro')[0].json;
			expect(json).toMatchObject({ business_name: 'Northwind', firstname: 'Ola', findOrCreateResult: 'created' });
			expect(sim.db.table('customers').size).toBe(before + 1);
			expect(sim.requestsTo('POST', '/customers')[0].body).toEqual({ business_name: 'Northwind', firstname: 'Ola', properties: { 'Contract Tier': 'Silver' } });
		});

		it('names the item when neither an email nor a business name is given, and sends nothing for it', async () => {
			const result = await runChain(
				[{ email: 'hannah@lakesideveterinary.example' }, { email: '' }],
				[customer('findOrCreate', { email: '={{ $json.email }}' })],
				creds(),
			);
			expect(result.error?.message).toMatch(/Missing "Email" and "Business Name" in item 2/);
			expect(sim.requests.every((r) => r.query.email === 'hannah@lakesideveterinary.example')).toBe(true);
		});
	});

	it('adds, lists, updates and deletes phone numbers of a customer', async () => {
		const result = await runChain(
			[{}],
			[
				{ name: 'Add', parameters: { resource: 'customer', operation: 'addPhone', customerId: id(2005), number: '541-555-0199', additionalFields: { label: 'Fax' } } },
				{ name: 'Update', parameters: { resource: 'customer', operation: 'updatePhone', customerId: id(2005), phoneId: '={{ $json.id }}', updateFields: { extension: '12' } } },
				{ name: 'List', parameters: { resource: 'customer', operation: 'getPhones', customerId: id(2005), returnAll: true } },
			],
			creds(),
		);
		expect(result.error).toBeUndefined();
		const phone = result.output('Add')[0].json;
		expect(phone).toMatchObject({ customer_id: 2005, number: '541-555-0199', label: 'Fax' });
		expect(sim.requestsTo('PUT', `/customers/2005/phones/${phone.id}`)[0].body).toEqual({ extension: '12' });
		expect(result.output('List').map((i) => i.json)).toEqual([expect.objectContaining({ id: phone.id, extension: '12' })]);
		// No page parameter: the phone list comes whole.
		expect(sim.requestsTo('GET', '/customers/2005/phones')[0].query).toEqual({});

		const removed = await runChain([{}], [customer('deletePhone', { customerId: id(2005), phoneId: phone.id })], creds());
		expect(removed.error).toBeUndefined();
		expect(removed.output('Syncro')[0].json).toEqual({ deleted: true, id: phone.id, customer_id: 2005 });
		expect(sim.db.table('phones').get(phone.id as number)).toBeUndefined();
	});

	it('refuses a phone without a number, naming the item and the field', async () => {
		const result = await runChain([{ n: '503' }, { n: '' }], [customer('addPhone', { customerId: id(2001), number: '={{ $json.n }}' })], creds());
		expect(result.error?.message).toBe('Invalid "Number" in item 2: a value is required');
		expect(sim.requestsTo('POST', '/customers/2001/phones')).toHaveLength(1);
	});

	it('manages payment profiles', async () => {
		const result = await runChain(
			[{}],
			[
				{ name: 'Add', parameters: { resource: 'customer', operation: 'addPaymentProfile', customerId: id(2001), payment_profile_id: 'pm_mc_5454', additionalFields: { last_four: '5454', expiration: '01/29' } } },
				{ name: 'Update', parameters: { resource: 'customer', operation: 'updatePaymentProfile', customerId: id(2001), paymentProfileId: '={{ $json.id }}', updateFields: { expiration: '02/30' } } },
				{ name: 'Get', parameters: { resource: 'customer', operation: 'getPaymentProfile', customerId: id(2001), paymentProfileId: '={{ $json.id }}' } },
				{ name: 'List', parameters: { resource: 'customer', operation: 'getPaymentProfiles', customerId: id(2001), returnAll: true } },
			],
			creds(),
		);
		expect(result.error).toBeUndefined();
		const added = result.output('Add')[0].json;
		expect(added).toMatchObject({ customer_id: 2001, payment_profile_id: 'pm_mc_5454', last_four: '5454' });
		expect(result.output('Get')[0].json).toMatchObject({ id: added.id, expiration: '02/30' });
		expect(result.output('List').map((i) => i.json.last_four)).toEqual(['4242', '6789', '5454']);

		const removed = await runChain([{}], [customer('deletePaymentProfile', { customerId: id(2001), paymentProfileId: added.id })], creds());
		expect(removed.output('Syncro')[0].json).toEqual({ deleted: true, id: added.id, customer_id: 2001 });
		expect(sim.db.table('payment_profiles').get(added.id as number)).toBeUndefined();
	});

	it('explains that payment profiles need integrated processing', async () => {
		const settings = sim.db.table('settings').get(1) as Record<string, unknown>;
		settings.integrated_processing = false;
		try {
			const result = await runChain([{}], [customer('addPaymentProfile', { customerId: id(2002), payment_profile_id: 'pm_x' })], creds());
			expect(result.error?.message).toMatch(/422.*Account not configured to use integrated processing/);
		} finally {
			delete settings.integrated_processing;
		}
	});

	it('gets the latest customer and autocompletes names', async () => {
		const result = await runChain(
			[{}],
			[
				{ name: 'Latest', parameters: { resource: 'customer', operation: 'getLatest' } },
				{ name: 'Auto', parameters: { resource: 'customer', operation: 'autocomplete', query: 'riv', returnAll: true } },
			],
			creds(),
		);
		expect(result.error).toBeUndefined();
		expect(typeof result.output('Latest')[0].json.id).toBe('number');
		expect(result.output('Auto').map((i) => i.json.business_name)).toEqual(['Riverbend Credit Union']);
		expect(sim.requestsTo('GET', '/customers/autocomplete')[0].query).toEqual({ query: 'riv' });
	});
});
