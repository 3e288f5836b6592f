// @ts-check
'use strict';
/**
 * /invoices: list (25 per page, meta {total_pages, page}), get by ID or number (a flat object, as in the spec),
 * create (with a ticket: the ticket's uninvoiced charges move onto the invoice and the ticket becomes "Invoiced"),
 * update, delete (200 even when refused), ticket, print, email, line items, and the newer publish / convert_to_draft
 * (404 when draft invoices are off, 422 for paid invoices). Lines live in 'line_items' (shared with estimates).
 */
const { HttpError } = require('../server');
const { decimal, totals, presentLine, fromCatalogue, lineFields, truthy } = require('./line_items');
const { recordPayment, paidCents } = require('./payments');
const { PRODUCTS } = require('./products');

const INVOICE_KEYS = ['customer_id', 'number', 'date', 'due_date', 'ticket_id', 'location_id', 'po_number', 'contact_id', 'note', 'hardwarecost'];

function pick(/** @type {any} */ body, /** @type {string[]} */ keys) {
	/** @type {Record<string, any>} */
	const out = {};
	for (const k of keys) if (body[k] !== undefined) out[k] = body[k];
	return out;
}

/** Next free invoice number (numbers are numeric strings in the demo account). @param {any} h */
function nextNumber(h) {
	const numbers = h.db.table('invoices').all().map((/** @type {any} */ i) => Number.parseInt(i.number, 10)).filter(Number.isFinite);
	return String(numbers.length ? Math.max(...numbers) + 1 : 1001);
}

/**
 * Inserts an invoice (validated by the caller); with a ticket, bills the ticket's uninvoiced charges unless told not to.
 * @param {any} h @param {Record<string, any>} fields
 */
function createInvoice(h, fields, billTicketCharges = true) {
	const invoice = h.db.table('invoices').insert({
		number: fields.number ?? nextNumber(h), date: fields.date ?? h.now(), due_date: fields.due_date ?? fields.date ?? h.now(),
		ticket_id: null, location_id: null, po_number: null, contact_id: null, note: null, hardwarecost: null, user_id: 11,
		verified_paid: false, tech_marked_paid: false, draft: false, schedule_id: null, estimate_id: null, ...fields,
	});
	if (invoice.ticket_id && billTicketCharges) billTicket(h, invoice);
	return invoice;
}

/** Moves a ticket's uninvoiced line items (charged time, parts) onto the invoice, as Syncro does when invoicing a ticket. */
function billTicket(/** @type {any} */ h, /** @type {any} */ invoice) {
	const ticket = h.db.table('tickets').get(invoice.ticket_id);
	if (!ticket) return;
	const charges = h.db.table('ticket_line_items').filter((/** @type {any} */ c) => c.ticket_id === ticket.id && !c.invoice_id);
	let position = h.db.table('line_items').filter((/** @type {any} */ l) => l.invoice_id === invoice.id).length;
	for (const charge of charges) {
		const line = h.db.table('line_items').insert({
			invoice_id: invoice.id, estimate_id: null, item: charge.name, name: charge.description, price: Number(charge.price_retail ?? 0),
			cost: Number(charge.price_cost ?? 0), quantity: Number(charge.quantity ?? 1), product_id: charge.product_id ?? null,
			taxable: Boolean(charge.taxable), user_id: charge.user_id ?? null, position: ++position, ticket_line_item_id: charge.id,
		});
		h.db.table('ticket_line_items').update(charge.id, { invoice_id: invoice.id, line_item_id: line.id });
	}
	h.db.table('tickets').update(ticket.id, { status: 'Invoiced' });
}

