import type { ResourceDef } from '../core/types';

export const estimate: ResourceDef = {
	value: 'estimate',
	name: 'Estimate',
	description: 'Estimate',
	operations: [],
};
