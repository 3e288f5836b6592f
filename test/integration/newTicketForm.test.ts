import { runChain, syncroCredentials } from '../helpers/harness';
import { useSimulator, type Simulator } from '../helpers/simulator';

let sim: Simulator;
useSimulator((s) => (sim = s));

const creds = () => syncroCredentials(sim.baseUrl, sim.token);
const run = async (operation: string, parameters: Record<string, unknown> = {}) =>
	await runChain([{}], [{ name: 'Syncro', parameters: { resource: 'newTicketForm', operation, ...parameters } }], creds());

describe('New Ticket Form resource', () => {
	it('lists the forms and reads one', async () => {
		const all = await run('getAll', { returnAll: true });
		expect(all.output('Syncro').map((i) => i.json.name)).toEqual(['Standard Support Request', 'New Hire Onboarding', 'Hardware Repair Intake']);
		const one = await run('get', { newTicketFormId: 2 });
		expect(one.output('Syncro')[0].json).toMatchObject({ id: 2, name: 'New Hire Onboarding', data: { ticket_details: { fields: { problem_type: 'hide' } } } });
	});

	it('submits a form for an existing customer (found by email) and creates the ticket', async () => {
		const result = await run('processForm', {
			newTicketFormId: 2,
			ticket_details: JSON.stringify({ subject: 'Onboard Jamie Fox', description: 'Start date Monday; needs a laptop and M365' }),
			additionalFields: { customer_details: JSON.stringify({ email: 'OLIVIA@cedarstonearchitects.example' }) },
		});
		expect(result.error).toBeUndefined();
		const ticket = result.output('Syncro')[0].json;
		expect(ticket).toMatchObject({ customer_id: 2005, subject: 'Onboard Jamie Fox', problem_type: 'Onboarding', status: 'New' });
		expect(sim.db.table('comments').filter((c) => c.ticket_id === ticket.id).map((c) => c.body)).toEqual(['Start date Monday; needs a laptop and M365']);
		expect(sim.requestsTo('POST', '/new_ticket_forms/2/process_form')[0].body).toEqual({
			ticket_details: { subject: 'Onboard Jamie Fox', description: 'Start date Monday; needs a laptop and M365' },
			customer_details: { email: 'OLIVIA@cedarstonearchitects.example' },
		});
	});

	it('reports the missing fields of the form', async () => {
		const result = await run('processForm', { newTicketFormId: 1, ticket_details: '{"subject": "Printer jam"}', additionalFields: { customer_details: '{"email": "new@example.com"}' } });
		expect(result.error?.message).toMatch(/422.*ticket details description can't be blank; ticket details problem_type can't be blank/);
		expect(sim.db.table('tickets').filter((t) => t.subject === 'Printer jam')).toHaveLength(0);
	});
});
