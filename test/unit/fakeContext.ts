import type { IHttpRequestOptions } from 'n8n-workflow';

export interface FakeResponse {
	statusCode?: number;
	headers?: Record<string, string>;
	body?: unknown;
}

/** A minimal execution context whose HTTP helper is a function of the request: for pure transport tests. */
export function fakeContext(answer: (url: URL, options: IHttpRequestOptions) => FakeResponse | Promise<FakeResponse>, credentials: Record<string, unknown> = {}) {
	const calls: URL[] = [];
	const ctx = {
		calls,
		getNode: () => ({ id: 'n', name: 'Syncro', type: 'n8n-nodes-syncro.syncro', typeVersion: 1, position: [0, 0], parameters: {} }),
		getCredentials: async () => ({ subdomain: 'acme', apiToken: 'secret-token', requestsPerMinute: 100000, rateLimitWindowMs: 60000, ...credentials }),
		logger: { warn: () => undefined, debug: () => undefined, info: () => undefined, error: () => undefined },
		helpers: {
			httpRequestWithAuthentication: async (_name: string, options: IHttpRequestOptions) => {
				const url = new URL(options.url);
				calls.push(url);
				const response = await answer(url, options);
				const body = response.body;
				return {
					statusCode: response.statusCode ?? 200,
					headers: response.headers ?? {},
					body: typeof body === 'string' || body === undefined ? body ?? '' : JSON.stringify(body),
				};
			},
		},
	};
	return ctx;
}
