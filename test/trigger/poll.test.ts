/* eslint-disable @n8n/community-nodes/no-restricted-globals -- test code: runs under Node.js in this repository, never inside n8n */
/**
 * The Syncro Polling Trigger against the simulator, polled as n8n polls (test/helpers/poll.ts): no flood on
 * the first activation, the cursor across polls and restarts, nothing emitted twice, a bounded number of
 * requests per poll with the rest carried over, every event source, a failed poll, and the manual test.
 */
import type { IDataObject } from 'n8n-workflow';

import { shutdownN8n, syncroCredentials } from '../helpers/harness';
import { createPoller, type Poller } from '../helpers/poll';
import { startSimulator, type Simulator } from '../helpers/simulator';

let sim: Simulator;

beforeEach(async () => {
	sim = await startSimulator();
	await clockMoves();
});
afterEach(async () => {
	await sim.close();
});
afterAll(async () => {
	await shutdownN8n();
});

/**
 * Waits until the clock has moved past the current millisecond. Records are stamped to the millisecond, and the
 * trigger's "now" comes from the same clock: after this, whatever happens next (a poll, a change, a new record) is
 * stamped later than everything before, however fast or slow the machine is.
 */
async function clockMoves(): Promise<void> {
	const now = Date.now();
	while (Date.now() <= now) await new Promise((r) => setTimeout(r, 1));
}

function poller(event: string, options: IDataObject = {}): Poller {
	return createPoller({ event, options }, syncroCredentials(sim.baseUrl, sim.token));
}

