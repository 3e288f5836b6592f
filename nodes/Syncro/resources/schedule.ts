import type { ResourceDef } from '../core/types';

export const schedule: ResourceDef = {
	value: 'schedule',
	name: 'Recurring Invoice',
	description: 'Recurring Invoice',
	operations: [],
};
