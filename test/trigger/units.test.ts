/**
 * The small parts of both triggers on their own: body checks, delivery fingerprints and the bounded duplicate
 * memory, the URL secret, and the polling state's bounded memory under a burst larger than it.
 */
import type { IDataObject, INode, IPollFunctions } from 'n8n-workflow';

import { pollOnce, MAX_SEEN, type PollState } from '../../nodes/SyncroPollingTrigger/poller';
import { findSource } from '../../nodes/SyncroPollingTrigger/sources';
import { fingerprint, isDuplicate, MAX_BODY_BYTES, MAX_REMEMBERED, readDelivery, type SeenDeliveries } from '../../nodes/SyncroTrigger/delivery';
import { deriveSecret, newKey, secretIdOf, secretMatches, syncroUrl } from '../../nodes/SyncroTrigger/secret';

describe('readDelivery', () => {
	const delivery = { text: 'A Ticket was created', html: 'A Ticket was created', link: 'https://acme.syncromsp.com/tickets/1', attributes: { id: 1 } };

	it('takes a parsed JSON body, a JSON text body, or JSON raw bytes', () => {
		expect(readDelivery({ body: delivery })).toEqual({ ok: true, body: delivery });
		expect(readDelivery({ body: JSON.stringify(delivery) })).toEqual({ ok: true, body: delivery });
		expect(readDelivery({ body: {}, rawBody: Buffer.from(JSON.stringify(delivery)) })).toEqual({ ok: true, body: delivery });
		expect(readDelivery({ body: { text: 'RMM Alert' } })).toMatchObject({ ok: true });
	});

	it('refuses what is not a Syncro notification', () => {
		for (const req of [{ body: 'hello' }, { body: {} }, { body: [delivery] }, { body: { link: 'x' } }, { body: { text: 'x', attributes: [1] } }, {}]) {
			expect(readDelivery(req as never)).toMatchObject({ ok: false, status: 400 });
		}
	});

	it('refuses bodies over 1 MB, by declared or by actual size', () => {
		expect(readDelivery({ body: delivery, headers: { 'content-length': String(MAX_BODY_BYTES + 1) } })).toMatchObject({ ok: false, status: 400 });
		expect(readDelivery({ body: delivery, rawBody: Buffer.alloc(MAX_BODY_BYTES + 1) })).toMatchObject({ ok: false, status: 400 });
		expect(readDelivery({ body: delivery, headers: { 'content-length': String(MAX_BODY_BYTES) } })).toMatchObject({ ok: true });
	});
});

describe('duplicate memory', () => {
	it('fingerprints the content, not the key order or the HTML', () => {
		const a = { text: 't', html: '<b>t</b>', link: 'l', attributes: { id: 1, b: { y: 2, x: 1 } } };
		const b = { attributes: { b: { x: 1, y: 2 }, id: 1 }, link: 'l', html: 't', text: 't' };
		expect(fingerprint(a)).toBe(fingerprint(b));
		expect(fingerprint(a)).not.toBe(fingerprint({ ...a, attributes: { id: 2 } }));
	});

	it('remembers within the window only, and never more than MAX_REMEMBERED deliveries', () => {
		const store: SeenDeliveries = {};
		const t0 = 1_000_000;
		expect(isDuplicate(store, 'a', 10, t0)).toBe(false);
		expect(isDuplicate(store, 'a', 10, t0 + 9 * 60_000)).toBe(true);
		expect(isDuplicate(store, 'a', 10, t0 + 11 * 60_000)).toBe(false);
		expect(isDuplicate(store, 'a', 0, t0)).toBe(false);
		for (let i = 0; i < MAX_REMEMBERED * 2; i++) isDuplicate(store, `k${i}`, 10, t0 + 12 * 60_000 + i);
		expect(store.deliveries!.split(' ')).toHaveLength(MAX_REMEMBERED);
		// The newest are kept.
		expect(isDuplicate(store, `k${MAX_REMEMBERED * 2 - 1}`, 10, t0 + 13 * 60_000)).toBe(true);
	});

	it('writes the static data only when the memory changes: a duplicate within the window leaves it as it was', () => {
		const t0 = 1_000_000;
		const writes: string[] = [];
		const backing: SeenDeliveries = {};
		// Counts assignments as n8n's ObservableObject does (any set marks the static data as changed).
		const store = new Proxy(backing, { set: (target, key, value) => (writes.push(String(key)), Reflect.set(target, key, value)) });
		isDuplicate(store, 'a', 10, t0);
		isDuplicate(store, 'b', 10, t0 + 1);
		expect(writes).toHaveLength(2);
		expect(isDuplicate(store, 'a', 10, t0 + 2)).toBe(true);
		expect(isDuplicate(store, 'b', 10, t0 + 3)).toBe(true);
		expect(writes).toHaveLength(2);
		// Once 'a' is past the window, the next call prunes it (one write).
		expect(isDuplicate(store, 'b', 10, t0 + 10 * 60_000 + 1)).toBe(true);
		expect(writes).toHaveLength(3);
		expect(backing.deliveries).toBe(`${(t0 + 1).toString(36)}.b`);
	});

	it('reads the memory as earlier versions kept it (fingerprint -> time), then keeps it in the new form', () => {
		const t0 = 1_000_000;
		const store: SeenDeliveries = { seen: { old: t0, older: t0 - 1000, stale: t0 - 60 * 60_000 } };
		expect(isDuplicate(store, 'old', 10, t0 + 60_000)).toBe(true);
		expect(store.seen).toBeUndefined();
		expect(store.deliveries).toBe(`${(t0 - 1000).toString(36)}.older ${t0.toString(36)}.old`);
		expect(isDuplicate(store, 'older', 10, t0 + 60_000)).toBe(true);
		expect(isDuplicate(store, 'stale', 10, t0 + 60_000)).toBe(false);
	});
});

