import type { ResourceDef } from '../core/types';

export const contract: ResourceDef = {
	value: 'contract',
	name: 'Contract',
	description: 'Contract',
	operations: [],
};
