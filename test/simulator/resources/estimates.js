// @ts-check
'use strict';
/**
 * /estimates (quotes): list (50 per page, meta {total_pages, page}; filters mine, status approved|declined), get (with
 * the `number` fallback), create/update (422 as a bare {"field": ["can't be blank"]} object, as in the spec), delete,
 * print, email, line items ({estimate, line_item} on add) and convert_to_invoice ({invoice}).
 */
const { HttpError } = require('../server');
const { decimal, totals, presentLine, fromCatalogue, lineFields, truthy } = require('./line_items');
const { createInvoice, presentInvoice } = require('./invoices');
const { PRODUCTS } = require('./products');

const STATUSES = ['Fresh', 'Draft', 'Approved', 'Declined'];
const ESTIMATE_KEYS = ['number', 'name', 'date', 'customer_id', 'note', 'status', 'ticket_id', 'location_id'];

function pick(/** @type {any} */ body, /** @type {string[]} */ keys) {
	/** @type {Record<string, any>} */
	const out = {};
	for (const k of keys) if (body[k] !== undefined) out[k] = body[k];
	return out;
}

/** @param {import('../server').Router} router @param {any} h */
function register(router, h) {
	const estimates = () => h.db.table('estimates');
	const linesOf = (/** @type {any} */ est) => h.db.table('line_items').filter((/** @type {any} */ l) => l.estimate_id === est.id)
		.sort((/** @type {any} */ a, /** @type {any} */ b) => (a.position ?? 0) - (b.position ?? 0) || a.id - b.id);

	/** @param {any} est */
	function present(est, detail = false) {
		const lines = linesOf(est);
		const t = totals(lines);
		const customer = h.db.table('customers').get(est.customer_id);
		const user = h.db.table('users').get(est.user_id);
		const out = {
			id: est.id,
			customer_id: est.customer_id,
			customer_business_then_name: customer?.business_then_name ?? null,
			name: est.name ?? null,
			number: est.number,
			status: est.status,
			created_at: est.created_at,
			updated_at: est.updated_at,
			date: est.date,
			subtotal: decimal(t.subtotal),
			total: decimal(t.total),
			tax: decimal(t.tax),
			ticket_id: est.ticket_id ?? null,
			pdf_url: `https://demo-msp.syncromsp.com/estimates/${est.id}.pdf`,
			location_id: est.location_id ?? null,
			invoice_id: est.invoice_id ?? null,
			employee: user?.name ?? null,
			note: est.note ?? null,
			converted_at: est.converted_at ?? null,
			last_emailed: est.last_emailed ?? null,
		};
		return detail ? { ...out, line_items: lines.map(presentLine) } : out;
	}

	/** Rails' bare error object, e.g. {"customer_id": ["can't be blank"], "date": ["can't be blank"]}. */
	function validate(/** @type {any} */ b, /** @type {boolean} */ creating) {
		/** @type {Record<string, string[]>} */
		const errors = {};
		const blank = (/** @type {any} */ v) => v === undefined || v === null || v === '';
		if (creating ? blank(b.customer_id) : b.customer_id !== undefined && blank(b.customer_id)) errors.customer_id = ['can\'t be blank'];
		else if (b.customer_id !== undefined && !h.db.table('customers').get(b.customer_id)) errors.customer_id = ['must exist'];
		if (creating ? blank(b.date) : b.date !== undefined && blank(b.date)) errors.date = ['can\'t be blank'];
		if (b.status !== undefined && !STATUSES.includes(b.status)) errors.status = ['is not included in the list'];
		if (Object.keys(errors).length) throw new HttpError(422, errors);
	}

	const lineOf = (/** @type {any} */ est, /** @type {string} */ id) => {
		const line = h.db.table('line_items').get(id);
		if (!line || line.estimate_id !== est.id) throw h.errors.notFound();
		return line;
	};

	router.on('GET', '/estimates', (req) => {
		const q = req.query;
		let rows = estimates().all();
		if (truthy(q.mine)) rows = rows.filter((/** @type {any} */ e) => e.user_id === 11);
		if (q.status) rows = rows.filter((/** @type {any} */ e) => e.status.toLowerCase() === String(q.status).toLowerCase());
		rows.sort((/** @type {any} */ a, /** @type {any} */ b) => b.id - a.id);
		const envelope = h.pageOf(rows, q, { key: 'estimates', pageSize: h.pageSize('estimates', 50), meta: 'reduced' });
		envelope.estimates = envelope.estimates.map((/** @type {any} */ e) => present(e));
		return envelope;
	});

	router.on('GET', '/estimates/:id', (req) => {
		const byId = estimates().get(req.params.id);
		const est = byId ?? (req.query.number ? estimates().all().find((/** @type {any} */ e) => String(e.number) === String(req.query.number)) : undefined);
		if (!est) throw h.errors.notFound();
		return { estimate: present(est, true) };
	});

	router.on('POST', '/estimates', (req) => {
		const b = req.body;
		validate(b, true);
		const numbers = estimates().all().map((/** @type {any} */ e) => Number.parseInt(e.number, 10)).filter(Number.isFinite);
		const est = estimates().insert({
			status: 'Fresh', name: null, note: null, ticket_id: null, location_id: null, invoice_id: null, user_id: 11,
			...pick(b, ESTIMATE_KEYS), number: b.number ?? String(numbers.length ? Math.max(...numbers) + 1 : 1001),
		});
		// Syncro ignores `line_items` on create.
		return { estimate: present(est) };
	});

	router.on('PUT', '/estimates/:id', (req) => {
		const est = h.find('estimates', req.params.id);
		validate(req.body, false);
		return { estimate: present(estimates().update(est.id, pick(req.body, ESTIMATE_KEYS))) };
	});

	router.on('DELETE', '/estimates/:id', (req) => {
		const est = h.find('estimates', req.params.id);
		for (const line of linesOf(est)) h.db.table('line_items').remove(line.id);
		estimates().remove(est.id);
		return { message: `${est.id}: We deleted # ${est.number}` };
	});

	router.on('POST', '/estimates/:id/print', (req) => {
		const est = h.find('estimates', req.params.id);
		h.db.table('print_jobs').insert({ record_type: 'Estimate', record_id: est.id });
		return { message: 'We queued up a print job' };
	});

	router.on('POST', '/estimates/:id/email', (req) => {
		const est = h.find('estimates', req.params.id);
		const customer = h.db.table('customers').get(est.customer_id);
		if (!customer?.email || customer.no_email) throw h.errors.error(422, 'The customer has no email address to send the estimate to');
		h.db.table('sent_emails').insert({ record_type: 'Estimate', record_id: est.id, to: [customer.email], subject: `Estimate ${est.number} from Demo MSP` });
		estimates().update(est.id, { last_emailed: h.now() });
		return { message: `We emailed estimate ${est.number} to ${customer.email}` };
	});

	router.on('POST', '/estimates/:id/line_items', (req) => {
		const est = h.find('estimates', req.params.id);
		const { line, error } = fromCatalogue(h, lineFields(req.body));
		if (error) throw new HttpError(422, { errors: `validation error: ${error}` });
		const blank = ['item', 'name'].filter((k) => !line?.[k]).map((k) => `${k.charAt(0).toUpperCase()}${k.slice(1)} can't be blank`);
		if (blank.length) throw new HttpError(422, { errors: `validation error: ${blank.join(', ')}` });
		const row = h.db.table('line_items').insert({
			quantity: 1, price: 0, cost: 0, taxable: false, position: linesOf(est).length + 1, ...line, estimate_id: est.id, invoice_id: null,
		});
		const updated = estimates().update(est.id, {});
		return { estimate: { ...updated, ...present(updated) }, line_item: presentLine(row) };
	});

	router.on('PUT', '/estimates/:id/line_items/:line_item_id', (req) => {
		const est = h.find('estimates', req.params.id);
		const line = lineOf(est, req.params.line_item_id);
		const patch = lineFields(req.body);
		for (const key of ['item', 'name']) if (patch[key] === '' || patch[key] === null) throw new HttpError(422, { [key]: ['can\'t be blank'] });
		const updated = h.db.table('line_items').update(line.id, patch);
		estimates().update(est.id, {});
		return { line_item: presentLine(updated) };
	});

	router.on('DELETE', '/estimates/:id/line_items/:line_item_id', (req) => {
		const est = h.find('estimates', req.params.id);
		const line = lineOf(est, req.params.line_item_id);
		h.db.table('line_items').remove(line.id);
		return { estimate: present(estimates().update(est.id, {})) };
	});

	router.on('POST', '/estimates/:id/convert_to_invoice', (req) => {
		const est = h.find('estimates', req.params.id);
		if (est.invoice_id && h.db.table('invoices').get(est.invoice_id)) throw h.errors.error(422, `Estimate was already converted to invoice ${est.invoice_id}`);
		const lines = linesOf(est);
		const invalid = lines.find((/** @type {any} */ l) => !l.item || !l.name);
		if (invalid) throw h.errors.error(422, 'Validation failed: Item can\'t be blank, Name can\'t be blank');
		const invoice = createInvoice(h, {
			customer_id: est.customer_id, date: h.now(), ticket_id: est.ticket_id ?? null, location_id: est.location_id ?? null,
			note: est.note ?? null, estimate_id: est.id, user_id: 11,
		}, false);
		for (const l of lines) {
			h.db.table('line_items').insert({
				invoice_id: invoice.id, estimate_id: null, item: l.item, name: l.name, price: l.price, cost: l.cost, quantity: l.quantity,
				product_id: l.product_id ?? null, taxable: l.taxable, discount_percent: l.discount_percent ?? null, position: l.position, user_id: l.user_id ?? null,
			});
		}
		estimates().update(est.id, { invoice_id: invoice.id, converted_at: h.now(), status: 'Approved' });
		return { invoice: presentInvoice(h, invoice) };
	});
}

