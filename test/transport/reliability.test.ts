/**
 * The transport against the simulator through the real n8n engine: throttle spacing, 429 recovery,
 * retries of idempotent requests only, error messages, timeouts, and secrets kept out of errors and URLs.
 */
import { runChain, syncroCredentials, type SyncroCredentialData } from '../helpers/harness';
import { useSimulator, type Simulator } from '../helpers/simulator';

let sim: Simulator;
useSimulator((s) => (sim = s));
beforeEach(() => sim.clearFaults());

const creds = (overrides: Partial<SyncroCredentialData> = {}) => syncroCredentials(sim.baseUrl, sim.token, overrides);
const getTicket = (id = 4001, extra: Record<string, unknown> = {}) => ({
	name: 'Syncro',
	parameters: { resource: 'ticket', operation: 'get', ticketId: { __rl: true, mode: 'id', value: String(id) } },
	...extra,
});
const addComment = { name: 'Syncro', parameters: { resource: 'ticket', operation: 'addComment', ticketId: { __rl: true, mode: 'id', value: '4001' }, subject: 'Update', body: 'Done' } };
const updateTicket = { name: 'Syncro', parameters: { resource: 'ticket', operation: 'update', ticketId: { __rl: true, mode: 'id', value: '4002' }, updateFields: { status: 'In Progress' } } };
const items = (n: number) => Array.from({ length: n }, (_, i) => ({ i }));

/** Most requests sent in any window of `windowMs`. */
function maxInWindow(times: number[], windowMs: number): number {
	let max = 0;
	for (let i = 0; i < times.length; i++) {
		let j = i;
		while (j < times.length && times[j] - times[i] < windowMs) j++;
		max = Math.max(max, j - i);
	}
	return max;
}

describe('client-side throttle', () => {
	it('never sends more than the configured requests per window', async () => {
		// 8 requests per 400 ms window (a minute scaled down), 20 items: at least two waits.
		const result = await runChain(items(20), [getTicket(4001)], creds({ requestsPerMinute: 8, rateLimitWindowMs: 400 }));
		expect(result.error).toBeUndefined();
		const times = sim.requests.map((r) => r.at);
		expect(times).toHaveLength(20);
		expect(maxInWindow(times, 400)).toBeLessThanOrEqual(8);
		// The window really was used: 20 requests at 8 per window span more than two windows.
		expect(times[times.length - 1] - times[0]).toBeGreaterThanOrEqual(800);
	});

	it('keeps a shared limit under the server limit: no 429 is received', async () => {
		sim.setRateLimit({ limit: 10, windowMs: 500 });
		const result = await runChain(items(30), [getTicket(4001)], creds({ requestsPerMinute: 10, rateLimitWindowMs: 500 }));
		expect(result.error).toBeUndefined();
		expect(sim.requests.filter((r) => r.status === 429)).toHaveLength(0);
		expect(result.output('Syncro')).toHaveLength(30);
	});
});

