import type { ResourceDef } from '../core/types';

export const ticketTimer: ResourceDef = {
	value: 'ticketTimer',
	name: 'Ticket Timer',
	description: 'Ticket Timer',
	operations: [],
};
