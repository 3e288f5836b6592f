import { body, query, recordId, type ResourceDef } from '../core';

const appointmentId = recordId('appointment', 'appointmentId', 'Appointment');

/** Fields shared by Create and Update. */
const appointmentFields = [
	body.dateTime('end_at', { description: 'When the appointment ends; Syncro needs an end time or a duration' }),
	body.string('appointment_duration', {
		placeholder: 'e.g. 1:30',
		description: 'Length of the appointment, used when no end time is given',
	}),
	body.boolean('all_day', { description: 'Whether the appointment lasts the whole day' }),
	body.text('description'),
	body.id('customer_id', 'customer', { displayName: 'Customer' }),
	body.id('ticket_id', 'ticket', {
		displayName: 'Ticket',
		description: 'Ticket the appointment is for (needed to bill it)',
	}),
	body.loaded('user_id', 'getUsers', {
		displayName: 'Owner Name or ID',
		description: 'Technician who owns the appointment',
	}),
	body.multiOptions('user_ids', [], {
		displayName: 'Attendee Names or IDs',
		loadOptions: 'getUsers',
		description: 'Technicians attending',
	}),
	body.string('location', { placeholder: 'e.g. In Shop' }),
	body.loaded('appointment_type_id', 'getAppointmentTypes', { displayName: 'Appointment Type Name or ID' }),
	body.boolean('email_customer', { description: 'Whether to email the appointment to the customer' }),
	body.boolean('do_not_email', { description: 'Whether to send no email at all about the appointment' }),
];

export const appointment: ResourceDef = {
	value: 'appointment',
	name: 'Appointment',
	description: 'Calendar appointments of technicians, optionally linked to a customer and a ticket',
	aliases: ['Calendar Event', 'Meeting'],
	wrapper: 'appointment',
	operations: [
		{
			operation: 'getAll',
			name: 'Get Many',
			action: 'Get many appointments',
			description: 'List appointments that start within a date range, optionally only those of the token user',
			method: 'GET',
			path: '/appointments',
			spec: 'GET /appointments',
			permission: 'Appointments - View All (see-own never restricted)',
			list: { collectionKey: 'appointments', itemKey: 'appointment' },
			fields: [
				query.dateTime('date_from', { description: 'Only appointments that start after this date' }),
				query.dateTime('date_to', { description: 'Only appointments that start before this date' }),
				query.boolean('mine', { description: 'Whether to return only the appointments of the token user' }),
			],
		},
		{
			operation: 'get',
			name: 'Get',
			action: 'Get an appointment',
			description: 'Get one appointment',
			method: 'GET',
			path: '/appointments/{id}',
			spec: 'GET /appointments/{id}',
			fields: [appointmentId],
		},
		{
			operation: 'create',
			name: 'Create',
			action: 'Create an appointment',
			description: 'Schedule an appointment; give an end time or a duration',
			method: 'POST',
			path: '/appointments',
			spec: 'POST /appointments',
			fields: [
				body.string('summary', { required: true, description: 'Title shown on the calendar' }),
				body.dateTime('start_at', { required: true }),
				...appointmentFields,
			],
		},
		{
			operation: 'update',
			name: 'Update',
			action: 'Update an appointment',
			description: 'Reschedule or change an appointment',
			method: 'PUT',
			path: '/appointments/{id}',
			spec: 'PUT /appointments/{id}',
			fields: [
				appointmentId,
				body.string('summary'),
				body.dateTime('start_at'),
				...appointmentFields.filter((f) => f.name !== 'do_not_email'),
			],
		},
		{
			operation: 'delete',
			name: 'Delete',
			action: 'Delete an appointment',
			description: 'Delete an appointment',
			method: 'DELETE',
			path: '/appointments/{id}',
			spec: 'DELETE /appointments/{id}',
			fields: [appointmentId],
		},
	],
};
