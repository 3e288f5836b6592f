/* eslint-disable @n8n/community-nodes/no-restricted-globals -- test code: runs under Node.js in this repository, never inside n8n */
/** Request slots and the bounded item runner (transport/slots.ts, core/schedule.ts). */
import { mapBounded } from '../../nodes/Syncro/core/schedule';
import { RequestSlots } from '../../nodes/Syncro/transport/slots';

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('request slots', () => {
	it('lets `size` holders in and wakes the next waiter on release', async () => {
		const slots = new RequestSlots(2);
		const a = await slots.acquire();
		await slots.acquire();
		let third = false;
		const waiting = slots.acquire().then((release) => {
			third = true;
			return release;
		});
		await tick();
		expect(third).toBe(false);
		a();
		a(); // a second release of the same slot changes nothing
		(await waiting)();
		expect(third).toBe(true);
	});

	it('stops waiting when the execution is cancelled', async () => {
		const slots = new RequestSlots(1);
		await slots.acquire();
		const controller = new AbortController();
		const waiting = slots.acquire(controller.signal);
		controller.abort();
		await expect(waiting).rejects.toBeDefined();
	});
});

describe('mapBounded', () => {
	it('runs at most `limit` tasks at once and returns the outcomes in index order', async () => {
		let running = 0;
		let peak = 0;
		const outcomes = await mapBounded(
			10,
			3,
			async (i) => {
				running++;
				peak = Math.max(peak, running);
				await new Promise((r) => setTimeout(r, (10 - i) * 2));
				running--;
				return i * 10;
			},
			{ stopOnError: true },
		);
		expect(peak).toBe(3);
		expect(outcomes).toEqual(Array.from({ length: 10 }, (_, i) => ({ value: i * 10 })));
	});

	it('starts nothing new after a failure when told to stop, and lets the running ones finish', async () => {
		const started: number[] = [];
		const outcomes = await mapBounded(
			6,
			2,
			async (i) => {
				started.push(i);
				await new Promise((r) => setTimeout(r, i === 1 ? 1 : 30));
				if (i === 1) throw new Error('item 2 failed');
				return i;
			},
			{ stopOnError: true },
		);
		expect(started).toEqual([0, 1]);
		expect(outcomes).toEqual([{ value: 0 }, { error: expect.any(Error) }, { skipped: true }, { skipped: true }, { skipped: true }, { skipped: true }]);
	});

	it('runs every task after failures when Continue On Fail keeps going', async () => {
		const outcomes = await mapBounded(4, 2, async (i) => {
			if (i % 2) throw new Error(`failed ${i}`);
			return i;
		}, { stopOnError: false });
		expect(outcomes.map((o) => ('value' in o ? o.value : 'error' in o ? 'error' : 'skipped'))).toEqual([0, 'error', 2, 'error']);
	});

	it('starts nothing once the execution is cancelled', async () => {
		const controller = new AbortController();
		const outcomes = await mapBounded(4, 1, async (i) => {
			if (i === 1) controller.abort();
			return i;
		}, { stopOnError: true, signal: controller.signal });
		expect(outcomes).toEqual([{ value: 0 }, { value: 1 }, { skipped: true }, { skipped: true }]);
	});
});

describe('request slots after a cancelled waiter', () => {
	it('still wake the next waiter', async () => {
		const slots = new RequestSlots(1);
		const first = await slots.acquire();
		const controller = new AbortController();
		const cancelled = slots.acquire(controller.signal);
		const next = slots.acquire();
		controller.abort();
		await expect(cancelled).rejects.toBeDefined();
		first();
		(await next)();
	});
});
