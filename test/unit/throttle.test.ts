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

	it('rejects a waiter when the execution is cancelled', async () => {
		const throttle = new Throttle({ limit: 1, windowMs: 60_000 });
		await throttle.acquire();
		const controller = new AbortController();
		const waiting = throttle.acquire(controller.signal);
		controller.abort();
		await expect(waiting).rejects.toBeDefined();
	});
});
