/**
 * Dropdown fields given a name instead of what the dropdown stores: technicians by name or email, issue
 * types, statuses and priorities in any case, with the tenant's list read once per execution.
 */
import type { IDataObject } from 'n8n-workflow';

import { invokeTools } from '../helpers/agent';
import { runChain, syncroCredentials } from '../helpers/harness';
import { useSimulator, type Simulator } from '../helpers/simulator';

let sim: Simulator;
useSimulator((s) => (sim = s));
const creds = () => syncroCredentials(sim.baseUrl, sim.token);
const rl = (value: string) => ({ __rl: true, mode: 'id', value });
const updateTicket = (updateFields: IDataObject) => ({ resource: 'ticket', operation: 'update', ticketId: rl('={{ $json.ticket }}'), updateFields });
const paths = () => sim.requests.map((r) => `${r.method} ${r.path}`);

describe('names for dropdown fields that send an ID (every node)', () => {
	it('assigns a technician by name, reading the technician list once for all items', async () => {
		const result = await runChain(
			[{ ticket: 4001, tech: 'Jordan Patel' }, { ticket: 4002, tech: 'sam chen' }, { ticket: 4003, tech: '11' }],
			[{ name: 'Syncro', parameters: updateTicket({ user_id: '={{ $json.tech }}' }) }],
			creds(),
		);
		expect(result.error).toBeUndefined();
		expect(sim.requests.filter((r) => r.method === 'PUT').map((r) => r.body?.user_id)).toEqual([13, 12, '11']);
		expect(paths().filter((p) => p === 'GET /users')).toHaveLength(1);
	});

	it("assigns a technician by email (Syncro lists technicians without emails: each one's record is read once)", async () => {
		const result = await runChain(
			[{ ticket: 4001, tech: 'JORDAN@demo-msp.example' }, { ticket: 4002, tech: 'alex@demo-msp.example' }],
			[{ name: 'Syncro', parameters: updateTicket({ user_id: '={{ $json.tech }}' }) }],
			creds(),
		);
		expect(result.error).toBeUndefined();
		expect(sim.requests.filter((r) => r.method === 'PUT').map((r) => r.body?.user_id)).toEqual([13, 11]);
		const reads = paths().filter((p) => p.startsWith('GET /users'));
		expect(reads.sort()).toEqual(['GET /users', 'GET /users/11', 'GET /users/12', 'GET /users/13']);
	});

	it('sends an ID as it is, without reading the list', async () => {
		await runChain([{ ticket: 4001 }], [{ name: 'Syncro', parameters: updateTicket({ user_id: 12 }) }], creds());
		expect(paths()).toEqual(['PUT /tickets/4001']);
	});

	it('names the item, the field and the valid values when the name matches no technician, and sends nothing', async () => {
		const result = await runChain([{ ticket: 4001, tech: 'Nobody Here' }], [{ name: 'Syncro', parameters: updateTicket({ user_id: '={{ $json.tech }}' }) }], creds());
		expect(result.error?.message).toBe(
			'Invalid "Assignee Name or ID" in Update Fields in item 1: "Nobody Here" matches no technician in Syncro. Valid values: Alex Rivera (11), Jordan Patel (13), Sam Chen (12)',
		);
		expect(paths()).toEqual(['GET /users']);
	});

	it('refuses a name that matches several technicians, listing them', async () => {
		sim.db.table('users').insert({ name: 'Jordan Smith', full_name: 'Jordan Smith', email: 'jsmith@demo-msp.example' });
		try {
			const result = await runChain([{ ticket: 4001 }], [{ name: 'Syncro', parameters: updateTicket({ user_id: 'jordan' }) }], creds());
			expect(result.error?.message).toMatch(/"jordan" matches several technician entries in Syncro: Jordan Patel \(13\), Jordan Smith \(\d+\)\. Give the full name or the ID$/);
		} finally {
			const extra = sim.db.table('users').filter((u) => u.name === 'Jordan Smith')[0];
			(sim.db.table('users') as unknown as { remove(id: number): void }).remove(extra.id);
		}
	});

	it('resolves a technician given by name in the path (Get User)', async () => {
		const result = await runChain([{}], [{ name: 'Syncro', parameters: { resource: 'user', operation: 'get', userId: 'Sam Chen' } }], creds());
		expect(result.error).toBeUndefined();
		expect(result.output('Syncro')[0].json.id).toBe(12);
		expect(paths()).toEqual(['GET /users', 'GET /users/12']);
	});

	it('with Continue On Fail, a name that matches nothing fails only its item', async () => {
		const result = await runChain(
			[{ ticket: 4001, tech: 'Nobody' }, { ticket: 4002, tech: 'Alex Rivera' }],
			[{ name: 'Syncro', continueOnFail: true, parameters: updateTicket({ user_id: '={{ $json.tech }}' }) }],
			creds(),
		);
		const out = result.output('Syncro').map((i) => i.json);
		expect(out[0].error).toMatch(/item 1: "Nobody" matches no technician/);
		expect(out[1].user_id).toBe(11);
	});
});