/** A dozen quotes: new workstations, Wi-Fi upgrades, UPS batteries, licences; approved, declined and fresh ones. */
function seed(/** @type {import('../store').Store} */ db) {
	const product = (/** @type {number} */ id) => PRODUCTS.find((p) => p[0] === id) ?? [];
	/** @type {Array<[string, Array<[number, number]>]>} */
	const quotes = [
		['Workstation refresh', [[9010, 3], [9014, 3], [9004, 4]]],
		['Office Wi-Fi upgrade', [[9011, 4], [9021, 8], [9002, 3]]],
		['UPS battery replacement', [[9012, 1], [9002, 1]]],
		['Microsoft 365 migration', [[9015, 12], [9004, 10]]],
		['Firewall renewal', [[9020, 1]]],
		['SSD upgrades', [[9013, 5], [9001, 2.5]]],
	];
	const statuses = ['Fresh', 'Approved', 'Declined', 'Fresh', 'Draft', 'Approved'];
	const base = Date.parse('2026-09-01T00:00:00Z');
	let lineId = 11001;
	for (let i = 0; i < 12; i++) {
		const [name, lines] = quotes[i % quotes.length];
		const date = new Date(base + i * 3 * 86_400_000).toISOString();
		const est = /** @type {any} */ (db.table('estimates').insert({
			id: 6001 + i, customer_id: 2001 + ((i * 3) % 10), name, number: String(1001 + i), status: statuses[i % statuses.length],
			date, ticket_id: null, location_id: null, invoice_id: null, note: 'Quote valid for 30 days.', user_id: [11, 12, 13][i % 3],
			created_at: date, updated_at: date,
		}));
		lines.forEach(([productId, quantity], position) => {
			const p = product(productId);
			db.table('line_items').insert({
				id: lineId++, estimate_id: est.id, invoice_id: null, item: p[1], name: p[2], price: p[4], cost: p[5], quantity,
				product_id: productId, taxable: p[8], position: position + 1, user_id: est.user_id, created_at: date, updated_at: date,
			});
		});
	}
}

module.exports = { register, seed };
