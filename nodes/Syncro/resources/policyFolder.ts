import type { ResourceDef } from '../core/types';

export const policyFolder: ResourceDef = {
	value: 'policyFolder',
	name: 'Policy Folder',
	description: 'Policy Folder',
	operations: [],
};
