'use strict';
/**
 * The Syncro simulator in its own process for the benchmarks, so that its work does not distort the
 * figures of the process under test. Options come as JSON in argv[2]; commands arrive over IPC.
 */
const { createSimulator } = require('../test/simulator/server');
const { rmmAlertDelivery } = require('../test/e2e/deliveries');

function rmmDeliveries(sim, count, label) {
	const template = rmmAlertDelivery(sim, 9001);
	return Array.from({ length: count }, (_, i) => {
		const id = 700_000 + i;
		const description = `${label} alert ${i}`;
		return {
			...template,
			text: template.text.replace(template.attributes.description, description),
			link: `https://demo-msp.syncromsp.com/rmm_alerts/${id}`,
			attributes: { ...template.attributes, id, description },
		};
	});
}

async function main() {
	const options = JSON.parse(process.argv[2] || '{}');
	const tickets = options.tickets ?? 0;
	const sim = await createSimulator({
		quiet: true,
		pageSizes: options.pageSizes,
		rateLimit: options.rateLimit ?? null,
		https: options.https === true,
		latencyMs: options.latencyMs ?? 0,
		// With no benchmark tickets asked for, the full demo tenant (every resource's records, RMM alerts included).
		seed: tickets === 0 ? true : (db) => {
			require('../test/simulator/seed').seed(db);
			const table = db.table('tickets');
			const base = Date.parse('2026-01-01T00:00:00Z');
			for (let i = 0; i < tickets; i++) {
				const at = new Date(base + i * 60_000).toISOString();
				table.insert({ id: 100_000 + i, number: String(50_000 + i), subject: `Benchmark ticket ${i}`, status: ['New', 'In Progress', 'Resolved'][i % 3], problem_type: 'Software', priority: '2 Normal', customer_id: 2001, user_id: 11, created_at: at, updated_at: at, properties: {}, tag_list: [] });
			}
		},
	});
	process.on('message', (message) => {
		const reply = (value) => process.send({ id: message.id, value });
		switch (message.type) {
			case 'stats':
				reply({ requests: sim.requests.map((r) => ({ method: r.method, path: r.path, status: r.status, at: r.at })), refused: sim.rate.refused });
				break;
			case 'reset':
				sim.clearRequests();
				sim.clearFaults();
				sim.rate.refused = 0;
				if (message.rateLimit !== undefined) sim.setRateLimit(message.rateLimit);
				if (message.latencyMs !== undefined) sim.setLatency(message.latencyMs);
				reply(true);
				break;
			case 'fault':
				if (message.kind === 'fail') sim.failNext(message.args);
				else if (message.kind === 'reset') sim.resetNext(message.args.count, message.args.filter);
				else if (message.kind === 'stall') sim.stallNext(message.args.count, message.args.ms, message.args.filter);
				reply(true);
				break;
			case 'count':
				reply(sim.db.table(message.table).size);
				break;
			case 'rmmDeliveries':
				// `count` distinct RMM alert deliveries (bench/burst.ts): alert #9001's, each with its own ID and description.
				reply(rmmDeliveries(sim, message.count, message.label));
				break;
			case 'ticketSubjects':
				reply(sim.db.table('tickets').all().map((t) => t.subject).filter((s) => typeof s === 'string' && s.includes(message.contains)));
				break;
			default:
				reply(null);
		}
	});
	process.send({ ready: true, baseUrl: sim.baseUrl, token: sim.token, certPath: sim.certPath ?? null });
	// The throwaway certificate's folder goes with the process.
	process.on('SIGTERM', () => void sim.close().then(() => process.exit(0)));
	process.on('disconnect', () => void sim.close().then(() => process.exit(0)));
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
