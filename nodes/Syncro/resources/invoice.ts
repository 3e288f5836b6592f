import type { ResourceDef } from '../core/types';

export const invoice: ResourceDef = {
	value: 'invoice',
	name: 'Invoice',
	description: 'Invoice',
	operations: [],
};
