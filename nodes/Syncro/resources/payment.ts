import type { ResourceDef } from '../core/types';

export const payment: ResourceDef = {
	value: 'payment',
	name: 'Payment',
	description: 'Payment',
	operations: [],
};
