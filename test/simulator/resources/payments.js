// @ts-check
'use strict';
/**
 * /payments and /payment_methods. A payment is applied to one invoice (invoice_id or invoice_number), spread over
 * several (`apply_payments: {"<invoice id>": cents}`), or kept as account credit; applications live in the table
 * 'payment_applications' and make invoices paid. List: 25 per page, meta {total_pages, page}. No update or delete.
 */
const { totals } = require('./line_items');

const METHODS = ['Credit Card', 'Cash', 'Check', 'Offline CC', 'Quick', 'Other'];

/** Total of an invoice in cents, from its lines. @param {import('../store').Store} db @param {number} invoiceId */
function invoiceTotalCents(db, invoiceId) {
	return Math.round(totals(db.table('line_items').filter((/** @type {any} */ l) => l.invoice_id === invoiceId)).total * 100);
}

/** Cents paid on an invoice. @param {import('../store').Store} db @param {number} invoiceId */
function paidCents(db, invoiceId) {
	return db.table('payment_applications').filter((/** @type {any} */ a) => a.invoice_id === invoiceId)
		.reduce((/** @type {number} */ sum, /** @type {any} */ a) => sum + a.amount_cents, 0);
}

/**
 * Records a payment and its applications (no validation: callers validate).
 * @param {import('../store').Store} db @param {Record<string, any>} fields @param {Array<[number, number]>} applications [invoice id, cents]
 */
function recordPayment(db, fields, applications) {
	const payment = db.table('payments').insert({ success: true, transaction_response: null, applied_at: fields.applied_at ?? new Date().toISOString(), ...fields });
	for (const [invoiceId, amount] of applications) {
		if (amount > 0) db.table('payment_applications').insert({ payment_id: payment.id, invoice_id: invoiceId, amount_cents: amount });
	}
	return payment;
}

