/* eslint-disable @n8n/community-nodes/no-restricted-globals -- test code: runs under Node.js in this repository, never inside n8n */
import { Throttle } from '../../nodes/Syncro/transport/throttle';

describe('throttle', () => {
	it('lets `limit` requests through per window, counting in-flight requests as current', async () => {
		let clock = 1_000_000;
		const throttle = new Throttle({ limit: 2, windowMs: 1000 }, () => clock);
		const a = await throttle.acquire();
		const b = await throttle.acquire();
		let third = false;
		const pending = throttle.acquire().then((release) => {
			third = true;
			return release;
		});
		await new Promise((r) => setImmediate(r));
		expect(third).toBe(false); // both slots in flight
		a();
		b();
		await new Promise((r) => setImmediate(r));
		expect(third).toBe(false); // ended just now: still inside the window
		clock += 1011; // window + margin later
		await new Promise((r) => setTimeout(r, 1100)); // the throttle slept on the real timer meanwhile
		expect(third).toBe(true);
		(await pending)();
		expect(throttle.inWindow).toBe(1);
	});

	it('holds every caller during a pause', async () => {
		const throttle = new Throttle({ limit: 100, windowMs: 1000 });
		throttle.pause(Date.now() + 150);
		const started = Date.now();
		(await throttle.acquire())();
		expect(Date.now() - started).toBeGreaterThanOrEqual(140);
	});

	it('after a 429, lets requests through one at a time for a window', async () => {
		let clock = 1_000_000;
		const throttle = new Throttle({ limit: 100, windowMs: 1000 }, () => clock);
		throttle.pause(clock); // a 429 just now, no wait
		const first = await throttle.acquire();
		let second = false;
		const pending = throttle.acquire().then((release) => {
			second = true;
			return release;
		});
		await new Promise((r) => setImmediate(r));
		expect(second).toBe(false); // the first is still in flight
		first();
		(await pending)();
		expect(second).toBe(true);
		clock += 1001; // a window after the 429: side by side again
		const a = await throttle.acquire();
		const b = await throttle.acquire();
		a();
		b();
	});

	it('rejects a waiter when the execution is cancelled', async () => {
		const throttle = new Throttle({ limit: 1, windowMs: 60_000 });
		await throttle.acquire();
		const controller = new AbortController();
		const waiting = throttle.acquire(controller.signal);
		controller.abort();
		await expect(waiting).rejects.toBeDefined();
	});
});

describe('throttle after a 429', () => {
	/** The order in which `requests` (first attempts, or retries after a 429) get a slot once the one in flight ends. */
	async function servedOrder(requests: Array<{ name: string; retry?: boolean }>): Promise<string[]> {
		const throttle = new Throttle({ limit: 1, windowMs: 100 });
		const order: string[] = [];
		const inFlight = await throttle.acquire();
		const waiting = requests.map(async ({ name, retry }) => {
			const release = await throttle.acquire(undefined, { retry });
			order.push(name);
			release();
		});
		inFlight();
		await Promise.all(waiting);
		return order;
	}

	it('serves a request sent again after a 429 before the first attempts waiting behind it', async () => {
		expect(await servedOrder([{ name: 'b' }, { name: 'c' }, { name: 'a again', retry: true }])).toEqual(['a again', 'b', 'c']);
	});

	it('keeps arrival order among retries', async () => {
		expect(await servedOrder([{ name: 'b' }, { name: 'x again', retry: true }, { name: 'y again', retry: true }])).toEqual(['x again', 'y again', 'b']);
	});

	it('a cancelled waiter leaves the line without holding up the others', async () => {
		const throttle = new Throttle({ limit: 1, windowMs: 100 });
		const first = await throttle.acquire();
		const controller = new AbortController();
		const cancelled = throttle.acquire(controller.signal, { retry: true });
		const next = throttle.acquire();
		controller.abort();
		await expect(cancelled).rejects.toThrow(/cancelled/);
		first();
		(await next)();
		// The window holds only `next`: the cancelled waiter took no slot.
		expect(throttle.inWindow).toBe(1);
	});
});
