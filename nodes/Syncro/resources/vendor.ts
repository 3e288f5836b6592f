import type { ResourceDef } from '../core/types';

export const vendor: ResourceDef = {
	value: 'vendor',
	name: 'Vendor',
	description: 'Vendor',
	operations: [],
};
