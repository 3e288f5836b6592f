// @ts-check
'use strict';
/**
 * End-to-end checks of Syncro for AI agents, in a real n8n (`E2E_ONLY=agents node test/e2e/run.js`):
 *
 * - the help-desk agent example (examples/help-desk-agent.json) driven through its chat webhook, with a scripted
 *   OpenAI-compatible model on loopback (test/e2e/model.js): a read, then writes; then a Syncro error the model
 *   receives as the tool's result and corrects;
 * - the MCP server example (examples/syncro-mcp-server.json) with the official MCP TypeScript SDK as the client:
 *   the read-only set lists and calls its tools, the write set is off until enabled and has its own token.
 *
 * Two phases, so that the runner keeps one `n8n start`: `prepareAgents()` before it (model stand-in, credentials,
 * workflows imported with the CLI), then `run()` once n8n serves requests with an owner and an API key.
 */
const assert = require('node:assert/strict');
const path = require('node:path');

const { createModelServer, toolResults, userText } = require('./model');
const { loadExample, since, mutating, assertAuth, runError } = require('./checks');
const { REPO_ROOT, waitFor } = require('./n8n');

const HELP_DESK = 'help-desk-agent.json';
const MCP = 'syncro-mcp-server.json';
const MCP_WRITES_VARIANT = 'E2eMcpWrites0001';
const TOKENS = { read: 'e2e-mcp-read-token-0001', write: 'e2e-mcp-write-token-0001' };
const CHAT_LOGIN = { user: 'helpdesk', password: 'e2e-chat-password' };

/** The node package as built (dist/): the tool descriptions n8n should hand the model. */
function packageTable() {
	const { RESOURCES } = require(path.join(REPO_ROOT, 'dist/nodes/Syncro/resources'));
	const { toolDescription } = require(path.join(REPO_ROOT, 'dist/nodes/Syncro/core/tool'));
	/** @param {string} resource @param {string} operation */
	return (resource, operation) => {
		const r = RESOURCES.find((/** @type {any} */ x) => x.value === resource);
		return toolDescription(r, r.operations.find((/** @type {any} */ o) => o.operation === operation));
	};
}

/** The JSON a tool result message carries (n8n sends the tool's items as a JSON array). @param {string} content */
function parsed(content) {
	try {
		return JSON.parse(content);
	} catch {
		return content;
	}
}

/** First record of a tool result (an array of items, sometimes itself JSON-encoded). @param {string} content */
function firstRecord(content) {
	let value = parsed(content);
	if (typeof value === 'string') value = parsed(value);
	return Array.isArray(value) ? value[0] : value;
}

/**
 * @param {{ n8n: import('./n8n').N8n, sim: any, info: (line: string) => void,
 *   syncroCredential: { id: string, name: string, data: Record<string, unknown> } }} options
 */
