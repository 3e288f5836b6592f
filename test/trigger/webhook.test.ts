/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code: runs under Node.js in this repository, never inside n8n */
/**
 * The Syncro Trigger served as n8n serves webhooks (test/helpers/webhook.ts): activation and the setup page,
 * the URL secret (accepted, refused with 401 and no execution), body checks (400), event filters, duplicate
 * deliveries, Fetch Full Record through the transport against the simulator, and the immediate 200.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { IDataObject, INodeProperties, INodeTypeDescription } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { shutdownN8n, syncroCredentials } from '../helpers/harness';
import { startSimulator, type Simulator } from '../helpers/simulator';
import { startWebhookHarness, type WebhookHarness } from '../helpers/webhook';

const FIXTURES = path.resolve(__dirname, '../fixtures/webhooks');
const load = (file: string) => JSON.parse(fs.readFileSync(path.join(FIXTURES, file), 'utf8')) as IDataObject;

let sim: Simulator;
const open: WebhookHarness[] = [];

beforeAll(async () => {
	sim = await startSimulator();
});
afterAll(async () => {
	await sim.close();
	await shutdownN8n();
});
afterEach(async () => {
	while (open.length) await open.pop()!.close();
	sim.clearFaults();
	sim.setLatency(0);
	sim.clearRequests();
});

async function harness(parameters: IDataObject, withCredentials = false): Promise<WebhookHarness> {
	const h = await startWebhookHarness({ parameters, credentials: withCredentials ? syncroCredentials(sim.baseUrl, sim.token) : undefined });
	open.push(h);
	return h;
}

/** Activated trigger plus the URL for Syncro read from its setup page. */
async function activated(parameters: IDataObject, withCredentials = false): Promise<{ h: WebhookHarness; url: string }> {
	const h = await harness(parameters, withCredentials);
	expect(await h.activate()).toBe(true);
	return { h, url: await h.revealUrl() };
}

describe('activation and the setup page', () => {
	it('creates a secret on activation and shows the URL for Syncro once', async () => {
		const h = await harness({ events: ['*'] });
		expect(await h.get(h.productionUrl)).toMatchObject({ status: 404 });
		expect(await h.activate()).toBe(true);
		const state = h.nodeStaticData();
		expect(typeof state.key).toBe('string');
		expect(String(state.key)).toHaveLength(43);

		const page = await h.get(h.productionUrl);
		expect(page.status).toBe(200);
		expect(page.headers['content-type']).toMatch(/text\/plain/);
		expect(page.headers['cache-control']).toBe('no-store');
		const url = /(http:\/\/\S+)/.exec(page.text)![1];
		expect(url.startsWith(`${h.productionUrl}?secret=`)).toBe(true);
		expect(new URL(url).searchParams.get('secret')).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(page.text).toMatch(/Admin > Notification Center > Notification Sets/);
		expect(page.text).not.toContain(String(state.key));

		const again = await h.get(h.productionUrl);
		expect(again.status).toBe(403);
		expect(again.text).not.toMatch(/secret=/);
		expect(again.text).toMatch(/deactivate and activate/);
	});

	it('shows the URL once even when a second visit comes before n8n has saved the first one\'s static data', async () => {
		const h = await harness({ events: ['*'] });
		await h.activate();
		h.holdStaticDataSaves(true);
		expect((await h.get(h.productionUrl)).status).toBe(200);
		const again = await h.get(h.productionUrl);
		expect(again.status).toBe(403);
		expect(again.text).not.toMatch(/secret=/);
	});

	it('keeps the same secret across edits, restarts and re-activation; re-activating shows it again', async () => {
		const { h, url } = await activated({ events: ['*'] });
		await h.deactivate();
		expect(await h.activate('update')).toBe(false);
		expect(await h.activate('init')).toBe(false);
		expect((await h.get(h.productionUrl)).status).toBe(403);
		expect(await h.activate('activate')).toBe(true);
		expect(await h.revealUrl()).toBe(url);
		expect((await h.post(url, load('ticket-created.json'))).status).toBe(200);
	});

	it('closes the page after 15 minutes', async () => {
		const h = await harness({ events: ['*'] });
		await h.activate();
		h.nodeStaticData().revealUntil = Date.now() - 1;
		expect((await h.get(h.productionUrl)).status).toBe(403);
	});

	it('replaces the secret when "Secret Version" changes, and refuses the old URL', async () => {
		const { h, url } = await activated({ events: ['*'] });
		h.setParameters({ events: ['*'], options: { secretVersion: 2 } });
		expect(await h.activate('update')).toBe(true);
		const next = await h.revealUrl();
		expect(next).not.toBe(url);
		expect((await h.post(url, load('ticket-created.json'))).status).toBe(401);
		expect((await h.post(next, load('ticket-created.json'))).status).toBe(200);
	});

	it('gives a different secret to another trigger node (webhook id)', async () => {
		const a = await activated({ events: ['*'] });
		const other = await startWebhookHarness({ parameters: { events: ['*'] }, webhookId: '0e5b2d7c-9a41-4f3e-8c6d-1f2a3b4c5d6e' });
		open.push(other);
		await other.activate();
		other.nodeStaticData().key = a.h.nodeStaticData().key;
		other.nodeStaticData().secretId = undefined;
		await other.activate('activate');
		const otherUrl = await other.revealUrl();
		expect(new URL(otherUrl).searchParams.get('secret')).not.toBe(new URL(a.url).searchParams.get('secret'));
	});

	it('does nothing on test (manual) activation and explains the Test URL', async () => {
		const h = await harness({ events: ['*'] });
		expect(await h.activate('manual')).toBe(false);
		expect(h.nodeStaticData().key).toBeUndefined();
		h.listen();
		const page = await h.get(h.testUrl);
		expect(page.status).toBe(200);
		expect(page.text).toMatch(/Test URL/);
		expect(page.text).not.toMatch(/secret=/);
	});
});

