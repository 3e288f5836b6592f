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
	/** fingerprint -> epoch ms when first seen */
	seen?: IDataObject;
}

/**
 * Records a delivery and says whether an identical one arrived within the window.
 * The memory is pruned on every call and never holds more than MAX_REMEMBERED fingerprints.
 */
export function isDuplicate(store: SeenDeliveries, print: string, windowMinutes: number, now: number): boolean {
	if (!(windowMinutes > 0)) return false;
	const windowMs = windowMinutes * 60_000;
	const seen = (isObject(store.seen) ? store.seen : {}) as Record<string, number>;
	for (const [key, at] of Object.entries(seen)) if (typeof at !== 'number' || now - at > windowMs) delete seen[key];
	const previous = seen[print];
	const duplicate = typeof previous === 'number' && now - previous <= windowMs;
	if (!duplicate) {
		seen[print] = now;
		const keys = Object.keys(seen);
		if (keys.length > MAX_REMEMBERED) {
			keys.sort((a, b) => seen[a] - seen[b]);
			for (const key of keys.slice(0, keys.length - MAX_REMEMBERED)) delete seen[key];
		}
	}
	store.seen = seen;
	return duplicate;
}
