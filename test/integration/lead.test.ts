import { runChain, syncroCredentials } from '../helpers/harness';
import { useSimulator, type Simulator } from '../helpers/simulator';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { RESOURCES } = require('../../dist/nodes/Syncro/resources');

let sim: Simulator;
useSimulator((s) => (sim = s), { pageSizes: { leads: 2 } });

const creds = () => syncroCredentials(sim.baseUrl, sim.token);
const id = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });
const lead = (operation: string, parameters: Record<string, unknown> = {}) => ({ name: 'Syncro', parameters: { resource: 'lead', operation, ...parameters } });

describe('Lead resource', () => {
	it('covers every Lead operation of the spec exactly once, and is also known as Opportunity', () => {
		const resource = RESOURCES.find((r: { value: string }) => r.value === 'lead');
		expect(resource.operations.map((o: { spec?: string }) => o.spec).sort()).toEqual(['GET /leads', 'POST /leads', 'GET /leads/{id}', 'PUT /leads/{id}'].sort());
		expect(resource.aliases).toEqual(['Opportunity']);
	});

	it('lists opportunities of some owners: array filters sent as key[] on every page', async () => {
		const result = await runChain([{}], [lead('getAll', { returnAll: true, filters: { statuses: ['Opportunity', 'In Negotiation', 'New'], users: [11, 12], mailbox_ids: '41, 42' } })], creds());
		expect(result.error).toBeUndefined();
		const out = result.output('Syncro').map((i) => i.json);
		expect(out.map((l) => l.business_name).sort()).toEqual(['Evergreen Property Mgmt', 'Ford Orthodontics']);
		const pages = sim.requestsTo('GET', '/leads');
		expect(pages).toHaveLength(1);
		expect(pages[0].query).toEqual({ statuses: ['Opportunity', 'In Negotiation', 'New'], users: ['11', '12'], mailbox_ids: ['41', '42'], page: '1' });
		expect(pages[0].url).toContain('statuses%5B%5D=In%20Negotiation');
	});

	it('lists every active lead over several pages with a text filter', async () => {
		const result = await runChain([{}], [lead('getAll', { returnAll: true, filters: { query: 'example', has_ticket: false } })], creds());
		expect(result.error).toBeUndefined();
		expect(result.output('Syncro')).toHaveLength(7);
		const pages = sim.requestsTo('GET', '/leads');
		expect(pages.map((r) => r.query.page)).toEqual(['1', '2', '3', '4']);
		for (const page of pages) expect(page.query).toMatchObject({ query: 'example', has_ticket: 'false' });
	});

	it('creates an opportunity, moves it on and disables it', async () => {
		const result = await runChain(
			[{}],
			[
				{
					name: 'Create',
					parameters: {
						resource: 'lead',
						operation: 'create',
						additionalFields: {
							first_name: 'Grace',
							last_name: 'Ito',
							business_name: 'Ito Architecture',
							email: 'grace@itoarch.example',
							status: 'Opportunity',
							opportunity_amount_dollars: 15000,
							likelihood: 40,
							user_id: 12,
							properties: { field: [{ name: 'Source', value: 'Referral' }] },
						},
					},
				},
				{ name: 'Update', parameters: { resource: 'lead', operation: 'update', leadId: id('={{ $json.id }}'), updateFields: { status: 'Won', likelihood: 100, disabled: true } } },
			],
			creds(),
		);
		expect(result.error).toBeUndefined();
		const created = result.output('Create')[0].json;
		expect(created).toMatchObject({ status: 'Opportunity', opportunity_amount_dollars: 15000, business_then_name: 'Ito Architecture' });
		expect(sim.requestsTo('POST', '/leads')[0].body).toMatchObject({ user_id: 12, likelihood: 40, properties: { Source: 'Referral' } });
		expect(result.output('Update')[0].json).toMatchObject({ id: created.id, status: 'Won', disabled: true });
		expect(sim.db.table('leads').get(created.id as number)).toMatchObject({ status: 'Won', likelihood: 100, disabled: true });
	});

	it('gets a lead and rejects a status outside the list, naming the item', async () => {
		const ok = await runChain([{}], [lead('get', { leadId: id(6103) })], creds());
		expect(ok.output('Syncro')[0].json).toMatchObject({ id: 6103, status: 'Opportunity' });

		const bad = await runChain([{ s: 'Hot' }], [lead('update', { leadId: id(6103), updateFields: { status: '={{ $json.s }}' } })], creds());
		expect(bad.error?.message).toMatch(/^Invalid "Status" in Update Fields in item 1: "Hot" is not one of: New, Lead/);
	});

	it("passes Syncro's 422 for a check-in lead without a ticket description", async () => {
		const result = await runChain([{}], [lead('create', { additionalFields: { first_name: 'Walk', from_check_in: true } })], creds());
		expect(result.error?.message).toMatch(/422.*Ticket description can't be blank/);
	});
});
