#!/usr/bin/env node
// @ts-check
'use strict';
/**
 * `npm run simulator`: a local Syncro API with demo data.
 *   SIMULATOR_PORT (default 4010), SIMULATOR_TOKEN, SIMULATOR_RATE_LIMIT (requests per minute, e.g. 180).
 */
const { createSimulator } = require('./server');

const USAGE = `Usage: npm run simulator [-- --help]

Starts a local Syncro API with demo data (customers, contacts, tickets, assets, invoices, RMM alerts…)
at http://127.0.0.1:<port>/api/v1 and prints the API token. Ctrl-C stops it.

Settings (environment variables):
  SIMULATOR_PORT          port to listen on (default 4010; 0 picks a free one)
  SIMULATOR_TOKEN         the API token to accept (default: a fixed demo token, printed at start)
  SIMULATOR_RATE_LIMIT    requests per minute before answering 429 "Retry later", like Syncro's 180 (default 0 = off)

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
	});
	console.log(`Syncro simulator listening on ${sim.baseUrl}`);
	console.log(`API token: ${sim.token}`);
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
