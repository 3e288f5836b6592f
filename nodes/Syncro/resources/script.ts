import type { ResourceDef } from '../core/types';

export const script: ResourceDef = {
	value: 'script',
	name: 'Script',
	description: 'Script',
	operations: [],
};
