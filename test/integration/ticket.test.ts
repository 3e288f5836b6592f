import { runChain, syncroCredentials } from '../helpers/harness';
import { useSimulator, type Simulator } from '../helpers/simulator';

let sim: Simulator;
useSimulator((s) => (sim = s));

const creds = () => syncroCredentials(sim.baseUrl, sim.token);

describe('Ticket resource', () => {
	it('lists tickets with a filter kept on every page and Return All', async () => {
		const result = await runChain([{}], [{ name: 'Syncro', parameters: { resource: 'ticket', operation: 'getAll', returnAll: true, filters: { status: 'New' } } }], creds());
		expect(result.error).toBeUndefined();
		const out = result.output('Syncro');
		expect(out.length).toBe(sim.db.table('tickets').filter((t) => t.status === 'New').length);
		expect(out.every((i) => i.json.status === 'New')).toBe(true);
		expect(out[0].pairedItem).toEqual({ item: 0 });
	});

	it('gets a ticket by URL (resource locator) and unwraps the envelope', async () => {
		const result = await runChain([{}], [{ name: 'Syncro', parameters: { resource: 'ticket', operation: 'get', ticketId: { __rl: true, mode: 'url', value: 'https://demo-msp.syncromsp.com/tickets/4003' } } }], creds());
		expect(result.error).toBeUndefined();
		expect(result.output('Syncro')[0].json.id).toBe(4003);
		expect(sim.requests.map((r) => r.path)).toEqual(['/tickets/4003']);
	});

	it('creates a ticket and adds a comment, sending Bearer auth and no token in the URL', async () => {
		const result = await runChain(
			[{ subject: 'Laptop will not boot' }],
			[
				{ name: 'Create', parameters: { resource: 'ticket', operation: 'create', customer_id: { __rl: true, mode: 'id', value: '2001' }, subject: '={{ $json.subject }}', problem_type: 'Hardware', additionalFields: { priority: '1 High' } } },
				{ name: 'Comment', parameters: { resource: 'ticket', operation: 'addComment', ticketId: { __rl: true, mode: 'id', value: '={{ $json.id }}' }, subject: 'Update', body: 'On my way', hidden: true } },
			],
			creds(),
		);
		expect(result.error).toBeUndefined();
		const ticket = result.output('Create')[0].json;
		expect(ticket.subject).toBe('Laptop will not boot');
		expect(result.output('Comment')[0].json.ticket_id).toBe(ticket.id);
		expect(sim.requests.every((r) => r.authorization && !r.url.includes(sim.token))).toBe(true);
	});

	it('names the item and the field for a path-like ID, and sends nothing', async () => {
		const result = await runChain([{}], [{ name: 'Syncro', parameters: { resource: 'ticket', operation: 'get', ticketId: { __rl: true, mode: 'id', value: '={{ "1/../users" }}' } } }], creds());
		expect(result.error?.message).toMatch(/Invalid "Ticket" in item 1: "1\/\.\.\/users" is not a numeric ID/);
		expect(sim.requests).toHaveLength(0);
	});

	it('with Continue On Fail yields one error item per bad input and keeps going', async () => {
		const result = await runChain(
			[{ id: 4001 }, { id: 'abc' }, { id: 4002 }],
			[{ name: 'Syncro', continueOnFail: true, parameters: { resource: 'ticket', operation: 'get', ticketId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } } }],
			creds(),
		);
		expect(result.error).toBeUndefined();
		const out = result.output('Syncro');
		expect(out).toHaveLength(3);
		expect(out[1].json.error).toMatch(/item 2/);
		expect(out.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	it('sends a failed item down the error output when the node has one', async () => {
		const result = await runChain(
			[{ id: 4001 }, { id: 999999 }],
			[{ name: 'Syncro', onError: 'continueErrorOutput', parameters: { resource: 'ticket', operation: 'get', ticketId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } } }],
			creds(),
		);
		expect(result.error).toBeUndefined();
		expect(result.output('Syncro', 0).map((i) => i.json.id)).toEqual([4001]);
		const failed = result.output('Syncro', 1);
		expect(failed).toHaveLength(1);
		expect(failed[0].json.error).toBe('Syncro found no such record (404)');
		expect(failed[0].pairedItem).toEqual({ item: 1 });
	});

	it('refuses a value that is not one of an option list (set by an expression)', async () => {
		const result = await runChain([{}], [{ name: 'Syncro', parameters: { resource: 'ticket', operation: 'getComments', ticketId: { __rl: true, mode: 'id', value: '4001' }, returnAll: true, filters: { comment_format: '={{ "markdown" }}' } } }], creds());
		expect(result.error?.message).toBe('Invalid "Comment Format" in Filters in item 1: "markdown" is not one of: plaintext, richtext, original');
		expect(sim.requests).toHaveLength(0);
	});
});
