// @ts-check
'use strict';
/**
 * /portal_users (Global Admin): full meta, 100 per page, filters customer_id and email, flat objects, no GET by ID,
 * DELETE answering the deleted object, 422 {"success":false,"message":[…],"params":{…}}, and create_invitation.
 * Passwords are never returned.
 */

function pick(/** @type {any} */ body, /** @type {string[]} */ keys) {
	/** @type {Record<string, any>} */
	const out = {};
	for (const k of keys) if (body[k] !== undefined) out[k] = body[k];
	return out;
}

const PUBLIC = (/** @type {any} */ p) => ({ id: p.id, email: p.email, account_id: 1, customer_id: p.customer_id, contact_id: p.contact_id, created_at: p.created_at, updated_at: p.updated_at, portal_group_id: p.portal_group_id });

/** @param {import('../server').Router} router @param {any} h */
function register(router, h) {
	const { HttpError } = require('../server');
	const users = () => h.db.table('portal_users');

	const validate = (/** @type {any} */ merged, /** @type {any} */ body, /** @type {number|undefined} */ selfId) => {
		const messages = [];
		if (!merged.email) messages.push("Email can't be blank");
		else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(String(merged.email))) messages.push('Email is not an email');
		else if (users().filter((/** @type {any} */ u) => u.id !== selfId && String(u.email).toLowerCase() === String(merged.email).toLowerCase()).length > 0) messages.push('Email has already been taken');
		if (body.password !== undefined && body.password !== body.password_confirmation) messages.push("Password confirmation doesn't match Password");
		if (merged.customer_id && !h.db.table('customers').get(merged.customer_id)) messages.push('Customer must exist');
		if (messages.length > 0) throw h.errors.invalidMessages(messages, body);
	};

	router.on('GET', '/portal_users', (req) => {
		const q = req.query;
		let rows = users().all();
		if (q.customer_id !== undefined) rows = rows.filter((/** @type {any} */ u) => String(u.customer_id) === String(q.customer_id));
		if (q.email !== undefined) rows = rows.filter((/** @type {any} */ u) => String(u.email).toLowerCase() === String(q.email).toLowerCase());
		rows.sort((/** @type {any} */ a, /** @type {any} */ b) => a.id - b.id);
		const envelope = h.pageOf(rows.map(PUBLIC), q, { key: 'portal_users', pageSize: h.pageSize('portal_users', 100), meta: 'full' });
		return envelope;
	});

	// Before /portal_users/:id (which has no GET anyway).
	router.on('POST', '/portal_users/create_invitation', (req) => {
		const user = users().get(req.body.id);
		if (!user) throw h.errors.notFound();
		if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(String(user.email ?? ''))) {
			throw new HttpError(422, { success: false, message: "Invalid email, correct the contact's email and try to resend." });
		}
		users().update(user.id, { invited_at: h.now() });
		return { success: true, message: "All set, we BCC'd you on that invitation." };
	});

	router.on('POST', '/portal_users', (req) => {
		const data = pick(req.body, ['customer_id', 'contact_id', 'email', 'portal_group_id']);
		validate(data, req.body, undefined);
		return PUBLIC(users().insert({ contact_id: null, portal_group_id: null, ...data, password_digest: req.body.password ? `sim$${String(req.body.password).length}` : null, invited_at: null }));
	});

	router.on('PUT', '/portal_users/:id', (req) => {
		const row = h.find('portal_users', req.params.id);
		const patch = pick(req.body, ['customer_id', 'contact_id', 'email', 'portal_group_id']);
		validate({ ...row, ...patch }, req.body, row.id);
		if (req.body.password !== undefined) patch.password_digest = `sim$${String(req.body.password).length}`;
		return PUBLIC(users().update(row.id, patch));
	});

	router.on('DELETE', '/portal_users/:id', (req) => {
		const row = h.find('portal_users', req.params.id);
		users().remove(row.id);
		return PUBLIC(row);
	});
}

/** Portal logins for the owners of three customers. */
function seed(/** @type {import('../store').Store} */ db) {
	const users = db.table('portal_users');
	for (let i = 0; i < 3; i++) {
		const contact = db.table('contacts').get(3001 + i * 10);
		if (!contact) continue;
		users.insert({ id: 6501 + i, email: contact.email, customer_id: contact.customer_id, contact_id: contact.id, portal_group_id: 4, password_digest: 'sim$12', invited_at: null });
	}
}

module.exports = { register, seed };
