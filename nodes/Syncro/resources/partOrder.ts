import type { ResourceDef } from '../core/types';

export const partOrder: ResourceDef = {
	value: 'partOrder',
	name: 'Part Order',
	description: 'Part Order',
	operations: [],
};
