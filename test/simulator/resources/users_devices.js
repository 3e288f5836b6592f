// @ts-check
'use strict';
/**
 * Technician mobile-app endpoints: /user_devices (create; GET and PUT by device UUID; flat objects,
 * 422 {"message":"Missing params device_uuid"}) and /otp_login (a one-time code for a session token;
 * 401 {"login":false,…} on a wrong code). /me and /users live in core.js.
 */

const VALID_CODE = '246810';
const TOKEN_USER = 11;

/** @param {import('../server').Router} router @param {any} h */
function register(router, h) {
	const devices = () => h.db.table('user_devices');
	const byUuid = (/** @type {string} */ uuid) => {
		const row = devices().all().find((/** @type {any} */ d) => d.device_uuid === uuid);
		if (!row) throw h.errors.notFound();
		return row;
	};

	router.on('POST', '/user_devices', (req) => {
		const b = req.body;
		if (!b.device_uuid) return { __reply: true, status: 422, body: { message: 'Missing params device_uuid' } };
		const existing = devices().all().find((/** @type {any} */ d) => d.device_uuid === b.device_uuid);
		const fields = {
			user_id: TOKEN_USER, device_uuid: b.device_uuid, registration_token_gcm: b.registration_token_gcm ?? null, account_id: null, name: null,
			device_name: b.device_name ?? null, system_name: b.system_name ?? null, model: b.model ?? null, screen_size: b.screen_size ?? null, disabled: false,
		};
		return existing ? devices().update(existing.id, fields) : devices().insert(fields);
	});

	router.on('GET', '/user_devices/:id', (req) => byUuid(req.params.id));

	router.on('PUT', '/user_devices/:id', (req) => {
		const row = byUuid(req.params.id);
		if (req.body.registration_token_gcm === undefined) return { __reply: true, status: 422, body: { message: 'Missing params registration_token_gcm' } };
		return devices().update(row.id, { registration_token_gcm: req.body.registration_token_gcm });
	});

	let failures = 0;
	router.on('POST', '/otp_login', (req) => {
		if (String(req.body.code ?? '') !== VALID_CODE) {
			failures++;
			return { __reply: true, status: 401, body: { login: false, instructions: `Your multi-factor authentication attempt failed (${failures} so far).` } };
		}
		failures = 0;
		return {
			login: true,
			session_token: '1cbe0553-9fcd-4035-8e69-52792e16d489',
			token_expiration: new Date(Date.now() + 30 * 86_400_000).toISOString(),
			instructions: 'Save the session token somewhere safe and send that with the api_key for all future web requests. It goes in a header called Authorization2FAToken.',
		};
	});
}

/** One registered phone of the token user. */
function seed(/** @type {import('../store').Store} */ db) {
	db.table('user_devices').insert({
		id: 5, user_id: TOKEN_USER, registration_token_gcm: 'fcm-token-alex-iphone', device_uuid: 'A1B2C3D4-0000-4000-8000-000000000011', account_id: null,
		name: null, device_name: "Alex's iPhone", system_name: 'iOS', model: 'iPhone 15', screen_size: '393x852', disabled: false,
	});
}

module.exports = { register, seed, VALID_CODE };