describe('the URL secret', () => {
	it('accepts a delivery with the right secret and outputs the item', async () => {
		const { h, url } = await activated({ events: ['ticket.status_changed'] });
		const before = Date.now();
		const answer = await h.post(url, load('ticket-status-changed.json'));
		expect(answer.status).toBe(200);
		expect(answer.json).toEqual({ received: true, event: 'ticket.status_changed' });
		expect(h.executions).toHaveLength(1);
		const [item] = h.lastItems();
		expect(Object.keys(item).sort()).toEqual(['event', 'id', 'link', 'receivedAt', 'record', 'resource', 'text', 'toStatus']);
		expect(item).toMatchObject({
			event: 'ticket.status_changed',
			resource: 'ticket',
			id: 4017,
			toStatus: 'Waiting on Customer',
			link: 'https://demo-msp.syncromsp.com/tickets/4017',
			text: expect.stringMatching(/^A Ticket status was changed to Waiting on Customer/),
		});
		expect((item.record as IDataObject).subject).toBe('VPN drops every hour');
		expect(Date.parse(String(item.receivedAt))).toBeGreaterThanOrEqual(before - 5);
	});

	it.each([
		['no secret', (url: string) => url.replace(/\?.*$/, '')],
		['a wrong secret', (url: string) => url.replace(/secret=[^&]+/, 'secret=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')],
		['a prefix of the secret', (url: string) => url.slice(0, -1)],
		['an empty secret', (url: string) => url.replace(/secret=[^&]+/, 'secret=')],
		['the secret twice', (url: string) => `${url}&secret=${new URL(url).searchParams.get('secret')}`],
		['the secret in another parameter', (url: string) => url.replace('?secret=', '?token=')],
	])('refuses %s with 401 and starts no execution', async (_name, mangle) => {
		const { h, url } = await activated({ events: ['*'] });
		const answer = await h.post(mangle(url), load('ticket-created.json'));
		expect(answer.status).toBe(401);
		expect(answer.json).toMatchObject({ error: 'Unauthorized' });
		expect(answer.text).not.toContain(String(h.nodeStaticData().key));
		expect(h.executions).toHaveLength(0);
	});

	it('checks the secret before the body: a bad body without the secret is a 401', async () => {
		const { h, url } = await activated({ events: ['*'] });
		expect((await h.post(url.replace(/\?.*$/, ''), 'not json', { 'Content-Type': 'text/plain' })).status).toBe(401);
	});

	it('accepts deliveries without the secret when "Skip Secret Check" is on', async () => {
		const h = await harness({ events: ['*'], options: { skipSecretCheck: true } });
		await h.activate();
		expect((await h.post(h.productionUrl, load('customer-created.json'))).status).toBe(200);
		expect(h.lastItems()[0].event).toBe('customer.created');
	});

	it('accepts test deliveries on the Test URL (only open while listening in the editor)', async () => {
		const h = await harness({ events: ['*'] });
		expect((await h.post(h.testUrl, load('ticket-created.json'))).status).toBe(404);
		h.listen();
		expect((await h.post(h.testUrl, load('ticket-created.json'))).status).toBe(200);
		expect(h.lastItems()[0].event).toBe('ticket.created');
	});
});

