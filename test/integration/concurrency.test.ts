/**
 * Requests side by side (issue 12): input items of a read and the pages of a Return All run in a bounded
 * window; outputs keep input and page order, pairedItem, exact limits and Continue On Fail; writes stay one
 * item after another unless the user allows parallel writes; find-or-create never runs in parallel.
 * The simulator answers after a latency so that requests really overlap; `maxOverlap` reads the overlap off
 * its request log.
 */
import type { IDataObject } from 'n8n-workflow';

import { runChain, syncroCredentials } from '../helpers/harness';
import { maxOverlap, useSimulator, type Simulator } from '../helpers/simulator';

let sim: Simulator;
useSimulator((s) => (sim = s));
afterEach(() => {
	sim.setLatency(0);
});

const creds = () => syncroCredentials(sim.baseUrl, sim.token);
const ticketIds = Array.from({ length: 30 }, (_, i) => 4001 + i);
const getTicket = (requestOptions?: IDataObject): IDataObject => ({
	resource: 'ticket',
	operation: 'get',
	ticketId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
	...(requestOptions ? { requestOptions } : {}),
});
const pairedIndex = (item: { pairedItem?: unknown }) => (item.pairedItem as { item: number }).item;

describe('input items of a read run side by side', () => {
	it('keeps input order and pairedItem with several requests underway at once', async () => {
		sim.setLatency(40);
		const ids = [...ticketIds].reverse();
		const result = await runChain(ids.map((id) => ({ id })), [{ name: 'Get', parameters: getTicket() }], creds());
		expect(result.error).toBeUndefined();
		const out = result.output('Get');
		expect(out.map((i) => i.json.id)).toEqual(ids);
		expect(out.map(pairedIndex)).toEqual(ids.map((_, i) => i));
		const overlap = maxOverlap(sim.requests);
		expect(overlap).toBeGreaterThan(1);
		expect(overlap).toBeLessThanOrEqual(8);
	});

	it('sends one request at a time with Parallel Requests = 1', async () => {
		sim.setLatency(10);
		const result = await runChain(ticketIds.slice(0, 8).map((id) => ({ id })), [{ name: 'Get', parameters: getTicket({ parallelRequests: 1 }) }], creds());
		expect(result.error).toBeUndefined();
		expect(result.output('Get').map((i) => i.json.id)).toEqual(ticketIds.slice(0, 8));
		expect(maxOverlap(sim.requests)).toBe(1);
	});

	it('with Continue On Fail, puts each failed item\'s error at its index while others are in flight', async () => {
		sim.setLatency(20);
		const ids = [4001, 4002, 4003, 999001, 4004, 4005, 4006, 999002, 4007, 4008];
		const result = await runChain(ids.map((id) => ({ id })), [{ name: 'Get', parameters: getTicket(), continueOnFail: true }], creds());
		expect(result.error).toBeUndefined();
		const out = result.output('Get');
		expect(out.map(pairedIndex)).toEqual(ids.map((_, i) => i));
		expect(out.map((i) => (i.json.error ? 'error' : i.json.id))).toEqual([4001, 4002, 4003, 'error', 4004, 4005, 4006, 'error', 4007, 4008]);
		expect(String(out[3].json.error)).toMatch(/404/);
		expect(maxOverlap(sim.requests)).toBeGreaterThan(1);
	});

	it('without Continue On Fail, fails with the first failing item in input order', async () => {
		sim.setLatency(20);
		sim.stallNext(1, 300, { method: 'GET', path: '/tickets/999001' });
		const ids = [4001, 999001, 4002, 999002, 4003];
		const result = await runChain(ids.map((id) => ({ id })), [{ name: 'Get', parameters: getTicket() }], creds());
		expect(result.error?.description).toContain('/tickets/999001');
		expect((result.error?.context as IDataObject | undefined)?.itemIndex).toBe(1);
	});
});