/** The invoice as Syncro sends it; `detail` adds customer, line_items and payments (GET by ID). @param {any} h @param {any} inv */
function presentInvoice(h, inv, detail = false) {
	const lines = h.db.table('line_items').filter((/** @type {any} */ l) => l.invoice_id === inv.id).sort((/** @type {any} */ a, /** @type {any} */ b) => (a.position ?? 0) - (b.position ?? 0) || a.id - b.id);
	const t = totals(lines);
	const paid = paidCents(h.db, inv.id) / 100;
	const balance = Math.max(0, Math.round((t.total - paid) * 100) / 100);
	const customer = h.db.table('customers').get(inv.customer_id);
	const out = {
		id: inv.id,
		customer_id: inv.customer_id,
		customer_business_then_name: customer?.business_then_name ?? null,
		number: inv.number,
		created_at: inv.created_at,
		updated_at: inv.updated_at,
		date: inv.date,
		due_date: inv.due_date,
		subtotal: decimal(t.subtotal),
		total: decimal(t.total),
		tax: decimal(t.tax),
		balance_due: decimal(balance),
		verified_paid: Boolean(inv.verified_paid),
		tech_marked_paid: Boolean(inv.tech_marked_paid),
		ticket_id: inv.ticket_id ?? null,
		pdf_url: `https://demo-msp.syncromsp.com/invoices/${inv.id}.pdf`,
		is_paid: isPaid(h, inv),
		draft: Boolean(inv.draft),
		location_id: inv.location_id ?? null,
		po_number: inv.po_number ?? null,
		contact_id: inv.contact_id ?? null,
		note: inv.note ?? null,
		hardwarecost: inv.hardwarecost === null || inv.hardwarecost === undefined ? null : decimal(inv.hardwarecost),
		user_id: inv.user_id ?? null,
		schedule_id: inv.schedule_id ?? null,
	};
	if (!detail) return out;
	const payments = h.db.table('payment_applications').filter((/** @type {any} */ a) => a.invoice_id === inv.id).map((/** @type {any} */ a) => {
		const payment = h.db.table('payments').get(a.payment_id);
		return { id: a.payment_id, payment_amount: a.amount_cents / 100, payment_method: payment?.payment_method ?? null, applied_at: payment?.applied_at ?? null };
	});
	return { ...out, date_received: payments.length ? payments[payments.length - 1].applied_at : null, customer: customer ? { ...customer } : null, line_items: lines.map(presentLine), payments };
}

/** Paid: marked paid, or lines whose total is covered by payments. */
function isPaid(/** @type {any} */ h, /** @type {any} */ inv) {
	if (inv.verified_paid || inv.tech_marked_paid) return true;
	const lines = h.db.table('line_items').filter((/** @type {any} */ l) => l.invoice_id === inv.id);
	if (lines.length === 0) return false;
	return paidCents(h.db, inv.id) >= Math.round(totals(lines).total * 100);
}

