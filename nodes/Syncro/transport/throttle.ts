/**
 * Client-side rate limiting shared by every Syncro request of the process.
 *
 * Syncro allows 180 requests per minute per IP address and counts a request when it arrives. We cannot see
 * that moment, only that it lies between our send and our receipt of the answer. So each request is logged
 * with the time its answer came back (and counts as "now" while it is in flight), and a new request may start
 * only when fewer than `limit` logged requests ended within the last window (plus a small margin). Then no
 * window of the server's clock ever holds more than `limit` arrivals, whatever the latency.
 * When Syncro still answers 429 (another process or machine shares the IP), `pause()` holds every caller of
 * the process until the given time, and for one window after it requests go one at a time. A request sent
 * again after a 429 keeps its turn: it is served before the first attempts waiting behind it, so the
 * requests that arrived later cannot take every free slot while it backs off.
 */
import * as n8nWorkflow from 'n8n-workflow';
import { cancellation } from './errors';

interface ThrottleSettings {
	limit: number;
	windowMs: number;
}

/** Call when the answer arrived (or the request failed): the slot then counts from this moment. */
type Release = () => void;

interface Waiter {
	/** Sent before and refused with a 429: served before first attempts. */
	retry: boolean;
	grant(release: Release): void;
}

export class Throttle {
	/** End times of recent requests; Infinity while in flight. */
	private readonly log: number[] = [];
	private pausedUntil = 0;
	/** When Syncro last answered 429: for one window after it, requests go one at a time (see wait). */
	private rateLimitedAt = -Infinity;
	/** Callers waiting for a slot, in the order they are served. */
	private readonly waiting: Waiter[] = [];
	private serving = false;
	/** Ends the server's current wait when no caller is left to serve (every one was cancelled). */
	private idle?: AbortController;
	private released: Array<() => void> = [];
	limit: number;
	windowMs: number;

	constructor(
		settings: ThrottleSettings,
		private readonly now: () => number = Date.now,
	) {
		this.limit = settings.limit;
		this.windowMs = settings.windowMs;
	}

	/** Safety margin added to the window for clock granularity. */
	private get marginMs(): number {
		return Math.min(1000, Math.ceil(this.windowMs * 0.01));
	}

	/**
	 * Resolves when one more request may be sent; rejects as soon as `signal` aborts. Callers are served in
	 * arrival order, except that a `retry` (the same request again after a 429) goes before every first attempt.
	 */
	async acquire(signal?: AbortSignal, { retry = false }: { retry?: boolean } = {}): Promise<Release> {
		if (signal?.aborted) throw cancellation();
		return await new Promise<Release>((resolve, reject) => {
			const cancelled = () => {
				const i = this.waiting.indexOf(waiter);
				if (i !== -1) this.waiting.splice(i, 1);
				if (this.waiting.length === 0) this.idle?.abort();
				reject(cancellation());
			};
			const waiter: Waiter = {
				retry,
				grant: (release) => {
					signal?.removeEventListener('abort', cancelled);
					resolve(release);
				},
			};
			signal?.addEventListener('abort', cancelled, { once: true });
			const firstAttempt = retry ? this.waiting.findIndex((w) => !w.retry) : -1;
			if (firstAttempt === -1) this.waiting.push(waiter);
			else this.waiting.splice(firstAttempt, 0, waiter);
			void this.serve();
		});
	}

	/** Holds every request of the process until `until` (epoch ms): used after a 429. */
	pause(until: number): void {
		if (until > this.pausedUntil) this.pausedUntil = until;
		this.rateLimitedAt = this.now();
	}

	get pausedFor(): number {
		return Math.max(0, this.pausedUntil - this.now());
	}

	/** Requests that ended within the current window or are still in flight. */
	get inWindow(): number {
		const windowStart = this.now() - (this.windowMs + this.marginMs);
		return this.log.filter((t) => t > windowStart).length;
	}

