/**
 * How many requests one node execution may have underway at once.
 *
 * The throttle (throttle.ts) keeps the whole process under Syncro's rate limit; this bounds one execution's
 * share of it, so that pages of a Return All, input items of a read and the requests of named hooks can run
 * side by side without one execution opening hundreds of connections. An execution binds its slots to its
 * context (`bindRequestSlots`); `syncroRequest` takes a slot for every request made with that context, from
 * the first attempt until the answer (retries and their waits included). Contexts without slots (dropdowns,
 * triggers) send one request at a time, as before.
 */
import { wokenOrCancelled } from './throttle';

export class RequestSlots {
	private busy = 0;
	private readonly waiting: Array<() => void> = [];

	constructor(readonly size: number) {}

	/** Resolves with a release function once a slot is free; rejects when the execution is cancelled. */
	async acquire(signal?: AbortSignal): Promise<() => void> {
		while (this.busy >= this.size) {
			// Woken by a release, or rejected as soon as the execution is cancelled.
			await wokenOrCancelled(new Promise<void>((resolve) => this.waiting.push(resolve)), signal);
		}
		this.busy++;
		let released = false;
		return () => {
			if (released) return;
			released = true;
			this.busy--;
			// Every waiter looks again (one of them may have been cancelled meanwhile): none is left asleep.
			for (const wake of this.waiting.splice(0)) wake();
		};
	}
}

const slotsByContext = new WeakMap<object, RequestSlots>();

/** Makes every request sent with `ctx` share `slots`. */
export function bindRequestSlots(ctx: object, slots: RequestSlots): void {
	slotsByContext.set(ctx, slots);
}

/** The slots bound to `ctx`, if any. */
export function requestSlots(ctx: object): RequestSlots | undefined {
	return slotsByContext.get(ctx);
}

/** How many requests may run side by side for `ctx`: 1 unless slots are bound. */
export function parallelism(ctx: object): number {
	return slotsByContext.get(ctx)?.size ?? 1;
}
