// @ts-check
'use strict';
/** /me, /users, /settings (account settings used by the node's dropdowns). */

/** @param {import('../server').Router} router @param {any} h */
function register(router, h) {
	const settings = () => h.db.table('settings').get(1) ?? {};

	router.on('GET', '/me', () => {
		const tech = h.db.table('users').get(11) ?? { id: 11, name: 'Alex Rivera', email: 'alex@demo-msp.example' };
		return {
			user_token: 'simulated-user-token',
			user_email: tech.email,
			user_name: tech.name,
			user_id: tech.id,
			admin: true,
			can_use_app: true,
			two_factor_required: false,
			subdomain: 'demo-msp',
			default_location: null,
			enable_multi_locations: false,
			locations_allowed: [],
			permissions: {
				asset: { read: true, write: true, delete: true },
				customer: { read: true, write: true, delete: true },
				ticket: { read: true, write: true, delete: true },
				invoice: { read: true, write: true, delete: true },
				payment: { read: true, write: true, delete: true },
				worksheet: { add: true, manage: true, delete: true },
				script: { execute: true },
			},
		};
	});

	// Users come as [id, name] tuples, as Syncro sends them.
	router.on('GET', '/users', () => ({ users: h.db.table('users').all().map((/** @type {any} */ u) => [u.id, u.name]) }));
	router.on('GET', '/users/:id', (req) => ({ user: h.find('users', req.params.id) }));

	router.on('GET', '/settings', () => {
		const s = settings();
		return {
			customers: { required_fields: null, customer_fields: s.customer_fields ?? [], customer_field_answers: [] },
			assets: { asset_types: s.asset_types ?? [], asset_type_fields: s.asset_type_fields ?? [], asset_type_field_answers: [] },
			locale: { iso_code: 'en', currency_symbol: '$', date_format: 'mm-dd-yy', time_format: 'hh:mm tt', time_zone: 'America/Los_Angeles', time_offset: '-08:00' },
			ticket: {
				ticket_types: s.ticket_types ?? [],
				ticket_type_fields: s.ticket_type_fields ?? [],
				ticket_type_field_answers: [],
				problem_types: s.problem_types ?? [],
				priorities: s.priorities ?? [],
			},
			business_hours_enabled: true,
			business_hours: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'].map((day) => ({
				day, start: '08:00', end: '17:00', closed: day === 'Sunday' || day === 'Saturday',
			})),
			default_holiday_calendar: 'USA',
			msp_addon: true,
		};
	});
}

module.exports = { register };
