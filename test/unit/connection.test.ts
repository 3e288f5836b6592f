import { Workflow } from 'n8n-workflow';

import { SYNCRO_BASE_URL_EXPRESSION } from '../../credentials/SyncroApi.credentials';
import { normaliseSubdomain, resolveConnection } from '../../nodes/Syncro/transport/baseUrl';
import { isProblem } from '../../nodes/Syncro/transport/problem';

const accepted: Array<[string, string]> = [
	['acme', 'acme'],
	['ACME', 'acme'],
	['  acme  ', 'acme'],
	['acme.syncromsp.com', 'acme'],
	['https://acme.syncromsp.com/', 'acme'],
	['http://acme.syncromsp.com', 'acme'],
	['https://my-msp-01.syncromsp.com//', 'my-msp-01'],
];
const refused = ['', 'evil.com/#', 'a/b', 'evil.com', 'acme.syncromsp.com.evil.com', 'a@b', 'https://evil.com/#.syncromsp.com', '-acme', 'acme-', 'ac me', 'acme?x=1', 'https://acme.syncromsp.com/tickets/1', 'a'.repeat(64)];

/** Evaluates the credential's base URL expression the way n8n does for the connection test. */
function expressionUrl(credentials: Record<string, unknown>): string {
	const nodeTypes = {
		getByName: () => ({ description: { properties: [] } }),
		getByNameAndVersion: () => ({ description: { properties: [] } }),
		getKnownTypes: () => ({}),
	};
	const workflow = new Workflow({
		nodes: [{ id: '1', name: 'A', type: 'x', typeVersion: 1, position: [0, 0], parameters: {} }],
		connections: {},
		active: false,
		nodeTypes: nodeTypes as never,
	});
	return workflow.expression.getParameterValue(SYNCRO_BASE_URL_EXPRESSION, null, 0, 0, 'A', [], 'internal', { $credentials: credentials }) as string;
}

describe('subdomain normalisation', () => {
	it.each(accepted)('accepts %j as %j', (input, expected) => {
		expect(normaliseSubdomain(input)).toBe(expected);
		expect(resolveConnection({ subdomain: input })).toEqual({
			baseUrl: `https://${expected}.syncromsp.com/api/v1`,
			appUrl: `https://${expected}.syncromsp.com`,
			appUrls: [`https://${expected}.syncromsp.com`],
			throttleKey: 'syncromsp.com',
		});
	});

	it.each(refused)('refuses %j with a clear message', (input) => {
		const result = normaliseSubdomain(input);
		expect(isProblem(result)).toBe(true);
		expect((result as { problem: string }).problem).toMatch(/subdomain/i);
	});

	it('the connection-test expression agrees with the node for every input', () => {
		for (const [input, expected] of accepted) {
			expect(expressionUrl({ subdomain: input })).toBe(`https://${expected}.syncromsp.com/api/v1`);
		}
		for (const input of refused) {
			expect(expressionUrl({ subdomain: input })).toBe('https://invalid-subdomain.invalid/api/v1');
		}
	});
});

describe('base URL override', () => {
	it.each([
		['http://127.0.0.1:4010/api/v1', 'http://127.0.0.1:4010/api/v1'],
		['http://127.0.0.1:4010/api/v1/', 'http://127.0.0.1:4010/api/v1'],
		['https://support.example.com', 'https://support.example.com/api/v1'],
	])('%j -> %j, in the node and in the connection test', (input, expected) => {
		const connection = resolveConnection({ subdomain: 'ignored', baseUrl: input });
		expect(isProblem(connection) ? connection : connection.baseUrl).toBe(expected);
		expect(expressionUrl({ subdomain: 'ignored', baseUrl: input })).toBe(expected);
	});

	it('keeps syncromsp.com hosts on the shared per-IP throttle', () => {
		const connection = resolveConnection({ baseUrl: 'https://acme.syncromsp.com' });
		expect(!isProblem(connection) && connection.throttleKey).toBe('syncromsp.com');
	});

	it.each(['ftp://x', 'not a url', 'https://user:pw@host.example', 'https://host.example/?q=1'])('refuses %j', (input) => {
		expect(isProblem(resolveConnection({ baseUrl: input }))).toBe(true);
	});
});
