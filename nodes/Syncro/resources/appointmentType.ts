import { body, path, type ResourceDef } from '../core';

const appointmentTypeId = path.loaded('id', 'getAppointmentTypes', {
	param: 'appointmentTypeId',
	displayName: 'Appointment Type Name or ID',
	required: true,
});

const LOCATION_TYPE_NOTE =
	"Where appointments of this type take place, as Syncro's location type number (Syncro answers with its name, e.g. manual_entry)";

/** Optional fields of Create and Update. */
const typeFields = [
	body.text('email_instructions', { description: 'Instructions added to the appointment emails' }),
	body.string('location_hard_code', {
		displayName: 'Fixed Location',
		description: 'Location used for every appointment of this type',
	}),
];

export const appointmentType: ResourceDef = {
	value: 'appointmentType',
	name: 'Appointment Type',
	description:
		'Templates for appointments (on-site visit, phone call, remote session…); managing them needs Global Admin',
	wrapper: 'appointment_type',
	operations: [
		{
			operation: 'getAll',
			name: 'Get Many',
			action: 'Get many appointment types',
			description: 'List the appointment types of the account',
			method: 'GET',
			path: '/appointment_types',
			spec: 'GET /appointment_types',
			permission: 'Global Admin',
			list: { collectionKey: 'appointment_types', paginated: false },
			fields: [],
		},
		{
			operation: 'get',
			name: 'Get',
			action: 'Get an appointment type',
			description: 'Get one appointment type',
			method: 'GET',
			path: '/appointment_types/{id}',
			spec: 'GET /appointment_types/{id}',
			permission: 'Global Admin',
			fields: [appointmentTypeId],
		},
		{
			operation: 'create',
			name: 'Create',
			action: 'Create an appointment type',
			description: 'Create an appointment type; Syncro needs a name and a location type',
			method: 'POST',
			path: '/appointment_types',
			spec: 'POST /appointment_types',
			permission: 'Global Admin',
			fields: [
				body.string('name', { required: true }),
				body.integer('location_type', { required: true, minValue: 0, description: LOCATION_TYPE_NOTE }),
				...typeFields,
			],
		},
		{
			operation: 'update',
			name: 'Update',
			action: 'Update an appointment type',
			description: 'Rename an appointment type or change its location or email instructions',
			method: 'PUT',
			path: '/appointment_types/{id}',
			spec: 'PUT /appointment_types/{id}',
			permission: 'Global Admin',
			fields: [
				appointmentTypeId,
				body.string('name'),
				body.integer('location_type', { minValue: 0, description: LOCATION_TYPE_NOTE }),
				...typeFields,
			],
		},
		{
			operation: 'delete',
			name: 'Delete',
			action: 'Delete an appointment type',
			description: 'Delete an appointment type',
			method: 'DELETE',
			path: '/appointment_types/{id}',
			spec: 'DELETE /appointment_types/{id}',
			permission: 'Global Admin',
			fields: [appointmentTypeId],
		},
	],
};
