import { body, recordId, type ResourceDef } from '../core';

const formId = recordId(undefined, 'newTicketFormId', 'Ticket Form ID');

export const newTicketForm: ResourceDef = {
	value: 'newTicketForm',
	name: 'New Ticket Form',
	description: 'Ticket intake forms: read their fields, and submit one to create a ticket (and the customer when new)',
	aliases: ['Ticket Form', 'Intake Form'],
	wrapper: 'new_ticket_form',
	operations: [
		{
			operation: 'getAll',
			name: 'Get Many',
			action: 'Get many ticket forms',
			description: 'List the new ticket forms of the account with the fields each one shows or requires',
			method: 'GET',
			path: '/new_ticket_forms',
			spec: 'GET /new_ticket_forms',
			permission: 'Ticket Workflows - Manage',
			list: { collectionKey: 'new_ticket_forms', paginated: false },
			fields: [],
		},
		{
			operation: 'get',
			name: 'Get',
			action: 'Get a ticket form',
			description: 'Get one new ticket form: which customer and ticket fields it shows, requires or hides',
			method: 'GET',
			path: '/new_ticket_forms/{id}',
			spec: 'GET /new_ticket_forms/{id}',
			permission: 'Tickets - Create',
			fields: [formId],
		},
		{
			operation: 'processForm',
			name: 'Submit',
			action: 'Submit a ticket form',
			description:
				'Create a ticket through a form, as the intake page does: the customer is found by email or created, then the ticket (and an appointment when given). Returns the new ticket',
			method: 'POST',
			path: '/new_ticket_forms/{id}/process_form',
			spec: 'POST /new_ticket_forms/{id}/process_form',
			permission: 'Tickets - Create',
			unwrap: ['ticket'],
			fields: [
				formId,
				body.json('ticket_details', {
					required: true,
					description: 'Ticket fields: {"subject", "problem_type", "description", "do_not_email", "properties": {}}',
					placeholder: '{"subject": "Printer jam", "problem_type": "Hardware", "description": "Paper stuck in tray 2"}',
				}),
				body.json('customer_details', {
					description:
						'Customer fields: {"email", "firstname", "lastname", "business_name", "phone", "mobile", "address", "city", "state", "zip", "properties": {}}',
					placeholder: '{"email": "maria@example.com", "firstname": "Maria", "lastname": "Lopez"}',
				}),
				body.json('appointments', {
					displayName: 'Appointment',
					description: 'Optional appointment: {"summary", "description", "location", "user_id", "start_at", "end_at"}',
				}),
			],
		},
	],
};
