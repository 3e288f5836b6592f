#!/usr/bin/env node
// @ts-check
'use strict';
/**
 * `npm run simulator`: a local Syncro API with demo data.
 *   SIMULATOR_PORT (default 4010), SIMULATOR_TOKEN, SIMULATOR_RATE_LIMIT (requests per minute, e.g. 180),
 *   SIMULATOR_LATENCY_MS (per-answer latency, e.g. 500 for a Syncro far away),
 *   SIMULATOR_HTTPS=1 (TLS with a throwaway self-signed certificate; needs the openssl command).
 */
const { createSimulator } = require('./server');

const USAGE = `Usage: npm run simulator [-- --help]

Starts a local Syncro API with demo data (customers, contacts, tickets, assets, invoices, RMM alerts…)
at http://127.0.0.1:<port>/api/v1 (https with SIMULATOR_HTTPS=1) and prints the API token. Ctrl-C stops it.

Settings (environment variables):
  SIMULATOR_PORT          port to listen on (default 4010; 0 picks a free one)
  SIMULATOR_TOKEN         the API token to accept (default: a fixed demo token, printed at start)
  SIMULATOR_RATE_LIMIT    requests per minute before answering 429 "Retry later", like Syncro's 180 (default 0 = off)
  SIMULATOR_LATENCY_MS    every answer leaves this many ms after its request arrived, e.g. 500 for a Syncro far away (default 0)
  SIMULATOR_HTTPS         1 = serve https with a throwaway self-signed certificate (needs openssl); start n8n with
                          NODE_EXTRA_CA_CERTS=<the printed certificate file> so that it trusts it

Options:
  -h, --help              print this text and exit

In n8n's Syncro credential: any subdomain, the printed token, and Base URL Override = the printed URL.`;

async function main() {
	const args = process.argv.slice(2);
	if (args.includes('--help') || args.includes('-h')) {
		console.log(USAGE);
		return;
	}
	if (args.length > 0) {
		console.error(`Unknown option: ${args[0]}\n\n${USAGE}`);
		process.exitCode = 2;
		return;
	}
	const port = Number(process.env.SIMULATOR_PORT ?? 4010);
	const rpm = Number(process.env.SIMULATOR_RATE_LIMIT ?? 0);
	const sim = await createSimulator({
		port,
		token: process.env.SIMULATOR_TOKEN || undefined,
		rateLimit: rpm > 0 ? { limit: rpm, windowMs: 60_000 } : null,
		latencyMs: Number(process.env.SIMULATOR_LATENCY_MS ?? 0) || 0,
		https: process.env.SIMULATOR_HTTPS === '1',
	});
	console.log(`Syncro simulator listening on ${sim.baseUrl}`);
	console.log(`API token: ${sim.token}`);
	if (sim.latencyMs > 0) console.log(`Every answer takes ${sim.latencyMs} ms.`);
	if (sim.certPath) {
		console.log(`Self-signed certificate: ${sim.certPath}`);
		console.log(`Start n8n with NODE_EXTRA_CA_CERTS=${sim.certPath} so that it trusts it (certificate checks stay on).`);
	}
	console.log('In the Syncro credential: any subdomain, this token, and Base URL Override = the URL above.');
	const stop = async () => {
		await sim.close();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
