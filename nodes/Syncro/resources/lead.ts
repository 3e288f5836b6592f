import type { ResourceDef } from '../core/types';

export const lead: ResourceDef = {
	value: 'lead',
	name: 'Lead',
	description: 'Lead',
	operations: [],
};
