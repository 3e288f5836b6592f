// @ts-check
'use strict';
/**
 * /timelogs: employee clock-in/clock-out records (flat objects, no pagination). GET ?user_id=, GET /timelogs/last?user_id=
 * (the token user by default), PUT /timelogs clocks the token user out when a timelog is open, else in.
 */
const { truthy } = require('./line_items');

const TOKEN_USER = 11;
const KEYS = ['lunch', 'in_at', 'out_at', 'in_note', 'out_note'];

/** @param {import('../server').Router} router @param {any} h */
function register(router, h) {
	const timelogs = () => h.db.table('timelogs');
	const present = (/** @type {any} */ t) => ({
		id: t.id, in_at: t.in_at, out_at: t.out_at ?? null, account_id: 1, user_id: t.user_id, in_note: t.in_note ?? null, out_note: t.out_note ?? null,
		created_at: t.created_at, updated_at: t.updated_at, lunch: t.lunch ?? null, manually_updated: t.manually_updated ?? null,
	});
	const latest = (/** @type {number} */ userId) => timelogs().filter((/** @type {any} */ t) => t.user_id === userId)
		.sort((/** @type {any} */ a, /** @type {any} */ b) => Date.parse(b.in_at) - Date.parse(a.in_at) || b.id - a.id)[0];
	const userOf = (/** @type {any} */ q) => {
		if (q.user_id === undefined || q.user_id === '') return undefined;
		if (!h.db.table('users').get(q.user_id)) throw h.errors.notFoundMessage('User not found');
		return Number(q.user_id);
	};

	router.on('GET', '/timelogs', (req) => {
		const userId = userOf(req.query);
		const rows = timelogs().filter((/** @type {any} */ t) => userId === undefined || t.user_id === userId)
			.sort((/** @type {any} */ a, /** @type {any} */ b) => Date.parse(b.in_at) - Date.parse(a.in_at) || b.id - a.id);
		return { timelogs: rows.map(present) };
	});

	router.on('GET', '/timelogs/last', (req) => {
		const row = latest(userOf(req.query) ?? TOKEN_USER);
		if (!row) throw h.errors.notFoundMessage('No timelog found');
		return present(row);
	});

	router.on('PUT', '/timelogs', (req) => {
		const b = req.body;
		for (const key of ['in_at', 'out_at']) {
			if (b[key] !== undefined && Number.isNaN(Date.parse(b[key]))) throw h.errors.invalidObject({ [key]: ['is not a valid time'] });
		}
		const open = latest(TOKEN_USER);
		const values = Object.fromEntries(KEYS.filter((k) => b[k] !== undefined).map((k) => [k, k === 'lunch' ? truthy(b[k]) : b[k]]));
		if (open && !open.out_at) {
			const outAt = values.out_at ?? h.now();
			if (Date.parse(outAt) < Date.parse(values.in_at ?? open.in_at)) throw h.errors.invalidObject({ out_at: ['must be after the clock-in time'] });
			return present(timelogs().update(open.id, { ...values, out_at: outAt, manually_updated: values.out_at !== undefined || values.in_at !== undefined }));
		}
		return present(timelogs().insert({ user_id: TOKEN_USER, out_at: null, ...values, in_at: values.in_at ?? h.now(), manually_updated: values.in_at !== undefined }));
	});
}

/** A week of clock-ins for the three technicians; Sam (12) is clocked in right now, Alex (11) is clocked out. */
function seed(/** @type {import('../store').Store} */ db) {
	let id = 14001;
	const base = Date.parse('2026-10-05T15:00:00Z');
	for (let day = 0; day < 5; day++) {
		for (const [userId, offset, hours] of [[11, 0, 8.5], [12, 30, 8], [13, 60, 7.5]]) {
			const inAt = new Date(base + day * 86_400_000 + offset * 60_000).toISOString();
			const outAt = new Date(base + day * 86_400_000 + offset * 60_000 + hours * 3_600_000).toISOString();
			db.table('timelogs').insert({ id: id++, user_id: userId, in_at: inAt, out_at: outAt, in_note: null, out_note: day === 4 ? 'Done for the week' : null, lunch: false, created_at: inAt, updated_at: outAt });
		}
	}
	const now = new Date().toISOString();
	db.table('timelogs').insert({ id: id++, user_id: 12, in_at: now, out_at: null, in_note: 'Morning shift', out_note: null, lunch: false, created_at: now, updated_at: now });
}

module.exports = { register, seed };
