import type {
	IDataObject,
	IHookFunctions,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { classify, type Classification } from './classify';
import {
	DEFAULT_DUPLICATE_WINDOW_MINUTES,
	fingerprint,
	isDuplicate,
	readDelivery,
	seenInProcess,
	type SeenDeliveries,
} from './delivery';
import { ANY_EVENT, eventOptions, tickNotices } from './events';
import { fetchRecord } from './fetch';
import {
	deriveSecret,
	newKey,
	REVEAL_WINDOW_MS,
	SECRET_PARAM,
	secretIdOf,
	secretMatches,
	secretState,
	secretVersion,
	syncroUrl,
} from './secret';

/**
 * How to connect Syncro, one notice per paragraph so that each numbered step stands on its own line.
 * Plain text only: n8n 2.x keeps just <a>, <ul> and <li> in a notice (the N8nNotice sanitiser; 1.x keeps
 * sanitize-html's defaults), so <br>, <b> or <code> would make the steps run together on 2.x.
 */
const SETUP_STEPS: ReadonlyArray<{ name: string; text: string }> = [
	{ name: 'setupNotice', text: 'Syncro has no API to register webhooks, so connect it once by hand, in three steps:' },
	{ name: 'setupStep1', text: '1. Choose the events below, save, and activate (publish) the workflow.' },
	{
		name: 'setupStep2',
		text:
			'2. Within 15 minutes, open the Production URL shown above (the GET one) in your browser. ' +
			'It shows the URL to give Syncro, which ends in ?secret=…. It is shown once.',
	},
	{
		name: 'setupStep3',
		text:
			'3. In Syncro go to Admin > Notification Center, create or open a Notification Set, paste that URL as its webhook URL, ' +
			'tick Webhook for the events listed below, and save.',
	},
	{
		name: 'setupAfter',
		text:
			'Requests without the secret are refused (401). To see the URL again, deactivate and activate the workflow and reload the page ' +
			'within 15 minutes; the secret stays the same until you change "Secret Version". While building the workflow, the Test URL ' +
			'accepts deliveries without a secret, but only while n8n is listening for a test event.',
	},
];

interface Options {
	duplicateWindowMinutes?: number;
	includeRawBody?: boolean;
	secretVersion?: number;
	skipSecretCheck?: boolean;
}

interface ResponseLike {
	headersSent?: boolean;
	writeHead(status: number, headers: Record<string, string>): unknown;
	end(body?: string): unknown;
}

function respond(res: ResponseLike, status: number, body: IDataObject | string): void {
	if (res.headersSent) return;
	const text = typeof body === 'string';
	res.writeHead(status, {
		'Content-Type': text ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
		'Cache-Control': 'no-store',
		'X-Content-Type-Options': 'nosniff',
		'Referrer-Policy': 'no-referrer',
	});
	res.end(text ? body : JSON.stringify(body));
}

function isTest(ctx: IHookFunctions): boolean {
	return ctx.getMode() === 'manual' || ctx.getActivationMode() === 'manual';
}

/** The statuses of the "To Status" filter, lower-cased; empty = any status. */
function statusFilter(value: unknown): string[] {
	return String(value ?? '')
		.split(',')
		.map((s) => s.trim().toLowerCase())
		.filter((s) => s !== '');
}

function wanted(events: string[], c: Classification, toStatuses: string[]): boolean {
	if (events.includes(ANY_EVENT)) return true;
	if (!events.includes(c.event)) return false;
	if (c.event === 'ticket.status_changed' && toStatuses.length > 0) {
		const status = (c.toStatus ?? (typeof c.record.status === 'string' ? c.record.status : '')).trim().toLowerCase();
		return toStatuses.includes(status);
	}
	return true;
}

export class SyncroTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Syncro Trigger',
		name: 'syncroTrigger',
		icon: { light: 'file:../../icons/syncro.svg', dark: 'file:../../icons/syncro.dark.svg' },
		group: ['trigger'],
		// 1.1 behaves exactly as 1. It exists because n8n evaluates an expression for every delivery to a webhook
		// node of version 1 (`$parameter.options.binaryData`, parseRequestBody in webhook-helpers): on n8n 2.41's
		// isolated expression engine that was the largest cost of a delivery (bench section 9). New nodes get 1.1.
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{ ($parameter["events"] || []).join(", ") }}',
		// n8n's node creator folds this trigger into the Syncro node's entry and shows this description for the
		// whole entry (useActionsGeneration.ts, generateMergedNodesAndActions): it names both halves.
		description:
			'Tickets, customers, invoices, assets and RMM alerts in Syncro (SyncroMSP): every API action, and triggers on its webhooks',
		documentationUrl: 'https://github.com/n8n-nodes-syncro/n8n-nodes-syncro#the-syncro-trigger-webhooks',
		defaults: { name: 'Syncro Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'syncroApi',
				required: true,
				displayOptions: { show: { fetchFullRecord: [true] } },
			},
		],
		webhooks: [
			// responseData '' (not unset): n8n then answers an accepted delivery with the node's webhookResponse, where
			// unset would make it answer its default, the text "firstEntryJson" (webhook-helpers, onReceived).
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', responseData: '', path: 'syncro' },
			{ name: 'setup', httpMethod: 'GET', responseMode: 'onReceived', path: 'syncro' },
		],
		properties: [
			...SETUP_STEPS.map(
				({ name, text }): INodeProperties => ({ displayName: text, name, type: 'notice', default: '' }),
			),
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: [],
				options: eventOptions(),
				description:
					'Which deliveries start the workflow. Syncro sends no event type: each delivery is classified from its text and the shape of its record.',
			},
			{
				displayName: 'To Status',
				name: 'toStatus',
				type: 'string',
				default: '',
				placeholder: 'Resolved, Waiting on Customer',
				description:
					'For "Ticket Status Changed": only these new statuses (comma-separated, as named in Syncro, any case). Empty = every status.',
				displayOptions: { show: { events: ['ticket.status_changed'] } },
			},
			...tickNotices(),
			{
				displayName: 'Fetch Full Record',
				name: 'fetchFullRecord',
				type: 'boolean',
				default: false,
				description:
					'Whether to read the record again through the Syncro API (needs a Syncro credential). A delivery carries only part of the record; the API copy is complete and current, and proves the record exists.',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				options: [
					{
						displayName: 'Duplicate Window (Minutes)',
						name: 'duplicateWindowMinutes',
						type: 'number',
						typeOptions: { minValue: 0, maxValue: 1440 },
						default: DEFAULT_DUPLICATE_WINDOW_MINUTES,
						description:
							'A delivery identical to one received within this many minutes is acknowledged but starts no execution. 0 turns it off. Applies with the default of 10 even when this option is not added.',
					},
					{
						displayName: 'Include Raw Body',
						name: 'includeRawBody',
						type: 'boolean',
						default: false,
						description:
							'Whether to add the delivery exactly as Syncro sent it (text, html, link, attributes) under "body"',
					},
					{
						displayName: 'Secret Version',
						name: 'secretVersion',
						type: 'number',
						typeOptions: { minValue: 1 },
						default: 1,
						description:
							'Change this number to replace the URL secret (for example after the URL leaked). Then open the Production URL again to read the new URL, and update it in Syncro.',
					},
					{
						displayName: 'Skip Secret Check',
						name: 'skipSecretCheck',
						type: 'boolean',
						default: false,
						description:
							'Whether to accept deliveries without the URL secret. Anyone who learns the URL could then start the workflow: use only behind your own gateway that authenticates Syncro.',
					},
				],
			},
		],
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				if (isTest(this)) return true;
				const state = secretState(this.getWorkflowStaticData('node'));
				if (!state.key) return false;
				// (Re-)activating opens the 15-minute window in which the setup page shows the URL.
				const activation = this.getActivationMode();
				if (activation === 'activate' || activation === 'create') return false;
				const options = this.getNodeParameter('options', {}) as Options;
				const secret = deriveSecret(state.key, this.getNode(), secretVersion(options.secretVersion));
				return state.secretId === secretIdOf(secret);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				if (isTest(this)) return true;
				const state = secretState(this.getWorkflowStaticData('node'));
				if (!state.key) {
					state.key = newKey();
					state.keyCreatedAt = new Date().toISOString();
				}
				const options = this.getNodeParameter('options', {}) as Options;
				state.secretId = secretIdOf(deriveSecret(state.key, this.getNode(), secretVersion(options.secretVersion)));
				state.revealUntil = Date.now() + REVEAL_WINDOW_MS;
				state.revealedAt = null;
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				// Nothing to unregister in Syncro. The key is kept: n8n also calls this when an active workflow
				// is merely updated, and the URL pasted in Syncro must keep working after edits and re-activation.
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const res = this.getResponseObject() as unknown as ResponseLike;
		const manual = this.getMode() === 'manual';
		const staticData = this.getWorkflowStaticData('node');
		const state = secretState(staticData);
		const options = this.getNodeParameter('options', {}) as Options;
		const version = secretVersion(options.secretVersion);

		if (this.getWebhookName() === 'setup') {
			respond(res, ...setupPage(this, manual, state, version));
			return { noWebhookResponse: true };
		}

		if (!manual && options.skipSecretCheck !== true) {
			const query = this.getQueryData() as IDataObject;
			const expected = state.key ? deriveSecret(state.key, this.getNode(), version) : undefined;
			if (expected === undefined || !secretMatches(query[SECRET_PARAM], expected)) {
				respond(res, 401, {
					error: 'Unauthorized',
					message:
						'The secret in the URL is missing or wrong. Use the URL shown on the setup page after activating the workflow.',
				});
				return { noWebhookResponse: true };
			}
		}

		const delivery = readDelivery(this.getRequestObject() as never);
		if (!delivery.ok) {
			respond(res, delivery.status, { error: 'Bad Request', message: delivery.message });
			return { noWebhookResponse: true };
		}
		const body = delivery.body;
		const classified = classify(body);
		const events = this.getNodeParameter('events', []) as string[];
		const toStatuses = statusFilter(this.getNodeParameter('toStatus', ''));
		if (!wanted(events, classified, toStatuses)) {
			respond(res, 200, { received: true, ignored: 'event not selected in the trigger', event: classified.event });
			return { noWebhookResponse: true };
		}

		const now = Date.now();
		const windowMinutes = Number(options.duplicateWindowMinutes ?? DEFAULT_DUPLICATE_WINDOW_MINUTES);
		const print = fingerprint(body);
		const node = this.getNode();
		// Both memories record the delivery: the process one catches copies that arrive together, the static
		// data one catches later copies (and those handled by another n8n process).
		const inProcess = !manual && seenInProcess(`${this.getWorkflow().id ?? ''}:${node.id}`, print, windowMinutes, now);
		const inStaticData = !manual && isDuplicate(staticData as SeenDeliveries, print, windowMinutes, now);
		if (inProcess || inStaticData) {
			respond(res, 200, { received: true, ignored: 'duplicate delivery', event: classified.event });
			return { noWebhookResponse: true };
		}

		const accepted: IDataObject = { received: true, event: classified.event };
		const item: IDataObject = {
			event: classified.event,
			resource: classified.resource,
			id: classified.id,
			text: typeof body.text === 'string' ? body.text : null,
			link: typeof body.link === 'string' ? body.link : null,
			record: classified.record,
			receivedAt: new Date(now).toISOString(),
		};
		if (classified.toStatus !== undefined) item.toStatus = classified.toStatus;
		if (options.includeRawBody === true) item.body = body;
		if (this.getNodeParameter('fetchFullRecord', false) === true) {
			// Acknowledge before the API call: it may wait for the rate limit, and Syncro's timeout is undocumented.
			respond(res, 200, accepted);
			const fetched = await fetchRecord(this, classified.resource, classified.id);
			if (fetched.record) item.record = fetched.record;
			else item.fetchError = fetched.error ?? null;
			return { noWebhookResponse: true, workflowData: [this.helpers.returnJsonArray([item])] };
		}
		// n8n answers once it has created the execution (n8n 2.x; 1.x answers just before), as for its own Webhook
		// node: Syncro never hears "received" for a delivery n8n could not take, and a burst is paced by n8n's pace
		// instead of piling up executions that all wait at once (bench section 9).
		return { webhookResponse: accepted, workflowData: [this.helpers.returnJsonArray([item])] };
	}
}

