/** Typed access to the JavaScript simulator for the TypeScript tests. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const server = require('../simulator/server');

export interface SimRequestRecord {
	method: string;
	path: string;
	url: string;
	query: Record<string, string | string[]>;
	body: Record<string, unknown> | undefined;
	status: number;
	at: number;
	authorization: boolean;
	/** The header was exactly `Authorization: Bearer <token>`. */
	bearer: boolean;
	/** When the answer was sent (0 until then). */
	endedAt: number;
}

/** The most requests of `requests` that were underway at the same moment at the simulator. */
export function maxOverlap(requests: SimRequestRecord[]): number {
	const events = requests.flatMap((r) => [
		[r.at, 1],
		[r.endedAt || Number.MAX_SAFE_INTEGER, -1],
	]);
	events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
	let current = 0;
	let max = 0;
	for (const [, delta] of events) max = Math.max(max, (current += delta));
	return max;
}

export interface Simulator {
	origin: string;
	baseUrl: string;
	port: number;
	token: string;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the simulator's rows: Syncro's JSON, which the tests read loosely
	db: { table(name: string): { get(id: number | string): Record<string, any> | undefined; all(): Array<Record<string, any>>; insert(row: Record<string, any>): Record<string, any>; filter(fn: (row: Record<string, any>) => boolean): Array<Record<string, any>>; size: number } };
	requests: SimRequestRecord[];
	rate: { window: number; count: number; refused: number };
	setRateLimit(limit: { limit: number; windowMs: number; retryAfter?: boolean } | null): void;
	failNext(failure: { status: number; count: number; method?: string; path?: RegExp | string; body?: unknown; raw?: string; headers?: Record<string, string> }): void;
	resetNext(count?: number, filter?: { method?: string; path?: RegExp | string }): void;
	stallNext(count: number, ms: number, filter?: { method?: string; path?: RegExp | string }): void;
	clearFaults(): void;
	requestsTo(method: string, path: string | RegExp): SimRequestRecord[];
	clearRequests(): void;
	close(): Promise<void>;
	/** Per-answer latency in ms (a setting, kept by clearFaults). */
	readonly latencyMs: number;
	setLatency(ms: number): void;
	/** With `https: true`: the throwaway certificate (PEM) and a file holding it, for NODE_EXTRA_CA_CERTS. */
	ca?: string;
	certPath?: string;
}

export async function startSimulator(options: Record<string, unknown> = {}): Promise<Simulator> {
	return (await server.createSimulator({ quiet: true, ...options })) as Simulator;
}

/**
 * Starts a simulator for the test file (before all), clears its request log before each test, closes it and
 * n8n-core's background services after all. `assign` receives the running simulator.
 */
export function useSimulator(assign: (sim: Simulator) => void, options: Record<string, unknown> = {}): void {
	let sim: Simulator | undefined;
	beforeAll(async () => {
		sim = await startSimulator(options);
		assign(sim);
	});
	beforeEach(() => sim?.clearRequests());
	afterAll(async () => {
		await sim?.close();
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		await require('./harness').shutdownN8n();
	});
}
