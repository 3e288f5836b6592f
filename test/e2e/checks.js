// @ts-check
'use strict';
/**
 * What the end-to-end runners (test/e2e/run.js, test/e2e/queue/run.js) share: numbered checks printed one a
 * line, readers of n8n run data, request-log assertions, and the example workflows.
 */
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

const { REPO_ROOT } = require('./n8n');

/**
 * Counts checks and prints `ok N - [label] name` / `not ok N - [label] name`; the label names the n8n runtime
 * (`n8n 2.41.1, Node 24.22.3`), so that the lines of a version matrix tell which version they are about.
 * @param {string} [label]
 */
function createReport(label) {
	const tag = label ? `[${label}] ` : '';
	const report = {
		passed: 0,
		failed: 0,
		number: 0,
		/** Runs one check and prints one line. @param {string} name @param {() => unknown} fn */
		async check(name, fn) {
			report.number++;
			try {
				const detail = await fn();
				report.passed++;
				console.log(`ok ${report.number} - ${tag}${name}${typeof detail === 'string' && detail ? ` (${detail})` : ''}`);
				return true;
			} catch (error) {
				report.failed++;
				const message = error instanceof Error ? error.message : String(error);
				console.log(`not ok ${report.number} - ${tag}${name}\n  ${message.split('\n').slice(0, 14).join('\n  ')}`);
				return false;
			}
		},
		/** Records a check that could not run because an earlier step failed. @param {string} name @param {string} why */
		skipped(name, why) {
			report.number++;
			report.failed++;
			console.log(`not ok ${report.number} - ${tag}${name}\n  not run: ${why}`);
		},
		/** @param {string} line */
		info(line) {
			console.log(`# ${line}`);
		},
	};
	return report;
}

const seconds = (/** @type {number} */ ms) => `${(ms / 1000).toFixed(1)} s`;

/** Items (json, pairedItem…) a node produced on one output in the run data of an execution. */
function itemsOf(/** @type {any} */ run, /** @type {string} */ node, output = 0) {
	const runData = run?.data?.resultData?.runData ?? run?.resultData?.runData;
	const task = runData?.[node]?.[0];
	if (!task) throw new Error(`node "${node}" did not run (ran: ${Object.keys(runData ?? {}).join(', ') || 'nothing'})`);
	if (task.error) throw new Error(`node "${node}" failed: ${task.error.message}`);
	return /** @type {any[]} */ (task.data?.main?.[output] ?? []);
}

/** Items (json) a node produced on one output in the run data of an execution. */
function outputOf(/** @type {any} */ run, /** @type {string} */ node, output = 0) {
	return itemsOf(run, node, output).map((item) => item.json);
}

/** The error of a run, if any, as text. */
function runError(/** @type {any} */ run) {
	const error = (run?.data ?? run)?.resultData?.error;
	return error ? `${error.message}${error.description ? `: ${error.description}` : ''}` : undefined;
}

/** Requests the simulator received since `mark`. */
const since = (/** @type {any} */ sim, /** @type {number} */ mark) => /** @type {any[]} */ (sim.requests.slice(mark));