describe('rate limit (429 "Retry later")', () => {
	it('backs off and recovers, for reads and for writes, without surfacing the 429', async () => {
		sim.setRateLimit({ limit: 5, windowMs: 300 });
		const reads = await runChain(items(12), [getTicket(4001)], creds({ rateLimitWindowMs: 300 }));
		expect(reads.error).toBeUndefined();
		expect(reads.output('Syncro')).toHaveLength(12);
		expect(sim.requests.filter((r) => r.status === 429).length).toBeGreaterThan(0);

		sim.clearRequests();
		const before = sim.db.table('comments').size;
		const writes = await runChain(items(8), [addComment], creds({ rateLimitWindowMs: 300 }));
		expect(writes.error).toBeUndefined();
		// A 429 means Syncro did nothing, so retrying a POST is safe: exactly one comment per item.
		expect(sim.db.table('comments').size - before).toBe(8);
	});

	it('honours Retry-After', async () => {
		sim.failNext({ status: 429, count: 1, raw: 'Retry later\n', headers: { 'Content-Type': 'text/plain', 'Retry-After': '1' } });
		const started = Date.now();
		const result = await runChain([{}], [getTicket()], creds());
		expect(result.error).toBeUndefined();
		expect(Date.now() - started).toBeGreaterThanOrEqual(950);
		expect(sim.requests.map((r) => r.status)).toEqual([429, 200]);
	});

	it('gives a clear "rate limited" error once the request has been refused for five windows', async () => {
		sim.failNext({ status: 429, count: 500, raw: 'Retry later\n', headers: { 'Content-Type': 'text/plain' } });
		const result = await runChain([{}], [getTicket()], creds({ rateLimitWindowMs: 60 }));
		const attempts = sim.requests.length;
		expect(result.error?.message).toMatch(new RegExp(`^Syncro rate limit: still refused after \\d+(\\.\\d)? s \\(${attempts} attempts, 429\\)$`));
		expect(result.error?.description).toMatch(/Requests per Minute/);
		// The budget is time: five windows of 60 ms from the first 429 (7 attempts used to end within about two
		// windows), as the transport's own clock reports it in the message. The attempts are backed off, not sent
		// back to back: waits of at least 1, 2, 4, 8, 16, then 30 ms fit 15 attempts into 300 ms (20 leaves room for
		// timers' millisecond rounding; sent back to back they would be hundreds). Neither bound depends on the
		// machine's speed: a loaded machine makes fewer, later attempts.
		const refusedForSeconds = Number(/still refused after (\d+(?:\.\d)?) s/.exec(result.error?.message ?? '')?.[1]);
		expect(refusedForSeconds).toBeGreaterThanOrEqual(0.3);
		expect(attempts).toBeGreaterThanOrEqual(2);
		expect(attempts).toBeLessThanOrEqual(20);
		expect(sim.requests.every((r) => r.status === 429)).toBe(true);
	});

	it('honours a Retry-After longer than the budget only until the budget ends', async () => {
		sim.failNext({ status: 429, count: 2, raw: 'Retry later\n', headers: { 'Content-Type': 'text/plain', 'Retry-After': '60' } });
		const result = await runChain([{}], [getTicket()], creds({ rateLimitWindowMs: 60 }));
		// Retry-After asks for a minute; the budget is five windows (300 ms), so the second attempt comes when it ends
		// and is the last. The upper bound is far from both: a loaded machine adds seconds, honouring Retry-After a minute.
		expect(result.error?.message).toMatch(/^Syncro rate limit: still refused after \d+(\.\d)? s \(2 attempts, 429\)$/);
		expect(sim.requests.map((r) => r.status)).toEqual([429, 429]);
		const gap = sim.requests[1].at - sim.requests[0].at;
		expect(gap).toBeGreaterThanOrEqual(290);
		expect(gap).toBeLessThan(20_000);
	});
});

describe('retries', () => {
	it.each([502, 503, 504])('retries a GET after %i and succeeds', async (status) => {
		sim.failNext({ status, count: 2, method: 'GET', raw: '<html><head><title>Bad Gateway</title></head></html>' });
		const result = await runChain([{}], [getTicket()], creds({ rateLimitWindowMs: 30 }));
		expect(result.error).toBeUndefined();
		expect(sim.requests.map((r) => r.status)).toEqual([status, status, 200]);
	});

	it('retries a PUT after a connection reset', async () => {
		sim.resetNext(1, { method: 'PUT' });
		const result = await runChain([{}], [updateTicket], creds({ rateLimitWindowMs: 30 }));
		expect(result.error).toBeUndefined();
		expect(sim.requestsTo('PUT', '/tickets/4002')).toHaveLength(2);
	});

	it('never retries a POST after a 503: one request, a clear error, no duplicate', async () => {
		sim.failNext({ status: 503, count: 1, method: 'POST' });
		const before = sim.db.table('comments').size;
		const result = await runChain([{}], [addComment], creds({ rateLimitWindowMs: 30 }));
		expect(result.error?.message).toBe('Syncro answered 503');
		expect(result.error?.description).toMatch(/not retried automatically/);
		expect(sim.requestsTo('POST', '/tickets/4001/comment')).toHaveLength(1);
		expect(sim.db.table('comments').size).toBe(before);
	});

	it('never retries a POST after a connection reset', async () => {
		sim.resetNext(1, { method: 'POST' });
		const result = await runChain([{}], [addComment], creds({ rateLimitWindowMs: 30 }));
		expect(result.error?.message).toBe('The connection to Syncro failed');
		expect(result.error?.description).toMatch(/Not retried automatically/);
		expect(sim.requestsTo('POST', '/tickets/4001/comment')).toHaveLength(1);
	});

	it('retries a GET that times out, and reports a POST that times out without retrying', async () => {
		sim.stallNext(1, 1500, { method: 'GET' });
		const read = await runChain([{}], [getTicket()], creds({ timeoutSeconds: 0.5, rateLimitWindowMs: 30 }));
		expect(read.error).toBeUndefined();
		expect(sim.requestsTo('GET', '/tickets/4001')).toHaveLength(2);

		sim.clearRequests();
		sim.stallNext(1, 1500, { method: 'POST' });
		const write = await runChain([{}], [addComment], creds({ timeoutSeconds: 0.5, rateLimitWindowMs: 30 }));
		expect(write.error?.message).toBe('Syncro did not answer within 1 seconds');
		expect(sim.requestsTo('POST', '/tickets/4001/comment')).toHaveLength(1);
	});
});