describe('body checks', () => {
	it.each([
		['plain text', 'hello', 'text/plain'],
		['a form', 'text=A+Ticket+was+created', 'application/x-www-form-urlencoded'],
		['a JSON array', '[{"text":"A Ticket was created"}]', 'application/json'],
		['a JSON string', '"A Ticket was created"', 'application/json'],
		['JSON without text or attributes', '{"hello":"world"}', 'application/json'],
		['attributes that are not an object', '{"text":"A Ticket was created","attributes":"4017"}', 'application/json'],
	])('refuses %s with 400 and starts no execution', async (_name, body, contentType) => {
		const { h, url } = await activated({ events: ['*'] });
		const answer = await h.post(url, body, { 'Content-Type': contentType });
		expect(answer.status).toBe(400);
		expect(answer.json).toMatchObject({ error: 'Bad Request' });
		expect(h.executions).toHaveLength(0);
	});

	it('refuses a body over 1 MB with 400', async () => {
		const { h, url } = await activated({ events: ['*'] });
		const big = { ...load('ticket-created.json'), padding: 'x'.repeat(1024 * 1024) };
		const answer = await h.post(url, big);
		expect(answer.status).toBe(400);
		expect(answer.json.message).toMatch(/larger than 1024 KB/);
		expect(h.executions).toHaveLength(0);
	});

	it('never sees invalid JSON sent as application/json: n8n answers 422 first', async () => {
		const { h, url } = await activated({ events: ['*'] });
		expect((await h.post(url, '{"text": ', { 'Content-Type': 'application/json' })).status).toBe(422);
		expect(h.executions).toHaveLength(0);
	});

	it('accepts a JSON delivery sent with another content type', async () => {
		const { h, url } = await activated({ events: ['*'] });
		const answer = await h.post(url, JSON.stringify(load('contact-created.json')), { 'Content-Type': 'text/plain' });
		expect(answer.status).toBe(200);
		expect(h.lastItems()[0].event).toBe('contact.created');
	});
});

describe('events and filters', () => {
	it('acknowledges events that are not selected without starting an execution', async () => {
		const { h, url } = await activated({ events: ['rmm_alert.created'] });
		const answer = await h.post(url, load('ticket-created.json'));
		expect(answer.status).toBe(200);
		expect(answer.json).toMatchObject({ received: true, ignored: expect.stringMatching(/not selected/), event: 'ticket.created' });
		expect(h.executions).toHaveLength(0);
		expect((await h.post(url, load('rmm-alert-created.json'))).status).toBe(200);
		expect(h.executions).toHaveLength(1);
		const [item] = h.lastItems();
		expect(item).toMatchObject({ event: 'rmm_alert.created', resource: 'rmm_alert', id: 512000101 });
		expect((item.record as IDataObject).resolved).toBe(false);
	});

	it('narrows status changes with "To Status" (comma-separated, any case)', async () => {
		const { h, url } = await activated({ events: ['ticket.status_changed'], toStatus: 'resolved, Scheduled' });
		await h.post(url, load('ticket-status-changed.json'));
		expect(h.executions).toHaveLength(0);
		await h.post(url, load('ticket-status-changed-resolved.json'));
		expect(h.executions).toHaveLength(1);
		expect(h.lastItems()[0].toStatus).toBe('Resolved');
	});

	it('starts one execution per selected event from the whole fixture set', async () => {
		const { h, url } = await activated({ events: ['*'], options: { duplicateWindowMinutes: 0 } });
		const index = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'index.json'), 'utf8')) as Array<{ file: string; event: string }>;
		for (const entry of index) expect((await h.post(url, load(entry.file))).status).toBe(200);
		expect(h.executions.map((e) => e[0][0].json.event)).toEqual(index.map((e) => e.event));
	});

	it('adds the raw body under an option', async () => {
		const { h, url } = await activated({ events: ['*'], options: { includeRawBody: true } });
		const body = load('rmm-alert-resolved.json');
		await h.post(url, body);
		const [item] = h.lastItems();
		expect(item.body).toEqual(body);
		expect((item.record as IDataObject).resolved).toBe(true);
		expect(((item.body as IDataObject).attributes as IDataObject).resolved).toBe('true');
	});
});