async function prepareAgents({ n8n, sim, info, syncroCredential }) {
	const model = await createModelServer();
	info(`scripted chat model at ${model.baseUrl}`);
	const helpDesk = loadExample(HELP_DESK);
	const mcp = loadExample(MCP);
	// A copy with the write set enabled, on other paths (one active workflow per MCP path).
	const writes = JSON.parse(JSON.stringify(mcp));
	writes.id = MCP_WRITES_VARIANT;
	writes.name = 'e2e: MCP server with the write set enabled';
	for (const node of writes.nodes) {
		if (node.type !== '@n8n/n8n-nodes-langchain.mcpTrigger') continue;
		node.parameters.path = `e2e-${node.parameters.path}`;
		node.webhookId = node.webhookId.replace(/^./, 'e');
		delete node.disabled;
	}
	const credentialOf = (/** @type {any} */ workflow, /** @type {string} */ type) =>
		workflow.nodes.map((/** @type {any} */ n) => n.credentials?.[type]).find(Boolean);
	const mcpRead = mcp.nodes.find((/** @type {any} */ n) => n.name === 'Syncro MCP (read-only)');
	const mcpWrite = mcp.nodes.find((/** @type {any} */ n) => n.name === 'Syncro MCP (writes)');
	await n8n.importCredentials([
		{ ...syncroCredential, type: 'syncroApi' },
		{ ...credentialOf(helpDesk, 'openAiApi'), type: 'openAiApi', data: { apiKey: 'sk-e2e-scripted-model', url: model.baseUrl } },
		{ ...credentialOf(helpDesk, 'httpBasicAuth'), type: 'httpBasicAuth', data: CHAT_LOGIN },
		{ ...mcpRead.credentials.httpBearerAuth, type: 'httpBearerAuth', data: { token: TOKENS.read } },
		{ ...mcpWrite.credentials.httpBearerAuth, type: 'httpBearerAuth', data: { token: TOKENS.write } },
	]);
	await n8n.importWorkflows([helpDesk, mcp, writes]);

	return {
		/** @param {{ check: (name: string, fn: () => unknown) => Promise<boolean>, skipped: (name: string, why: string) => void, info: (line: string) => void }} report */
		async run(report) {
			try {
				await helpDeskScenarios({ n8n, sim, model, report, helpDesk });
				await mcpScenarios({ n8n, sim, report, mcp, writes, mcpRead });
			} finally {
				await model.close();
			}
		},
		close: () => model.close().catch(() => undefined),
	};
}

/** Executions of a workflow (public API), newest first. @param {import('./n8n').N8n} n8n @param {string} id */
async function executionsOf(n8n, id) {
	const res = await n8n.api('GET', `/executions?workflowId=${id}&includeData=true&limit=20`);
	assert.equal(res.status, 200, `GET /executions answered ${res.status}`);
	return /** @type {any[]} */ (res.body.data);
}

/** @param {import('./n8n').N8n} n8n @param {string} id */
async function activate(n8n, id) {
	const res = await n8n.api('POST', `/workflows/${id}/activate`);
	assert.equal(res.status, 200, `activating ${id} answered ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`);
}

/**
 * @param {{ n8n: import('./n8n').N8n, sim: any, model: Awaited<ReturnType<typeof createModelServer>>, report: any, helpDesk: any }} options
 */
