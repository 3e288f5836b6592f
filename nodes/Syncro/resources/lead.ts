import { body, query, recordId, type ResourceDef } from '../core';

const leadId = recordId('lead', 'leadId', 'Lead');

/** Lead statuses (fixed in Syncro; "Opportunity" is how opportunities are tracked). */
const LEAD_STATUSES = [
	'New',
	'Lead',
	'First Contact',
	'Opportunity',
	'Prospect',
	'Waiting on Client',
	'In Negotiation',
	'Pending',
	'Won',
	'Lost',
];

/** Fields shared by Create and Update. */
const leadFields = [
	body.string('first_name'),
	body.string('last_name'),
	body.string('business_name'),
	body.string('email', { placeholder: 'name@email.com' }),
	body.string('phone'),
	body.string('mobile'),
	body.string('address'),
	body.string('city'),
	body.string('state'),
	body.string('zip', { displayName: 'ZIP' }),
	body.options('status', LEAD_STATUSES, {
		description: 'Pipeline stage; use Opportunity for a qualified sales opportunity',
	}),
	body.loaded('user_id', 'getUsers', {
		displayName: 'Owner Name or ID',
		description: 'Technician or salesperson the lead is assigned to',
	}),
	body.id('customer_id', 'customer', { displayName: 'Customer', description: 'Existing customer the lead belongs to' }),
	body.id('contact_id', 'contact', { displayName: 'Contact' }),
	body.dateTime('opportunity_start_date'),
	body.number('opportunity_amount_dollars', {
		displayName: 'Opportunity Amount',
		description: 'Expected value in the account currency',
	}),
	body.integer('likelihood', { minValue: 0, maxValue: 100, description: 'Chance of winning, in percent' }),
	body.text('hidden_notes', { description: 'Internal notes, not shown to the customer' }),
	body.customFields('properties', { displayName: 'Custom Fields', description: 'Lead custom fields by name' }),
	body.string('ticket_subject', { description: 'Subject of the ticket made when the lead is converted' }),
	body.text('ticket_description', { description: 'Description of that ticket; Syncro requires it for check-in leads' }),
	body.loaded('ticket_problem_type', 'getProblemTypes', { displayName: 'Ticket Issue Type Name or ID' }),
	body.loaded('ticket_type_id', 'getTicketTypes', { displayName: 'Ticket Type Name or ID' }),
	body.customFields('ticket_properties', {
		displayName: 'Ticket Custom Fields',
		description: 'Custom fields of that ticket by name',
	}),
	body.id('ticket_id', 'ticket', { displayName: 'Ticket', description: 'Ticket already linked to the lead' }),
	body.loaded('appointment_type_id', 'getAppointmentTypes', { displayName: 'Appointment Type Name or ID' }),
	body.dateTime('appointment_time'),
	body.integer('location_id', { displayName: 'Location ID' }),
	body.integer('mailbox_id', { displayName: 'Mailbox ID' }),
	body.boolean('from_check_in', {
		description: 'Whether the lead comes from the check-in kiosk (then a ticket description is required)',
	}),
	body.boolean('message_read', { description: 'Whether the lead message was read' }),
	body.boolean('converted', { description: 'Whether the lead was converted to a customer' }),
	body.boolean('disabled', {
		description: 'Whether the lead is archived; Syncro has no lead delete, so disable instead',
	}),
	body.integer('customer_purchase_id', { displayName: 'Customer Purchase ID' }),
	body.string('signature_name'),
	body.string('signature_data'),
	body.dateTime('signature_date'),
];

export const lead: ResourceDef = {
	value: 'lead',
	name: 'Lead',
	description:
		'Sales leads and opportunities (a lead with the status Opportunity); disable a lead instead of deleting it',
	aliases: ['Opportunity'],
	wrapper: 'lead',
	operations: [
		{
			operation: 'getAll',
			name: 'Get Many',
			action: 'Get many leads',
			description: 'List leads and opportunities, filtered by status, owner, mailbox, linked ticket or search text',
			method: 'GET',
			path: '/leads',
			spec: 'GET /leads',
			permission: 'Leads - List/Search',
			list: { collectionKey: 'leads' },
			fields: [
				query.multiOptions('statuses', LEAD_STATUSES, { description: 'Only leads in these statuses' }),
				query.string('status_list', {
					placeholder: 'e.g. New,Opportunity',
					description: 'Statuses as comma-separated text (alternative to Statuses)',
				}),
				query.multiOptions('users', [], {
					displayName: 'Owner Names or IDs',
					loadOptions: 'getUsers',
					description: 'Only leads assigned to these users',
				}),
				query.idList('mailbox_ids', {
					displayName: 'Mailbox IDs',
					description: 'Only leads that came in through these mailboxes (comma-separated IDs)',
				}),
				query.boolean('has_ticket', { description: 'Whether to return only leads linked to a ticket' }),
				query.string('query', {
					displayName: 'Search Text',
					description: 'Matches names, business name, email and phone',
				}),
			],
		},
		{
			operation: 'get',
			name: 'Get',
			action: 'Get a lead',
			description: 'Get one lead or opportunity',
			method: 'GET',
			path: '/leads/{id}',
			spec: 'GET /leads/{id}',
			permission: 'Leads - List/Search',
			fields: [leadId],
		},
		{
			operation: 'create',
			name: 'Create',
			action: 'Create a lead',
			description:
				'Create a lead; set the status to Opportunity with an amount and a likelihood to track a sales opportunity',
			method: 'POST',
			path: '/leads',
			spec: 'POST /leads',
			fields: leadFields,
		},
		{
			operation: 'update',
			name: 'Update',
			action: 'Update a lead',
			description: 'Change a lead: move it through the pipeline (status), reassign it, or disable it',
			method: 'PUT',
			path: '/leads/{id}',
			spec: 'PUT /leads/{id}',
			fields: [leadId, ...leadFields],
		},
	],
};