describe('URL secret', () => {
	const node = (webhookId: string): INode => ({ id: 'n1', name: 'Syncro Trigger', type: 't', typeVersion: 1, position: [0, 0], parameters: {}, webhookId });

	it('derives a 43-character URL-safe secret per key, webhook id and version', () => {
		const key = newKey();
		const s1 = deriveSecret(key, node('w1'), 1);
		expect(s1).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(deriveSecret(key, node('w1'), 1)).toBe(s1);
		expect(deriveSecret(key, node('w2'), 1)).not.toBe(s1);
		expect(deriveSecret(key, node('w1'), 2)).not.toBe(s1);
		expect(deriveSecret(newKey(), node('w1'), 1)).not.toBe(s1);
		expect(secretIdOf(s1)).toMatch(/^[0-9a-f]{16}$/);
		expect(secretIdOf(s1)).not.toContain(s1.slice(0, 8));
	});

	it('compares in constant time whatever the input', () => {
		const secret = deriveSecret(newKey(), node('w1'), 1);
		expect(secretMatches(secret, secret)).toBe(true);
		for (const given of [undefined, null, '', secret.slice(1), `${secret}x`, [secret], 42, secret.toUpperCase()]) {
			expect(secretMatches(given, secret)).toBe(false);
		}
	});

	it('puts the secret in the query string', () => {
		expect(syncroUrl('https://n8n.example.com/webhook/abc/syncro', 'a-b_c')).toBe('https://n8n.example.com/webhook/abc/syncro?secret=a-b_c');
		expect(syncroUrl('https://x/webhook/abc/syncro?x=1', 's')).toBe('https://x/webhook/abc/syncro?x=1&secret=s');
	});
});

describe('polling state under a burst larger than its memory', () => {
	/** A poll context whose Syncro answers /tickets from an in-memory list (25 per page, newest first). */
	function context(tickets: IDataObject[], staticData: IDataObject, counter: { requests: number }): IPollFunctions {
		return {
			getWorkflowStaticData: () => staticData,
			getNode: () => ({ id: 'p', name: 'Syncro Polling Trigger', type: 't', typeVersion: 1, position: [0, 0], parameters: {} }),
			getCredentials: async () => ({ subdomain: 'acme', apiToken: 'token', requestsPerMinute: 1_000_000, rateLimitWindowMs: 60_000 }),
			logger: { warn: () => undefined, debug: () => undefined, info: () => undefined, error: () => undefined },
			helpers: {
				httpRequestWithAuthentication: async (_name: string, options: { url: string }) => {
					counter.requests++;
					const url = new URL(options.url);
					const since = Date.parse(url.searchParams.get('since_updated_at') ?? '1970-01-01T00:00:00Z');
					const page = Number(url.searchParams.get('page') ?? '1');
					const rows = tickets.filter((t) => Date.parse(String(t.updated_at)) >= since).sort((a, b) => Number(b.id) - Number(a.id));
					const body = { tickets: rows.slice((page - 1) * 25, page * 25), meta: { total_pages: Math.ceil(rows.length / 25), page } };
					return { statusCode: 200, headers: {}, body: JSON.stringify(body) };
				},
			},
		} as unknown as IPollFunctions;
	}

	it('keeps at most MAX_SEEN keys and still emits every record exactly once', async () => {
		const source = findSource('ticketUpdated')!;
		const staticData: IDataObject = {};
		const tickets: IDataObject[] = [];
		const counter = { requests: 0 };
		const ctx = context(tickets, staticData, counter);
		const t0 = Date.parse('2026-11-01T00:00:00Z');
		expect(await pollOnce(ctx, source, { maxRequests: 100, now: t0 })).toEqual([]);
		const burst = MAX_SEEN + 1000;
		for (let i = 0; i < burst; i++) {
			tickets.push({ id: i + 1, subject: `t${i}`, updated_at: new Date(t0 + 1000 + i).toISOString() });
		}
		const emitted: unknown[] = [];
		for (let i = 0; i < 6; i++) {
			counter.requests = 0;
			emitted.push(...(await pollOnce(ctx, source, { maxRequests: 100, now: t0 + 60_000 * (i + 1) })).map((t) => t.id));
			expect(counter.requests).toBeLessThanOrEqual(100);
			const state = staticData.syncroPoll as PollState;
			expect(Object.keys(state.seen).length).toBeLessThanOrEqual(MAX_SEEN);
		}
		expect(emitted).toHaveLength(burst);
		expect(new Set(emitted).size).toBe(burst);
	});
});
