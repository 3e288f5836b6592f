import type { ResourceDef } from '../core/types';

export const newTicketForm: ResourceDef = {
	value: 'newTicketForm',
	name: 'New Ticket Form',
	description: 'New Ticket Form',
	operations: [],
};