async function helpDeskScenarios({ n8n, sim, model, report, helpDesk }) {
	const { check, skipped } = report;
	const trigger = helpDesk.nodes.find((/** @type {any} */ n) => n.type === '@n8n/n8n-nodes-langchain.chatTrigger');
	const chatUrl = `${n8n.origin}/webhook/${trigger.webhookId}/chat`;
	const login = `Basic ${Buffer.from(`${CHAT_LOGIN.user}:${CHAT_LOGIN.password}`).toString('base64')}`;
	/** Sends one chat message as the hosted chat page does. @param {string} sessionId @param {string} chatInput @param {string} [auth] */
	const chat = async (sessionId, chatInput, auth = login) => {
		const res = await fetch(chatUrl, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', ...(auth ? { Authorization: auth } : {}) },
			body: JSON.stringify({ action: 'sendMessage', sessionId, chatInput }),
			signal: AbortSignal.timeout(120_000),
		});
		const text = await res.text();
		return { status: res.status, text, body: parsed(text) };
	};

	const activated = await check('help-desk agent: the example activates (chat trigger, agent, model, memory, four Syncro tools)', async () => {
		await activate(n8n, helpDesk.id);
		// n8n may answer the activation before the webhook is registered: wait for the chat URL.
		await waitFor(async () => (await chat('probe', '', '')).status !== 404, { timeoutMs: 30_000, what: 'the chat webhook' });
	});
	if (!activated) {
		skipped('help-desk agent: conversations', 'activation failed');
		return;
	}

	await check('help-desk agent: the chat refuses a message without its login (Basic Auth), and nothing reaches the model', async () => {
		const before = model.requests.length;
		const res = await chat('no-login', 'Hello', '');
		assert.ok(res.status === 401 || res.status === 403, `answered ${res.status}: ${res.text.slice(0, 200)}`);
		assert.equal(model.requests.length, before);
	});

	const describe = packageTable();
	/** @type {any} */
	let ticket;
	/** @type {number} */
	let customerId = 0;
	const northwind = sim.db.table('customers').filter((/** @type {any} */ c) => c.business_name === 'Northwind Dental')[0];
	const first = model.requests.length;
	const mark = sim.requests.length;
	const ticketsBefore = sim.db.table('tickets').size;
	const note = 'Front desk printer shows offline since 8am; a technician is on the way.';
	model.script((request) => {
		const results = toolResults(request);
		const last = results[results.length - 1];
		switch (results.length) {
			case 0:
				return { toolCalls: [{ name: 'Find_customers', arguments: { Search_Text: 'Northwind' } }] };
			case 1:
				customerId = Number(firstRecord(last.content)?.id);
				return { toolCalls: [{ name: 'Get_open_tickets', arguments: { Customer_ID: customerId } }] };
			case 2:
				return { toolCalls: [{ name: 'Create_ticket', arguments: { Customer_ID: customerId, Subject: 'Front desk printer offline', Issue_Type: 'hardware', Priority: 'high' } }] };
			case 3:
				ticket = firstRecord(last.content);
				return { toolCalls: [{ name: 'Add_note_to_ticket', arguments: { Ticket_ID: Number(ticket?.id), Note: note } }] };
			default:
				return { content: `Ticket #${ticket?.number} is open for Northwind Dental: ${ticket?.url}` };
		}
	});
	const answer = await chat('e2e-read-then-write', "Northwind Dental's front desk printer is offline. Open a ticket and note that I'm on my way.");
	const requests = model.requests.slice(first);

	const answered = await check('help-desk agent: a chat message runs the agent to its answer (a read, then two writes)', () => {
		assert.equal(answer.status, 200, `the chat answered ${answer.status}: ${answer.text.slice(0, 300)}`);
		const output = String(answer.body?.output ?? answer.text);
		assert.match(output, /Ticket #\d+ is open for Northwind Dental: http/, `answer: ${output.slice(0, 200)}`);
		assert.equal(requests.length, 5, `${requests.length} model requests`);
		return output;
	});
	await check('help-desk agent: every tool description the model receives says what it does and what it returns', () => {
		const tools = requests[0]?.tools ?? [];
		assert.deepEqual(tools.map((t) => t.function.name).sort(), ['Add_note_to_ticket', 'Create_ticket', 'Find_customers', 'Get_open_tickets']);
		for (const tool of tools) {
			const text = String(tool.function.description);
			assert.match(text, /^[A-Z].{20,}\. Returns .+\.( Needs: .+\.)?$/, `${tool.function.name}: "${text}"`);
		}
		const byName = Object.fromEntries(tools.map((t) => [t.function.name, t.function]));
		// The nodes that keep the default get the operation's own description; the example edits two of them.
		assert.equal(byName.Find_customers.description, describe('customer', 'getAll'));
		assert.equal(byName.Create_ticket.description, describe('ticket', 'create'));
		assert.match(byName.Get_open_tickets.description, /open tickets .* Returns/);
		// The arguments carry the descriptions written in $fromAI().
		assert.match(String(byName.Find_customers.parameters?.properties?.Search_Text?.description), /name, business name, email or phone/);
		assert.deepEqual(Object.keys(byName.Create_ticket.parameters?.properties ?? {}).sort(), ['Customer_ID', 'Issue_Type', 'Priority', 'Subject']);
		return `Create_ticket: "${byName.Create_ticket.description}"`;
	});
	if (!answered) {
		skipped('help-desk agent: tool results and Syncro state', 'the conversation did not complete');
	} else {
		await check("help-desk agent: the model's second request carries the search result, simplified (name, email, link)", () => {
			const results = toolResults(requests[1]);
			assert.equal(results.length, 1);
			assert.equal(results[0].call?.name, 'Find_customers');
			const record = firstRecord(results[0].content);
			assert.equal(record.id, northwind.id);
			assert.equal(record.name, 'Northwind Dental');
			assert.equal(record.email, northwind.email);
			assert.match(String(record.url), new RegExp(`/customers/${northwind.id}$`));
			assert.equal(record.properties, undefined, 'the customer is not simplified');
			return `${results[0].content.length} characters for the search result`;
		});
		await check('help-desk agent: the request log has the search, the open-ticket read, one ticket and one note, with Bearer auth', () => {
			const log = since(sim, mark);
			const reads = log.filter((r) => r.method === 'GET').map((r) => r.path);
			assert.ok(log.some((r) => r.method === 'GET' && r.path === '/customers' && r.query.query === 'Northwind'), `reads: ${reads.join(', ')}`);
			assert.ok(log.some((r) => r.method === 'GET' && r.path === '/tickets' && r.query.status === 'Not Closed' && Number(r.query.customer_id) === northwind.id), `reads: ${reads.join(', ')}`);
			assert.deepEqual(mutating(log), ['POST /tickets', 'POST /tickets/:id/comment']);
			// Issue type and priority lists come from one read of /settings.
			assert.equal(log.filter((r) => r.path === '/settings').length, 1, 'the settings were read more than once');
			assertAuth(log, sim.token);
		});
		await check('help-desk agent: the ticket has the names the model gave resolved (hardware -> Hardware, high -> 1 High) and the private note', () => {
			assert.equal(sim.db.table('tickets').size, ticketsBefore + 1);
			const stored = sim.db.table('tickets').get(ticket.id);
			assert.equal(stored.customer_id, northwind.id);
			assert.equal(stored.problem_type, 'Hardware');
			assert.equal(stored.priority, '1 High');
			const notes = sim.db.table('comments').filter((/** @type {any} */ c) => c.ticket_id === ticket.id && c.body === note);
			assert.equal(notes.length, 1);
			assert.equal(notes[0].hidden, true);
			return `ticket ${stored.number}`;
		});
	}

	// A Syncro error as the tool's result: the model corrects its call, the run does not fail.
	const errorFirst = model.requests.length;
	const errorMark = sim.requests.length;
	const summit = sim.db.table('customers').filter((/** @type {any} */ c) => c.business_name === 'Summit Family Clinic')[0];
	/** @type {any} */
	let created;
	model.script((request) => {
		const results = toolResults(request);
		const last = results[results.length - 1];
		if (results.length === 0) {
			return { toolCalls: [{ name: 'Create_ticket', arguments: { Customer_ID: 999999, Subject: 'VPN is down', Issue_Type: 'Network', Priority: 'Urgent' } }] };
		}
		if (results.length === 1) return { toolCalls: [{ name: 'Find_customers', arguments: { Search_Text: 'Summit' } }] };
		if (results.length === 2) {
			const id = Number(firstRecord(last.content)?.id);
			return { toolCalls: [{ name: 'Create_ticket', arguments: { Customer_ID: id, Subject: 'VPN is down', Issue_Type: 'Network', Priority: 'Urgent' } }] };
		}
		created = firstRecord(last.content);
		return { content: `Opened ticket #${created?.number} for Summit Family Clinic.` };
	});
	const corrected = await chat('e2e-error', 'The VPN of customer 999999 (Summit Family Clinic) is down, open an urgent ticket.');
	const errorRequests = model.requests.slice(errorFirst);
	await check("help-desk agent: Syncro's refusal reaches the model as the tool result, which corrects the call; the run succeeds", async () => {
		assert.equal(corrected.status, 200, `the chat answered ${corrected.status}: ${corrected.text.slice(0, 300)}`);
		assert.match(String(corrected.body?.output ?? corrected.text), /Opened ticket #\d+ for Summit Family Clinic/);
		const [refusal] = toolResults(errorRequests[1]);
		assert.equal(refusal.call?.name, 'Create_ticket');
		const result = firstRecord(refusal.content);
		assert.equal(result.failed, true, `tool result: ${refusal.content.slice(0, 300)}`);
		assert.match(result.message, /Customer must exist/);
		assert.match(result.whatToChange, /change the arguments/);
		const log = since(sim, errorMark).filter((r) => r.method === 'POST');
		assert.deepEqual(log.map((r) => `${r.path} ${r.status}`), ['/tickets 422', '/tickets 200'], 'each create sent once');
		assert.equal(sim.db.table('tickets').get(created.id)?.customer_id, summit.id);
		const list = await waitFor(async () => {
			const all = await executionsOf(n8n, helpDesk.id);
			return all.length >= 2 && all.every((e) => e.finished || ['success', 'error', 'crashed'].includes(e.status)) ? all : undefined;
		}, { timeoutMs: 30_000, what: 'two finished executions' });
		assert.deepEqual(list.map((e) => e.status), ['success', 'success'], `statuses: ${list.map((e) => `${e.status} ${runError(e.data) ?? ''}`).join('; ')}`);
		return `"${result.message}"`;
	});
}

/**
 * @param {{ n8n: import('./n8n').N8n, sim: any, report: any, mcp: any, writes: any, mcpRead: any }} options
 */
async function mcpScenarios({ n8n, sim, report, mcp, writes, mcpRead }) {
	const { check, skipped } = report;
	const { Client } = require('@modelcontextprotocol/sdk/client/index.js');
	const { StreamableHTTPClientTransport } = require('@modelcontextprotocol/sdk/client/streamableHttp.js');
	/** @param {string} mcpPath @param {string} token */
	const connect = async (mcpPath, token) => {
		const client = new Client({ name: 'n8n-nodes-syncro-e2e', version: '1.0.0' });
		const transport = new StreamableHTTPClientTransport(new URL(`${n8n.origin}/mcp/${mcpPath}`), {
			requestInit: { headers: { Authorization: `Bearer ${token}` } },
		});
		await client.connect(transport);
		return client;
	};
	/** An MCP initialize request by hand, to see the status of a refused or missing endpoint. @param {string} mcpPath @param {string} [token] */
	const probe = async (mcpPath, token) => {
		const res = await fetch(`${n8n.origin}/mcp/${mcpPath}`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
			body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-03-26', capabilities: {}, clientInfo: { name: 'probe', version: '1' } } }),
			signal: AbortSignal.timeout(30_000),
		});
		await res.text().catch(() => '');
		return res.status;
	};
	/** Text of an MCP tool result. @param {any} result */
	const textOfResult = (result) => (result?.content ?? []).map((/** @type {any} */ c) => c.text ?? '').join('');

	const readPath = mcpRead.parameters.path;
	const activated = await check('MCP server: the example activates with the read-only set on and the write set disabled', async () => {
		await activate(n8n, mcp.id);
		await waitFor(async () => (await probe(readPath, TOKENS.read)) !== 404, { timeoutMs: 30_000, what: `/mcp/${readPath}` });
	});
	if (!activated) {
		skipped('MCP server: tools', 'activation failed');
		return;
	}
	/** @type {any} */
	let client;
	await check('MCP server: an MCP client (official SDK, Streamable HTTP) lists the read-only tools, each described', async () => {
		client = await connect(readPath, TOKENS.read);
		const { tools } = await client.listTools();
		const names = tools.map((/** @type {any} */ t) => t.name).sort();
		const expected = mcp.nodes
			.filter((/** @type {any} */ n) => n.type === 'n8n-nodes-syncro.syncroTool' && mcp.connections[n.name]?.ai_tool?.[0]?.[0]?.node === mcpRead.name)
			.map((/** @type {any} */ n) => n.name.replace(/[^a-zA-Z0-9_-]/g, '_'))
			.sort();
		assert.deepEqual(names, expected);
		for (const tool of tools) assert.match(String(tool.description), /^[A-Z].{20,}\. Returns .+\./, `${tool.name}: "${tool.description}"`);
		const search = tools.find((/** @type {any} */ t) => t.name === 'Search_customers');
		assert.ok(search.inputSchema?.properties?.Search_Text, `Search_customers schema: ${JSON.stringify(search.inputSchema)}`);
		return names.join(', ');
	});
	if (client) {
		const mark = sim.requests.length;
		await check('MCP server: calling Search_customers runs the Syncro tool and returns the simplified customers', async () => {
			const result = await client.callTool({ name: 'Search_customers', arguments: { Search_Text: 'Northwind' } });
			const text = textOfResult(result);
			assert.notEqual(result.isError, true, text.slice(0, 300));
			const record = firstRecord(text);
			assert.equal(record?.name, 'Northwind Dental', text.slice(0, 300));
			assert.match(String(record.url), /\/customers\/\d+$/);
			const log = since(sim, mark);
			assert.deepEqual(log.map((r) => `${r.method} ${r.path} ${r.status}`), ['GET /customers 200']);
			assertAuth(log, sim.token);
			return `${text.length} characters`;
		});
		await client.close().catch(() => undefined);
	}
	await check('MCP server: the endpoint refuses a client without the token or with a wrong one', async () => {
		const none = await probe(readPath);
		const wrong = await probe(readPath, 'not-the-token');
		assert.ok([401, 403].includes(none), `without a token: ${none}`);
		assert.ok([401, 403].includes(wrong), `with a wrong token: ${wrong}`);
	});
	await check('MCP server: the write set is not served while its trigger is disabled', async () => {
		assert.equal(await probe('syncro-writes', TOKENS.write), 404);
	});

	// The write set, enabled (a copy of the example on other paths).
	const writePath = writes.nodes.find((/** @type {any} */ n) => n.name === 'Syncro MCP (writes)').parameters.path;
	const enabled = await check('MCP server, write set enabled: it answers only its own token', async () => {
		await activate(n8n, writes.id);
		await waitFor(async () => (await probe(writePath, TOKENS.write)) !== 404, { timeoutMs: 30_000, what: `/mcp/${writePath}` });
		assert.ok([401, 403].includes(await probe(writePath, TOKENS.read)), 'the read-only token opened the write set');
	});
	if (!enabled) {
		skipped('MCP server, write set: calls', 'activation failed');
		return;
	}
	const writer = await connect(writePath, TOKENS.write);
	try {
		await check('MCP server, write set: Update_ticket takes a status and a technician by name or email', async () => {
			const { tools } = await writer.listTools();
			assert.deepEqual(tools.map((/** @type {any} */ t) => t.name).sort(), ['Add_ticket_comment', 'Create_ticket', 'Update_ticket']);
			const target = sim.db.table('tickets').filter((/** @type {any} */ t) => t.status === 'New')[0];
			const mark = sim.requests.length;
			const result = await writer.callTool({ name: 'Update_ticket', arguments: { Ticket_ID: target.id, Status: 'in progress', Technician: 'JORDAN@demo-msp.example' } });
			const text = textOfResult(result);
			const record = firstRecord(text);
			assert.equal(record?.failed, undefined, text.slice(0, 400));
			const stored = sim.db.table('tickets').get(target.id);
			assert.equal(stored.status, 'In Progress');
			assert.equal(stored.user_id, 13);
			const puts = since(sim, mark).filter((r) => r.method === 'PUT');
			assert.equal(puts.length, 1);
			assert.deepEqual({ status: puts[0].body.status, user_id: puts[0].body.user_id }, { status: 'In Progress', user_id: 13 });
			return `ticket ${stored.number}: ${stored.status}, technician ${stored.user_id}`;
		});
		await check('MCP server, write set: a priority that matches nothing comes back with the valid values, and nothing is sent', async () => {
			const customer = sim.db.table('customers').all()[0];
			const mark = sim.requests.length;
			const result = await writer.callTool({ name: 'Create_ticket', arguments: { Customer_ID: customer.id, Subject: 'Test', Issue_Type: 'Hardware', Priority: 'Critical' } });
			const record = firstRecord(textOfResult(result));
			assert.equal(record?.failed, true, textOfResult(result).slice(0, 300));
			assert.match(record.message, /"Critical" matches no priority in Syncro\. Valid values: "0 Urgent", "1 High", "2 Normal", "3 Low"/);
			assert.deepEqual(mutating(since(sim, mark)), []);
			return record.message;
		});
	} finally {
		await writer.close().catch(() => undefined);
	}
}

module.exports = { prepareAgents };
