import type { ResourceDef } from '../core/types';

export const portalUser: ResourceDef = {
	value: 'portalUser',
	name: 'Portal User',
	description: 'Portal User',
	operations: [],
};
