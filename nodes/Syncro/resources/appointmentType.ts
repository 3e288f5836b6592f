import type { ResourceDef } from '../core/types';

export const appointmentType: ResourceDef = {
	value: 'appointmentType',
	name: 'Appointment Type',
	description: 'Appointment Type',
	operations: [],
};
