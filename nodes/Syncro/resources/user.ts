import type { IDataObject } from 'n8n-workflow';

import { body, path, type ResourceDef } from '../core';

const deviceUuid = path.string('id', {
	param: 'deviceUuid',
	displayName: 'Device UUID',
	required: true,
	segment: 'plain',
	description: 'UUID the mobile device registered with (as Syncro gives it, e.g. u12345)',
});

/** Syncro sends users as `[id, "Name"]` tuples: turn them into `{id, name}`. */
function usersFromTuples(records: IDataObject[]): IDataObject[] {
	return records.map((record) => {
		const value = record as unknown;
		if (Array.isArray(value)) return { id: value[0] as number, name: value[1] as string };
		return record;
	});
}

export const user: ResourceDef = {
	value: 'user',
	name: 'User',
	description:
		'Technicians (staff users) of the account, read-only, plus the Syncro mobile-app login helpers (user devices, one-time password)',
	aliases: ['Technician', 'Staff'],
	wrapper: 'user',
	operations: [
		{
			operation: 'getMe',
			name: 'Get Me',
			action: 'Get the current user',
			description: 'The user who owns the API token: name, email, admin flag, permissions and allowed locations',
			method: 'GET',
			path: '/me',
			spec: 'GET /me',
			unwrap: false,
			fields: [],
		},
		{
			operation: 'getAll',
			name: 'Get Many',
			action: 'Get many users',
			description: 'List the technicians of the account as ID and name',
			method: 'GET',
			path: '/users',
			spec: 'GET /users',
			list: { collectionKey: 'users', paginated: false },
			transform: usersFromTuples,
			fields: [],
		},
		{
			operation: 'get',
			name: 'Get',
			action: 'Get a user',
			description: 'Get one technician: name, email, group, admin flag and calendar color',
			method: 'GET',
			path: '/users/{id}',
			spec: 'GET /users/{id}',
			fields: [path.loaded('id', 'getUsers', { param: 'userId', displayName: 'User Name or ID', required: true })],
		},
		{
			operation: 'otpLogin',
			name: 'Log In With One-Time Password',
			action: 'Log in with a one-time password',
			description: 'Exchange a multi-factor one-time code for a session token (used by the Syncro mobile app)',
			method: 'POST',
			path: '/otp_login',
			spec: 'POST /otp_login',
			unwrap: false,
			fields: [body.string('code', { required: true, description: 'Current code of the authenticator app' })],
		},
		{
			operation: 'createDevice',
			name: 'Create Device',
			action: 'Register a user device',
			description:
				'Register a technician mobile device for push notifications (not a customer device: those are assets)',
			method: 'POST',
			path: '/user_devices',
			spec: 'POST /user_devices',
			unwrap: false,
			fields: [
				body.string('device_uuid', { displayName: 'Device UUID', required: true }),
				body.string('device_name'),
				body.string('registration_token_gcm', {
					displayName: 'Push Token',
					description: 'Firebase (GCM) registration token of the device',
				}),
				body.string('system_name', { description: 'Operating system, e.g. iOS' }),
				body.string('model'),
				body.string('screen_size'),
			],
		},
		{
			operation: 'getDevice',
			name: 'Get Device',
			action: 'Get a user device',
			description: 'Get a registered technician mobile device by its UUID',
			method: 'GET',
			path: '/user_devices/{id}',
			spec: 'GET /user_devices/{id}',
			unwrap: false,
			fields: [deviceUuid],
		},
		{
			operation: 'updateDevice',
			name: 'Update Device',
			action: 'Update a user device',
			description: 'Replace the push token of a registered technician mobile device',
			method: 'PUT',
			path: '/user_devices/{id}',
			spec: 'PUT /user_devices/{id}',
			unwrap: false,
			fields: [
				deviceUuid,
				body.string('registration_token_gcm', {
					displayName: 'Push Token',
					required: true,
					description: 'New Firebase (GCM) registration token',
				}),
			],
		},
	],
};
