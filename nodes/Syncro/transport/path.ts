/**
 * The one rule for what may land in a Syncro URL path.
 *
 * A value that becomes a path segment (a record ID, a device UUID, an invoice number, a segment of a Custom
 * API Call path) is decoded first, as the HTTP client and Syncro's router would decode it, and then must be a
 * plain segment: not empty, not `.` or `..`, without `/`, `\`, `?`, `#` or control characters. Values of a known
 * kind must also match that kind's pattern. `apiUrl()` is the last check before a request leaves: the path it
 * is given must consist of plain segments, and the URL the client will send must be the API root followed by
 * exactly that path, so that no request ever lands outside the API root.
 */

import { isProblem, type Problem } from './problem';
import { showValue } from './text';

/**
 * The one rule for a Syncro numeric ID: a positive whole number within JavaScript's safe range, given as a
 * number or as digits (surrounding spaces ignored). Returns the ID, or undefined when the value is not one.
 * Editor values (core/coerce.ts), tenant-list values (core/names.ts) and path segments all use it.
 */
export function numericId(value: unknown): number | undefined {
	const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	if (!/^\d+$/.test(text)) return undefined;
	const id = Number(text);
	return id > 0 && Number.isSafeInteger(id) ? id : undefined;
}

/**
 * What a path value must look like: a Syncro numeric ID, a slug (an invoice number), or `plain`: a value
 * whose format Syncro does not fix (a device UUID, `u12345` in Syncro's own document), held only to the
 * plain-segment rules every value meets.
 */
export type SegmentKind = 'numericId' | 'slug' | 'plain';

const KINDS: Record<SegmentKind, { accepts: (decoded: string) => boolean; expected: string }> = {
	// In a path the ID must be written canonically (no spaces, no leading zeros).
	numericId: {
		accepts: (decoded) => String(numericId(decoded)) === decoded,
		expected: 'a numeric ID (a positive whole number is expected)',
	},
	slug: {
		accepts: (decoded) => /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(decoded),
		expected: 'an ID or a number (letters, digits, "-" and "_" only)',
	},
	plain: { accepts: () => true, expected: 'a path segment' },
};

/**
 * Percent-decodes until nothing changes (so `%252e` counts as `.`, as a server decoding twice would read it);
 * undefined when the value holds a malformed escape.
 */
export function decodeFully(value: string): string | undefined {
	let current = value;
	for (let round = 0; round < 5; round++) {
		let next: string;
		try {
			next = decodeURIComponent(current);
		} catch {
			return undefined;
		}
		if (next === current) return current;
		current = next;
	}
	return undefined;
}

/** Whether `text` holds a control character (U+0000 to U+001F, U+007F) or, with `orSpace`, a space. */
export function hasControlCharacter(text: string, options: { orSpace?: boolean } = {}): boolean {
	const highest = options.orSpace ? 0x20 : 0x1f;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code <= highest || code === 0x7f) return true;
	}
	return false;
}

const UNSAFE_CHARACTERS = /[/\\?#]/;

/** Why a decoded segment is not plain, or undefined when it is. */
function plainProblem(decoded: string): string | undefined {
	if (decoded.trim() === '') return 'an empty path segment';
	if (decoded === '.' || decoded === '..') return `"${decoded}" is not allowed as a path segment`;
	if (UNSAFE_CHARACTERS.test(decoded) || hasControlCharacter(decoded))
		return 'it contains "/", "\\", "?", "#" or a control character';
	return undefined;
}

/**
 * Checks one value destined for a path: scalar, decoded, plain and (when a kind is given) of that kind.
 * Returns the encoded segment to put in the path, or the problem.
 */
export function pathSegment(value: unknown, kind?: SegmentKind): string | Problem {
	if (typeof value !== 'string' && typeof value !== 'number') {
		return { problem: `${showValue(value)} is not ${kind ? KINDS[kind].expected : 'a path segment'}` };
	}
	const raw = String(value).trim();
	const decoded = decodeFully(raw);
	if (decoded === undefined) return { problem: `"${showValue(raw)}" holds a malformed %-escape` };
	if (kind && !KINDS[kind].accepts(decoded)) return { problem: `"${showValue(raw)}" is not ${KINDS[kind].expected}` };
	const problem = plainProblem(decoded);
	if (problem) return { problem: `"${showValue(raw)}": ${problem}` };
	return encodeURIComponent(decoded);
}

/**
 * Normalises a path typed by a user (Custom API Call): repeated slashes collapse, each segment is decoded and
 * checked as a plain segment, then re-encoded. A query or fragment is refused (they have their own fields).
 */
export function normaliseApiPath(input: string): string | Problem {
	const text = input.trim();
	if (/^[a-z][a-z0-9+.-]*:/i.test(text) || text.startsWith('//')) {
		return {
			problem: `"${showValue(text)}" is an address, not a path: give only the part after /api/v1, such as /tickets/123`,
		};
	}
	if (text.includes('?') || text.includes('#')) {
		return {
			problem: `"${showValue(text)}" contains "?" or "#": give query parameters in Query Parameters, not in the path`,
		};
	}
	const segments = text.split('/').filter((segment) => segment !== '');
	if (segments.length === 0)
		return { problem: 'the path is empty: give a path below /api/v1 such as /tickets/123/comments' };
	const encoded: string[] = [];
	for (const segment of segments) {
		const result = pathSegment(segment);
		if (isProblem(result)) return result;
		encoded.push(result);
	}
	return `/${encoded.join('/')}`;
}

/**
 * The full URL of a request below the API root, or the problem when the path would not stay there: every
 * segment must be plain (after decoding), and the URL as the client will send it must be the root followed by
 * exactly this path (no dot-segment resolution, no other host).
 */
export function apiUrl(baseUrl: string, path: string): string | Problem {
	if (!path.startsWith('/')) return { problem: `the path "${showValue(path)}" does not start with "/"` };
	for (const segment of path.slice(1).split('/')) {
		const decoded = decodeFully(segment);
		const problem = decoded === undefined ? 'a malformed %-escape' : plainProblem(decoded);
		if (problem) return { problem: `the path "${showValue(path)}" holds a segment that is not plain (${problem})` };
		if (decoded !== undefined && encodeURIComponent(decoded) !== segment && segment !== decoded) {
			// Encoded differently than this module encodes: only what pathSegment() produced is accepted.
			return { problem: `the path "${showValue(path)}" holds a segment that is not canonically encoded` };
		}
	}
	const root = new URL(baseUrl);
	const url = new URL(`${baseUrl}${path}`);
	if (url.origin !== root.origin || url.pathname !== `${root.pathname.replace(/\/+$/, '')}${path}`) {
		return { problem: `the path "${showValue(path)}" would leave the API root` };
	}
	return `${baseUrl}${path}`;
}