describe('names for dropdown fields that send a name', () => {
	const tool = {
		name: 'Update ticket',
		parameters: {
			resource: 'ticket',
			operation: 'update',
			ticketId: rl("={{ $fromAI('Ticket_ID', 'id', 'number') }}"),
			updateFields: { status: "={{ $fromAI('Status', 'status', 'string') }}", priority: "={{ $fromAI('Priority', 'priority', 'string') }}" },
		},
	};

	it("as a tool, matches statuses and priorities in any case or in part, and sends Syncro's spelling", async () => {
		const result = await invokeTools([{ tool: 'Update_ticket', args: { Ticket_ID: 4001, Status: 'in progress', Priority: 'urgent' } }], [tool], creds());
		expect(result.error).toBeUndefined();
		const put = sim.requests.find((r) => r.method === 'PUT');
		expect({ status: put?.body?.status, priority: put?.body?.priority }).toEqual({ status: 'In Progress', priority: '0 Urgent' });
		// Statuses come from /tickets/settings, priorities from /settings: each read once.
		expect(paths().sort()).toEqual(['GET /settings', 'GET /tickets/settings', 'PUT /tickets/4001']);
	});

	it('as a tool, a status that matches several is refused with them, and nothing is sent', async () => {
		const result = await invokeTools([{ tool: 'Update_ticket', args: { Ticket_ID: 4001, Status: 'waiting', Priority: 'High' } }], [tool], creds());
		const [answer] = result.output('Agent')[0].json.result as IDataObject[];
		expect(answer.failed).toBe(true);
		expect(answer.message).toBe(
			'Invalid "Status" in Update Fields in item 1: "waiting" matches several ticket status entries in Syncro: "Waiting for Parts", "Waiting on Customer". Give the full name',
		);
		expect(sim.requests.filter((r) => r.method === 'PUT')).toHaveLength(0);
	});

	it('as a tool, accepts the filter value "Not Closed" besides the statuses', async () => {
		const list = { name: 'Open tickets', parameters: { resource: 'ticket', operation: 'getAll', limit: 5, filters: { status: "={{ $fromAI('Status', 'status', 'string') }}" } } };
		const result = await invokeTools([{ tool: 'Open_tickets', args: { Status: 'not closed' } }], [list], creds());
		expect(result.error).toBeUndefined();
		expect(sim.requests.find((r) => r.path === '/tickets')?.query.status).toBe('Not Closed');
	});

	it('the regular node sends a name-valued field as given, without reading the list', async () => {
		await runChain([{ ticket: 4001 }], [{ name: 'Syncro', parameters: updateTicket({ status: 'Resolved' }) }], creds());
		expect(paths()).toEqual(['PUT /tickets/4001']);
	});
});