describe('Return All fetches pages in a window', () => {
	beforeAll(() => {
		const customers = sim.db.table('customers');
		for (let i = 0; i < 240; i++) {
			customers.insert({
				business_name: `Window Customer ${String(i + 1).padStart(3, '0')}`, firstname: 'Window', lastname: `${i + 1}`, fullname: `Window ${i + 1}`,
				email: `window${i + 1}@window.example`, city: i % 2 ? 'Portland' : 'Salem', state: 'OR', disabled: false, properties: {}, contacts: [],
			});
		}
	});
	const getMany = (extra: IDataObject): IDataObject => ({ resource: 'customer', operation: 'getAll', ...extra });

	it('returns every record once, in page order, with the filters on every page', async () => {
		sim.setLatency(30);
		const result = await runChain([{}], [{ name: 'All', parameters: getMany({ returnAll: true, filters: { query: 'Window' } }) }], creds());
		expect(result.error).toBeUndefined();
		const names = result.output('All').map((i) => i.json.business_name);
		expect(names).toEqual(Array.from({ length: 240 }, (_, i) => `Window Customer ${String(i + 1).padStart(3, '0')}`));
		const pages = sim.requests.filter((r) => r.path === '/customers');
		expect(pages.map((r) => Number(r.query.page)).sort((a, b) => a - b)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
		expect(pages.every((r) => r.query.query === 'Window')).toBe(true);
		expect(maxOverlap(pages)).toBeGreaterThan(1);
		expect(result.output('All').every((i) => pairedIndex(i) === 0)).toBe(true);
	});

	it.each([
		[50, [1, 2]],
		[60, [1, 2, 3]],
		[25, [1]],
		[1, [1]],
	])('with a Limit of %i fetches only pages %j', async (limit, pages) => {
		const result = await runChain([{}], [{ name: 'Some', parameters: getMany({ returnAll: false, limit, filters: { query: 'Window' } }) }], creds());
		expect(result.error).toBeUndefined();
		expect(result.output('Some')).toHaveLength(limit);
		expect(result.output('Some')[limit - 1].json.business_name).toBe(`Window Customer ${String(limit).padStart(3, '0')}`);
		expect(sim.requests.map((r) => Number(r.query.page)).sort((a, b) => a - b)).toEqual(pages);
	});

	it('keeps a list without page totals sequential, with today\'s stop rules', async () => {
		sim.setLatency(10);
		const result = await runChain([{}], [{ name: 'Products', parameters: { resource: 'product', operation: 'getAll', returnAll: true } }], creds());
		expect(result.error).toBeUndefined();
		expect(result.output('Products').length).toBeGreaterThan(0);
		expect(maxOverlap(sim.requests)).toBe(1);
	});
});

describe('writes', () => {
	const addComment = (requestOptions?: IDataObject): IDataObject => ({
		resource: 'ticket',
		operation: 'addComment',
		ticketId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
		subject: '={{ $json.subject }}',
		body: 'Checked.',
		additionalFields: { hidden: true },
		...(requestOptions ? { requestOptions } : {}),
	});
	const items = Array.from({ length: 6 }, (_, i) => ({ id: 4010 + i, subject: `Note ${i + 1}` }));

	it('run one item after another by default, in input order', async () => {
		sim.setLatency(20);
		const result = await runChain(items, [{ name: 'Comment', parameters: addComment() }], creds());
		expect(result.error).toBeUndefined();
		const posts = sim.requests.filter((r) => r.method === 'POST');
		expect(posts.map((r) => r.body?.subject)).toEqual(items.map((i) => i.subject));
		expect(maxOverlap(posts)).toBe(1);
	});

	it('run side by side with Allow Parallel Writes, each sent once', async () => {
		sim.setLatency(40);
		const result = await runChain(items, [{ name: 'Comment', parameters: addComment({ parallelWrites: true }) }], creds());
		expect(result.error).toBeUndefined();
		expect(result.output('Comment').map(pairedIndex)).toEqual(items.map((_, i) => i));
		const posts = sim.requests.filter((r) => r.method === 'POST');
		expect(posts.map((r) => r.body?.subject).sort()).toEqual(items.map((i) => i.subject).sort());
		expect(maxOverlap(posts)).toBeGreaterThan(1);
	});

	it('stop at a failing item without Continue On Fail: nothing after it is written', async () => {
		const bad = [items[0], { id: 999001, subject: 'Lost' }, items[1], items[2]];
		const result = await runChain(bad, [{ name: 'Comment', parameters: addComment() }], creds());
		expect(result.error?.message).toMatch(/404/);
		expect(sim.requests.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual(['/tickets/4010/comment', '/tickets/999001/comment']);
	});

	it('with parallel writes and a 429 storm, every POST lands exactly once and no 429 reaches the user', async () => {
		sim.setRateLimit({ limit: 3, windowMs: 300 });
		try {
			const many = Array.from({ length: 12 }, (_, i) => ({ id: 4001 + i, subject: `Storm ${i + 1}` }));
			const result = await runChain(many, [{ name: 'Comment', parameters: addComment({ parallelWrites: true }) }], syncroCredentials(sim.baseUrl, sim.token, { rateLimitWindowMs: 300 }));
			expect(result.error).toBeUndefined();
			expect(sim.requests.filter((r) => r.status === 429).length).toBeGreaterThan(0);
			const landed = sim.requests.filter((r) => r.method === 'POST' && r.status === 200).map((r) => r.body?.subject);
			expect(landed.sort()).toEqual(many.map((m) => m.subject).sort());
		} finally {
			sim.setRateLimit(null);
		}
	});

	it('in a storm that lasts many windows, a write refused with 429 keeps its turn and is not starved by the items behind it', async () => {
		// 40 POSTs through 8 parallel slots against 3 requests per 300 ms: 14 windows of refusals. Before a refused
		// request kept its turn, the items behind it took the free slots and one item failed in 5 of 6 runs.
		sim.setRateLimit({ limit: 3, windowMs: 300 });
		try {
			const many = Array.from({ length: 40 }, (_, i) => ({ id: 4001 + (i % 12), subject: `Long storm ${i + 1}` }));
			const result = await runChain(many, [{ name: 'Comment', parameters: addComment({ parallelWrites: true }) }], syncroCredentials(sim.baseUrl, sim.token, { rateLimitWindowMs: 300 }));
			expect(result.error).toBeUndefined();
			const landed = sim.requests.filter((r) => r.method === 'POST' && r.status === 200).map((r) => r.body?.subject);
			expect(landed.sort()).toEqual(many.map((m) => m.subject).sort());
		} finally {
			sim.setRateLimit(null);
		}
	}, 30_000);

	it('find-or-create runs one item at a time even with Allow Parallel Writes', async () => {
		sim.setLatency(20);
		const people = Array.from({ length: 4 }, (_, i) => ({ email: `same-${i % 2}@find.example` }));
		const result = await runChain(
			people,
			[
				{
					name: 'Find',
					parameters: {
						resource: 'contact',
						operation: 'findOrCreate',
						customer_id: { __rl: true, mode: 'id', value: '2003' },
						email: '={{ $json.email }}',
						name: '={{ $json.email }}',
						requestOptions: { parallelWrites: true },
					},
				},
			],
			creds(),
		);
		expect(result.error).toBeUndefined();
		expect(maxOverlap(sim.requests)).toBe(1);
		expect(sim.requests.filter((r) => r.method === 'POST')).toHaveLength(2);
		expect(result.output('Find').map((i) => i.json.findOrCreateResult)).toEqual(['created', 'created', 'found', 'found']);
	});
});
