/**
 * The one rule for what may land in a Syncro URL path (transport/path.ts), and the transport's last check
 * before a request leaves.
 */
import { apiUrl, decodeFully, normaliseApiPath, pathSegment } from '../../nodes/Syncro/transport/path';
import { syncroRequest } from '../../nodes/Syncro/transport/request';
import { fakeContext } from './fakeContext';

const BASE = 'https://acme.syncromsp.com/api/v1';

describe('path segments', () => {
	it.each([
		['numericId', 12, '12'],
		['numericId', ' 12 ', '12'],
		['numericId', '%31%32', '12'],
		['plain', 'F00DCAFE-1111-4222-8333-444455556666', 'F00DCAFE-1111-4222-8333-444455556666'],
		// A device UUID as Syncro's own API document gives it: not an RFC 4122 UUID, and sent as it is.
		['plain', 'u12345', 'u12345'],
		['slug', 'INV-1001', 'INV-1001'],
	] as const)('accepts a %s: %j', (kind, value, segment) => {
		expect(pathSegment(value, kind)).toBe(segment);
	});

	it.each([
		['numericId', '.'],
		['numericId', '..'],
		['numericId', '%2e%2e'],
		['numericId', '0'],
		['numericId', '-1'],
		['numericId', '1.5'],
		['numericId', '１２'],
		['numericId', '12345678901234567'],
		['numericId', true],
		['numericId', { id: 1 }],
		['plain', '..'],
		['plain', 'a/b'],
		['plain', '%2e%2e'],
		['plain', 'F00D\u0000'],
		['slug', '..'],
		['slug', '%252e%252e'],
		['slug', '1001\u0000'],
		['slug', '1001\r\nX: 1'],
		['slug', 'a/b'],
	] as const)('refuses as a %s: %j', (kind, value) => {
		expect(pathSegment(value, kind)).toEqual({ problem: expect.any(String) });
	});

	it('refuses dot segments, separators and control characters after decoding, whatever the kind', () => {
		for (const value of ['.', '..', '%2e', '%2E%2e', '%252e%252e', 'a%2fb', 'a%5Cb', 'a%3fb', 'a%23b', '%00', 'a%0d%0ab', '%', '%zz', ' ']) {
			expect(pathSegment(value)).toEqual({ problem: expect.any(String) });
		}
	});

	it('decodes repeatedly, and gives up on a malformed escape', () => {
		expect(decodeFully('%25252e')).toBe('.');
		expect(decodeFully('%E0%A4%A')).toBeUndefined();
	});

	it('shows control characters escaped in its messages, never raw', () => {
		const result = pathSegment('12\r\nX-Injected: 1', 'numericId') as { problem: string };
		expect(result.problem).toContain('12\\r\\nX-Injected: 1');
		expect(result.problem).not.toMatch(/[\r\n]/);
	});
});

describe('Custom API Call paths', () => {
	it.each([
		['/tickets/123/comments', '/tickets/123/comments'],
		['tickets', '/tickets'],
		['tickets///123/', '/tickets/123'],
		['/customers/%41cme', '/customers/Acme'],
		['/search/a%20b', '/search/a%20b'],
	])('normalises %j to %j', (input, expected) => {
		expect(normaliseApiPath(input)).toBe(expected);
	});

	it.each(['/tickets/..', '/%2e%2e/admin', '/tickets/%252e%252e', '/./tickets', '/a%2Fb', 'https://evil.example/api/v1/x', '//evil.example/x', '/tickets?x=1', '/tickets#x', '', '/', '/tickets/\u0000'])(
		'refuses %j',
		(input) => {
			expect(normaliseApiPath(input)).toEqual({ problem: expect.any(String) });
		},
	);
});

describe('the transport\'s last check', () => {
	it('builds URLs below the API root from plain paths', () => {
		expect(apiUrl(BASE, '/tickets/12/comment')).toBe(`${BASE}/tickets/12/comment`);
		expect(apiUrl('http://127.0.0.1:4010/api/v1', '/customers')).toBe('http://127.0.0.1:4010/api/v1/customers');
	});

	it.each(['/tickets/..', '/..', '/%2e%2e/admin', '/tickets/%252e', '/tickets//12', '/a\\b', 'tickets', '/tickets/%0d%0a', '/a%2fb'])('refuses %j', (path) => {
		expect(apiUrl(BASE, path)).toEqual({ problem: expect.any(String) });
	});

	it('refuses to send a request whose path would leave the API root, before any HTTP', async () => {
		const ctx = fakeContext(() => ({ body: {} }));
		await expect(syncroRequest(ctx as never, { method: 'GET', path: '/users/..', itemIndex: 0 })).rejects.toThrow(/^Refused to send GET \/users\/\.\.: /);
		await expect(syncroRequest(ctx as never, { method: 'DELETE', path: '/appointment_types/%2e%2e' })).rejects.toThrow(/Refused to send DELETE/);
		expect(ctx.calls).toEqual([]);
	});
});
