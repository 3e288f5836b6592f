import type { ResourceDef } from '../core/types';

export const cannedResponse: ResourceDef = {
	value: 'cannedResponse',
	name: 'Canned Response',
	description: 'Canned Response',
	operations: [],
};
