/**
 * The events the Syncro Trigger tells apart, and which Notification Center events deliver them.
 *
 * Syncro sends no event type: a delivery is `{text, html, link, attributes}` and the first line of `text`
 * names the event (see classify.ts). The Notification Center names below come from Syncro's notification
 * events reference and from public code that consumes these webhooks.
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/** Record types a delivery can be about, in Syncro's words. */
export type SyncroResource =
	| 'ticket'
	| 'customer'
	| 'contact'
	| 'invoice'
	| 'payment'
	| 'estimate'
	| 'rmm_alert'
	| 'appointment'
	| 'asset'
	| 'lead';

export const ANY_EVENT = '*';
export const OTHER_EVENT = 'other';

interface EventSpec {
	/** Canonical name, e.g. `ticket.created`: the `event` field of the output item. */
	value: string;
	name: string;
	/**
	 * The label n8n's node creator shows for this event. Without it n8n writes `On ${noCase(name)}`
	 * ("On rmm alert created"); with it, Syncro's words with their capitals ("On RMM alert created").
	 */
	action: string;
	description: string;
	resource?: SyncroResource;
	/** Notification Set entries to tick (Syncro UI wording), empty when Syncro has none. */
	tick: string[];
}

export const EVENTS: EventSpec[] = [
	{
		value: 'ticket.created',
		name: 'Ticket Created',
		action: 'On ticket created',
		resource: 'ticket',
		description: 'A new ticket, from the app, email, the portal or the API',
		tick: ['Ticket - created (for anyone)', 'Ticket - created from email'],
	},
	{
		value: 'ticket.status_changed',
		name: 'Ticket Status Changed',
		action: 'On ticket status changed',
		resource: 'ticket',
		description: 'The status of a ticket changed; narrow it with "To Status"',
		tick: ['Ticket - Status was changed'],
	},
	{
		value: 'ticket.resolved',
		name: 'Ticket Resolved',
		action: 'On ticket resolved',
		resource: 'ticket',
		description: 'A ticket was resolved',
		tick: ['Ticket - was resolved'],
	},
	{
		value: 'ticket.comment_added',
		name: 'Ticket Comment Added',
		action: 'On ticket comment added',
		resource: 'ticket',
		description: 'A comment (hidden or public) was added to a ticket by a technician',
		tick: ['Ticket - A hidden comment was added to any Ticket (or "… to my Ticket")'],
	},
	{
		value: 'ticket.customer_replied',
		name: 'Ticket Customer Replied',
		action: 'On customer reply to a ticket',
		resource: 'ticket',
		description: 'The customer (or anyone) replied to a ticket',
		tick: ['Ticket - Someone replied to any Ticket (or "… to my Ticket")'],
	},
	{
		value: 'customer.created',
		name: 'Customer Created',
		action: 'On customer created',
		resource: 'customer',
		description: 'A new customer',
		tick: ['Customer - Was created'],
	},
	{
		value: 'customer.updated',
		name: 'Customer Updated',
		action: 'On customer updated',
		resource: 'customer',
		description: 'A customer was changed (Syncro lists no Notification Center event for this today)',
		tick: [],
	},
	{
		value: 'contact.created',
		name: 'Contact Created',
		action: 'On contact created',
		resource: 'contact',
		description: 'A new contact on a customer',
		tick: ['Contact - Was created'],
	},
	{
		value: 'contact.updated',
		name: 'Contact Updated',
		action: 'On contact updated',
		resource: 'contact',
		description: 'A contact was changed (Syncro lists no Notification Center event for this today)',
		tick: [],
	},
	{
		value: 'invoice.created',
		name: 'Invoice Created',
		action: 'On invoice created',
		resource: 'invoice',
		description: 'A new invoice, including invoices created by a recurring invoice',
		tick: ['Invoice - Created (5 minute delay)', 'A recurring Invoice was created'],
	},
	{
		value: 'payment.received',
		name: 'Payment Received',
		action: 'On payment received',
		resource: 'payment',
		description: 'A payment was made (in the app, the customer portal or from a Xero sync)',
		tick: ['A payment was made', 'A payment was made from the Customer Portal', 'A payment was made from a Xero Sync'],
	},
	{
		value: 'estimate.created',
		name: 'Estimate Created',
		action: 'On estimate created',
		resource: 'estimate',
		description:
			'A new estimate (Syncro lists no Notification Center event for this today: use the Syncro Polling Trigger)',
		tick: [],
	},
	{
		value: 'estimate.approved',
		name: 'Estimate Approved',
		action: 'On estimate approved',
		resource: 'estimate',
		description: 'An estimate was approved, in the app or in the customer portal',
		tick: ['Estimate - is approved/declined', 'Estimate - is approved/declined in portal'],
	},
	{
		value: 'estimate.declined',
		name: 'Estimate Declined',
		action: 'On estimate declined',
		resource: 'estimate',
		description: 'An estimate was declined (Syncro sends approvals and declines through the same event)',
		tick: ['Estimate - is approved/declined', 'Estimate - is approved/declined in portal'],
	},
	{
		value: 'rmm_alert.created',
		name: 'RMM Alert Created',
		action: 'On RMM alert created',
		resource: 'rmm_alert',
		description: 'An RMM alert was raised (agent offline, low disk space, a monitor, a script…)',
		tick: ['RMM Alert - was created'],
	},
	{
		value: 'rmm_alert.resolved',
		name: 'RMM Alert Resolved',
		action: 'On RMM alert resolved',
		resource: 'rmm_alert',
		description: 'An RMM alert was resolved (Syncro notifies auto-resolved alerts)',
		tick: ['RMM Alert - was auto-resolved'],
	},
	{
		value: 'appointment.created',
		name: 'Appointment Created',
		action: 'On appointment created',
		resource: 'appointment',
		description: 'A new appointment, including bookings made from the booking widget',
		tick: ['Appointment - Was created', 'Appointment Booking - Created from widgets'],
	},
	{
		value: 'asset.created',
		name: 'Asset Created',
		action: 'On asset created',
		resource: 'asset',
		description: 'A new asset (for example a device whose Syncro agent was just installed)',
		tick: ['RMM Asset - Created'],
	},
	{
		value: 'lead.created',
		name: 'Lead Created',
		action: 'On lead created',
		resource: 'lead',
		description: 'A new lead (opportunity)',
		tick: ['Lead - Created', 'Lead - Created via SMS'],
	},
	{
		value: OTHER_EVENT,
		name: 'Other (Unrecognised)',
		action: 'On any other Syncro event',
		description:
			'Any delivery that is none of the events above: SLA warnings, script failures, chats, emails sent… The "resource" field still names the record when it can be told',
		tick: ['any other event you want, e.g. "SLA - Breached on any Ticket", "Script - failed"'],
	},
];

