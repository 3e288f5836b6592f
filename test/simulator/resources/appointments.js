// @ts-check
'use strict';
/**
 * /appointments (list items wrapped as {"appointment":{…}}, no meta, 25 per page, date_from/date_to on the start
 * date, mine = the token user; GET answers the flat object; create 201 {"appointment":{…}}; 422 as
 * {"success":false,"error":"…","message":"…","params":{…}}) and /appointment_types (one unpaged list, flat GET,
 * create {"appointment_type":{…}} with a required location type, 422 {"record":{…},"errors":"…"}).
 */

const APPOINTMENT_FIELDS = ['summary', 'description', 'start_at', 'end_at', 'customer_id', 'ticket_id', 'user_id', 'user_ids', 'location',
	'appointment_type_id', 'appointment_duration', 'all_day', 'email_customer', 'do_not_email'];
/** [INF] Syncro answers location types by name; the numbering behind them is not documented. */
const LOCATION_TYPES = ['customer_address', 'manual_entry', 'hard_coded', 'phone_call', 'online_meeting'];
const TOKEN_USER = 11;

function pick(/** @type {any} */ body, /** @type {string[]} */ keys) {
	/** @type {Record<string, any>} */
	const out = {};
	for (const k of keys) if (body[k] !== undefined) out[k] = body[k];
	return out;
}

/** "1:30" or "90" (minutes) -> milliseconds. */
function durationMs(/** @type {any} */ text) {
	const m = /^(\d+):(\d{1,2})$/.exec(String(text).trim());
	if (m) return (Number(m[1]) * 60 + Number(m[2])) * 60_000;
	const minutes = Number(text);
	return Number.isFinite(minutes) && minutes > 0 ? minutes * 60_000 : NaN;
}

/** @param {any} h @param {any} a */
function present(h, a) {
	const c = a.customer_id ? h.db.table('customers').get(a.customer_id) : undefined;
	const ticket = a.ticket_id ? h.db.table('tickets').get(a.ticket_id) : undefined;
	const hours = (Date.parse(a.end_at) - Date.parse(a.start_at)) / 3_600_000;
	return {
		...a,
		duration: Number.isFinite(hours) ? Math.round(hours * 100) / 100 : null,
		start_at_label: a.start_at,
		customer: c ? { id: c.id, firstname: c.firstname, lastname: c.lastname, fullname: c.fullname, business_name: c.business_name, email: c.email, phone: c.phone, business_then_name: c.business_then_name } : null,
		ticket: ticket ? { id: ticket.id, number: ticket.number, subject: ticket.subject, status: ticket.status } : null,
	};
}

