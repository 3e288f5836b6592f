import { testCredentials } from '../helpers/credentialTest';
import { credentialType, syncroCredentials } from '../helpers/harness';
import { useSimulator, type Simulator } from '../helpers/simulator';

let sim: Simulator;
useSimulator((s) => (sim = s));
beforeEach(() => sim.clearFaults());

describe('credential connection test (GET /me)', () => {
	it('succeeds with a good token, sent as a Bearer header', async () => {
		expect(await testCredentials(syncroCredentials(sim.baseUrl, sim.token))).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(sim.requests.map((r) => [r.method, r.path, r.authorization])).toEqual([['GET', '/me', true]]);
	});

	// With n8n 2.8 the failed request's status does not reach the rules, so n8n's own texts are shown;
	// what matters is that a bad token and a wrong address never read alike and never pass.
	it('tells a bad token apart', async () => {
		const result = await testCredentials(syncroCredentials(sim.baseUrl, 'not-the-token'));
		expect(result).toEqual({ status: 'Error', message: 'Authorization failed - please check your credentials' });
	});

	it('tells a wrong address (404) apart', async () => {
		const result = await testCredentials(syncroCredentials(`${sim.origin}/another-tenant`, sim.token));
		expect(result).toEqual({ status: 'Error', message: 'The resource you are requesting could not be found' });
	});

	it('has a rule with an actionable message for each status, for n8n versions that pass the status on', () => {
		const rules = (credentialType.test?.rules ?? []) as Array<{ type: string; properties: { value?: unknown; message: string } }>;
		const byStatus = Object.fromEntries(rules.filter((r) => r.type === 'responseCode').map((r) => [r.properties.value, r.properties.message]));
		expect(byStatus[401]).toMatch(/rejected the API token/);
		expect(byStatus[404]).toMatch(/Check the subdomain/);
	});

	it('refuses an address that answers 200 but is not the Syncro API (a wrong subdomain redirected to a web page)', async () => {
		sim.failNext({ status: 200, count: 1, raw: '<!DOCTYPE html><html><head><title>Syncro - Sign in</title></head></html>' });
		const result = await testCredentials(syncroCredentials(sim.baseUrl, sim.token));
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/not as the Syncro API/);
	});
});
