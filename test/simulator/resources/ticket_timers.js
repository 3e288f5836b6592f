// @ts-check
'use strict';
/**
 * /ticket_timers: every time entry of the account (the table 'timer_entries', shared with the ticket actions
 * timer_entry / charge_timer_entry in tickets.js). List: 25 per page, meta {total_pages, page}, filters created_at_gt/lt
 * and the newer ticket_id, user_id, status, customer_id, billing_status. PATCH ?billable=, and the newer live timers:
 * POST /ticket_timers (owned by the token user, running), /start, /pause, /stop (422 on an invalid state change).
 */
const { HttpError } = require('../server');
const { truthy } = require('./line_items');

const TOKEN_USER = 11;

/** @param {import('../server').Router} router @param {any} h */
function register(router, h) {
	const timers = () => h.db.table('timer_entries');

	/** Seconds worked, counting the running stretch of a running timer. */
	const seconds = (/** @type {any} */ t) => Number(t.active_duration ?? 0) + (t.status === 'running' && t.last_started_at ? Math.max(0, Math.round((Date.now() - Date.parse(t.last_started_at)) / 1000)) : 0);
	const status = (/** @type {any} */ t) => t.status ?? 'stopped';

	function billingStatus(/** @type {any} */ t) {
		if (t.billable === false) return 'non-billable';
		if (t.ticket_line_item_id) {
			const line = h.db.table('ticket_line_items').get(t.ticket_line_item_id);
			return line?.invoice_id ? 'invoiced' : 'billed';
		}
		return 'unbilled';
	}

	/** @param {any} t */
	function present(t) {
		const worked = seconds(t);
		return {
			id: t.id, ticket_id: t.ticket_id, user_id: t.user_id, start_time: t.start_time, end_time: t.end_time ?? null, recorded: Boolean(t.recorded),
			created_at: t.created_at, updated_at: t.updated_at, billable: t.billable !== false, notes: t.notes ?? null, toggl_id: t.toggl_id ?? null,
			product_id: t.product_id ?? null, comment_id: t.comment_id ?? null, ticket_line_item_id: t.ticket_line_item_id ?? null,
			active_duration: worked, billable_time: t.billable === false ? 0 : worked, billable_override: t.billable_override ?? null,
			status: status(t), billing_status: billingStatus(t),
		};
	}

	const find = (/** @type {string} */ id) => {
		const row = timers().get(id);
		if (!row) throw h.errors.notFoundMessage('Not found');
		return row;
	};
	const refuse = (/** @type {string} */ message) => new HttpError(422, { errors: [message] });

	router.on('GET', '/ticket_timers', (req) => {
		const q = req.query;
		let rows = timers().all();
		if (q.created_at_gt) rows = rows.filter((/** @type {any} */ t) => Date.parse(t.created_at) > Date.parse(q.created_at_gt));
		if (q.created_at_lt) rows = rows.filter((/** @type {any} */ t) => Date.parse(t.created_at) < Date.parse(q.created_at_lt));
		if (q.ticket_id !== undefined) rows = rows.filter((/** @type {any} */ t) => String(t.ticket_id) === String(q.ticket_id));
		if (q.user_id !== undefined) rows = rows.filter((/** @type {any} */ t) => String(t.user_id) === String(q.user_id));
		if (q.status) rows = rows.filter((/** @type {any} */ t) => status(t) === q.status);
		if (q.billing_status) rows = rows.filter((/** @type {any} */ t) => billingStatus(t) === q.billing_status);
		if (q.customer_id !== undefined) {
			rows = rows.filter((/** @type {any} */ t) => String(h.db.table('tickets').get(t.ticket_id)?.customer_id) === String(q.customer_id));
		}
		rows.sort((/** @type {any} */ a, /** @type {any} */ b) => b.id - a.id);
		const envelope = h.pageOf(rows, q, { key: 'ticket_timers', pageSize: h.pageSize('ticket_timers', 25), meta: 'reduced' });
		envelope.ticket_timers = envelope.ticket_timers.map(present);
		return envelope;
	});

	router.on('PATCH', '/ticket_timers/:id', (req) => {
		const t = find(req.params.id);
		const raw = req.query.billable ?? req.body.billable;
		if (!['true', 'false', true, false].includes(raw)) throw refuse('billable must be true or false');
		return { ticket_timer: present(timers().update(t.id, { billable: truthy(raw) })) };
	});

	router.on('POST', '/ticket_timers', (req) => {
		const b = req.body;
		if (b.ticket_id === undefined || b.ticket_id === null || b.ticket_id === '') throw h.errors.invalidObject({ ticket_id: ['can\'t be blank'] });
		if (!h.db.table('tickets').get(b.ticket_id)) throw h.errors.invalidObject({ ticket: ['must exist'] });
		const now = h.now();
		const settings = h.db.table('settings').get(1) ?? {};
		const timer = timers().insert({
			ticket_id: Number(b.ticket_id), user_id: TOKEN_USER, start_time: now, end_time: null, recorded: false, billable: b.billable === undefined ? true : truthy(b.billable),
			notes: b.notes ?? null, toggl_id: null, product_id: b.product_id ?? settings.default_labor_product_id ?? null, comment_id: b.comment_id ?? null,
			ticket_line_item_id: null, active_duration: 0, status: 'running', last_started_at: now,
		});
		return { ticket_timer: present(timer) };
	});

	router.on('POST', '/ticket_timers/:id/start', (req) => {
		const t = find(req.params.id);
		if (status(t) === 'running') throw refuse('Timer is already running');
		if (status(t) === 'stopped') throw refuse('A stopped timer cannot be started again');
		return { ticket_timer: present(timers().update(t.id, { status: 'running', last_started_at: h.now() })) };
	});

	router.on('POST', '/ticket_timers/:id/pause', (req) => {
		const t = find(req.params.id);
		if (status(t) !== 'running') throw refuse(`Timer is ${status(t)}, only a running timer can be paused`);
		return { ticket_timer: present(timers().update(t.id, { status: 'paused', active_duration: seconds(t), last_started_at: null })) };
	});

	router.on('POST', '/ticket_timers/:id/stop', (req) => {
		const t = find(req.params.id);
		if (status(t) === 'stopped') throw refuse('Timer is already stopped');
		return { ticket_timer: present(timers().update(t.id, { status: 'stopped', active_duration: seconds(t), last_started_at: null, end_time: h.now(), recorded: true })) };
	});
}

