import { body, query, type ResourceDef } from '../core';

export const timelog: ResourceDef = {
	value: 'timelog',
	name: 'Timelog',
	description: 'Employee clock-in and clock-out records (timesheets), not time on tickets',
	aliases: ['Timesheet', 'Clock In/Out'],
	operations: [
		{
			operation: 'getAll',
			name: 'Get Many',
			action: 'Get many timelogs',
			description:
				'List clock-in/clock-out records, optionally of one employee (all employees needs "Timelogs - Manage", else only the token user\'s)',
			method: 'GET',
			path: '/timelogs',
			spec: 'GET /timelogs',
			list: { collectionKey: 'timelogs', paginated: false },
			fields: [query.loaded('user_id', 'getUsers', { displayName: 'Employee Name or ID' })],
		},
		{
			operation: 'getLast',
			name: 'Get Last',
			action: 'Get the last timelog',
			description:
				'Get the latest clock-in/clock-out record of an employee (the token user by default); Out At is empty while clocked in',
			method: 'GET',
			path: '/timelogs/last',
			spec: 'GET /timelogs/last',
			fields: [query.loaded('user_id', 'getUsers', { displayName: 'Employee Name or ID' })],
		},
		{
			operation: 'update',
			name: 'Clock In or Out',
			action: 'Clock in or out',
			description:
				'Clock the token user in or out: while clocked in, the fields complete the open timelog (clock out); otherwise a new timelog starts (clock in)',
			method: 'PUT',
			path: '/timelogs',
			spec: 'PUT /timelogs',
			optionalGroup: 'options',
			fields: [
				body.dateTime('in_at', { displayName: 'In At', description: 'Clock-in time (default: now)' }),
				body.dateTime('out_at', { displayName: 'Out At', description: 'Clock-out time (default: now)' }),
				body.string('in_note'),
				body.string('out_note'),
				body.boolean('lunch', { description: 'Whether the period is a lunch break' }),
			],
		},
	],
};
