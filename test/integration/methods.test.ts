/**
 * The editor's dropdowns (loadOptions) and record pickers (listSearch) against the simulator: values come
 * from the tenant, searches filter server-side where Syncro can, and URLs point at the record in Syncro.
 */
import type { IHttpRequestOptions, ILoadOptionsFunctions } from 'n8n-workflow';

import { syncroCredentials } from '../helpers/harness';
import { useSimulator, type Simulator } from '../helpers/simulator';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { httpRequest } = require('n8n-core/dist/execution-engine/node-execution-context/utils/request-helper-functions');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { loadOptions } = require('../../dist/nodes/Syncro/methods/loadOptions');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { listSearch } = require('../../dist/nodes/Syncro/methods/listSearch');

let sim: Simulator;
useSimulator((s) => (sim = s), { pageSizes: { customers: 4 } });

/** A load-options context whose requests really go out through n8n-core with the Bearer header. */
function context(options: { credentialSet?: boolean } = {}): ILoadOptionsFunctions {
	const credentials = syncroCredentials(sim.baseUrl, sim.token);
	const credentialSet = options.credentialSet ?? true;
	return {
		// n8n answers a node without a credential with "Node does not have any credentials set".
		getCredentials: async () => {
			if (!credentialSet) throw new Error('Node does not have any credentials set');
			return credentials;
		},
		getNode: () => ({
			id: 'n',
			name: 'Syncro',
			type: 'n8n-nodes-syncro.syncro',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
			...(credentialSet ? { credentials: { syncroApi: { id: '1', name: 'Syncro account' } } } : {}),
		}),
		logger: { warn: () => undefined, debug: () => undefined, info: () => undefined, error: () => undefined },
		helpers: {
			httpRequestWithAuthentication: async (_name: string, options: IHttpRequestOptions) =>
				await httpRequest({ ...options, headers: { ...options.headers, Authorization: `Bearer ${credentials.apiToken}` } }),
		},
	} as unknown as ILoadOptionsFunctions;
}

describe('dropdowns loaded from the tenant', () => {
	it.each([
		['getTicketStatuses', '/tickets/settings', { name: 'Waiting on Customer', value: 'Waiting on Customer' }],
		['getProblemTypes', '/settings', { name: 'Network', value: 'Network' }],
		['getTicketTypes', '/tickets/settings', { name: 'Incident', value: 1 }],
		['getSavedTicketSearches', '/tickets/settings', { name: 'Open tickets - all techs', value: 501 }],
		['getUsers', '/users', { name: 'Sam Chen', value: 12 }],
		['getAssetTypes', '/settings', { name: 'Firewall', value: 2 }],
		['getCustomerFieldNames', '/settings', { name: 'Contract Tier', value: 'Contract Tier' }],
		['getPaymentMethods', '/payment_methods', undefined],
		['getProductCategories', '/products/categories', undefined],
		['getAppointmentTypes', '/appointment_types', undefined],
	])('%s reads %s', async (method, path, expected) => {
		const options = await loadOptions[method].call(context());
		expect(options.length).toBeGreaterThan(0);
		if (expected) expect(options).toContainEqual(expected);
		expect(sim.requests.map((r) => r.path)).toEqual([path]);
	});

	it('drops the blank priority and sorts by name', async () => {
		const options = await loadOptions.getPriorities.call(context());
		expect(options.map((o: { name: string }) => o.name)).toEqual(['0 Urgent', '1 High', '2 Normal', '3 Low']);
	});
});

describe('a node that has no credential yet (just added: the editor asks before it sets the credential)', () => {
	it('loads every dropdown empty, quietly, and sends nothing', async () => {
		for (const method of Object.keys(loadOptions)) {
			await expect(loadOptions[method].call(context({ credentialSet: false }))).resolves.toEqual([]);
		}
		expect(sim.requests).toEqual([]);
	});

	it('finds nothing in a record picker, quietly, and sends nothing', async () => {
		for (const method of Object.keys(listSearch)) {
			await expect(listSearch[method].call(context({ credentialSet: false }), 'acme')).resolves.toEqual({ results: [] });
		}
		expect(sim.requests).toEqual([]);
	});

	it('loads as soon as a credential is set', async () => {
		await expect(loadOptions.getTicketStatuses.call(context({ credentialSet: false }))).resolves.toEqual([]);
		const options = await loadOptions.getTicketStatuses.call(context());
		expect(options).toContainEqual({ name: 'Waiting on Customer', value: 'Waiting on Customer' });
	});
});

describe('record pickers (resource locators)', () => {
	it('searches customers with Syncro\'s own query filter and links each to its page', async () => {
		const result = await listSearch.searchCustomers.call(context(), 'Northwind');
		expect(result.results).toEqual([{ name: 'Northwind Dental', value: '2001', url: `${sim.origin}/customers/2001` }]);
		expect(sim.requests[0].query).toMatchObject({ query: 'Northwind', page: '1' });
	});

	it('pages through the list with a pagination token', async () => {
		const first = await listSearch.searchCustomers.call(context());
		expect(first.results).toHaveLength(4);
		expect(first.paginationToken).toBe('2');
		const second = await listSearch.searchCustomers.call(context(), undefined, first.paginationToken);
		expect(second.results[0].value).not.toBe(first.results[0].value);
	});

	it('filters locally where Syncro has no text filter (vendors)', async () => {
		const all = await listSearch.searchVendors.call(context());
		const some = await listSearch.searchVendors.call(context(), all.results[0].name.slice(0, 5));
		expect(some.results.length).toBeGreaterThan(0);
		expect(some.results.every((r: { name: string }) => r.name.toLowerCase().includes(all.results[0].name.slice(0, 5).toLowerCase()))).toBe(true);
	});

	it('unwraps appointments, which Syncro lists as {appointment: {...}}', async () => {
		const result = await listSearch.searchAppointments.call(context());
		expect(result.results.length).toBeGreaterThan(0);
		expect(result.results[0].value).toMatch(/^\d+$/);
	});
});
