import type { ResourceDef } from '../core/types';

export const contact: ResourceDef = {
	value: 'contact',
	name: 'Contact',
	description: 'Contact',
	operations: [],
};
