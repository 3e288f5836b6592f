/**
 * Where the Syncro API of a credential lives.
 *
 * Users paste their tenant in many shapes (`acme`, `acme.syncromsp.com`, `https://acme.syncromsp.com/`),
 * so the subdomain is normalised first and then checked to be a single DNS label: anything else
 * (`evil.com/#`, `a/b`, `a@b`) is refused, so that the token is never sent to another host.
 */

import { isProblem, type Problem } from './problem';

export interface SyncroConnection {
	/** The API root, without a trailing slash, e.g. `https://acme.syncromsp.com/api/v1`. */
	baseUrl: string;
	/** The tenant's web UI root, for record links, e.g. `https://acme.syncromsp.com`. */
	appUrl: string;
	/**
	 * Every web root of the tenant a record URL may come from: `appUrl`, and with a Base URL Override also the
	 * subdomain's syncromsp.com address when the credential names a valid subdomain.
	 */
	appUrls: string[];
	/** Key of the process-wide throttle: every syncromsp.com tenant shares one per-IP limit. */
	throttleKey: string;
}

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** Reduces what a user pasted to the bare subdomain label, or says why it is not one. */
export function normaliseSubdomain(input: unknown): string | Problem {
	const raw = typeof input === 'string' ? input.trim().toLowerCase() : '';
	if (raw === '') {
		return {
			problem:
				'The Syncro credential has no subdomain: enter the part before ".syncromsp.com" (for "https://acme.syncromsp.com" enter "acme")',
		};
	}
	// Only a scheme, a trailing slash and the ".syncromsp.com" suffix are stripped: anything else
	// (a path, "#", "@", another domain) means the value is not a Syncro subdomain.
	const host = raw
		.replace(/^https?:\/\//, '')
		.replace(/\/+$/, '')
		.replace(/\.syncromsp\.com\.?$/, '');
	return LABEL.test(host) ? host : invalid(raw);
}

function invalid(raw: string): Problem {
	const shown = raw.length > 60 ? `${raw.slice(0, 60)}…` : raw;
	return {
		problem:
			`The Syncro subdomain "${shown}" is not valid: use only the part before ".syncromsp.com" ` +
			'(letters, digits and hyphens, e.g. "acme"). To use another host, set "Base URL Override" instead.',
	};
}

/** Normalises a base URL override to the API root (`…/api/v1`). */
function normaliseBaseUrl(input: string): { baseUrl: string; origin: string } | Problem {
	const url = URL.canParse(input.trim()) ? new URL(input.trim()) : undefined;
	if (!url) {
		return {
			problem: `The Base URL Override "${input.slice(0, 80)}" is not a URL: use the form "https://support.example.com" or "http://127.0.0.1:4010/api/v1"`,
		};
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		return { problem: 'The Base URL Override must start with http:// or https://' };
	}
	if (url.username || url.password || url.search || url.hash) {
		return { problem: 'The Base URL Override must not contain a user name, password, query or fragment' };
	}
	let path = url.pathname.replace(/\/+$/, '');
	if (!path.endsWith('/api/v1')) path = `${path}/api/v1`;
	return { baseUrl: `${url.origin}${path}`, origin: url.origin };
}

export function resolveConnection(credentials: { subdomain?: unknown; baseUrl?: unknown }): SyncroConnection | Problem {
	const override = typeof credentials.baseUrl === 'string' ? credentials.baseUrl.trim() : '';
	if (override !== '') {
		const normalised = normaliseBaseUrl(override);
		if (isProblem(normalised)) return normalised;
		const { baseUrl, origin } = normalised;
		const host = new URL(origin).hostname;
		const appUrl = baseUrl.replace(/\/api\/v1$/, '');
		const subdomain = normaliseSubdomain(credentials.subdomain);
		return {
			baseUrl,
			appUrl,
			appUrls: isProblem(subdomain) ? [appUrl] : [appUrl, `https://${subdomain}.syncromsp.com`],
			throttleKey: host.endsWith('.syncromsp.com') ? 'syncromsp.com' : origin,
		};
	}
	const subdomain = normaliseSubdomain(credentials.subdomain);
	if (isProblem(subdomain)) return subdomain;
	const appUrl = `https://${subdomain}.syncromsp.com`;
	return { baseUrl: `${appUrl}/api/v1`, appUrl, appUrls: [appUrl], throttleKey: 'syncromsp.com' };
}