/** @param {import('../server').Router} router @param {any} h */
function register(router, h) {
	const { HttpError } = require('../server');
	const appointments = () => h.db.table('appointments');
	const types = () => h.db.table('appointment_types');

	const invalid = (/** @type {string[]} */ problems, /** @type {any} */ params) => {
		const text = problems.join(',');
		return new HttpError(422, { success: false, error: text, message: text, params });
	};

	/** Fills end_at from appointment_duration and checks the required fields. */
	const normalise = (/** @type {any} */ merged, /** @type {any} */ params) => {
		const problems = [];
		if (!merged.summary) problems.push("Summary can't be blank");
		if (!merged.start_at || Number.isNaN(Date.parse(merged.start_at))) problems.push("Start at can't be blank");
		if (!merged.end_at && merged.appointment_duration && !Number.isNaN(Date.parse(merged.start_at))) {
			const ms = durationMs(merged.appointment_duration);
			if (Number.isFinite(ms)) merged.end_at = new Date(Date.parse(merged.start_at) + ms).toISOString();
		}
		if (!merged.end_at && merged.all_day) merged.end_at = new Date(Date.parse(merged.start_at) + 86_400_000).toISOString();
		if (!merged.end_at) problems.push("End at can't be blank");
		if (merged.customer_id && !h.db.table('customers').get(merged.customer_id)) problems.push('Customer must exist');
		if (merged.appointment_type_id && !types().get(merged.appointment_type_id)) problems.push('Appointment type must exist');
		if (problems.length > 0) throw invalid(problems, params);
		return merged;
	};

	router.on('GET', '/appointments', (req) => {
		const q = req.query;
		let rows = appointments().all();
		const day = (/** @type {string} */ s) => String(s).slice(0, 10);
		if (q.date_from) rows = rows.filter((/** @type {any} */ a) => day(a.start_at) >= day(q.date_from));
		if (q.date_to) rows = rows.filter((/** @type {any} */ a) => day(a.start_at) <= day(q.date_to));
		if (q.mine === 'true') rows = rows.filter((/** @type {any} */ a) => a.user_id === TOKEN_USER || (a.user_ids ?? []).includes(TOKEN_USER));
		rows.sort((/** @type {any} */ a, /** @type {any} */ b) => Date.parse(a.start_at) - Date.parse(b.start_at) || a.id - b.id);
		const envelope = h.pageOf(rows, q, { key: 'appointments', pageSize: h.pageSize('appointments', 25), meta: 'none' });
		envelope.appointments = envelope.appointments.map((/** @type {any} */ a) => ({ appointment: present(h, a) }));
		return envelope;
	});

	router.on('GET', '/appointments/:id', (req) => present(h, h.find('appointments', req.params.id)));

	router.on('POST', '/appointments', (req) => {
		const data = normalise({ user_id: TOKEN_USER, user_ids: [], location: null, all_day: false, ...pick(req.body, APPOINTMENT_FIELDS) }, req.body);
		delete data.appointment_duration;
		return { __reply: true, status: 201, body: { appointment: present(h, appointments().insert(data)) } };
	});

	router.on('PUT', '/appointments/:id', (req) => {
		const row = h.find('appointments', req.params.id);
		const patch = pick(req.body, APPOINTMENT_FIELDS);
		if (patch.start_at && !patch.end_at && !patch.appointment_duration) {
			// Moving the start keeps the length.
			patch.end_at = new Date(Date.parse(patch.start_at) + (Date.parse(row.end_at) - Date.parse(row.start_at))).toISOString();
		}
		const merged = normalise({ ...row, ...patch, ...(patch.appointment_duration ? { end_at: undefined } : {}) }, req.body);
		delete merged.appointment_duration;
		return { appointment: present(h, appointments().update(row.id, merged)) };
	});

	router.on('DELETE', '/appointments/:id', (req) => {
		appointments().remove(h.find('appointments', req.params.id).id);
		return { __reply: true, status: 200, body: undefined };
	});

	// Appointment types
	const typeRecord = (/** @type {any} */ t) => ({ ...t, location_type: typeof t.location_type === 'number' ? LOCATION_TYPES[t.location_type] ?? String(t.location_type) : t.location_type });
	const typeProblems = (/** @type {any} */ merged) => {
		const problems = [];
		if (!merged.name || String(merged.name).trim() === '') problems.push("Name can't be blank");
		if (merged.location_type === undefined || merged.location_type === null || merged.location_type === '') problems.push("Location type can't be blank");
		else if (!Number.isInteger(Number(merged.location_type)) || LOCATION_TYPES[Number(merged.location_type)] === undefined) problems.push('Location type is not included in the list');
		return problems;
	};
	const typeRejection = (/** @type {any} */ record, /** @type {string[]} */ problems) => h.errors.invalidString(problems.join(','), {
		id: null, account_id: 1, name: '', email_instructions: null, location_type: null, location_hard_code: null, created_at: null, updated_at: null,
		buffer: null, appointment_reminders_schedule_id: null, ...record,
	});
	const TYPE_FIELDS = ['name', 'email_instructions', 'location_type', 'location_hard_code'];

	router.on('GET', '/appointment_types', () => ({ appointment_types: types().all().map(typeRecord) }));
	router.on('GET', '/appointment_types/:id', (req) => typeRecord(h.find('appointment_types', req.params.id)));
	router.on('POST', '/appointment_types', (req) => {
		const data = pick(req.body, TYPE_FIELDS);
		const problems = typeProblems(data);
		if (problems.length > 0) throw typeRejection(data, problems);
		const row = types().insert({ account_id: 1, email_instructions: null, location_hard_code: null, buffer: null, appointment_reminders_schedule_id: null, ...data, location_type: Number(data.location_type) });
		return { appointment_type: typeRecord(row) };
	});
	router.on('PUT', '/appointment_types/:id', (req) => {
		const row = h.find('appointment_types', req.params.id);
		const patch = pick(req.body, TYPE_FIELDS);
		const problems = typeProblems({ ...row, ...patch });
		if (problems.length > 0) throw typeRejection({ ...row, ...patch }, problems);
		if (patch.location_type !== undefined) patch.location_type = Number(patch.location_type);
		return { appointment_type: typeRecord(types().update(row.id, patch)) };
	});
	router.on('DELETE', '/appointment_types/:id', (req) => {
		types().remove(h.find('appointment_types', req.params.id).id);
		return { __reply: true, status: 200, body: undefined };
	});
}

/** Three appointment types and a week of appointments. */
function seed(/** @type {import('../store').Store} */ db) {
	const types = db.table('appointment_types');
	types.insert({ id: 51, account_id: 1, name: 'On-site Visit', email_instructions: 'Please make sure someone can let our technician in.', location_type: 0, location_hard_code: null, buffer: 15, appointment_reminders_schedule_id: null });
	types.insert({ id: 52, account_id: 1, name: 'Remote Session', email_instructions: 'We will call you and connect remotely.', location_type: 1, location_hard_code: null, buffer: null, appointment_reminders_schedule_id: null });
	types.insert({ id: 53, account_id: 1, name: 'Drop-off at Shop', email_instructions: null, location_type: 2, location_hard_code: '500 Shop Way, Portland OR', buffer: null, appointment_reminders_schedule_id: null });

	const appointments = db.table('appointments');
	const items = [
		['Quarterly network review', 2001, 4001, 11, 51, '2026-10-05T16:00:00.000Z', 90],
		['Replace UPS battery', 2002, 4007, 12, 51, '2026-10-06T17:00:00.000Z', 60],
		['New hire laptop handover', 2003, 4003, 13, 53, '2026-10-07T15:30:00.000Z', 45],
		['VPN troubleshooting call', 2004, 4004, 11, 52, '2026-10-08T18:00:00.000Z', 30],
		['Server disk expansion', 2005, 4005, 12, 51, '2026-10-09T14:00:00.000Z', 120],
		['Security awareness training', 2006, null, 11, 51, '2026-10-12T16:00:00.000Z', 60],
	];
	items.forEach(([summary, customer, ticket, user, type, start, minutes], i) => {
		appointments.insert({
			id: 8101 + i, summary, description: `Scheduled by ${user === 11 ? 'Alex Rivera' : 'dispatch'}`, customer_id: customer, ticket_id: ticket,
			user_id: user, user_ids: user === 11 ? [11] : [Number(user), 11].slice(0, i % 2 === 0 ? 1 : 2), appointment_type_id: type,
			location: type === 53 ? '500 Shop Way, Portland OR' : type === 52 ? 'Phone' : 'Customer site', start_at: start,
			end_at: new Date(Date.parse(String(start)) + Number(minutes) * 60_000).toISOString(), all_day: false, email_customer: true, do_not_email: false,
			appointment_location_type: null,
		});
	});
}

module.exports = { register, seed };
