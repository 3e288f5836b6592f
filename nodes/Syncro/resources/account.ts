import type { ResourceDef } from '../core/types';

export const account: ResourceDef = {
	value: 'account',
	name: 'Account',
	description: 'Account',
	operations: [],
};