/** The writes among requests, IDs replaced by `:id`. */
const mutating = (/** @type {any[]} */ requests) =>
	requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path.replace(/\/\d+(?=\/|$)/g, '/:id')}`);

/** Every request carried the token in the Authorization header and none in the URL. */
function assertAuth(/** @type {any[]} */ requests, /** @type {string} */ token) {
	assert.ok(requests.length > 0, 'the simulator received no request');
	assert.ok(requests.every((r) => r.authorization), 'a request went without the Authorization header');
	assert.ok(requests.every((r) => !r.url.includes(token)), 'the API token appeared in a URL');
}

/**
 * The URL for Syncro on the Syncro Trigger's setup page: the production URL with its secret, or undefined.
 * @param {string} text the page's text @returns {string | undefined}
 */
function secretUrlOf(text) {
	return /(https?:\/\/\S+[?&]secret=[^\s&]+)/.exec(text)?.[1];
}

/** @returns {any} */
function loadExample(/** @type {string} */ file) {
	return JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'examples', file), 'utf8'));
}

/** Every example workflow as it ships, in file-name order, each with its `file` name. @returns {any[]} */
function loadExamples() {
	return fs
		.readdirSync(path.join(REPO_ROOT, 'examples'))
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((file) => ({ file, ...loadExample(file) }));
}

/** A copy of a workflow under another ID and name, its Syncro nodes using another credential. */
function variant(/** @type {any} */ workflow, /** @type {string} */ id, /** @type {string} */ name, /** @type {{id: string, name: string}} */ credential) {
	const copy = JSON.parse(JSON.stringify(workflow));
	copy.id = id;
	copy.name = name;
	for (const node of copy.nodes) if (node.credentials?.syncroApi) node.credentials.syncroApi = { ...credential };
	return copy;
}

/**
 * Adds tickets to the simulator for a polling trigger to find: `add(batch, n)` inserts `n` tickets created
 * now, their subjects tagged with `batch`, and returns their IDs.
 * @param {any} sim @param {string} prefix subject prefix
 */
function ticketFeed(sim, prefix) {
	const tickets = sim.db.table('tickets');
	let serial = 0;
	return (/** @type {string} */ batch, n = 3) =>
		Array.from({ length: n }, () => {
			serial++;
			return tickets.insert({
				number: String(90000 + serial), subject: `${prefix} ${batch}${serial}`, status: 'New', priority: '2 Normal', problem_type: 'Other',
				customer_id: 2001 + (serial % 10), contact_id: null, user_id: null, ticket_type_id: 1, resolved_at: null,
				due_date: null, tag_list: [], properties: {},
			}).id;
		});
}

/**
 * What a polling workflow emitted, one entry per emitted record, from its executions (with data).
 * @param {any[]} executions @param {string} [node] the polling trigger's name
 * @returns {Array<{ id: number, execution: string }>}
 */
function emittedRecords(executions, node = 'Syncro Polling Trigger') {
	return executions.flatMap((e) => (e.status === 'success' ? outputOf(e.data, node).map((j) => ({ id: j.id, execution: e.id })) : []));
}

/**
 * Asserts each added record was emitted exactly once and nothing else was.
 * @param {Array<{ id: number }>} emitted @param {number[]} added @param {Set<number>} before records that existed before activation
 */
function assertEmittedOnce(emitted, added, before) {
	/** @type {Map<number, number>} */
	const counts = new Map();
	for (const { id } of emitted) counts.set(id, (counts.get(id) ?? 0) + 1);
	const twice = [...counts].filter(([, n]) => n > 1).map(([id]) => id);
	assert.deepEqual(twice, [], `emitted more than once: ${twice.join(', ')}`);
	const missing = added.filter((id) => !counts.has(id));
	assert.deepEqual(missing, [], `never emitted: ${missing.join(', ')}`);
	const stray = [...counts.keys()].filter((id) => !added.includes(id));
	assert.deepEqual(stray, [], `emitted but not added by this scenario: ${stray.join(', ')}${stray.some((id) => before.has(id)) ? ' (existed before activation)' : ''}`);
}

/**
 * The "Ticket to invoice" example (examples/ticket-to-invoice.json), as both end-to-end suites run it.
 * Each function asserts one part and returns a summary or nothing.
 */
const ticketToInvoice = {
	/** Each step hands the right record to the next. @param {any} run */
	chain(run) {
		const [customer] = outputOf(run, 'Find or create customer');
		assert.equal(customer.findOrCreateResult, 'created');
		assert.equal(customer.business_name, 'Harborview Pediatrics');
		const [ticket] = outputOf(run, 'Create ticket');
		assert.equal(ticket.customer_id, customer.id);
		assert.equal(ticket.subject, 'Replace failing UPS battery in the server closet');
		const [comment] = outputOf(run, 'Add comment');
		assert.equal(comment.ticket_id, ticket.id);
		const [timer] = outputOf(run, 'Log time');
		assert.equal(timer.ticket_id, ticket.id);
		assert.equal(timer.active_duration, 90 * 60);
		const [charged] = outputOf(run, 'Charge time');
		assert.equal(charged.id, timer.id);
		assert.ok(charged.ticket_line_item_id, 'the charged time entry has no line item');
		const [invoice] = outputOf(run, 'Create invoice');
		assert.equal(invoice.customer_id, customer.id);
		assert.equal(invoice.ticket_id, ticket.id);
		const [emailed] = outputOf(run, 'Email invoice');
		assert.match(JSON.stringify(emailed), /emailed to office@harborviewpediatrics\.example/);
		return `customer ${customer.id}, ticket ${ticket.number}, invoice ${invoice.number}`;
	},
	/** The simulator holds the billed ticket, the one invoice line, the comment and the one sent email. @param {any} run @param {any} sim */
	state(run, sim) {
		const [ticket] = outputOf(run, 'Create ticket');
		const [invoice] = outputOf(run, 'Create invoice');
		const [charged] = outputOf(run, 'Charge time');
		assert.equal(sim.db.table('tickets').get(ticket.id)?.status, 'Invoiced');
		const lines = sim.db.table('line_items').filter((/** @type {any} */ l) => l.invoice_id === invoice.id);
		assert.equal(lines.length, 1, `expected 1 invoice line, got ${lines.length}`);
		assert.equal(lines[0].ticket_line_item_id, charged.ticket_line_item_id);
		assert.equal(lines[0].quantity, 1.5);
		const comments = sim.db.table('comments').filter((/** @type {any} */ c) => c.ticket_id === ticket.id);
		assert.ok(comments.some((/** @type {any} */ c) => c.subject === 'Work performed' && c.do_not_email === true), 'the comment is missing');
		const mails = sim.db.table('sent_emails').filter((/** @type {any} */ m) => m.record_type === 'Invoice' && m.record_id === invoice.id);
		assert.equal(mails.length, 1, 'the invoice was not emailed exactly once');
	},
	/** The request log since `mark` has each write once, in order, none failed, with Bearer auth. @param {any} sim @param {number} mark */
	requests(sim, mark) {
		const requests = since(sim, mark);
		assert.deepEqual(mutating(requests), [
			'POST /customers',
			'POST /tickets',
			'POST /tickets/:id/comment',
			'POST /tickets/:id/timer_entry',
			'POST /tickets/:id/charge_timer_entry',
			'POST /invoices',
			'POST /invoices/:id/email',
		]);
		assert.ok(requests.every((r) => r.status > 0 && r.status < 400), 'a request failed');
		assertAuth(requests, sim.token);
	},
};

module.exports = { ticketToInvoice, ticketFeed, emittedRecords, assertEmittedOnce, createReport, seconds, itemsOf, outputOf, runError, since, mutating, assertAuth, loadExample, loadExamples, secretUrlOf, variant };