describe('errors', () => {
	it('maps a 404 with an empty body', async () => {
		const result = await runChain([{}], [getTicket(999999)], creds());
		expect(result.error?.message).toBe('Syncro found no such record (404)');
		expect(result.error?.description).toMatch(/GET \/tickets\/999999/);
	});

	it("maps a 422 with Syncro's message array", async () => {
		const result = await runChain([{}], [{ name: 'Syncro', parameters: { resource: 'ticket', operation: 'addComment', ticketId: { __rl: true, mode: 'id', value: '4001' }, subject: 'x', body: '={{ "" }}' } }], creds());
		// the node rejects the empty required body itself, before Syncro would
		expect(result.error?.message).toBe('Invalid "Body" in item 1: a value is required');
		sim.failNext({ status: 422, count: 1, body: { success: false, message: ["Subject can't be blank"], params: {} } });
		const refused = await runChain([{}], [addComment], creds());
		expect(refused.error?.message).toBe("Syncro refused the request (422): Subject can't be blank");
	});

	it('names the permission on 403', async () => {
		sim.failNext({ status: 403, count: 1, body: { error: 'Not allowed' } });
		const result = await runChain([{}], [getTicket()], creds());
		expect(result.error?.message).toBe('The Syncro API token lacks a permission: "Tickets - View Details" (403 Forbidden)');
	});

	it('reports a bad token as such, without the token anywhere', async () => {
		// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- an invented wrong token, which the test proves never shows
		const result = await runChain([{}], [getTicket()], creds({ apiToken: 'wrong-token-value-123' }));
		expect(result.error?.message).toBe('Syncro rejected the API token (401 Unauthorized)');
		expect(JSON.stringify(result.run.data)).not.toContain('wrong-token-value-123');
	});

	it('reports HTML error pages and malformed JSON clearly', async () => {
		sim.failNext({ status: 500, count: 1, raw: "<!DOCTYPE html><html><head><title>We're sorry, but something went wrong (500)</title></head></html>" });
		const html = await runChain([{}], [getTicket()], creds());
		expect(html.error?.message).toBe('Syncro answered 500: an HTML error page ("We\'re sorry, but something went wrong (500)") instead of JSON');
	});

	it('retries a read that came back as malformed JSON, and reports a write that did without retrying it', async () => {
		const cut = { status: 200, raw: '{"ticket": {"id": 1,', headers: { 'Content-Type': 'application/json' } };
		sim.failNext({ ...cut, count: 1, method: 'GET' });
		const read = await runChain([{}], [getTicket()], creds({ rateLimitWindowMs: 30 }));
		expect(read.error).toBeUndefined();
		expect(sim.requestsTo('GET', '/tickets/4001')).toHaveLength(2);

		sim.clearRequests();
		sim.failNext({ ...cut, count: 10, method: 'GET' });
		const broken = await runChain([{}], [getTicket()], creds({ rateLimitWindowMs: 30 }));
		expect(broken.error?.message).toBe('Syncro sent a response that is not valid JSON');
		expect(sim.requestsTo('GET', '/tickets/4001')).toHaveLength(4);

		sim.clearFaults();
		sim.failNext({ ...cut, count: 1, method: 'POST' });
		const write = await runChain([{}], [addComment], creds({ rateLimitWindowMs: 30 }));
		expect(write.error?.message).toBe('Syncro sent a response that is not valid JSON');
		expect(write.error?.description).toMatch(/may have been applied/);
		expect(sim.requestsTo('POST', '/tickets/4001/comment')).toHaveLength(1);
	});

	it('refuses a subdomain that is not a DNS label before sending anything', async () => {
		const result = await runChain([{}], [getTicket()], creds({ baseUrl: '', subdomain: 'evil.com/#' }));
		expect(result.error?.message).toMatch(/The Syncro subdomain "evil.com\/#" is not valid/);
		expect(sim.requests).toHaveLength(0);
	});

	it('keeps the token out of every URL', async () => {
		await runChain(items(3), [getTicket()], creds());
		expect(sim.requests.length).toBeGreaterThan(0);
		expect(sim.requests.every((r) => r.authorization && !r.url.includes(sim.token))).toBe(true);
	});
});
