import { runChain, syncroCredentials } from '../helpers/harness';
import { useSimulator, type Simulator } from '../helpers/simulator';

let sim: Simulator;
useSimulator((s) => (sim = s));

const creds = () => syncroCredentials(sim.baseUrl, sim.token);
const run = async (operation: string, parameters: Record<string, unknown> = {}) =>
	await runChain([{}], [{ name: 'Syncro', parameters: { resource: 'cannedResponse', operation, ...parameters } }], creds());

describe('Canned Response resource', () => {
	it('searches canned responses (one request, the whole list)', async () => {
		const result = await run('getAll', { returnAll: true, filters: { query: 'waiting' } });
		expect(result.error).toBeUndefined();
		expect(result.output('Syncro').map((i) => i.json.title)).toEqual(['Waiting on customer']);
		expect(sim.requests.map((r) => r.url)).toEqual(['/api/v1/canned_responses?query=waiting']);
	});

	it('creates, updates and deletes a canned response (201 and 204 answers)', async () => {
		const created = await run('create', { title: 'Password reset done', body: 'Your password was reset. You will be asked to choose a new one at sign-in.', additionalFields: { canned_response_category_id: 3, subject: 'Password reset' } });
		expect(created.error).toBeUndefined();
		const response = created.output('Syncro')[0].json;
		expect(response).toMatchObject({ title: 'Password reset done', category_name: 'Closing', subject: 'Password reset' });
		expect(sim.requestsTo('POST', '/canned_responses')[0].status).toBe(201);

		const updated = await run('update', { cannedResponseId: response.id, updateFields: { title: 'Password reset - done' } });
		expect(updated.output('Syncro')[0].json).toMatchObject({ id: response.id, title: 'Password reset - done' });
		expect(sim.requestsTo('PATCH', `/canned_responses/${response.id}`)[0].body).toEqual({ title: 'Password reset - done' });

		const deleted = await run('delete', { cannedResponseId: response.id });
		expect(deleted.output('Syncro')[0].json).toEqual({ deleted: true, id: response.id });
		expect(sim.requestsTo('DELETE', `/canned_responses/${response.id}`)[0].status).toBe(204);
		expect(sim.db.table('canned_responses').get(response.id as number)).toBeUndefined();
	});

	it('reads the settings as they are', async () => {
		const result = await run('getSettings');
		expect(result.output('Syncro')[0].json).toMatchObject({ can_manage: true, canned_response_categories: [{ id: 1, name: 'General' }, { id: 2, name: 'Scheduling' }, { id: 3, name: 'Closing' }] });
	});
});
