/**
 * Regression tests for the hostile values of issue 10, each as a new user's upstream data would bring it
 * (through an expression): every case must end in a clear error naming the item, the field and the value,
 * with no request sent, or in a request with the operation's own path.
 */
import type { IDataObject } from 'n8n-workflow';

import { runChain, syncroCredentials, type SyncroCredentialData } from '../helpers/harness';
import { useSimulator, type Simulator } from '../helpers/simulator';

let sim: Simulator;
useSimulator((s) => (sim = s));

const creds = (overrides: Partial<SyncroCredentialData> = {}) => syncroCredentials(sim.baseUrl, sim.token, overrides);

/** Runs one node with `parameters` over items `{v}` and Continue On Fail; returns the error texts by item. */
async function outcomes(parameters: IDataObject, values: unknown[], overrides: Partial<SyncroCredentialData> = {}) {
	const result = await runChain(
		values.map((v) => ({ v: v as IDataObject[string] })),
		[{ name: 'Syncro', parameters, continueOnFail: true }],
		creds(overrides),
	);
	expect(result.error).toBeUndefined();
	return result.output('Syncro').map((item) => ({ item: (item.pairedItem as { item: number }).item, error: item.json.error as string | undefined, json: item.json }));
}

const V = '={{ $json.v }}';

