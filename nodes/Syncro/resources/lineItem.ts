import type { ResourceDef } from '../core/types';

export const lineItem: ResourceDef = {
	value: 'lineItem',
	name: 'Line Item',
	description: 'Line Item',
	operations: [],
};
