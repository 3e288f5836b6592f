import { body, IN_LIVE_API_DOCUMENT, query, recordId, type ResourceDef } from '../core';

const ticketTimerId = recordId(undefined, 'ticketTimerId', 'Ticket Timer ID');

export const ticketTimer: ResourceDef = {
	value: 'ticketTimer',
	name: 'Ticket Timer',
	description:
		'Time logged on tickets across the account, and live timers of the token user (start, pause, stop). To log finished work on one ticket use Ticket > Add Time Entry.',
	aliases: ['Time Entry'],
	wrapper: 'ticket_timer',
	operations: [
		{
			operation: 'getAll',
			name: 'Get Many',
			action: 'Get many ticket timers',
			description:
				'List time logged on tickets, filtered by creation date, ticket, technician, customer, timer status or billing status',
			method: 'GET',
			path: '/ticket_timers',
			spec: 'GET /ticket_timers',
			permission: 'Ticket Timers - Overview',
			list: { collectionKey: 'ticket_timers' },
			fields: [
				query.dateTime('created_at_gt', { displayName: 'Created After' }),
				query.dateTime('created_at_lt', { displayName: 'Created Before' }),
				query.id('ticket_id', 'ticket', { displayName: 'Ticket', beyondSpec: IN_LIVE_API_DOCUMENT }),
				query.loaded('user_id', 'getUsers', { displayName: 'Technician Name or ID', beyondSpec: IN_LIVE_API_DOCUMENT }),
				query.id('customer_id', 'customer', { displayName: 'Customer', beyondSpec: IN_LIVE_API_DOCUMENT }),
				query.options(
					'status',
					[
						{ name: 'Running', value: 'running' },
						{ name: 'Paused', value: 'paused' },
						{ name: 'Stopped', value: 'stopped' },
					],
					{ description: 'State of the timer', beyondSpec: IN_LIVE_API_DOCUMENT },
				),
				query.options(
					'billing_status',
					[
						{ name: 'Non-Billable', value: 'non-billable' },
						{ name: 'Unbilled', value: 'unbilled', description: 'Billable time not yet charged to the ticket' },
						{ name: 'Billed', value: 'billed', description: 'Charged to the ticket as a line item' },
						{ name: 'Invoiced', value: 'invoiced', description: 'On an invoice' },
					],
					{ beyondSpec: IN_LIVE_API_DOCUMENT },
				),
			],
		},
		{
			operation: 'updateBillable',
			name: 'Set Billable',
			action: 'Set whether a ticket timer is billable',
			description: 'Mark logged time as billable or non-billable',
			method: 'PATCH',
			path: '/ticket_timers/{id}',
			spec: 'PATCH ticket_timers/{id}',
			permission: 'Ticket Timers - Edit',
			fields: [
				ticketTimerId,
				query.boolean('billable', { required: true, default: true, description: 'Whether the time is billable' }),
			],
		},
		{
			operation: 'create',
			name: 'Start New Timer',
			action: 'Start a timer on a ticket',
			description: 'Start a live timer on a ticket for the token user; pause or stop it later with its ID',
			method: 'POST',
			path: '/ticket_timers',
			isNew: true,
			fields: [
				body.id('ticket_id', 'ticket', { displayName: 'Ticket', required: true }),
				body.id('product_id', 'product', {
					displayName: 'Labor Product',
					description: 'Labor product that sets the rate; the account default when empty',
				}),
				body.text('notes', { description: 'What is being worked on' }),
				body.boolean('billable', { default: true, description: 'Whether the time is billable' }),
				body.integer('comment_id', { displayName: 'Comment ID', description: 'Ticket comment the time belongs to' }),
			],
		},
		{
			operation: 'resume',
			name: 'Resume',
			action: 'Resume a paused ticket timer',
			description: 'Start a paused timer again. Fails when the timer is not paused',
			method: 'POST',
			path: '/ticket_timers/{id}/start',
			isNew: true,
			fields: [ticketTimerId],
		},
		{
			operation: 'pause',
			name: 'Pause',
			action: 'Pause a ticket timer',
			description: 'Pause a running timer; the time so far is kept. Fails when the timer is not running',
			method: 'POST',
			path: '/ticket_timers/{id}/pause',
			isNew: true,
			fields: [ticketTimerId],
		},
		{
			operation: 'stop',
			name: 'Stop',
			action: 'Stop a ticket timer',
			description:
				'Stop a running or paused timer and record the time on the ticket; depending on the account settings Syncro may charge it right away',
			method: 'POST',
			path: '/ticket_timers/{id}/stop',
			isNew: true,
			fields: [ticketTimerId],
		},
	],
};
