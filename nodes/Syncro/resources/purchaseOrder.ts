import type { ResourceDef } from '../core/types';

export const purchaseOrder: ResourceDef = {
	value: 'purchaseOrder',
	name: 'Purchase Order',
	description: 'Purchase Order',
	operations: [],
};