/** Logged time on the demo tickets: unbilled, charged (billed), invoiced and non-billable entries, and one running timer. */
function seed(/** @type {import('../store').Store} */ db) {
	const base = Date.parse('2026-10-01T16:00:00Z');
	/** ticket, user, hours after base, minutes, notes, billing */
	const entries = [
		[4001, 11, 2, 45, 'Reset Outlook profile and re-added the mailbox', 'unbilled'],
		[4002, 12, 9, 30, 'Cleared print queue, updated printer driver', 'billed'],
		[4003, 13, 16, 90, 'Imaged new laptop, installed line-of-business apps', 'unbilled'],
		[4004, 11, 23, 60, 'Replaced VPN client, tested reconnects', 'invoiced'],
		[4005, 12, 30, 25, 'Cleared old shadow copies on the file server', 'non-billable'],
		[4006, 13, 37, 15, 'Reviewed the reported phishing email and blocked the sender', 'unbilled'],
		[4007, 11, 44, 50, 'Swapped UPS battery, ran self-test', 'billed'],
		[4008, 12, 51, 40, 'Moved AP channel, adjusted transmit power', 'unbilled'],
		[4010, 11, 65, 120, 'Migrated mailboxes to Microsoft 365', 'invoiced'],
		[4011, 13, 72, 35, 'Remote session: mapped drives and printers', 'unbilled'],
	];
	let lineId = 12501;
	entries.forEach(([ticketId, userId, hours, minutes, notes, billing], i) => {
		const start = new Date(base + Number(hours) * 3_600_000).toISOString();
		const end = new Date(base + Number(hours) * 3_600_000 + Number(minutes) * 60_000).toISOString();
		let lineItemId = null;
		if (billing === 'billed' || billing === 'invoiced') {
			lineItemId = lineId++;
			db.table('ticket_line_items').insert({
				id: lineItemId, ticket_id: ticketId, user_id: userId, product_id: 9001, name: 'Labor - Remote Support', description: notes,
				quantity: Math.round((Number(minutes) / 60) * 100) / 100, price_cost: 0, price_retail: 125, taxable: false,
				invoice_id: billing === 'invoiced' ? 5001 + Number(ticketId) - 4001 : null, created_at: end, updated_at: end,
			});
		}
		db.table('timer_entries').insert({
			id: 12001 + i, ticket_id: ticketId, user_id: userId, start_time: start, end_time: end, recorded: true, billable: billing !== 'non-billable',
			notes, toggl_id: null, product_id: 9001, comment_id: null, ticket_line_item_id: lineItemId, active_duration: Number(minutes) * 60,
			status: 'stopped', created_at: end, updated_at: end,
		});
	});
	const now = new Date().toISOString();
	db.table('timer_entries').insert({
		id: 12050, ticket_id: 4002, user_id: 12, start_time: now, end_time: null, recorded: false, billable: true, notes: 'On a call with the customer',
		toggl_id: null, product_id: 9001, comment_id: null, ticket_line_item_id: null, active_duration: 0, status: 'running', last_started_at: now,
		created_at: now, updated_at: now,
	});
}

module.exports = { register, seed };
