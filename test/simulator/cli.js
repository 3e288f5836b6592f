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

async function main() {
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
