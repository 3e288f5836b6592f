import { runChain, syncroCredentials } from '../helpers/harness';
import { useSimulator, type Simulator } from '../helpers/simulator';

let sim: Simulator;
useSimulator((s) => (sim = s));

const creds = () => syncroCredentials(sim.baseUrl, sim.token);
const rl = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });

describe('Ticket to invoice', () => {
	it('logs time on a new ticket, charges it, invoices the ticket and emails the invoice', async () => {
		const result = await runChain(
			[{ subject: 'Firewall drops VPN tunnels', customer: 2002 }],
			[
				{
					name: 'Create Ticket',
					parameters: { resource: 'ticket', operation: 'create', customer_id: rl('={{ $json.customer }}'), subject: '={{ $json.subject }}', problem_type: 'Network' },
				},
				{
					name: 'Log Time',
					parameters: {
						resource: 'ticket',
						operation: 'addTimerEntry',
						ticketId: rl('={{ $json.id }}'),
						start_at: '2026-11-02T17:00:00Z',
						additionalFields: { duration_minutes: 90, notes: 'Rebuilt the IPsec tunnel and updated the firewall firmware' },
					},
				},
				{
					name: 'Charge Time',
					parameters: { resource: 'ticket', operation: 'chargeTimerEntry', ticketId: rl('={{ $json.ticket_id }}'), timer_entry_id: '={{ $json.id }}' },
				},
				{
					name: 'Invoice Ticket',
					parameters: {
						resource: 'invoice',
						operation: 'create',
						customer_id: rl("={{ $('Create Ticket').item.json.customer_id }}"),
						number: "={{ 'T' + $('Create Ticket').item.json.number }}",
						date: '2026-11-03T00:00:00Z',
						additionalFields: { ticket_id: rl('={{ $json.ticket_id }}'), po_number: 'CL-7781', due_date: '2026-12-03T00:00:00Z' },
					},
				},
				{ name: 'Email Invoice', parameters: { resource: 'invoice', operation: 'email', invoiceId: rl('={{ $json.id }}') } },
				{
					name: 'Time Billed',
					parameters: {
						resource: 'ticketTimer',
						operation: 'getAll',
						returnAll: true,
						filters: { ticket_id: rl("={{ $('Create Ticket').item.json.id }}"), billing_status: 'invoiced' },
					},
				},
			],
			creds(),
		);
		expect(result.error).toBeUndefined();

		const ticket = result.output('Create Ticket')[0].json;
		const entry = result.output('Log Time')[0].json;
		expect(entry).toMatchObject({ ticket_id: ticket.id, active_duration: 5400 });
		expect(result.output('Charge Time')[0].json.ticket_line_item_id).toEqual(expect.any(Number));

		// The invoice carries the ticket's charged time: 1.5 h of remote labor (product 9001 at 125.00, not taxable).
		const invoice = result.output('Invoice Ticket')[0].json;
		expect(invoice).toMatchObject({
			customer_id: 2002,
			ticket_id: ticket.id,
			number: `T${ticket.number}`,
			po_number: 'CL-7781',
			subtotal: '187.5',
			tax: '0.0',
			total: '187.5',
			balance_due: '187.5',
			is_paid: false,
		});
		expect(result.output('Email Invoice')[0].json.message).toBe(`Invoice T${ticket.number} was emailed to daniel@contosolegalllp.example`);
		const timers = result.output('Time Billed');
		expect(timers.map((t) => t.json.id)).toEqual([entry.id]);
		expect(timers[0].json.billing_status).toBe('invoiced');

		// Simulator state: the charge moved onto the invoice, the ticket is invoiced, the email went out.
		const charges = sim.db.table('ticket_line_items').filter((l) => l.ticket_id === ticket.id);
		expect(charges).toHaveLength(1);
		expect(charges[0].invoice_id).toBe(invoice.id);
		const lines = sim.db.table('line_items').filter((l) => l.invoice_id === invoice.id);
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatchObject({ item: 'Labor - Remote Support', name: 'Rebuilt the IPsec tunnel and updated the firewall firmware', quantity: 1.5, price: 125, product_id: 9001 });
		expect(sim.db.table('tickets').get(ticket.id as number)?.status).toBe('Invoiced');
		expect(sim.db.table('sent_emails').filter((e) => e.record_type === 'Invoice' && e.record_id === invoice.id)).toHaveLength(1);

		// Request log: what the node sent.
		const create = sim.requestsTo('POST', '/invoices')[0];
		expect(create.body).toEqual({
			customer_id: 2002,
			number: `T${ticket.number}`,
			date: '2026-11-03T00:00:00Z',
			ticket_id: ticket.id,
			po_number: 'CL-7781',
			due_date: '2026-12-03T00:00:00Z',
		});
		expect(sim.requestsTo('POST', `/invoices/${invoice.id}/email`)).toHaveLength(1);
		expect(sim.requestsTo('GET', '/ticket_timers')[0].query).toEqual({ ticket_id: String(ticket.id), billing_status: 'invoiced', page: '1' });
	});

	it('bills only the charges not yet invoiced when a ticket is invoiced twice', async () => {
		const ticketId = 4006;
		sim.db.table('ticket_line_items').insert({ ticket_id: ticketId, user_id: 12, product_id: 9012, name: 'APC RBC7 Replacement Battery', description: 'Battery swap', quantity: 1, price_cost: 164.99, price_retail: 229, taxable: true, invoice_id: null });
		const first = await runChain(
			[{}],
			[{ name: 'Invoice', parameters: { resource: 'invoice', operation: 'create', customer_id: rl(2006), number: 'T-A-4006', date: '2026-11-04T00:00:00Z', additionalFields: { ticket_id: rl(ticketId) } } }],
			creds(),
		);
		expect(first.error).toBeUndefined();
		expect(first.output('Invoice')[0].json).toMatchObject({ subtotal: '229.0', tax: '18.32', total: '247.32' });

		const second = await runChain(
			[{}],
			[{ name: 'Invoice', parameters: { resource: 'invoice', operation: 'create', customer_id: rl(2006), number: 'T-B-4006', date: '2026-11-05T00:00:00Z', additionalFields: { ticket_id: rl(ticketId) } } }],
			creds(),
		);
		expect(second.error).toBeUndefined();
		expect(second.output('Invoice')[0].json).toMatchObject({ subtotal: '0.0', total: '0.0' });
	});
});
