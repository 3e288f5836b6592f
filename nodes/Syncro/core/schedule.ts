/**
 * How the input items of one execution are scheduled: a bounded number side by side, in input order.
 * No HTTP here: each task sends its own requests, bounded by the execution's request slots
 * (transport/slots.ts).
 */

/**
 * Runs `task` for indexes 0..count-1 with at most `limit` running at once and returns the outcomes in index
 * order. After the first failure no new task starts when `stopOnError` is set (those report `skipped`); the
 * tasks already running finish first. A cancelled execution starts nothing more.
 */
export async function mapBounded<T>(
	count: number,
	limit: number,
	task: (index: number) => Promise<T>,
	options: { stopOnError: boolean; signal?: AbortSignal },
): Promise<Array<{ value: T } | { error: unknown } | { skipped: true }>> {
	const outcomes: Array<{ value: T } | { error: unknown } | { skipped: true }> = new Array(count);
	let next = 0;
	let failed = false;
	const worker = async () => {
		for (;;) {
			const index = next++;
			if (index >= count) return;
			if ((failed && options.stopOnError) || options.signal?.aborted) {
				outcomes[index] = { skipped: true };
				continue;
			}
			try {
				outcomes[index] = { value: await task(index) };
			} catch (error) {
				failed = true;
				outcomes[index] = { error };
			}
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, count)) }, worker));
	return outcomes;
}
