import { runChain, syncroCredentials } from '../helpers/harness';
import { useSimulator, type Simulator } from '../helpers/simulator';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { RESOURCES } = require('../../dist/nodes/Syncro/resources');

let sim: Simulator;
useSimulator((s) => (sim = s), { pageSizes: { assets: 10 } });

const creds = () => syncroCredentials(sim.baseUrl, sim.token);
const id = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });
const asset = (operation: string, parameters: Record<string, unknown> = {}) => ({ name: 'Syncro', parameters: { resource: 'asset', operation, ...parameters } });

describe('Asset resource', () => {
	it('covers every Asset operation of the spec exactly once, plus the newer ones', () => {
		const resource = RESOURCES.find((r: { value: string }) => r.value === 'asset');
		const specs = resource.operations.map((o: { spec?: string }) => o.spec).filter(Boolean).sort();
		expect(specs).toEqual(
			[
				'GET /customer_assets',
				'POST /customer_assets',
				'GET /customer_assets/{id}',
				'PUT /customer_assets/{id}',
				'GET /customer_assets/chat_information_by_ids',
				'GET /customer_assets/{id}/patches',
			].sort(),
		);
		const fresh = resource.operations.filter((o: { isNew?: boolean }) => o.isNew).map((o: { path: string }) => o.path);
		expect(fresh).toEqual(['/customer_assets/{id}/installed_applications', '/customer_assets/assets_by_contact/{contact_id}']);
		expect(resource.aliases).toContain('Device');
	});

	it('lists the workstations of a customer over every page, filters kept', async () => {
		const result = await runChain([{}], [asset('getAll', { returnAll: true, filters: { customer_id: id(2001), asset_type_id: 1, query: 'nort' } })], creds());
		expect(result.error).toBeUndefined();
		const out = result.output('Syncro').map((i) => i.json);
		expect(out).toHaveLength(24);
		expect(out.every((a) => a.customer_id === 2001 && a.asset_type === 'Syncro Device')).toBe(true);
		const pages = sim.requestsTo('GET', '/customer_assets');
		expect(pages.map((r) => r.query.page)).toEqual(['1', '2', '3']);
		for (const page of pages) expect(page.query).toMatchObject({ customer_id: '2001', asset_type_id: '1', query: 'nort' });
	});

	it('runs a saved asset search and the SNMP filter', async () => {
		const result = await runChain([{}], [asset('getAll', { returnAll: true, filters: { snmp_enabled: true, asset_search_id: 602 } })], creds());
		expect(result.error).toBeUndefined();
		expect(result.output('Syncro').map((i) => i.json.name).sort()).toEqual(['CLL-FW01', 'NWD-FW01', 'NWD-PRN-2F']);
		expect(sim.requests[0].query).toEqual({ snmp_enabled: 'true', asset_search_id: '602', page: '1' });
	});

	it('gets an asset and unwraps {"asset": …}', async () => {
		const result = await runChain([{}], [asset('get', { assetId: { __rl: true, mode: 'url', value: 'https://demo-msp.syncromsp.com/customer_assets/7901' } })], creds());
		expect(result.error).toBeUndefined();
		expect(result.output('Syncro')[0].json).toMatchObject({ id: 7901, name: 'NWD-FW01', asset_type: 'Firewall' });
	});

	it('creates an asset and writes its custom fields with a follow-up update (Syncro ignores them on create)', async () => {
		const result = await runChain(
			[{}],
			[asset('create', { name: 'SCL-LAPTOP-07', customer_id: id(2004), asset_type_id: 1, additionalFields: { asset_serial: 'PF3XK9Q1', properties: { field: [{ name: 'Warranty Expires', value: '2029-06-30' }] } } })],
			creds(),
		);
		expect(result.error).toBeUndefined();
		const json = result.output('Syncro')[0].json;
		expect(json).toMatchObject({ name: 'SCL-LAPTOP-07', customer_id: 2004, asset_serial: 'PF3XK9Q1', properties: { 'Warranty Expires': '2029-06-30' } });
		expect(sim.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /customer_assets', `PUT /customer_assets/${json.id}`]);
		expect(sim.requests[0].body).toEqual({ name: 'SCL-LAPTOP-07', customer_id: 2004, asset_type_id: 1, asset_serial: 'PF3XK9Q1' });
		expect(sim.requests[1].body).toEqual({ name: 'SCL-LAPTOP-07', properties: { 'Warranty Expires': '2029-06-30' } });
		expect(sim.db.table('assets').get(json.id as number)?.properties).toEqual({ 'Warranty Expires': '2029-06-30' });
	});

	it('says the asset exists when its custom fields fail, so nobody creates it twice', async () => {
		sim.failNext({ status: 422, count: 1, method: 'PUT', body: { errors: { properties: ['are invalid'] } } });
		const before = sim.db.table('assets').size;
		const result = await runChain(
			[{}],
			[asset('create', { name: 'SCL-LAPTOP-08', customer_id: id(2004), asset_type_id: 1, additionalFields: { properties: { field: [{ name: 'Warranty Expires', value: 'soon' }] } } })],
			creds(),
		);
		expect(sim.db.table('assets').size).toBe(before + 1);
		expect(result.error?.message).toMatch(/^Asset \d+ was created, but its custom fields were not set: Syncro refused the request \(422\): properties are invalid$/);
		expect(result.error?.description).toMatch(/do not run the create again/);
	});

	it('creates without a follow-up request when no custom fields are given, and reports a missing asset type', async () => {
		const ok = await runChain([{}], [asset('create', { name: 'Loaner', additionalFields: { asset_type_name: 'printer' } })], creds());
		expect(ok.error).toBeUndefined();
		expect(ok.output('Syncro')[0].json).toMatchObject({ name: 'Loaner', asset_type: 'Printer' });
		expect(sim.requests).toHaveLength(1);

		const bad = await runChain([{}], [asset('create', { name: 'Mystery box' })], creds());
		expect(bad.error?.message).toMatch(/422.*Asset type can't be blank/);
	});

	it('moves an asset into a policy folder and merges custom fields on update', async () => {
		const result = await runChain([{}], [asset('update', { assetId: id(7002), updateFields: { policy_folder_id: 10011, properties: { field: [{ name: 'Warranty Expires', value: '2030-01-01' }] } } })], creds());
		expect(result.error).toBeUndefined();
		expect(sim.requests[0].body).toEqual({ policy_folder_id: 10011, properties: { 'Warranty Expires': '2030-01-01' } });
		const row = sim.db.table('assets').get(7002);
		expect(row).toMatchObject({ policy_folder_id: 10011, properties: expect.objectContaining({ 'Warranty Expires': '2030-01-01', manufacturer: 'HP' }) });
	});

	it('reads patches, chat information, installed applications and the assets of a contact', async () => {
		const run = async (name: string, parameters: Record<string, unknown>) => {
			const result = await runChain([{}], [{ name, parameters: { resource: 'asset', ...parameters } }], creds());
			expect(result.error).toBeUndefined();
			return result;
		};
		const outputs: Record<string, Array<{ json: Record<string, unknown> }>> = {
			Patches: (await run('Patches', { operation: 'getPatches', assetId: id(7001) })).output('Patches'),
			Chat: (await run('Chat', { operation: 'getChatInformation', ids: '7001, 7901', returnAll: true })).output('Chat'),
			Apps: (await run('Apps', { operation: 'getInstalledApplications', assetId: id(7001), returnAll: true, filters: { per_page: 5 } })).output('Apps'),
			ByContact: (await run('ByContact', { operation: 'getManyByContact', contactId: id(3001), returnAll: true })).output('ByContact'),
		};
		const patches = outputs.Patches[0].json;
		expect((patches.installed_patches as unknown[]).length).toBe(1);
		expect((patches.available_patches as unknown[]).length).toBe(2);
		expect(outputs.Chat.map((i) => i.json)).toEqual([
			{ id: 7001, name: 'NORT-WS01', customer: { id: 2001, fullname: 'Maria Lopez', business_name: 'Northwind Dental' } },
			{ id: 7901, name: 'NWD-FW01', customer: { id: 2001, fullname: 'Maria Lopez', business_name: 'Northwind Dental' } },
		]);
		expect(sim.requestsTo('GET', '/customer_assets/chat_information_by_ids')[0].query).toEqual({ ids: ['7001', '7901'] });
		expect(outputs.Apps).toHaveLength(13);
		expect(sim.requestsTo('GET', '/customer_assets/7001/installed_applications').map((r) => r.query)).toEqual([
			{ per_page: '5', page: '1' },
			{ per_page: '5', page: '2' },
			{ per_page: '5', page: '3' },
		]);
		expect(outputs.ByContact.map((i) => i.json.name)).toEqual(['NORT-WS01', 'NORT-WS02', 'NORT-WS03']);
	});

	it('names the item and the field for an empty ID list', async () => {
		const result = await runChain([{ ids: '' }], [asset('getChatInformation', { ids: '={{ $json.ids }}' })], creds());
		expect(result.error?.message).toBe('Invalid "Asset IDs" in item 1: a value is required');
		expect(sim.requests).toHaveLength(0);
	});
});
