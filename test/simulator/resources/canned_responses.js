// @ts-check
'use strict';
/**
 * /canned_responses: ticket reply templates. List (whole, ?query=), POST (201), PATCH, DELETE (204), settings.
 * Validation errors come as {"errors": {"title": ["can't be blank"]}}.
 */
const { reply } = require('../server');

/** @param {import('../server').Router} router @param {any} h */
function register(router, h) {
	const responses = () => h.db.table('canned_responses');
	const categories = () => h.db.table('canned_response_categories');
	const present = (/** @type {any} */ r) => ({
		id: r.id, title: r.title, body: r.body, subject: r.subject ?? null, canned_response_category_id: r.canned_response_category_id ?? null,
		category_name: categories().get(r.canned_response_category_id)?.name ?? null, created_at: r.created_at, updated_at: r.updated_at,
	});

	function validate(/** @type {any} */ b, /** @type {boolean} */ creating) {
		/** @type {Record<string, string[]>} */
		const errors = {};
		for (const key of ['title', 'body']) {
			const blank = b[key] === undefined || b[key] === null || String(b[key]).trim() === '';
			if (creating ? blank : b[key] !== undefined && blank) errors[key] = ['can\'t be blank'];
		}
		if (b.canned_response_category_id !== undefined && b.canned_response_category_id !== null && !categories().get(b.canned_response_category_id)) {
			errors.canned_response_category = ['must exist'];
		}
		if (Object.keys(errors).length) throw h.errors.invalidObject(errors);
	}

	const pick = (/** @type {any} */ b) => Object.fromEntries(['title', 'body', 'subject', 'canned_response_category_id'].filter((k) => b[k] !== undefined).map((k) => [k, b[k]]));

	router.on('GET', '/canned_responses/settings', () => ({
		canned_response_categories: categories().all().map((/** @type {any} */ c) => ({ id: c.id, name: c.name })),
		subjects: [...new Set(responses().all().map((/** @type {any} */ r) => r.subject).filter(Boolean))],
		can_manage: true,
	}));

	router.on('GET', '/canned_responses', (req) => {
		let rows = responses().all();
		if (req.query.query) {
			const needle = String(req.query.query).toLowerCase();
			rows = rows.filter((/** @type {any} */ r) => `${r.title} ${r.subject ?? ''} ${r.body}`.toLowerCase().includes(needle));
		}
		return { canned_responses: rows.sort((/** @type {any} */ a, /** @type {any} */ b) => a.title.localeCompare(b.title)).map(present) };
	});

	router.on('POST', '/canned_responses', (req) => {
		validate(req.body, true);
		return reply.created({ canned_response: present(responses().insert(pick(req.body))) });
	});

	router.on('PATCH', '/canned_responses/:id', (req) => {
		const row = h.find('canned_responses', req.params.id);
		validate(req.body, false);
		return { canned_response: present(responses().update(row.id, pick(req.body))) };
	});

	router.on('DELETE', '/canned_responses/:id', (req) => {
		const row = h.find('canned_responses', req.params.id);
		responses().remove(row.id);
		return reply.noContent();
	});
}

function seed(/** @type {import('../store').Store} */ db) {
	const categories = [[1, 'General'], [2, 'Scheduling'], [3, 'Closing']];
	for (const [id, name] of categories) db.table('canned_response_categories').insert({ id, name });
	const rows = [
		['Received - looking into it', 'Ticket received', 'Thanks for reaching out. We received your request and a technician is looking into it now.', 1],
		['Need remote access', 'Remote session needed', 'To continue, we need to connect to your computer. Please keep it on and logged in; we will call before connecting.', 1],
		['Onsite visit scheduled', 'Onsite visit', 'We scheduled an onsite visit. The technician will call when on the way.', 2],
		['Waiting on customer', 'Waiting on your reply', 'We are waiting on your reply to continue. The ticket closes automatically in 3 business days without a reply.', 2],
		['Resolved - please confirm', 'Issue resolved', 'We believe the issue is resolved. Reply to this email if anything still does not work.', 3],
	];
	rows.forEach(([title, subject, body, category], i) => db.table('canned_responses').insert({ id: 301 + i, title, subject, body, canned_response_category_id: category }));
}

module.exports = { register, seed };