describe('duplicate deliveries', () => {
	it('drops a delivery identical to one received within 10 minutes (default), with a 200', async () => {
		const { h, url } = await activated({ events: ['*'] });
		const body = load('ticket-resolved.json');
		expect((await h.post(url, body)).status).toBe(200);
		const second = await h.post(url, body);
		expect(second.status).toBe(200);
		expect(second.json).toMatchObject({ ignored: 'duplicate delivery' });
		expect(h.executions).toHaveLength(1);
		// The same ticket changing again is a new delivery.
		await h.post(url, { ...body, attributes: { ...(body.attributes as IDataObject), updated_at: '2026-10-15T09:00:00.000-07:00' } });
		expect(h.executions).toHaveLength(2);
	});

	it('lets duplicates through after the window, and always when the window is 0', async () => {
		const { h, url } = await activated({ events: ['*'], options: { duplicateWindowMinutes: 0.02 } });
		const body = load('payment-received.json');
		await h.post(url, body);
		await h.post(url, body);
		expect(h.executions).toHaveLength(1);
		await new Promise((r) => setTimeout(r, 1300));
		await h.post(url, body);
		expect(h.executions).toHaveLength(2);

		h.setParameters({ events: ['*'], options: { duplicateWindowMinutes: 0 } });
		await h.post(url, body);
		await h.post(url, body);
		expect(h.executions).toHaveLength(4);
	});

	it('drops copies that arrive together, before the first call has saved its static data', async () => {
		const { h, url } = await activated({ events: ['*'], fetchFullRecord: true }, true);
		sim.setLatency(300);
		const body = load('customer-created.json');
		const answers = await Promise.all([h.post(url, body), h.post(url, body), h.post(url, body)]);
		expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
		expect(answers.filter((a) => a.json.ignored === 'duplicate delivery')).toHaveLength(2);
		await waitFor(() => h.executions.length === 1);
		await new Promise((r) => setTimeout(r, 400));
		expect(h.executions).toHaveLength(1);
	});

	it('drops a copy that comes after n8n restarted (the static data memory)', async () => {
		const { h, url } = await activated({ events: ['*'] });
		const body = load('lead-created.json');
		await h.post(url, body);
		const other = await startWebhookHarness({ parameters: { events: ['*'] } });
		open.push(other);
		expect(h.nodeStaticData().deliveries).toEqual(expect.any(String));
		// Same static data, another process (another workflow id in the process memory): the static data decides.
		Object.assign(other.nodeStaticData(), JSON.parse(JSON.stringify(h.nodeStaticData())));
		await other.activate('init');
		const answer = await other.post(url.replace(h.origin, other.origin), body);
		expect(answer.json).toMatchObject({ ignored: 'duplicate delivery' });
		expect(other.executions).toHaveLength(0);
	});

	it('does not count refused or ignored deliveries', async () => {
		const { h, url } = await activated({ events: ['customer.created'] });
		const body = load('customer-created.json');
		await h.post(url.replace(/\?.*$/, ''), body);
		await h.post(url, load('ticket-created.json'));
		await h.post(url, body);
		expect(h.executions).toHaveLength(1);
	});
});

