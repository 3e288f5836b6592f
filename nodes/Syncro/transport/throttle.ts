/**
 * Client-side rate limiting shared by every Syncro request of the process.
 *
 * Syncro allows 180 requests per minute per IP address. A sliding-window log guarantees that no window of
 * `windowMs` (plus a small safety margin for network jitter) ever holds more than `limit` sends, which also
 * keeps every fixed window the server counts in under the limit. When Syncro still answers 429 (another
 * process or machine shares the IP), `pause()` holds every caller of the process until the given time.
 */
import { sleepWithAbort } from 'n8n-workflow';

export interface ThrottleSettings {
	limit: number;
	windowMs: number;
}

export class Throttle {
	private readonly sent: number[] = [];
	private pausedUntil = 0;
	private queue: Promise<void> = Promise.resolve();
	limit: number;
	windowMs: number;

	constructor(settings: ThrottleSettings, private readonly now: () => number = Date.now) {
		this.limit = settings.limit;
		this.windowMs = settings.windowMs;
	}

	/** Safety margin added to the window: covers latency jitter between our send and the server's count. */
	private get marginMs(): number {
		return Math.min(1000, Math.ceil(this.windowMs * 0.01));
	}

	/** Resolves when one more request may be sent; callers are served in arrival order. */
	async acquire(signal?: AbortSignal): Promise<void> {
		const turn = this.queue.then(async () => await this.waitForSlot(signal));
		// Keep the chain alive even when one waiter is aborted.
		this.queue = turn.catch(() => undefined);
		await turn;
	}

	/** Holds every request of the process until `until` (epoch ms): used after a 429. */
	pause(until: number): void {
		if (until > this.pausedUntil) this.pausedUntil = until;
	}

	get pausedFor(): number {
		return Math.max(0, this.pausedUntil - this.now());
	}

	private async waitForSlot(signal?: AbortSignal): Promise<void> {
		for (;;) {
			const now = this.now();
			const windowStart = now - (this.windowMs + this.marginMs);
			while (this.sent.length > 0 && this.sent[0] <= windowStart) this.sent.shift();
			let waitMs = this.pausedUntil - now;
			if (this.sent.length >= this.limit) {
				waitMs = Math.max(waitMs, this.sent[this.sent.length - this.limit] - windowStart);
			}
			if (waitMs <= 0) {
				this.sent.push(now);
				return;
			}
			await sleep(waitMs, signal);
		}
	}
}

/** Waits, or rejects as soon as the execution is cancelled. */
export async function sleep(ms: number, signal?: AbortSignal): Promise<void> {
	await sleepWithAbort(ms, signal);
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
