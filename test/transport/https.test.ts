/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- test code: runs under Node.js in this repository, never inside n8n */
/**
 * The simulator's HTTPS (what the benchmark measures through): n8n's own HTTP helper reaches it with
 * certificate verification on once the process trusts the throwaway certificate (NODE_EXTRA_CA_CERTS), and
 * refuses it without that trust. n8n runs in a child process because Node reads NODE_EXTRA_CA_CERTS at start.
 */
import { execFile } from 'node:child_process';
import * as path from 'node:path';

import { startSimulator, type Simulator } from '../helpers/simulator';

const ROOT = path.resolve(__dirname, '../..');

interface ChildResult {
	items: Array<Record<string, unknown>>;
	error: string | null;
	description: string | null;
}

async function runInChild(sim: Simulator, env: NodeJS.ProcessEnv): Promise<ChildResult> {
	const args = [path.join(ROOT, 'test/helpers/childRun.ts'), JSON.stringify({ baseUrl: sim.baseUrl, token: sim.token, items: [{}], parameters: { resource: 'ticket', operation: 'get', ticketId: { __rl: true, mode: 'id', value: '4001' } } })];
	// Async: this process also hosts the simulator, which must keep answering.
	const stdout = await new Promise<string>((resolve, reject) => {
		execFile(path.join(ROOT, 'node_modules/.bin/tsx'), args, { cwd: ROOT, env, timeout: 90_000 }, (error, out) => (out ? resolve(out) : reject(error ?? new Error('no output'))));
	});
	return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as ChildResult;
}

/** The environment of this process without anything that would switch certificate checks off or trust more. */
function cleanEnv(): NodeJS.ProcessEnv {
	const env = { ...process.env };
	delete env.NODE_TLS_REJECT_UNAUTHORIZED;
	delete env.NODE_EXTRA_CA_CERTS;
	return env;
}

describe('simulator over HTTPS', () => {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startSimulator({ https: true, latencyMs: 20 });
	});
	afterAll(async () => {
		await sim?.close();
	});

	it('serves https with a certificate that is trusted only through the CA settings', () => {
		expect(sim.baseUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/api\/v1$/);
		expect(sim.ca).toContain('BEGIN CERTIFICATE');
		expect(sim.latencyMs).toBe(20);
	});

	it('answers a Get Ticket through n8n\'s HTTP helper when the process trusts the certificate', async () => {
		sim.clearRequests();
		const result = await runInChild(sim, { ...cleanEnv(), NODE_EXTRA_CA_CERTS: sim.certPath });
		expect(result.error).toBeNull();
		expect(result.items).toHaveLength(1);
		expect(result.items[0]).toMatchObject({ id: 4001 });
		expect(sim.requestsTo('GET', '/tickets/4001')).toHaveLength(1);
	}, 120_000);

	it('fails with a clear connection error, and sends nothing, without the certificate', async () => {
		sim.clearRequests();
		const result = await runInChild(sim, cleanEnv());
		expect(result.items).toHaveLength(0);
		expect(result.error).toBe('The connection to Syncro failed');
		expect(result.description).toMatch(/SELF_SIGNED|CERT/);
		expect(sim.requests).toHaveLength(0);
	}, 120_000);
});
