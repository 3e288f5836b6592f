import type { ResourceDef } from '../core/types';

export const wikiPage: ResourceDef = {
	value: 'wikiPage',
	name: 'Wiki Page',
	description: 'Wiki Page',
	operations: [],
};
