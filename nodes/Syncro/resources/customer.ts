import type { ResourceDef } from '../core/types';

export const customer: ResourceDef = {
	value: 'customer',
	name: 'Customer',
	description: 'Customer',
	operations: [],
};
