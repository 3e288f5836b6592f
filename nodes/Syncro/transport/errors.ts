/**
 * Turns Syncro's many error bodies into one sentence a technician can act on.
 *
 * Shapes seen in Syncro's spec and live API:
 *   {"success":false,"message":["…"],"params":{…}}   {"record":{…},"errors":"Name can't be blank"}
 *   {"errors":{"mute_for":["…"]}}   {"errors":["…"]}   {"error":"…"}   {"message":"…"}
 *   an empty 404, an HTML error page, and the plain-text rate-limit body "Retry later".
 */

const MAX_TEXT = 300;

function clip(text: string): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat.length > MAX_TEXT ? `${flat.slice(0, MAX_TEXT)}…` : flat;
}

function flattenMessages(value: unknown, prefix = ''): string[] {
	if (value === null || value === undefined || value === '') return [];
	if (typeof value === 'string') return [prefix ? `${prefix} ${value}` : value];
	if (typeof value === 'number' || typeof value === 'boolean') return [`${prefix}${prefix ? ' ' : ''}${value}`];
	if (Array.isArray(value)) return value.flatMap((v) => flattenMessages(v, prefix));
	if (typeof value === 'object') {
		return Object.entries(value as Record<string, unknown>).flatMap(([key, v]) =>
			flattenMessages(v, prefix ? `${prefix} ${key}` : humanise(key)),
		);
	}
	return [];
}

function humanise(key: string): string {
	return key === 'base' ? '' : key.replace(/_/g, ' ');
}

export function isHtml(text: string): boolean {
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
	return fieldErrors.length > 0 ? clip(fieldErrors.flatMap(([key, value]) => flattenMessages(value, humanise(key))).join('; ')) : undefined;
}

/** True for a 2xx body that still reports a failure (`{"success":false,…}`). */
export function isSoftFailure(body: unknown): boolean {
	return (
		typeof body === 'object' &&
		body !== null &&
		!Array.isArray(body) &&
		((body as Record<string, unknown>).success === false ||
			(body as Record<string, unknown>).success === 'false')
	);
}

export interface ErrorContext {
	status: number;
	method: string;
	/** Path relative to the API root, never the full URL. */
	path: string;
	permission?: string;
	body: unknown;
}

/** The message and the description of a NodeApiError for a failed Syncro response. */
export function describeHttpError(ctx: ErrorContext): { message: string; description: string } {
	const said = syncroErrorText(ctx.body);
	const where = `${ctx.method} ${ctx.path}`;
	const need = ctx.permission ? `"${ctx.permission}"` : undefined;
	switch (ctx.status) {
		case 401:
			return {
				message: 'Syncro rejected the API token (401 Unauthorized)',
				description:
					`${where}: ${said ?? 'no details'}. Check the API token in the Syncro credential (Admin > API Tokens); ` +
					'a token stops working when it expires or when the user who created it is removed.' +
					(need ? ` If the token is valid, it lacks the permission this operation needs: ${need}.` : ''),
			};
		case 403:
			return {
				message: `The Syncro API token lacks a permission${need ? `: ${need}` : ''} (403 Forbidden)`,
				description:
					`${where}: ${said ?? 'no details'}. Edit the token in Syncro (Admin > API Tokens > Custom Permissions)` +
					`${need ? ` and tick ${need}` : ''}; the token also inherits the limits of the user who created it.`,
			};
		case 404:
			return {
				message: `Syncro found no such record (404)${said && !said.startsWith('an HTML') ? `: ${said}` : ''}`,
				description: `${where}: check the ID. Some Syncro resources cannot be deleted or have no endpoint for this action.`,
			};
		case 422:
			return {
				message: `Syncro refused the request (422): ${said ?? 'the data is invalid'}`,
				description: `${where}: fix the fields named above and run again.`,
			};
		default:
			return {
				message: `Syncro answered ${ctx.status}${said ? `: ${said}` : ''}`,
				description: `${where} failed with HTTP ${ctx.status}.`,
			};
	}
}
