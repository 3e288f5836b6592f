import { runChain, syncroCredentials } from '../helpers/harness';
import { useSimulator, type Simulator } from '../helpers/simulator';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { RESOURCES } = require('../../dist/nodes/Syncro/resources');

let sim: Simulator;
useSimulator((s) => (sim = s), { pageSizes: { wiki_pages: 3 } });

const creds = () => syncroCredentials(sim.baseUrl, sim.token);
const id = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });
const page = (operation: string, parameters: Record<string, unknown> = {}) => ({ name: 'Syncro', parameters: { resource: 'wikiPage', operation, ...parameters } });

describe('Wiki Page resource', () => {
	it('covers every Wiki Page operation of the spec exactly once, and is also known as Article and Documentation', () => {
		const resource = RESOURCES.find((r: { value: string }) => r.value === 'wikiPage');
		expect(resource.operations.map((o: { spec?: string }) => o.spec).sort()).toEqual(
			['GET /wiki_pages', 'POST /wiki_pages', 'GET /wiki_pages/{id}', 'PUT /wiki_pages/{id}', 'DELETE /wiki_pages/{id}'].sort(),
		);
		expect(resource.aliases).toEqual(['Article', 'Documentation']);
	});

	it('lists every page although Syncro sends no meta (stops on the short page)', async () => {
		const result = await runChain([{}], [page('getAll', { returnAll: true })], creds());
		expect(result.error).toBeUndefined();
		expect(result.output('Syncro').map((i) => i.json.id)).toEqual([701, 702, 703, 704]);
		expect(sim.requests.map((r) => r.query.page)).toEqual(['1', '2']);
	});

	it('writes a page about an asset, edits, reads and deletes it', async () => {
		const result = await runChain(
			[{}],
			[
				{ name: 'Create', parameters: { resource: 'wikiPage', operation: 'create', name: 'NWD-PRN-2F toner', body: '<p>Uses TN-760.</p>', additionalFields: { customer_id: id(2001), asset_id: id(7902) } } },
				{ name: 'Update', parameters: { resource: 'wikiPage', operation: 'update', wikiPageId: '={{ $json.id }}', updateFields: { body: '<p>Uses TN-760 (high yield).</p>' } } },
				{ name: 'Get', parameters: { resource: 'wikiPage', operation: 'get', wikiPageId: '={{ $json.id }}' } },
			],
			creds(),
		);
		expect(result.error).toBeUndefined();
		const created = result.output('Create')[0].json;
		expect(created).toMatchObject({ slug: 'nwd-prn-2f-toner', customer_id: 2001, asset_id: 7902 });
		expect(sim.requestsTo('POST', '/wiki_pages')[0].body).toEqual({ name: 'NWD-PRN-2F toner', body: '<p>Uses TN-760.</p>', customer_id: 2001, asset_id: 7902 });
		expect(result.output('Get')[0].json).toMatchObject({ id: created.id, body: '<p>Uses TN-760 (high yield).</p>' });

		const removed = await runChain([{}], [page('delete', { wikiPageId: created.id })], creds());
		expect(removed.error).toBeUndefined();
		expect(sim.db.table('wiki_pages').get(created.id as number)).toBeUndefined();
	});

	it("passes Syncro's 422 for the refused \"internal\" visibility", async () => {
		const result = await runChain([{}], [page('create', { name: 'Secret', body: 'x', additionalFields: { visibility: 'internal' } })], creds());
		expect(result.error?.message).toMatch(/422.*Visibility is not included in the list/);
	});

	it('requires a body, naming the item and the field', async () => {
		const result = await runChain([{}], [page('create', { name: 'Empty', body: '={{ $json.body }}' })], creds());
		expect(result.error?.message).toBe('Invalid "Body" in item 1: a value is required');
	});
});
