import type { ResourceDef } from '../core/types';

export const asset: ResourceDef = {
	value: 'asset',
	name: 'Asset',
	description: 'Asset',
	operations: [],
};