/** @param {import('../server').Router} router @param {any} h */
function register(router, h) {
	const invoices = () => h.db.table('invoices');
	const draftsEnabled = () => h.db.table('invoice_settings').get(1)?.draft_invoices_enabled !== false;

	/** By ID, then by invoice number (GET /invoices/{id} accepts either). */
	function findByIdOrNumber(/** @type {string} */ key) {
		const byId = /^\d+$/.test(key) ? invoices().get(key) : undefined;
		const row = byId ?? invoices().all().find((/** @type {any} */ i) => String(i.number) === key);
		if (!row) throw h.errors.notFound();
		return row;
	}

	function validateHeader(/** @type {any} */ b, /** @type {any} */ current) {
		if (b.customer_id !== undefined && !h.db.table('customers').get(b.customer_id)) throw h.errors.invalidMessages(['Customer must exist'], b);
		if (b.ticket_id !== undefined && b.ticket_id !== null && !h.db.table('tickets').get(b.ticket_id)) throw h.errors.invalidMessages(['Ticket must exist'], b);
		if (b.number !== undefined && invoices().all().some((/** @type {any} */ i) => String(i.number) === String(b.number) && i.id !== current?.id)) {
			throw h.errors.invalidMessages(['Number has already been taken'], b);
		}
		if (b.date !== undefined && Number.isNaN(Date.parse(b.date))) throw h.errors.invalidMessages(['Date is invalid'], b);
	}

	/** Paid invoices keep their lines: Syncro answers 200 with a failure. */
	function assertEditable(/** @type {any} */ inv) {
		if (isPaid(h, inv)) throw new HttpError(200, { success: false, message: 'Invoice is already paid' });
	}

	const lineOf = (/** @type {any} */ inv, /** @type {string} */ id) => {
		const line = h.db.table('line_items').get(id);
		if (!line || line.invoice_id !== inv.id) throw h.errors.notFound();
		return line;
	};

	router.on('GET', '/invoices', (req) => {
		const q = req.query;
		let rows = invoices().all();
		if (truthy(q.paid)) rows = rows.filter((/** @type {any} */ i) => isPaid(h, i));
		if (truthy(q.unpaid)) rows = rows.filter((/** @type {any} */ i) => !isPaid(h, i));
		if (q.ticket_id !== undefined) rows = rows.filter((/** @type {any} */ i) => String(i.ticket_id) === String(q.ticket_id));
		// Not in Syncro's API document; public clients and a live tenant's audit use it (README, "Parameters beyond Syncro's document").
		if (q.customer_id !== undefined) rows = rows.filter((/** @type {any} */ i) => String(i.customer_id) === String(q.customer_id));
		if (q.since_updated_at) rows = rows.filter((/** @type {any} */ i) => Date.parse(i.updated_at) >= Date.parse(q.since_updated_at));
		rows.sort((/** @type {any} */ a, /** @type {any} */ b) => b.id - a.id);
		const envelope = h.pageOf(rows, q, { key: 'invoices', pageSize: h.pageSize('invoices', 25), meta: 'reduced' });
		envelope.invoices = envelope.invoices.map((/** @type {any} */ i) => presentInvoice(h, i));
		return envelope;
	});

	router.on('GET', '/invoices/:id', (req) => presentInvoice(h, findByIdOrNumber(req.params.id), true));

	router.on('POST', '/invoices', (req) => {
		const b = req.body;
		h.require(b, ['customer_id', 'number', 'date'], 'messages');
		validateHeader(b, undefined);
		// Syncro ignores `line_items` on create: lines are added afterwards.
		const invoice = createInvoice(h, pick(b, INVOICE_KEYS));
		return { invoice: presentInvoice(h, invoice) };
	});

	router.on('PUT', '/invoices/:id', (req) => {
		const inv = h.find('invoices', req.params.id);
		validateHeader(req.body, inv);
		return { invoice: presentInvoice(h, invoices().update(inv.id, pick(req.body, INVOICE_KEYS))) };
	});

	router.on('DELETE', '/invoices/:id', (req) => {
		const inv = h.find('invoices', req.params.id);
		// "Returns 200 even if the delete fails."
		if (paidCents(h.db, inv.id) > 0 || isPaid(h, inv)) return { message: `Invoice ${inv.number} could not be deleted: it has payments applied` };
		for (const line of h.db.table('line_items').filter((/** @type {any} */ l) => l.invoice_id === inv.id)) h.db.table('line_items').remove(line.id);
		for (const charge of h.db.table('ticket_line_items').filter((/** @type {any} */ c) => c.invoice_id === inv.id)) {
			h.db.table('ticket_line_items').update(charge.id, { invoice_id: null, line_item_id: null });
		}
		invoices().remove(inv.id);
		return { message: `Invoice ${inv.number} was deleted` };
	});

	router.on('GET', '/invoices/:id/ticket', (req) => {
		const inv = h.find('invoices', req.params.id);
		const ticket = inv.ticket_id ? h.db.table('tickets').get(inv.ticket_id) : undefined;
		if (!ticket) throw h.errors.notFoundMessage('Invoice has no ticket');
		const customer = h.db.table('customers').get(ticket.customer_id);
		return { ticket: { ...ticket, customer_business_then_name: customer?.business_then_name ?? null } };
	});

	router.on('POST', '/invoices/:id/print', (req) => {
		const inv = h.find('invoices', req.params.id);
		h.db.table('print_jobs').insert({ record_type: 'Invoice', record_id: inv.id });
		return { message: 'Invoice print job queued' };
	});

	router.on('POST', '/invoices/:id/email', (req) => {
		const inv = h.find('invoices', req.params.id);
		const customer = h.db.table('customers').get(inv.customer_id);
		if (!customer?.email || customer.no_email) throw h.errors.error(422, 'The customer has no email address to send the invoice to');
		const to = [customer.email, ...String(customer.invoice_cc_emails ?? '').split(',').map((s) => s.trim()).filter(Boolean)];
		h.db.table('sent_emails').insert({ record_type: 'Invoice', record_id: inv.id, to, subject: `Invoice ${inv.number} from Demo MSP` });
		return { message: `Invoice ${inv.number} was emailed to ${to.join(', ')}` };
	});

	router.on('POST', '/invoices/:id/publish', (req) => {
		const inv = h.find('invoices', req.params.id);
		if (!draftsEnabled()) throw h.errors.notFoundMessage('Draft invoices are not enabled for this account');
		if (isPaid(h, inv)) throw h.errors.invalidObject({ base: ['Paid invoices cannot be published again'] });
		if (!inv.draft) throw h.errors.invalidObject({ base: ['Invoice is already published'] });
		return { invoice: presentInvoice(h, invoices().update(inv.id, { draft: false })) };
	});

	router.on('POST', '/invoices/:id/convert_to_draft', (req) => {
		const inv = h.find('invoices', req.params.id);
		if (!draftsEnabled()) throw h.errors.notFoundMessage('Draft invoices are not enabled for this account');
		if (isPaid(h, inv) || paidCents(h.db, inv.id) > 0) throw h.errors.invalidObject({ base: ['Invoices with payments cannot be converted to drafts'] });
		if (inv.draft) throw h.errors.invalidObject({ base: ['Invoice is already a draft'] });
		return { invoice: presentInvoice(h, invoices().update(inv.id, { draft: true })) };
	});

	router.on('POST', '/invoices/:id/line_items', (req) => {
		const inv = h.find('invoices', req.params.id);
		assertEditable(inv);
		const { line, error } = fromCatalogue(h, lineFields(req.body));
		if (error) throw h.errors.invalidString(`validation error: ${error}`, req.body);
		const blank = ['item', 'name'].filter((k) => !line?.[k]).map((k) => `${k.charAt(0).toUpperCase()}${k.slice(1)} can't be blank`);
		if (blank.length) throw h.errors.invalidString(`validation error: ${blank.join(', ')}`, req.body);
		const position = h.db.table('line_items').filter((/** @type {any} */ l) => l.invoice_id === inv.id).length + 1;
		const row = h.db.table('line_items').insert({ quantity: 1, price: 0, cost: 0, taxable: false, position, ...line, invoice_id: inv.id, estimate_id: null });
		invoices().update(inv.id, {});
		return { invoice: presentInvoice(h, inv), line_item: presentLine(row) };
	});

	router.on('PUT', '/invoices/:id/line_items/:line_item_id', (req) => {
		const inv = h.find('invoices', req.params.id);
		const line = lineOf(inv, req.params.line_item_id);
		assertEditable(inv);
		const updated = h.db.table('line_items').update(line.id, lineFields(req.body));
		invoices().update(inv.id, {});
		return { line_item: presentLine(updated) };
	});

	router.on('DELETE', '/invoices/:id/line_items/:line_item_id', (req) => {
		const inv = h.find('invoices', req.params.id);
		const line = lineOf(inv, req.params.line_item_id);
		assertEditable(inv);
		h.db.table('line_items').remove(line.id);
		if (line.ticket_line_item_id) h.db.table('ticket_line_items').update(line.ticket_line_item_id, { invoice_id: null, line_item_id: null });
		invoices().update(inv.id, {});
		return { message: 'Line item deleted' };
	});
}

