import type { ResourceDef } from '../core/types';

export const timelog: ResourceDef = {
	value: 'timelog',
	name: 'Timelog',
	description: 'Timelog',
	operations: [],
};