/** Activation windows whose URL this process has shown (see setupPage). */
const shownInProcess = new Set<string>();

/** The answer to a GET on the trigger URL: the URL for Syncro, once, in the window after activation. */
function setupPage(
	ctx: IWebhookFunctions,
	manual: boolean,
	state: ReturnType<typeof secretState>,
	version: number,
): [number, string] {
	if (manual) {
		return [
			200,
			'This is the Test URL of the Syncro Trigger. The URL to paste into Syncro (with its secret) is shown on the ' +
				'Production URL: activate the workflow, then open the Production URL within 15 minutes.\n',
		];
	}
	if (!state.key) {
		return [
			409,
			'The Syncro Trigger has no secret yet: activate the workflow, then reload this page within 15 minutes.\n',
		];
	}
	const secret = deriveSecret(state.key, ctx.getNode(), version);
	const now = Date.now();
	// n8n saves static data only after the call ends, so a second visit right after the first may still read
	// `revealedAt` unset: this process also remembers which activation window it has shown.
	const shownKey = `${ctx.getWorkflow().id ?? ''}:${ctx.getNode().id}:${state.secretId ?? ''}:${String(state.revealUntil)}`;
	const open =
		typeof state.revealUntil === 'number' &&
		now <= state.revealUntil &&
		!state.revealedAt &&
		!shownInProcess.has(shownKey) &&
		state.secretId === secretIdOf(secret);
	if (!open) {
		return [
			403,
			'The URL for Syncro is not shown now. It is shown once, within 15 minutes of activating the workflow.\n' +
				'To see it again: deactivate and activate the workflow, then reload this page. The secret stays the same;\n' +
				'to replace it, change "Secret Version" in the Syncro Trigger options first.\n',
		];
	}
	state.revealedAt = now;
	if (shownInProcess.size >= 1000) shownInProcess.clear();
	shownInProcess.add(shownKey);
	const url = syncroUrl(ctx.getNodeWebhookUrl('default') ?? '', secret);
	return [
		200,
		'Syncro Trigger: the webhook URL to paste into Syncro (shown once)\n\n' +
			`${url}\n\n` +
			'In Syncro: Admin > Notification Center > Notification Sets > create or open a set > paste this URL as the\n' +
			'webhook URL > tick "Webhook" for the events chosen in the trigger > save.\n\n' +
			'Keep it private: anyone who has it can start this workflow. This page will not show it again until the\n' +
			'workflow is activated again.\n',
	];
}
