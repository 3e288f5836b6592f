import type { ResourceDef } from '../core/types';

export const product: ResourceDef = {
	value: 'product',
	name: 'Product',
	description: 'Product',
	operations: [],
};
