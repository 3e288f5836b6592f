// @ts-check
'use strict';
/**
 * A scripted stand-in for an OpenAI-compatible chat model, on loopback (port 0), for driving n8n's AI Agent
 * in the end-to-end tests without a real model.
 *
 *   const model = await createModelServer();
 *   model.script((request) => ...)   // decides each answer from the request: see `reply` below
 *   model.baseUrl                    // the `url` of an n8n "OpenAI" credential (…/v1)
 *   model.requests                   // every request body received, in order
 *
 * It answers `POST /v1/chat/completions`, as JSON or, when the client asks for `stream: true`, as server-sent
 * chunks; and `GET /v1/models` (the editor's model list). A script answers with text or with tool calls:
 *   { content: 'Done.' }   { toolCalls: [{ name: 'Find_customers', arguments: { Search_Text: 'Acme' } }] }
 */
const http = require('node:http');

/**
 * @typedef {{ name: string, arguments: Record<string, unknown> }} ToolCall
 * @typedef {{ content?: string, toolCalls?: ToolCall[] }} Reply
 * @typedef {(request: ChatRequest, index: number) => Reply} Script
 * @typedef {{ model: string, messages: Array<{ role: string, content?: any, tool_calls?: any[], tool_call_id?: string, name?: string }>,
 *   tools?: Array<{ type: string, function: { name: string, description?: string, parameters?: any } }>, stream?: boolean }} ChatRequest
 */

/** Text of a message's content (a string, or OpenAI's array of parts). */
function textOf(/** @type {any} */ content) {
	if (typeof content === 'string') return content;
	if (Array.isArray(content)) return content.map((p) => (typeof p === 'string' ? p : (p?.text ?? ''))).join('');
	return '';
}

/** The tool results a request carries (role `tool` messages), oldest first, with the call they answer. */
function toolResults(/** @type {ChatRequest} */ request) {
	/** @type {Map<string, { name: string, arguments: any }>} */
	const calls = new Map();
	for (const message of request.messages) {
		for (const call of message.tool_calls ?? []) {
			let args;
			try {
				args = JSON.parse(call.function?.arguments ?? '{}');
			} catch {
				args = call.function?.arguments;
			}
			calls.set(call.id, { name: call.function?.name, arguments: args });
		}
	}
	return request.messages
		.filter((m) => m.role === 'tool')
		.map((m) => ({ id: m.tool_call_id ?? '', call: calls.get(m.tool_call_id ?? ''), content: textOf(m.content) }));
}

/** The last user message of a request. */
function userText(/** @type {ChatRequest} */ request) {
	const users = request.messages.filter((m) => m.role === 'user' || m.role === 'human');
	return textOf(users[users.length - 1]?.content);
}

async function createModelServer() {
	/** @type {ChatRequest[]} */
	const requests = [];
	/** @type {Script} */
	let script = () => ({ content: 'No script.' });
	let calls = 0;

	const server = http.createServer((req, res) => {
		let raw = '';
		req.on('data', (chunk) => (raw += chunk));
		req.on('end', () => {
			const url = new URL(req.url ?? '/', 'http://localhost');
			if (req.method === 'GET' && /\/models$/.test(url.pathname)) {
				json(res, 200, { object: 'list', data: [{ id: 'scripted-model', object: 'model', owned_by: 'tests' }] });
				return;
			}
			if (req.method !== 'POST' || !/\/chat\/completions$/.test(url.pathname)) {
				json(res, 404, { error: { message: `no route ${req.method} ${url.pathname}` } });
				return;
			}
			/** @type {ChatRequest} */
			let request;
			try {
				request = JSON.parse(raw);
			} catch {
				json(res, 400, { error: { message: 'body is not JSON' } });
				return;
			}
			requests.push(request);
			/** @type {Reply} */
			let reply;
			try {
				reply = script(request, requests.length - 1);
			} catch (error) {
				json(res, 500, { error: { message: `script failed: ${error instanceof Error ? error.message : String(error)}` } });
				return;
			}
			const id = `chatcmpl-${++calls}`;
			const toolCalls = (reply.toolCalls ?? []).map((call, index) => ({
				index,
				id: `call_${calls}_${index}`,
				type: 'function',
				function: { name: call.name, arguments: JSON.stringify(call.arguments) },
			}));
			const finish = toolCalls.length ? 'tool_calls' : 'stop';
			const usage = { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 };
			if (request.stream) {
				res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive' });
				const chunk = (/** @type {any} */ delta, /** @type {string | null} */ finishReason, extra = {}) =>
					res.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model: request.model, choices: [{ index: 0, delta, finish_reason: finishReason }], ...extra })}\n\n`);
				chunk({ role: 'assistant', content: toolCalls.length ? null : '' }, null);
				if (reply.content) chunk({ content: reply.content }, null);
				if (toolCalls.length) chunk({ tool_calls: toolCalls }, null);
				chunk({}, finish, { usage });
				res.end('data: [DONE]\n\n');
				return;
			}
			json(res, 200, {
				id,
				object: 'chat.completion',
				created: Math.floor(Date.now() / 1000),
				model: request.model,
				choices: [
					{
						index: 0,
						message: {
							role: 'assistant',
							content: reply.content ?? null,
							...(toolCalls.length ? { tool_calls: toolCalls.map(({ index, ...call }) => call) } : {}),
						},
						finish_reason: finish,
					},
				],
				usage,
			});
		});
	});

	await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
	const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
	return {
		origin: `http://127.0.0.1:${port}`,
		baseUrl: `http://127.0.0.1:${port}/v1`,
		requests,
		/** Sets the function that answers the following requests. @param {Script} next */
		script(next) {
			script = next;
		},
		close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
	};
}

function json(/** @type {http.ServerResponse} */ res, /** @type {number} */ status, /** @type {any} */ body) {
	const text = JSON.stringify(body);
	res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
	res.end(text);
}

module.exports = { createModelServer, toolResults, userText, textOf };