describe('Fetch Full Record', () => {
	const ticketBody = () => {
		const body = load('ticket-created.json');
		const attributes = { ...(body.attributes as IDataObject), id: 4003, number: '30003' };
		return { ...body, link: 'https://demo-msp.syncromsp.com/tickets/4003', attributes };
	};

	it('re-reads the record through the API with the credential (Bearer), after answering Syncro', async () => {
		const { h, url } = await activated({ events: ['*'], fetchFullRecord: true }, true);
		sim.setLatency(600);
		const answer = await h.post(url, ticketBody());
		const answeredAt = Date.now();
		expect(answer.status).toBe(200);
		expect(h.executions).toHaveLength(0);
		await waitFor(() => h.executions.length === 1);
		const [item] = h.lastItems();
		const stored = sim.db.table('tickets').get(4003)!;
		expect((item.record as IDataObject).id).toBe(4003);
		expect((item.record as IDataObject).subject).toBe(stored.subject);
		expect(item.fetchError).toBeUndefined();
		const calls = sim.requestsTo('GET', '/tickets/4003');
		expect(calls).toHaveLength(1);
		expect(calls[0].authorization).toBe(true);
		// Syncro had its answer before the re-read was answered (600 ms later): an order, not a time limit.
		expect(answeredAt).toBeLessThan(calls[0].endedAt);
	});

	it.each([
		['customer', 'customer-created.json', '/customers/2004', 'business_name'],
		['contact', 'contact-created.json', '/contacts/3001', 'name'],
		['RMM alert', 'rmm-alert-resolved.json', '/rmm_alerts/9021', 'computer_name'],
		['invoice', 'invoice-created.json', null, 'number'],
		['asset', 'asset-created.json', '/customer_assets/7001', 'name'],
	])('reads a %s', async (_name, file, fetchPath, field) => {
		const body = load(file);
		let expectedPath = fetchPath;
		if (fetchPath === null) {
			const invoice = sim.db.table('invoices').all()[0];
			expectedPath = `/invoices/${invoice.id}`;
		}
		const id = Number(expectedPath!.split('/').pop());
		const { h, url } = await activated({ events: ['*'], fetchFullRecord: true }, true);
		await h.post(url, { ...body, link: null, attributes: { ...(body.attributes as IDataObject), id } });
		await waitFor(() => h.executions.length === 1);
		const [item] = h.lastItems();
		expect(item.fetchError).toBeUndefined();
		expect((item.record as IDataObject).id).toBe(id);
		expect((item.record as IDataObject)[field]).toBeDefined();
		expect(sim.requestsTo('GET', expectedPath!)).toHaveLength(1);
		if (file.startsWith('rmm')) expect(typeof (item.record as IDataObject).resolved).toBe('boolean');
	});

	it('keeps the delivery and names the failure when the record cannot be read (404)', async () => {
		const { h, url } = await activated({ events: ['*'], fetchFullRecord: true }, true);
		const body = load('ticket-created.json');
		await h.post(url, { ...body, link: null, attributes: { ...(body.attributes as IDataObject), id: 99999 } });
		await waitFor(() => h.executions.length === 1);
		const [item] = h.lastItems();
		expect(item.fetchError).toMatchObject({ httpCode: '404', message: expect.stringMatching(/no such record/) });
		expect((item.record as IDataObject).id).toBe(99999);
		expect(sim.requestsTo('GET', '/tickets/99999')).toHaveLength(1);
	});
});

describe('node description', () => {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { SyncroTrigger } = require(path.resolve(__dirname, '../../dist/nodes/SyncroTrigger/SyncroTrigger.node.js'));
	const description = new SyncroTrigger().description as INodeTypeDescription;
	const shown = (events: string[]) =>
		description.properties
			.filter((p: INodeProperties) => p.type === 'notice' && NodeHelpers.displayParameter({ events }, p, null, description))
			.map((p: INodeProperties) => p.displayName);

	it('shows the setup steps and, for each chosen event, the Notification Set boxes to tick', () => {
		// The set-up text is one notice per paragraph (intro, steps 1-3, the rules after): 5 always shown.
		const setup = shown([]);
		expect(setup).toHaveLength(5);
		expect(setup[3]).toMatch(/^3\. In Syncro go to Admin > Notification Center/);
		expect(setup[3]).toMatch(/Notification Set/);
		const notices = shown(['ticket.created', 'rmm_alert.resolved']);
		expect(notices).toHaveLength(7);
		expect(notices.slice(0, 5)).toEqual(setup);
		expect(notices[5]).toMatch(/Ticket - created \(for anyone\)/);
		expect(notices[6]).toMatch(/RMM Alert - was auto-resolved/);
		expect(shown(['customer.updated'])[5]).toMatch(/no event for this/);
	});

	it('asks for a credential only when Fetch Full Record is on', () => {
		const [credential] = description.credentials!;
		expect(NodeHelpers.displayParameter({ fetchFullRecord: false }, credential, null, description)).toBe(false);
		expect(NodeHelpers.displayParameter({ fetchFullRecord: true }, credential, null, description)).toBe(true);
	});

	it('declares a POST webhook answered on receipt and a GET setup page on the same path', () => {
		expect(description.webhooks).toEqual([
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', responseData: '', path: 'syncro' },
			{ name: 'setup', httpMethod: 'GET', responseMode: 'onReceived', path: 'syncro' },
		]);
		expect(description.name).toBe('syncroTrigger');
		expect(description.group).toEqual(['trigger']);
	});
});

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
	const started = Date.now();
	while (!condition()) {
		if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
		await new Promise((r) => setTimeout(r, 20));
	}
}