/** @param {import('../server').Router} router @param {any} h */
function register(router, h) {
	const payments = () => h.db.table('payments');

	/** @param {any} p @param {boolean} withCustomer */
	function present(p, withCustomer) {
		const applications = h.db.table('payment_applications').filter((/** @type {any} */ a) => a.payment_id === p.id);
		const customer = h.db.table('customers').get(p.customer_id);
		return {
			id: p.id,
			created_at: p.created_at,
			updated_at: p.updated_at,
			success: true,
			payment_amount: p.amount_cents / 100,
			invoice_ids: applications.length ? applications.map((/** @type {any} */ a) => a.invoice_id) : [null],
			ref_num: p.ref_num ?? null,
			applied_at: p.applied_at,
			payment_method: p.payment_method ?? null,
			transaction_response: p.transaction_response ?? null,
			signature_date: p.signature_date ?? null,
			customer_id: p.customer_id,
			...(withCustomer && customer ? { customer: { ...customer } } : { tickets: [] }),
		};
	}

	router.on('GET', '/payment_methods', () => ({
		payment_methods: h.db.table('payment_methods').all().map((/** @type {any} */ m) => ({
			id: m.id, name: m.name, created_at: m.created_at, updated_at: m.updated_at, uses_card_processing: Boolean(m.uses_card_processing),
		})),
	}));

	router.on('GET', '/payments', (req) => {
		let rows = payments().all();
		if (req.query.query) {
			const needle = String(req.query.query).toLowerCase();
			rows = rows.filter((/** @type {any} */ p) => {
				const customer = h.db.table('customers').get(p.customer_id);
				return `${customer?.business_then_name ?? ''} ${customer?.fullname ?? ''} ${p.ref_num ?? ''} ${p.payment_method ?? ''}`.toLowerCase().includes(needle);
			});
		}
		rows.sort((/** @type {any} */ a, /** @type {any} */ b) => b.id - a.id);
		const envelope = h.pageOf(rows, req.query, { key: 'payments', pageSize: h.pageSize('payments', 25), meta: 'reduced' });
		envelope.payments = envelope.payments.map((/** @type {any} */ p) => present(p, true));
		return envelope;
	});

	router.on('GET', '/payments/:id', (req) => ({ payment: present(h.find('payments', req.params.id), true) }));

	router.on('POST', '/payments', (req) => {
		const b = req.body;
		const invoices = h.db.table('invoices');
		const amount = Number(b.amount_cents);
		if (!Number.isInteger(amount) || amount <= 0) throw h.errors.invalidMessages(['Amount cents must be greater than 0'], b);

		let method = null;
		if (b.payment_method !== undefined && b.payment_method !== '') {
			const match = h.db.table('payment_methods').all().find((/** @type {any} */ m) => m.name.toLowerCase() === String(b.payment_method).toLowerCase());
			if (!match) throw h.errors.invalidMessages([`Payment method ${b.payment_method} is not a payment method of this account`], b);
			method = match.name;
		}

		/** @type {Array<[any, number | undefined]>} invoice row, cents (undefined = as much as is due) */
		let targets = [];
		if (b.apply_payments && typeof b.apply_payments === 'object' && Object.keys(b.apply_payments).length) {
			targets = Object.entries(b.apply_payments).map(([id, cents]) => [invoices.get(id), Number(cents)]);
			if (targets.some(([inv]) => !inv)) throw h.errors.invalidMessages(['Apply payments names an invoice that does not exist'], b);
			const sum = targets.reduce((s, [, cents]) => s + Number(cents ?? 0), 0);
			if (sum > amount) throw h.errors.invalidMessages(['Applied amounts are more than the payment amount'], b);
		} else if (b.invoice_id !== undefined || b.invoice_number !== undefined) {
			const inv = b.invoice_id !== undefined
				? invoices.get(b.invoice_id)
				: invoices.all().find((/** @type {any} */ i) => String(i.number) === String(b.invoice_number));
			if (!inv) throw h.errors.invalidMessages(['Invoice not found'], b);
			targets = [[inv, undefined]];
		}

		const customerId = b.customer_id !== undefined ? Number(b.customer_id) : targets[0]?.[0]?.customer_id;
		if (customerId === undefined) throw h.errors.invalidMessages(['Customer can\'t be blank'], b);
		if (!h.db.table('customers').get(customerId)) throw h.errors.invalidMessages(['Customer must exist'], b);
		if (targets.some(([inv]) => inv.customer_id !== customerId)) throw h.errors.invalidMessages(['Invoice belongs to another customer'], b);

		let left = amount;
		/** @type {Array<[number, number]>} */
		const applications = [];
		for (const [inv, wanted] of targets) {
			const due = Math.max(0, invoiceTotalCents(h.db, inv.id) - paidCents(h.db, inv.id));
			const cents = Math.min(wanted ?? left, due, left);
			if (cents > 0) applications.push([inv.id, cents]);
			left -= cents;
		}
		const card = b.credit_card_number ? String(b.credit_card_number).replace(/\D/g, '') : '';
		const payment = recordPayment(h.db, {
			customer_id: customerId, amount_cents: amount, payment_method: method ?? (card ? 'Credit Card' : null), ref_num: b.ref_num ?? null,
			register_id: b.register_id ?? null, signature_name: b.signature_name ?? null, signature_date: b.signature_date ?? null,
			address_street: b.address_street ?? null, address_city: b.address_city ?? null, address_zip: b.address_zip ?? null,
			card_last_four: card ? card.slice(-4) : null, credit_cents: left,
		}, applications);
		for (const [invoiceId] of applications) invoices.update(invoiceId, {});
		return { payment: present(payment, false) };
	});
}

/** Payment methods of the tenant, and a couple of account-credit payments (invoice payments are seeded by invoices.js). */
function seed(/** @type {import('../store').Store} */ db) {
	METHODS.forEach((name, i) => db.table('payment_methods').insert({ id: i + 1, name, uses_card_processing: name === 'Credit Card' }));
	recordPayment(db, { id: 7901, customer_id: 2006, amount_cents: 50000, payment_method: 'Check', ref_num: '10452', applied_at: '2026-09-15T00:00:00.000Z', credit_cents: 50000 }, []);
	recordPayment(db, { id: 7902, customer_id: 2009, amount_cents: 12000, payment_method: 'Cash', ref_num: null, applied_at: '2026-10-02T00:00:00.000Z', credit_cents: 12000 }, []);
}

module.exports = { register, seed, recordPayment, paidCents, invoiceTotalCents };
