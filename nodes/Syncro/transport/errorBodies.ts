/**
 * Reads Syncro's many error bodies: Syncro's own words, the rate-limit body, a 2xx that reports a failure.
 *
 * Shapes seen in Syncro's spec and live API:
 *   {"success":false,"message":["…"],"params":{…}}   {"record":{…},"errors":"Name can't be blank"}
 *   {"errors":{"mute_for":["…"]}}   {"errors":["…"]}   {"error":"…"}   {"message":"…"}
 *   an empty 404, an HTML error page, and the plain-text rate-limit body "Retry later".
 */

import { clipText, humanise } from './text';

/** Longest quote of Syncro's own words in a message. */
const QUOTE_LENGTH = 300;

const clip = (text: string) => clipText(text, QUOTE_LENGTH);

function flattenMessages(value: unknown, prefix = ''): string[] {
	if (value === null || value === undefined || value === '') return [];
	if (typeof value === 'string') return [prefix ? `${prefix} ${value}` : value];
	if (typeof value === 'number' || typeof value === 'boolean') return [`${prefix}${prefix ? ' ' : ''}${value}`];
	if (Array.isArray(value)) return value.flatMap((v) => flattenMessages(v, prefix));
	if (typeof value === 'object') {
		return Object.entries(value as Record<string, unknown>).flatMap(([key, v]) =>
			flattenMessages(v, prefix ? `${prefix} ${key}` : fieldWords(key)),
		);
	}
	return [];
}

/** A field key of an error body in words; Rails' `base` (errors of the whole record) names no field. */
function fieldWords(key: string): string {
	return key === 'base' ? '' : humanise(key, { asWritten: true });
}

function isHtml(text: string): boolean {
	return /^\s*(<!doctype html|<html|<head|<body)/i.test(text);
}

export function isRateLimitBody(body: unknown): boolean {
	return typeof body === 'string' && /^\s*retry later\s*$/i.test(body);
}

/** Syncro's own words from an error body, or undefined when the body says nothing useful. */
export function syncroErrorText(body: unknown): string | undefined {
	if (body === undefined || body === null) return undefined;
	if (typeof body === 'string') {
		if (body.trim() === '') return undefined;
		if (isHtml(body)) {
			const title = /<title[^>]*>([^<]*)<\/title>/i.exec(body)?.[1]?.trim();
			const heading = /<h1[^>]*>([^<]*)<\/h1>/i.exec(body)?.[1]?.trim();
			const words = [title, heading].filter((t, i, all) => t && all.indexOf(t) === i).join(': ');
			return `an HTML error page${words ? ` ("${clip(words)}")` : ''} instead of JSON`;
		}
		return clip(body);
	}
	if (typeof body !== 'object') return clip(String(body));
	const record = body as Record<string, unknown>;
	const parts = [
		...flattenMessages(record.errors),
		...flattenMessages(record.message),
		...flattenMessages(record.error),
		...flattenMessages(record.errors_messages),
	]
		.map((s) => s.trim())
		.filter((s, i, all) => s !== '' && all.indexOf(s) === i);
	if (parts.length > 0) return clip(parts.join('; '));
	// Some endpoints (estimates) answer 422 with the field errors at the top level: {"date": ["can't be blank"]}.
	const fieldErrors = Object.entries(record).filter(
		([, value]) => Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string'),
	);
	return fieldErrors.length > 0
		? clip(fieldErrors.flatMap(([key, value]) => flattenMessages(value, fieldWords(key))).join('; '))
		: undefined;
}

/** True for a 2xx body that still reports a failure (`{"success":false,…}`). */
export function isSoftFailure(body: unknown): boolean {
	return (
		typeof body === 'object' &&
		body !== null &&
		!Array.isArray(body) &&
		((body as Record<string, unknown>).success === false || (body as Record<string, unknown>).success === 'false')
	);
}