describe('text values that land in a path', () => {
	it('User > Get with "." is refused instead of listing every user as one', async () => {
		const results = await outcomes({ resource: 'user', operation: 'get', userId: V }, ['.', '..', '%2e', '12/..']);
		expect(results.map((r) => r.error)).toEqual([
			expect.stringMatching(/^Invalid "User Name or ID" in item 1: "\.": "\." is not allowed as a path segment/),
			expect.stringMatching(/^Invalid "User Name or ID" in item 2: "\.\.": "\.\." is not allowed as a path segment/),
			expect.stringMatching(/^Invalid "User Name or ID" in item 3: "%2e": "\." is not allowed as a path segment/),
			expect.stringMatching(/^Invalid "User Name or ID" in item 4: "12\/\.\.": it contains "\/"/),
		]);
		expect(sim.requests).toEqual([]);
	});

	it('User > Update Device with ".." is refused instead of sending PUT /api/v1/', async () => {
		const results = await outcomes({ resource: 'user', operation: 'updateDevice', deviceUuid: V, registration_token_gcm: 'fcm' }, [
			'..',
			'../../admin',
			'%2e%2e',
			'%252e%252e',
			'F00D\u0000',
			'F00D\r\nX-Injected: 1',
		]);
		for (const [index, result] of results.entries()) {
			expect(result.error).toMatch(new RegExp(`^Invalid "Device UUID" in item ${index + 1}: ".+": (it contains|"\\.\\." is not allowed|a control character)`));
		}
		expect(results[4].error).toContain('\\u0000');
		expect(results[5].error).toContain('\\r\\n');
		expect(sim.requests).toEqual([]);
	});

	it('User > Get Device sends a real UUID, and the u12345 of Syncro\'s document, as they are', async () => {
		const uuid = 'f00dcafe-1111-4222-8333-444455556666';
		await outcomes({ resource: 'user', operation: 'getDevice', deviceUuid: V }, [uuid, 'u12345']);
		expect(sim.requests.map((r) => `${r.method} ${r.url}`)).toEqual([`GET /api/v1/user_devices/${uuid}`, 'GET /api/v1/user_devices/u12345']);
	});

	it('Appointment Type > Delete with ".." is refused instead of sending DELETE /api/v1/', async () => {
		const results = await outcomes({ resource: 'appointmentType', operation: 'delete', appointmentTypeId: V }, ['..', '.', '1/..', 'Nowhere']);
		expect(results.map((r) => r.error)).toEqual([
			expect.stringMatching(/^Invalid "Appointment Type Name or ID" in item 1: "\.\.": "\.\." is not allowed as a path segment/),
			expect.stringMatching(/^Invalid "Appointment Type Name or ID" in item 2: "\.": "\." is not allowed as a path segment/),
			expect.stringMatching(/^Invalid "Appointment Type Name or ID" in item 3: "1\/\.\.": it contains "\/"/),
			// A plain word is taken for a name and looked up: it matches none, and nothing is deleted.
			expect.stringMatching(/^Invalid "Appointment Type Name or ID" in item 4: "Nowhere" matches no appointment type in Syncro\. Valid values: /),
		]);
		expect(sim.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /appointment_types']);
	});

	it('Invoice > Get by number refuses traversal, separators and control characters', async () => {
		const results = await outcomes({ resource: 'invoice', operation: 'get', invoiceIdOrNumber: V }, [
			'..',
			'%2e%2e',
			'../../admin',
			'1001\u0000',
			'1001\r\nX: 1',
			'1001?x=1',
		]);
		for (const [index, result] of results.entries()) expect(result.error).toMatch(new RegExp(`^Invalid "Invoice ID or Number" in item ${index + 1}: ".+" is not an ID or a number`));
		expect(sim.requests).toEqual([]);
	});
});

describe('Custom API Call', () => {
	const call = (path: string) => ({ resource: 'customApiCall', operation: 'request', method: 'GET', path });

	it('refuses "%2e%2e" and every other encoded or plain dot segment before sending', async () => {
		const results = await outcomes(call(V), ['/tickets/%2e%2e', '/%2e%2e/%2e%2e/admin', '/tickets/%252e%252e/x', '/tickets/../../admin', '/tickets/./1', '/tickets/%2E', '/a%2Fb/../..']);
		for (const [index, result] of results.entries()) expect(result.error).toMatch(new RegExp(`^Invalid "Path" in item ${index + 1}: .*not allowed as a path segment|contains "/"`));
		expect(sim.requests).toEqual([]);
	});

	it('refuses a full address, a query in the path and control characters', async () => {
		const results = await outcomes(call(V), ['https://evil.example/api/v1/tickets', '//evil.example/tickets', '/tickets?page=2', '/tickets\r\nX: 1', { path: '/tickets' }]);
		expect(results.map((r) => r.error)).toEqual([
			expect.stringMatching(/^Invalid "Path" in item 1: .*is an address, not a path/),
			expect.stringMatching(/^Invalid "Path" in item 2: .*is an address, not a path/),
			expect.stringMatching(/^Invalid "Path" in item 3: .*Query Parameters/),
			expect.stringMatching(/^Invalid "Path" in item 4: .*control character/),
			expect.stringMatching(/^Invalid "Path" in item 5: .*is an object, where text is expected/),
		]);
		expect(sim.requests).toEqual([]);
	});

	it('normalises a typed path and stays below the API root', async () => {
		await outcomes(call(V), ['tickets//4001/', '/tickets/%34%30%30%31']);
		expect(sim.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['GET /api/v1/tickets/4001', 'GET /api/v1/tickets/4001']);
	});
});

describe('"By URL" record pickers', () => {
	const getTicket = (url: string) => ({ resource: 'ticket', operation: 'get', ticketId: { __rl: true, mode: 'url', value: url } });

	it('refuses a ticket URL on any other host', async () => {
		const results = await outcomes(getTicket(V), [
			'https://evil.example/tickets/12',
			'https://demo-msp.syncromsp.com.evil.example/tickets/12',
			'https://evil.example/?https://demo-msp.syncromsp.com/tickets/12',
			'http://user:pw@demo-msp.syncromsp.com/tickets/12',
		]);
		expect(results[0].error).toMatch(/^Invalid "Ticket" in item 1: "https:\/\/evil\.example\/tickets\/12" is not an address of this credential's Syncro account/);
		expect(results[1].error).toMatch(/^Invalid "Ticket" in item 2: .* is not an address of this credential's Syncro account/);
		expect(results[2].error).toMatch(/^Invalid "Ticket" in item 3: .* is not an address of this credential's Syncro account/);
		expect(results[3].error).toMatch(/^Invalid "Ticket" in item 4: .* is not a plain web address/);
		expect(sim.requests).toEqual([]);
	});

	it('refuses trailing garbage after the ID instead of reading 12 out of it', async () => {
		const results = await outcomes(getTicket(V), [
			'https://demo-msp.syncromsp.com/tickets/12%0d%0aX-Injected:%201',
			'https://demo-msp.syncromsp.com/tickets/12\r\nX-Injected: 1',
			'https://demo-msp.syncromsp.com/tickets/1\n2',
			'https://demo-msp.syncromsp.com/tickets/12abc',
			'https://demo-msp.syncromsp.com/customers/12',
		]);
		for (const [index, result] of results.entries()) expect(result.error).toMatch(new RegExp(`^Invalid "Ticket" in item ${index + 1}: `));
		expect(results[0].error).toMatch(/is not a Syncro ticket URL/);
		expect(results[1].error).toMatch(/contains spaces or control characters/);
		expect(sim.requests).toEqual([]);
	});

	it('accepts a URL of the credential\'s subdomain and of its Base URL Override, the ID a whole segment', async () => {
		await outcomes(getTicket(V), [
			'https://demo-msp.syncromsp.com/tickets/4003',
			'https://DEMO-MSP.syncromsp.com/tickets/4003/edit?tab=comments',
			`${sim.origin}/tickets/4003#top`,
		]);
		expect(sim.requests.map((r) => `${r.method} ${r.url}`)).toEqual(Array(3).fill('GET /api/v1/tickets/4003'));
	});

	it('without a Base URL Override, accepts only the subdomain\'s host', async () => {
		// The subdomain credential points the node at demo-msp.syncromsp.com: nothing is sent in this test,
		// every value is refused or accepted before any request.
		const results = await outcomes(getTicket(V), [`${sim.origin}/tickets/4003`], { baseUrl: '' });
		expect(results[0].error).toMatch(/is not an address of this credential's Syncro account \(demo-msp\.syncromsp\.com\)/);
	});
});

describe('objects, lists and true/false where text or a dropdown value is meant', () => {
	it('refuses them in text fields instead of sending "[object Object]" or "true"', async () => {
		const results = await outcomes({ resource: 'ticket', operation: 'create', customer_id: { __rl: true, mode: 'id', value: '2003' }, problem_type: 'Hardware', subject: V }, [
			{ a: 1 },
			[1, 2],
			true,
			{ toString: 'x' },
		]);
		expect(results.map((r) => r.error)).toEqual([
			expect.stringMatching(/^Invalid "Subject" in item 1: \{\\?"a\\?":1\} is an object, where text is expected/),
			expect.stringMatching(/^Invalid "Subject" in item 2: \[1,2\] is a list, where text is expected/),
			expect.stringMatching(/^Invalid "Subject" in item 3: true is a true\/false value, where text is expected/),
			expect.stringMatching(/^Invalid "Subject" in item 4: .* is an object, where text is expected/),
		]);
		expect(sim.requests.filter((r) => r.method === 'POST')).toEqual([]);
	});

	it('refuses them in dropdowns loaded from the tenant', async () => {
		const results = await outcomes(
			{ resource: 'ticket', operation: 'create', customer_id: { __rl: true, mode: 'id', value: '2003' }, subject: 'Printer', problem_type: V },
			[{ name: 'Hardware' }, ['Hardware'], false],
		);
		for (const [index, result] of results.entries()) expect(result.error).toMatch(new RegExp(`^Invalid "Issue Type Name or ID" in item ${index + 1}: .* where text is expected`));
		expect(sim.requests.filter((r) => r.method === 'POST')).toEqual([]);
	});

	it('refuses them as custom-field names and values', async () => {
		const results = await outcomes(
			{
				resource: 'customer',
				operation: 'update',
				customerId: { __rl: true, mode: 'id', value: '2003' },
				updateFields: { properties: { field: [{ name: '={{ $json.v.name }}', value: '={{ $json.v.value }}' }] } },
			},
			[{ name: { x: 1 }, value: 'a' }, { name: ['Contract'], value: 'a' }, { name: 'Contract', value: { tier: 'gold' } }, { name: 'Contract', value: 'Gold' }],
		);
		expect(results[0].error).toMatch(/^Invalid "Custom Fields" in Update Fields in item 1: .* is an object, where text is expected/);
		expect(results[1].error).toMatch(/^Invalid "Custom Fields" in Update Fields in item 2: .* is a list, where text is expected/);
		expect(results[2].error).toMatch(/^Invalid "Custom Fields" in Update Fields in item 3: the value of custom field "Contract" is an object/);
		expect(results[3].error).toBeUndefined();
		expect(sim.requests.filter((r) => r.method === 'PUT').map((r) => r.body)).toEqual([{ properties: { Contract: 'Gold' } }]);
	});

	it('keeps true/false where a boolean is meant', async () => {
		const results = await outcomes(
			{ resource: 'ticket', operation: 'addComment', ticketId: { __rl: true, mode: 'id', value: '4001' }, subject: 'Note', body: 'Hi', additionalFields: { hidden: V } },
			[true, 'false', 'yes'],
		);
		expect(results[0].error).toBeUndefined();
		expect(results[1].error).toBeUndefined();
		expect(results[2].error).toMatch(/^Invalid "Hidden" in Additional Fields in item 3: "yes" is not true or false/);
		expect(sim.requests.filter((r) => r.method === 'POST').map((r) => r.body?.hidden)).toEqual([true, false]);
	});
});
