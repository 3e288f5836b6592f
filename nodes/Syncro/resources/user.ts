import type { ResourceDef } from '../core/types';

export const user: ResourceDef = {
	value: 'user',
	name: 'User',
	description: 'User',
	operations: [],
};