export function eventOptions(): INodePropertyOptions[] {
	return [
		{
			name: 'Any Event',
			value: ANY_EVENT,
			action: 'On any Syncro event',
			description: 'Every delivery, whatever its event',
		},
		...EVENTS.map((e) => ({ name: e.name, value: e.value, action: e.action, description: e.description })),
	];
}

function escapeHtml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * One notice per event, shown when that event is selected: which Notification Set boxes to tick.
 * Plain text: n8n 2.x keeps only <a>, <ul> and <li> in a notice (its N8nNotice sanitiser), so a <b> would
 * show bold on 1.x only.
 */
export function tickNotices(): INodeProperties[] {
	const notices: INodeProperties[] = EVENTS.map((e) => ({
		displayName:
			e.tick.length > 0
				? `${escapeHtml(e.name)}: in the Notification Set, tick Webhook for ${e.tick.map((t) => `"${escapeHtml(t)}"`).join(', ')}`
				: `${escapeHtml(e.name)}: Syncro's Notification Center has no event for this today, so it only fires if Syncro sends one. For a dependable feed use the Syncro Polling Trigger node.`,
		name: `tick_${e.value.replace(/\W/g, '_')}`,
		type: 'notice',
		default: '',
		displayOptions: { show: { events: [e.value] } },
	}));
	notices.unshift({
		displayName:
			'Any Event: tick Webhook for every Notification Center event you want. Each delivery is classified (see the "event" field); unrecognised ones arrive as "other".',
		name: 'tick_any',
		type: 'notice',
		default: '',
		displayOptions: { show: { events: [ANY_EVENT] } },
	});
	return notices;
}
