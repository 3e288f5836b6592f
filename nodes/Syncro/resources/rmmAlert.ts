import type { ResourceDef } from '../core/types';

export const rmmAlert: ResourceDef = {
	value: 'rmmAlert',
	name: 'RMM Alert',
	description: 'RMM Alert',
	operations: [],
};
