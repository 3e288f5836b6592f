/**
 * What arrives at the webhook: size and shape checks, and the memory of recent deliveries that drops
 * duplicates (Syncro's retry behaviour is undocumented, and a Notification Set used by several people, or
 * two sets with the same URL, can deliver the same notification more than once).
 */
import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

export const MAX_BODY_BYTES = 1024 * 1024;
export const DEFAULT_DUPLICATE_WINDOW_MINUTES = 10;
/** Fingerprints kept at most, whatever the window: static data is saved with the workflow. */
export const MAX_REMEMBERED = 500;

type BodyCheck = { ok: true; body: IDataObject } | { ok: false; status: 400; message: string };

interface RequestLike {
	body?: unknown;
	rawBody?: Buffer | string;
	headers?: Record<string, string | string[] | undefined>;
}

function header(req: RequestLike, name: string): string {
	const value = req.headers?.[name];
	return (Array.isArray(value) ? value[0] : value) ?? '';
}

function bodySize(req: RequestLike): number {
	const declared = Number(header(req, 'content-length'));
	const raw = req.rawBody;
	const actual = raw === undefined ? 0 : typeof raw === 'string' ? Buffer.byteLength(raw) : raw.length;
	return Math.max(Number.isFinite(declared) ? declared : 0, actual);
}

const isObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The delivery as an object, or why it is refused. n8n has already parsed JSON bodies sent as
 * application/json; other content types arrive as text or raw bytes and are parsed here.
 */
export function readDelivery(req: RequestLike): BodyCheck {
	if (bodySize(req) > MAX_BODY_BYTES) {
		return {
			ok: false,
			status: 400,
			message: `The body is larger than ${MAX_BODY_BYTES / 1024} KB; Syncro deliveries are much smaller`,
		};
	}
	let body: unknown = req.body;
	const empty = body === undefined || body === null || (isObject(body) && Object.keys(body).length === 0);
	if (typeof body === 'string' || (empty && req.rawBody !== undefined && req.rawBody.length > 0)) {
		const text = typeof body === 'string' ? body : req.rawBody!.toString();
		try {
			body = JSON.parse(text);
		} catch {
			return {
				ok: false,
				status: 400,
				message: 'The body is not JSON; Syncro sends {"text", "html", "link", "attributes"}',
			};
		}
	}
	if (!isObject(body)) {
		return {
			ok: false,
			status: 400,
			message: 'The body is not a JSON object; Syncro sends {"text", "html", "link", "attributes"}',
		};
	}
	const hasText = typeof body.text === 'string';
	const hasAttributes = isObject(body.attributes);
	if (!hasText && !hasAttributes) {
		return {
			ok: false,
			status: 400,
			message: 'The body has neither "text" nor "attributes": it is not a Syncro notification',
		};
	}
	if (body.attributes !== undefined && body.attributes !== null && !hasAttributes) {
		return { ok: false, status: 400, message: '"attributes" must be a JSON object' };
	}
	return { ok: true, body };
}

function stable(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(stable);
	if (isObject(value)) {
		return Object.keys(value)
			.sort()
			.reduce<IDataObject>((out, key) => {
				out[key] = stable(value[key]) as IDataObject[keyof IDataObject];
				return out;
			}, {});
	}
	return value;
}

/** Identical deliveries (same text, link and attributes; the HTML is a rendering of the text) share a fingerprint. */
export function fingerprint(body: IDataObject): string {
	const canonical = JSON.stringify(
		stable({ text: body.text ?? null, link: body.link ?? null, attributes: body.attributes ?? null }),
	);
	return createHash('sha256').update(canonical).digest('hex').slice(0, 32);
}

/**
 * Deliveries seen by this n8n process, for duplicates that arrive together: n8n saves the workflow's static
 * data only after a webhook call ends, so a copy arriving before that would not find the first one there.
 * Keyed by workflow, node and fingerprint; bounded like the static-data memory.
 */
const processMemory = new Map<string, number>();
const MAX_PROCESS_REMEMBERED = 5000;
const MAX_WINDOW_MS = 24 * 3600_000;

export function seenInProcess(scope: string, print: string, windowMinutes: number, now: number): boolean {
	if (!(windowMinutes > 0)) return false;
	const key = `${scope}:${print}`;
	const previous = processMemory.get(key);
	if (previous !== undefined && now - previous <= windowMinutes * 60_000) return true;
	processMemory.delete(key);
	processMemory.set(key, now);
	if (processMemory.size > MAX_PROCESS_REMEMBERED) {
		for (const [k, at] of processMemory) {
			if (processMemory.size <= MAX_PROCESS_REMEMBERED && now - at <= MAX_WINDOW_MS) break;
			processMemory.delete(k);
		}
	}
	return false;
}

export interface SeenDeliveries extends IDataObject {
	/**
	 * The deliveries recorded, oldest first, as one string: `<epoch ms in base 36>.<fingerprint>` separated by
	 * spaces. One short string instead of an object of up to MAX_REMEMBERED keys: n8n reads, wraps, saves and
	 * copies into every execution the whole static data on every delivery (bench section 9).
	 */
	deliveries?: string;
	/** The memory as earlier versions of this node kept it (fingerprint -> epoch ms): read, then replaced by `deliveries`. */
	seen?: IDataObject;
}

interface Entry {
	at: number;
	print: string;
}

function entriesOf(store: SeenDeliveries): Entry[] {
	const entries: Entry[] = [];
	if (isObject(store.seen)) {
		for (const [print, at] of Object.entries(store.seen)) if (typeof at === 'number') entries.push({ at, print });
		entries.sort((a, b) => a.at - b.at);
	}
	if (typeof store.deliveries === 'string') {
		for (const word of store.deliveries.split(' ')) {
			const dot = word.indexOf('.');
			const at = parseInt(word.slice(0, dot), 36);
			if (dot > 0 && Number.isFinite(at)) entries.push({ at, print: word.slice(dot + 1) });
		}
	}
	return entries;
}

/**
 * Records a delivery and says whether an identical one arrived within the window (counted from the first).
 * Entries past the window are pruned, and never more than MAX_REMEMBERED are kept (the newest). The static
 * data is only written when this changes it: a duplicate or a quiet call leaves it as it was, so n8n has
 * nothing to save.
 */
export function isDuplicate(store: SeenDeliveries, print: string, windowMinutes: number, now: number): boolean {
	if (!(windowMinutes > 0)) return false;
	const windowMs = windowMinutes * 60_000;
	const live = entriesOf(store).filter((e) => now - e.at <= windowMs);
	const duplicate = live.some((e) => e.print === print);
	if (!duplicate) live.push({ at: now, print });
	const kept = live.slice(-MAX_REMEMBERED);
	const text = kept.map((e) => `${e.at.toString(36)}.${e.print}`).join(' ');
	if (store.deliveries !== text) store.deliveries = text;
	if (store.seen !== undefined) delete store.seen;
	return duplicate;
}
