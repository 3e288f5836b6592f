// @ts-check
'use strict';
/**
 * /tickets/{ticket_id}/worksheet_results: checklists attached to tickets, created from the account's worksheet
 * templates (settings.worksheet_templates, ids 71 and 72). List: 25 per page, no meta.
 */
const { HttpError } = require('../server');

/** Fields of the demo templates (the template names live in the core settings). */
const TEMPLATE_FIELDS = {
	71: ['Hardware unboxed and inspected', 'Windows updates installed', 'Line-of-business apps installed', 'Backup agent installed', 'User signed in and verified'],
	72: ['Account disabled', 'Mailbox converted to shared', 'Licenses removed', 'Devices collected', 'Passwords rotated'],
};

const slug = (/** @type {string} */ text) => text.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');

/** @param {import('../server').Router} router @param {any} h */
function register(router, h) {
	const results = () => h.db.table('worksheet_results');
	const template = (/** @type {any} */ id) => (h.db.table('settings').get(1)?.worksheet_templates ?? []).find((/** @type {any} */ t) => String(t.id) === String(id));
	const present = (/** @type {any} */ w) => ({
		id: w.id, ticket_id: w.ticket_id, worksheet_template_id: w.worksheet_template_id, name: w.name, public: Boolean(w.public), complete: w.complete ?? null,
		required: Boolean(w.required), user_id: w.user_id ?? null, created_at: w.created_at, updated_at: w.updated_at, field_list: w.field_list,
	});
	const resultOf = (/** @type {any} */ ticket, /** @type {string} */ id) => {
		const row = results().get(id);
		if (!row || row.ticket_id !== ticket.id) throw h.errors.notFound();
		return row;
	};

	router.on('GET', '/tickets/:ticket_id/worksheet_results', (req) => {
		const ticket = h.find('tickets', req.params.ticket_id);
		const rows = results().filter((/** @type {any} */ w) => w.ticket_id === ticket.id).sort((/** @type {any} */ a, /** @type {any} */ b) => a.id - b.id);
		const envelope = h.pageOf(rows, req.query, { key: 'worksheet_results', pageSize: h.pageSize('worksheet_results', 25), meta: 'none' });
		envelope.worksheet_results = envelope.worksheet_results.map(present);
		return envelope;
	});

	router.on('GET', '/tickets/:ticket_id/worksheet_results/:id', (req) => {
		const ticket = h.find('tickets', req.params.ticket_id);
		return { worksheet_result: present(resultOf(ticket, req.params.id)) };
	});

	router.on('POST', '/tickets/:ticket_id/worksheet_results', (req) => {
		const ticket = h.find('tickets', req.params.ticket_id);
		const tpl = template(req.body.worksheet_template_id);
		if (!tpl) throw new HttpError(422, { errors: { worksheet_template: ['must exist'] } });
		const fields = TEMPLATE_FIELDS[/** @type {71|72} */ (tpl.id)] ?? [];
		const row = results().insert({
			ticket_id: ticket.id, worksheet_template_id: tpl.id, name: req.body.title || tpl.name, public: true, complete: null, required: false, user_id: null,
			field_list: fields.map((name, position) => ({ name, slug: slug(name), id: position + 1, position, value: null, history: [] })),
		});
		return { worksheet_result: present(row) };
	});

	router.on('PUT', '/tickets/:ticket_id/worksheet_results/:id', (req) => {
		const ticket = h.find('tickets', req.params.ticket_id);
		const row = resultOf(ticket, req.params.id);
		const b = req.body;
		/** @type {Record<string, any>} */
		const patch = {};
		if (b.title !== undefined) patch.name = b.title;
		for (const key of ['complete', 'public', 'required', 'user_id', 'worksheet_template_id']) if (b[key] !== undefined) patch[key] = b[key];
		if (b.answers && typeof b.answers === 'object') {
			const fieldList = row.field_list.map((/** @type {any} */ f) => ({ ...f, history: [...f.history] }));
			for (const [key, answer] of Object.entries(b.answers)) {
				const field = fieldList.find((/** @type {any} */ f) => f.slug === key || String(f.id) === key || f.name === key);
				if (!field) throw new HttpError(422, { errors: { answers: [`${key} is not a field of this worksheet`] } });
				const value = answer && typeof answer === 'object' ? answer.value : answer;
				field.history.push({ value: field.value, user: answer?.user ?? 'Alex Rivera', at: h.now() });
				field.value = value;
			}
			patch.field_list = fieldList;
		}
		return { worksheet_result: present(results().update(row.id, patch)) };
	});

	router.on('DELETE', '/tickets/:ticket_id/worksheet_results/:id', (req) => {
		const ticket = h.find('tickets', req.params.ticket_id);
		const row = resultOf(ticket, req.params.id);
		results().remove(row.id);
		return { message: 'Worksheet result deleted' };
	});
}

/** New-workstation checklists on two setup tickets, one of them complete. */
function seed(/** @type {import('../store').Store} */ db) {
	const fields = TEMPLATE_FIELDS[71];
	[[13001, 4003, true], [13002, 4011, false]].forEach(([id, ticketId, done]) => {
		db.table('worksheet_results').insert({
			id, ticket_id: ticketId, worksheet_template_id: 71, name: 'New Workstation Checklist', public: true, complete: done ? true : null, required: true, user_id: 13,
			field_list: fields.map((name, position) => ({ name, slug: slug(name), id: position + 1, position, value: done || position < 2 ? 'true' : null, history: [] })),
		});
	});
}

module.exports = { register, seed };
