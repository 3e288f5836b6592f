// @ts-check
'use strict';
/**
 * GET /line_items (invoice and estimate lines across the account, Global Admin), plus the line-item helpers that
 * invoices.js and estimates.js share: both keep their lines in the table 'line_items' (invoice_id or estimate_id set).
 * Syncro sends money and quantities as decimal strings ("64.99", "1.0").
 */

/** Sales tax applied to taxable lines of the simulated tenant. */
const TAX_RATE = 0.08;

/** 64.99 -> "64.99", 125 -> "125.0" (Rails BigDecimal#to_s style). */
function decimal(/** @type {any} */ value) {
	const n = Number(value ?? 0);
	if (!Number.isFinite(n)) return '0.0';
	const fixed = (Math.round(n * 100) / 100).toFixed(2);
	return fixed.endsWith('0') ? fixed.slice(0, -1) : fixed;
}

const round2 = (/** @type {number} */ n) => Math.round(n * 100) / 100;

/** Amount of one line after its discounts. */
function lineAmount(/** @type {any} */ line) {
	const gross = Number(line.price ?? 0) * Number(line.quantity ?? 1);
	const percent = Number(line.discount_percent ?? line.line_discount_percent ?? 0) || 0;
	const dollars = Number(line.discount_dollars ?? 0) || 0;
	return round2(gross * (1 - percent / 100) - dollars);
}

/** subtotal, tax and total (numbers) of a set of lines. */
function totals(/** @type {any[]} */ lines) {
	let subtotal = 0;
	let tax = 0;
	for (const line of lines) {
		const amount = lineAmount(line);
		subtotal += amount;
		if (line.taxable) tax += amount * TAX_RATE;
	}
	subtotal = round2(subtotal);
	tax = round2(tax);
	return { subtotal, tax, total: round2(subtotal + tax) };
}

/** A line as Syncro sends it. */
function presentLine(/** @type {any} */ line) {
	return {
		id: line.id,
		created_at: line.created_at,
		updated_at: line.updated_at,
		invoice_id: line.invoice_id ?? null,
		estimate_id: line.estimate_id ?? null,
		item: line.item ?? null,
		name: line.name ?? null,
		cost: decimal(line.cost),
		price: decimal(line.price),
		quantity: decimal(line.quantity ?? 1),
		product_id: line.product_id ?? null,
		taxable: Boolean(line.taxable),
		discount_percent: line.discount_percent ?? null,
		position: line.position ?? null,
		invoice_bundle_id: line.invoice_bundle_id ?? null,
		discount_dollars: line.discount_dollars === undefined || line.discount_dollars === null ? null : decimal(line.discount_dollars),
		user_id: line.user_id ?? null,
		tax_note: line.tax_note ?? null,
		upc_code: line.upc_code ?? null,
		product_category: line.product_category ?? null,
	};
}

/**
 * Fills a new line from the catalogue the way Syncro does when `product_id` (or `upc_code`) is given:
 * item = product name, name = description, price/cost from the product, unless given.
 * @param {any} h @param {Record<string, any>} fields
 */
function fromCatalogue(h, fields) {
	const products = h.db.table('products');
	let product = fields.product_id !== undefined && fields.product_id !== null ? products.get(fields.product_id) : undefined;
	if (!product && fields.upc_code) product = products.all().find((/** @type {any} */ p) => p.upc_code === fields.upc_code);
	if ((fields.product_id !== undefined && fields.product_id !== null) && !product) return { error: 'Product must exist' };
	if (!product) return { line: { ...fields } };
	return {
		line: {
			item: product.name,
			name: product.description,
			price: product.price_retail,
			cost: product.price_cost,
			taxable: product.taxable,
			product_category: product.product_category,
			...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
			product_id: product.id,
		},
	};
}

/** Body keys of a line item accepted on invoices and estimates. */
const LINE_KEYS = ['item', 'name', 'product_id', 'quantity', 'price', 'cost', 'taxable', 'discount_percent', 'discount_dollars',
	'tax_note', 'tax_rate_id', 'user_id', 'position', 'product_category', 'upc_code', 'invoice_bundle_id'];

/** @param {any} body */
function lineFields(body) {
	/** @type {Record<string, any>} */
	const out = {};
	for (const key of LINE_KEYS) if (body[key] !== undefined) out[key] = body[key];
	if (body.line_discount_percent !== undefined) out.discount_percent = body.line_discount_percent;
	return out;
}

const truthy = (/** @type {any} */ v) => v === true || v === 'true' || v === '1';

/** @param {import('../server').Router} router @param {any} h */
function register(router, h) {
	router.on('GET', '/line_items', (req) => {
		const q = req.query;
		let rows = h.db.table('line_items').all();
		if (q.invoice_id !== undefined) rows = rows.filter((/** @type {any} */ l) => String(l.invoice_id) === String(q.invoice_id));
		if (q.estimate_id !== undefined) rows = rows.filter((/** @type {any} */ l) => String(l.estimate_id) === String(q.estimate_id));
		if (truthy(q.invoice_id_not_null)) rows = rows.filter((/** @type {any} */ l) => l.invoice_id !== null && l.invoice_id !== undefined);
		if (truthy(q.estimate_id_not_null)) rows = rows.filter((/** @type {any} */ l) => l.estimate_id !== null && l.estimate_id !== undefined);
		rows.sort((/** @type {any} */ a, /** @type {any} */ b) => a.id - b.id);
		const envelope = h.pageOf(rows, q, { key: 'line_items', pageSize: h.pageSize('line_items', 100), meta: 'full' });
		envelope.line_items = envelope.line_items.map(presentLine);
		return envelope;
	});
}

module.exports = { register, TAX_RATE, decimal, round2, lineAmount, totals, presentLine, fromCatalogue, lineFields, truthy };