/** 28 invoices over the demo customers: labor, hardware and licences; most older ones paid; one draft; two bill resolved tickets. */
function seed(/** @type {import('../store').Store} */ db) {
	db.table('invoice_settings').insert({ id: 1, draft_invoices_enabled: true });
	const product = (/** @type {number} */ id) => PRODUCTS.find((p) => p[0] === id) ?? [];
	const base = Date.parse('2026-08-03T00:00:00Z');
	let lineId = 10001;
	let paymentId = 7001;
	for (let i = 0; i < 28; i++) {
		// The core customers 2001-2010; ticket 4001+i belongs to the same customer as invoice i for i < 10.
		const customer = { id: 2001 + (i % 10) };
		const date = new Date(base + i * 2 * 86_400_000).toISOString();
		const due = new Date(base + (i * 2 + 30) * 86_400_000).toISOString();
		const resolvedTicket = i === 3 || i === 9 ? 4001 + i : null;
		const invoice = /** @type {any} */ (db.table('invoices').insert({
			id: 5001 + i, customer_id: customer.id, number: String(24001 + i), date, due_date: due, ticket_id: resolvedTicket,
			location_id: null, po_number: i % 7 === 0 ? `PO-${8800 + i}` : null, contact_id: null, note: null, hardwarecost: null, user_id: [11, 12, 13][i % 3],
			verified_paid: false, tech_marked_paid: false, draft: i === 26, schedule_id: i % 10 === 0 ? 8001 : null, estimate_id: null,
			created_at: date, updated_at: date,
		}));
		/** @type {Array<[number, number]>} */
		const lines = invoice.schedule_id ? [[9017, 8], [9015, 8]] : [[9001, 1 + (i % 4) * 0.5]];
		if (!invoice.schedule_id && i % 3 === 0) lines.push([9014, 1]);
		if (!invoice.schedule_id && i % 5 === 2) lines.push([9021, 4]);
		lines.forEach(([productId, quantity], position) => {
			const p = product(productId);
			db.table('line_items').insert({
				id: lineId++, invoice_id: invoice.id, estimate_id: null, item: p[1], name: p[2], price: p[4], cost: p[5], quantity,
				product_id: productId, taxable: p[8], position: position + 1, user_id: invoice.user_id, created_at: date, updated_at: date,
			});
		});
		if (i < 18 && i % 4 !== 3) {
			const total = Math.round(totals(db.table('line_items').filter((/** @type {any} */ l) => l.invoice_id === invoice.id)).total * 100);
			const paidAt = new Date(base + (i * 2 + 9) * 86_400_000).toISOString();
			recordPayment(db, {
				id: paymentId++, customer_id: customer.id, amount_cents: total, payment_method: ['Credit Card', 'Check', 'Cash'][i % 3],
				ref_num: i % 3 === 1 ? String(10300 + i) : null, applied_at: paidAt, created_at: paidAt, updated_at: paidAt, credit_cents: 0,
			}, [[invoice.id, total]]);
		}
	}
}

module.exports = { register, seed, createInvoice, presentInvoice, nextNumber };
