import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { DEFAULT_MAX_REQUESTS, pollOnce, sample } from './poller';
import { findSource, sourceOptions } from './sources';
import { invalidValueError } from '../Syncro/transport';

export class SyncroPollingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Syncro Polling Trigger',
		name: 'syncroPollingTrigger',
		icon: { light: 'file:../../icons/syncro.svg', dark: 'file:../../icons/syncro.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description:
			'Starts the workflow when records are created or changed in Syncro (SyncroMSP), by asking the Syncro API at regular intervals',
		documentationUrl: 'https://github.com/n8n-nodes-syncro/n8n-nodes-syncro#the-syncro-polling-trigger',
		defaults: { name: 'Syncro Polling Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'syncroApi', required: true }],
		properties: [
			{
				displayName:
					'Asks Syncro for changes at the interval set below. The first activation starts from now: older records are not sent. ' +
					'Prefer the Syncro Trigger (webhooks) where Syncro can notify you; use this node when you cannot set up a Notification Set, ' +
					'or for changes Syncro never notifies about.',
				name: 'pollingNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				options: sourceOptions(),
				default: 'ticketUpdated',
				description: 'What to watch for',
			},
			{
				displayName: 'Alert Status',
				name: 'alertStatus',
				type: 'options',
				options: [
					{ name: 'Active', value: 'active', description: 'Alerts still open when the poll runs (the smaller list)' },
					{ name: 'All', value: 'all', description: 'Also alerts that were resolved before the poll saw them' },
				],
				default: 'active',
				description:
					'Which RMM alerts to list. An alert raised and auto-resolved between two polls is seen only with "All".',
				displayOptions: { show: { event: ['rmmAlertCreated'] } },
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				options: [
					{
						displayName: 'Max Requests per Poll',
						name: 'maxRequests',
						type: 'number',
						typeOptions: { minValue: 1, maxValue: 100 },
						default: DEFAULT_MAX_REQUESTS,
						description:
							'Upper bound of Syncro API requests one poll may make (Syncro allows 180 per minute per IP for everything you run). A longer scan continues at the next poll. Applies with the default of 10 even when this option is not added.',
					},
				],
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as string;
		const source = findSource(event);
		if (!source) throw invalidValueError(this.getNode(), `Unknown event "${event}"`);
		const options = this.getNodeParameter('options', {}) as { maxRequests?: number };
		const query =
			event === 'rmmAlertCreated' ? { status: this.getNodeParameter('alertStatus', 'active') as string } : {};

		const records =
			this.getMode() === 'manual'
				? await sample(this, source, query)
				: await pollOnce(this, source, { maxRequests: options.maxRequests ?? DEFAULT_MAX_REQUESTS, query });
		if (records.length === 0) return null;
		return [this.helpers.returnJsonArray(records)];
	}
}