async function api(method: string, path: string, body?: IDataObject): Promise<IDataObject> {
	const response = await fetch(`${sim.baseUrl}${path}`, {
		method,
		headers: { Authorization: `Bearer ${sim.token}`, 'Content-Type': 'application/json', Accept: 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	if (response.status >= 300) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
	if (method !== 'GET') await clockMoves();
	return (text ? JSON.parse(text) : {}) as IDataObject;
}

async function newTicket(subject: string): Promise<IDataObject> {
	return (await api('POST', '/tickets', { customer_id: 2001, subject, problem_type: 'Network' })).ticket as IDataObject;
}

const ids = (items: IDataObject[]) => items.map((i) => i.id);

describe('first activation and the cursor', () => {
	it('emits nothing on activation, even with existing records, and sends no request', async () => {
		const p = poller('ticketUpdated');
		sim.clearRequests();
		expect(await p.activate()).toEqual([]);
		expect(p.last).toBeNull();
		expect(sim.requests).toHaveLength(0);
		expect(await p.poll()).toEqual([]);
	});

	it('emits a new ticket once, then its changes once each', async () => {
		const p = poller('ticketUpdated');
		await p.activate();
		const t = await newTicket('Outlook keeps asking for password');
		const first = await p.poll();
		expect(ids(first)).toEqual([t.id]);
		expect(first[0].subject).toBe('Outlook keeps asking for password');
		const cursor = ((p.state()['node:Syncro Polling Trigger'] as IDataObject).syncroPoll as IDataObject).cursor as number;
		expect(cursor).toBe(Date.parse(String(sim.db.table('tickets').get(t.id as number)!.updated_at)));
		sim.clearRequests();
		expect(await p.poll()).toEqual([]);
		expect(sim.requests[0].query.since_updated_at).toBe(new Date(cursor - 5 * 60_000).toISOString());
		await api('PUT', `/tickets/${String(t.id)}`, { status: 'In Progress' });
		const change = await p.poll();
		expect(ids(change)).toEqual([t.id]);
		expect(change[0].status).toBe('In Progress');
		expect(await p.poll()).toEqual([]);
		const sent = sim.requestsTo('GET', '/tickets');
		expect(sent.every((r) => typeof r.query.since_updated_at === 'string')).toBe(true);
	});

	it('"New Ticket" emits each ticket once, whatever happens to it later', async () => {
		const p = poller('ticketCreated');
		await p.activate();
		const a = await newTicket('New hire laptop setup');
		const b = await newTicket('Printer offline on 2nd floor');
		expect(ids(await p.poll()).sort()).toEqual([a.id, b.id].sort());
		await api('PUT', `/tickets/${String(a.id)}`, { status: 'Resolved' });
		expect(await p.poll()).toEqual([]);
		expect(sim.requestsTo('GET', '/tickets').every((r) => typeof r.query.created_after === 'string')).toBe(true);
	});

	it('emits nothing twice after a restart (n8n keeps the state saved with each emitting poll)', async () => {
		const p = poller('ticketUpdated');
		await p.activate();
		const a = await newTicket('VPN drops every hour');
		expect(ids(await p.poll())).toEqual([a.id]);
		expect(await p.poll()).toEqual([]);
		p.restart();
		expect(await p.poll()).toEqual([]);
		const b = await newTicket('Server disk almost full');
		p.restart();
		expect(ids(await p.poll())).toEqual([b.id]);
	});

	it('starts again from now when the event is changed', async () => {
		const p = poller('ticketUpdated');
		await p.activate();
		await newTicket('Phishing email reported');
		p.setParameters({ event: 'ticketCreated', options: {} });
		expect(await p.poll()).toEqual([]);
		const t = await newTicket('Replace failing UPS battery');
		expect(ids(await p.poll())).toEqual([t.id]);
	});

	it('changes nothing when a request fails, and emits everything once at the next poll', async () => {
		const p = poller('ticketCreated');
		await p.activate();
		const created: unknown[] = [];
		for (let i = 0; i < 30; i++) created.push((await newTicket(`Bulk ${i}`)).id);
		const before = JSON.stringify(p.state());
		sim.failNext({ status: 404, count: 1, method: 'GET', path: '/tickets' });
		await expect(p.poll()).rejects.toThrow();
		expect(JSON.stringify(p.state())).toBe(before);
		const all = await p.poll();
		expect(ids(all).sort()).toEqual([...created].sort());
		expect(await p.poll()).toEqual([]);
	});
});

describe('request budget per poll', () => {
	it('never sends more than "Max Requests per Poll", carries the scan over and emits each record once', async () => {
		const p = poller('ticketCreated', { maxRequests: 1 });
		await p.activate();
		const created: unknown[] = [];
		for (let i = 0; i < 60; i++) created.push((await newTicket(`Batch ticket ${i}`)).id);
		const emitted: unknown[] = [];
		const perPoll: number[] = [];
		for (let i = 0; i < 6; i++) {
			sim.clearRequests();
			emitted.push(...ids(await p.poll()));
			perPoll.push(sim.requests.length);
		}
		expect(perPoll.every((n) => n <= 1)).toBe(true);
		expect(perPoll.slice(0, 3)).toEqual([1, 1, 1]);
		expect(new Set(emitted).size).toBe(emitted.length);
		expect([...emitted].sort()).toEqual([...created].sort());
	});

	it('uses 10 requests per poll by default', async () => {
		const p = poller('contactCreated');
		await p.activate();
		sim.clearRequests();
		await p.poll();
		expect(sim.requests.length).toBeLessThanOrEqual(10);
		expect(sim.requests.length).toBeGreaterThan(0);
	});
});

describe('every source', () => {
	it('New or Updated Invoice (since_updated_at)', async () => {
		const p = poller('invoiceUpdated');
		await p.activate();
		const invoice = (await api('POST', '/invoices', { customer_id: 2002, number: 'N8N-1', date: '2026-11-22' })).invoice as IDataObject;
		expect(ids(await p.poll())).toEqual([invoice.id]);
		expect(await p.poll()).toEqual([]);
		await api('PUT', `/invoices/${String(invoice.id)}`, { note: 'Paid by check' });
		expect(ids(await p.poll())).toEqual([invoice.id]);
	});

	it('New Customer: asks newest first and stops at the first page that reaches old records', async () => {
		await sim.close();
		sim = await startSimulator({ pageSizes: { customers: 3 } });
		for (const row of sim.db.table('customers').all()) row.created_at = row.updated_at = '2026-10-01T12:00:00.000Z';
		const p = poller('customerCreated');
		await p.activate();
		sim.clearRequests();
		expect(await p.poll()).toEqual([]);
		expect(sim.requests).toHaveLength(1);
		expect(sim.requests[0].query.sort).toBe('id DESC');
		const made: unknown[] = [];
		for (let i = 0; i < 4; i++) {
			made.push(((await api('POST', '/customers', { business_name: `Fjord Dental ${i}`, firstname: 'Nora', lastname: `Lindqvist ${i}`, email: `nora${i}@fjorddental.example` })).customer as IDataObject).id);
		}
		sim.clearRequests();
		expect(ids(await p.poll()).sort()).toEqual(made.sort());
		expect(sim.requests).toHaveLength(2);
		expect(await p.poll()).toEqual([]);
	});

	it('New Contact: a list in no useful order is scanned to the end, over several polls', async () => {
		await sim.close();
		sim = await startSimulator({ pageSizes: { contacts: 5 } });
		await clockMoves();
		const p = poller('contactCreated', { maxRequests: 2 });
		await p.activate();
		const made: unknown[] = [];
		for (let i = 0; i < 3; i++) made.push((await api('POST', '/contacts', { customer_id: 2003, name: `New Contact ${i}`, email: `c${i}@blueharbor.example` })).id);
		const pages = Math.ceil(sim.db.table('contacts').size / 5);
		expect(pages).toBeGreaterThanOrEqual(4);
		const emitted: unknown[] = [];
		const perPoll: number[] = [];
		for (let i = 0; i < Math.ceil(pages / 2) + 3; i++) {
			sim.clearRequests();
			emitted.push(...ids(await p.poll()));
			perPoll.push(sim.requests.length);
			// Ascending ids: the new contacts are on the last page, reached once the whole list is read.
			if (i < Math.ceil(pages / 2) - 1) expect(emitted).toEqual([]);
		}
		expect(perPoll.slice(0, Math.ceil(pages / 2)).reduce((a, b) => a + b, 0)).toBe(pages);
		expect(perPoll.every((n) => n <= 2)).toBe(true);
		expect(emitted.sort()).toEqual(made.sort());
	});

	it('New RMM Alert', async () => {
		const p = poller('rmmAlertCreated');
		await p.activate();
		const made = (await api('POST', '/rmm_alerts', { customer_id: 2001, description: 'Low Hd Space Trigger', formatted_output: 'C: 3% free', resolved: false })).alert as IDataObject;
		const out = await p.poll();
		expect(ids(out)).toEqual([made.id]);
		expect(await p.poll()).toEqual([]);
	});

	it('New RMM Alert with "All": also alerts resolved before the poll', async () => {
		const active = poller('rmmAlertCreated');
		const all = createPoller({ event: 'rmmAlertCreated', alertStatus: 'all', options: {} }, syncroCredentials(sim.baseUrl, sim.token));
		await active.activate();
		await all.activate();
		const made = (await api('POST', '/rmm_alerts', { customer_id: 2001, description: 'Agent Offline Trigger', formatted_output: 'Asset went offline' })).alert as IDataObject;
		await api('DELETE', `/rmm_alerts/${String(made.id)}`);
		sim.clearRequests();
		expect(await active.poll()).toEqual([]);
		expect(sim.requests[0].query.status).toBe('active');
		const out = await all.poll();
		expect(ids(out)).toEqual([made.id]);
		expect(out[0].resolved).toBe(true);
	});

	it('New Payment', async () => {
		const p = poller('paymentCreated');
		await p.activate();
		const invoice = sim.db.table('invoices').all()[0];
		const made = (await api('POST', '/payments', { customer_id: invoice.customer_id, invoice_id: invoice.id, amount_cents: 1000, payment_method: 'Cash' })).payment as IDataObject;
		expect(ids(await p.poll())).toEqual([made.id]);
		expect(await p.poll()).toEqual([]);
	});

	it('New Estimate', async () => {
		const p = poller('estimateCreated');
		await p.activate();
		const made = (await api('POST', '/estimates', { customer_id: 2001, name: 'Firewall replacement', date: '2026-11-22' })).estimate as IDataObject;
		expect(ids(await p.poll())).toEqual([made.id]);
		expect(await p.poll()).toEqual([]);
	});

	it('New Ticket Comment: each comment once, with its ticket id', async () => {
		const p = poller('ticketCommentCreated');
		await p.activate();
		const c1 = ((await api('POST', '/tickets/4005/comment', { subject: 'Update', body: 'Replaced the battery.', hidden: true })).comment) as IDataObject;
		const c2 = ((await api('POST', '/tickets/4009/comment', { subject: 'Reply', body: 'Thanks, all good now.' })).comment) as IDataObject;
		const out = await p.poll();
		expect(ids(out).sort()).toEqual([c1.id, c2.id].sort());
		expect(out.find((c) => c.id === c1.id)!.ticket_id).toBe(4005);
		expect(await p.poll()).toEqual([]);
		const c3 = ((await api('POST', '/tickets/4005/comment', { subject: 'Update', body: 'Closing.' })).comment) as IDataObject;
		expect(ids(await p.poll())).toEqual([c3.id]);
	});
});

describe('manual test ("Fetch Test Event")', () => {
	it('returns the newest few records and leaves the state alone', async () => {
		const p = poller('ticketUpdated');
		await p.activate();
		const state = JSON.stringify(p.state());
		const out = await p.poll('manual');
		expect(out.length).toBeGreaterThan(0);
		expect(out.length).toBeLessThanOrEqual(5);
		const times = out.map((t) => Date.parse(String(t.updated_at)));
		expect([...times].sort((a, b) => b - a)).toEqual(times);
		expect(JSON.stringify(p.state())).toBe(state);
	});

	it.each(['ticketCreated', 'invoiceUpdated', 'customerCreated', 'contactCreated', 'rmmAlertCreated', 'paymentCreated', 'estimateCreated', 'ticketCommentCreated'])(
		'%s returns up to 5 records without any saved state',
		async (event) => {
			const p = poller(event);
			const out = await p.poll('manual');
			expect(out.length).toBeGreaterThan(0);
			expect(out.length).toBeLessThanOrEqual(5);
			expect(p.state()).toEqual({});
		},
	);
});
