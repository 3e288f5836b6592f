#!/usr/bin/env node
// @ts-check
'use strict';
/**
 * `npm run simulator`: a local Syncro API with demo data.
 *   SIMULATOR_PORT (default 4010), SIMULATOR_TOKEN, SIMULATOR_RATE_LIMIT (requests per minute, e.g. 180).
 */
const { createSimulator } = require('./server');

async function main() {
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
