import type { ResourceDef } from '../core/types';

export const appointment: ResourceDef = {
	value: 'appointment',
	name: 'Appointment',
	description: 'Appointment',
	operations: [],
};