	/** Gives slots to the waiting callers, first in line first, while any are waiting (one server at a time). */
	private async serve(): Promise<void> {
		if (this.serving) return;
		this.serving = true;
		try {
			while (this.waiting.length > 0) {
				const wait = this.wait();
				if (wait === 0) {
					// Taking the slot and handing it over happen together: nothing can come between them.
					this.log.push(Infinity);
					this.waiting.shift()?.grant(this.releaser());
					continue;
				}
				const idle = new AbortController();
				this.idle = idle;
				// Woken by the next answer or the end of the wait; the loop ends here if every caller was cancelled.
				if (wait === 'release')
					await wokenOrCancelled(new Promise<void>((resolve) => this.released.push(resolve)), idle.signal).catch(
						() => undefined,
					);
				else await sleep(wait, idle.signal).catch(() => undefined);
				this.idle = undefined;
			}
		} finally {
			this.serving = false;
		}
	}

	/** 0 when a request may start now, else how long to wait: milliseconds, or until an answer comes back. */
	private wait(): number | 'release' {
		const now = this.now();
		const windowStart = now - (this.windowMs + this.marginMs);
		for (let i = this.log.length - 1; i >= 0; i--) if (this.log[i] <= windowStart) this.log.splice(i, 1);
		// After a 429, the IP's budget is spent by someone else too: for one window, one request at a time, so
		// that callers who all waited out the pause do not all try again at once and all be refused again.
		if (now - this.rateLimitedAt < this.windowMs && this.log.includes(Infinity)) return 'release';
		let waitMs = this.pausedUntil - now;
		if (this.log.length >= this.limit) {
			const sorted = [...this.log].sort((a, b) => a - b);
			const blocking = sorted[this.log.length - this.limit];
			if (blocking === Infinity) return 'release';
			waitMs = Math.max(waitMs, blocking - windowStart);
		}
		return waitMs > 0 ? waitMs : 0;
	}

	private releaser(): Release {
		let done = false;
		// Mark the first in-flight slot as ended: which one does not matter, only how many end when.
		return () => {
			if (done) return;
			done = true;
			const i = this.log.indexOf(Infinity);
			if (i !== -1) this.log[i] = this.now();
			const waiters = this.released;
			this.released = [];
			for (const wake of waiters) wake();
		};
	}
}

/**
 * Waits, or rejects as soon as the execution is cancelled. n8n versions without `sleepWithAbort` (the peer
 * dependency is any n8n-workflow) get a plain wait that checks the signal before and after.
 */
export async function sleep(ms: number, signal?: AbortSignal): Promise<void> {
	const workflow = n8nWorkflow as Partial<typeof n8nWorkflow>;
	if (typeof workflow.sleepWithAbort === 'function') {
		await workflow.sleepWithAbort(ms, signal);
		return;
	}
	if (signal?.aborted) throw cancellation();
	await n8nWorkflow.sleep(ms);
	if (signal?.aborted) throw cancellation();
}

/**
 * Resolves when `woken` does, or rejects as soon as the execution is cancelled; leaves no timer behind
 * (a bounded sleep raced against the wake-up would keep running after it).
 */
export async function wokenOrCancelled(woken: Promise<void>, signal?: AbortSignal): Promise<void> {
	if (!signal) return await woken;
	if (signal.aborted) throw cancellation();
	await new Promise<void>((resolve, reject) => {
		const cancelled = () => reject(cancellation());
		signal.addEventListener('abort', cancelled, { once: true });
		void woken.then(() => {
			signal.removeEventListener('abort', cancelled);
			resolve();
		});
	});
}

const throttles = new Map<string, Throttle>();

/**
 * The process-wide throttle for a key (all syncromsp.com tenants share one, as Syncro counts per IP).
 * The newest settings win, so a changed "Requests per Minute" takes effect without a restart.
 */
export function getThrottle(key: string, settings: ThrottleSettings): Throttle {
	let throttle = throttles.get(key);
	if (!throttle) {
		throttle = new Throttle(settings);
		throttles.set(key, throttle);
	} else {
		throttle.limit = settings.limit;
		throttle.windowMs = settings.windowMs;
	}
	return throttle;
}
