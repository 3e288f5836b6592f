// @ts-check
'use strict';
/**
 * /purchase_orders: list (20 per page, no meta), get, create, the newer PUT (only status, general_notes,
 * shipping_cents, delivery_tracking and vendor_id change; "Finished" is refused while a line is unreceived),
 * create_po_line_item (the product must maintain stock) and receive (adds the quantity to stock).
 * Vendors belong to another module: a vendor that does not exist is shown as null.
 */
const { HttpError } = require('../server');

const CREATE_KEYS = ['vendor_id', 'user_id', 'location_id', 'expected_date', 'due_date', 'order_date', 'paid_date', 'general_notes',
	'shipping_notes', 'shipping_cents', 'other_cents', 'discount_percent', 'delivery_tracking'];
const UPDATE_KEYS = ['status', 'general_notes', 'shipping_cents', 'delivery_tracking', 'vendor_id'];
const STATUSES = ['Draft', 'Ordered', 'Partially Received', 'Finished', 'Cancelled'];

function pick(/** @type {any} */ body, /** @type {string[]} */ keys) {
	/** @type {Record<string, any>} */
	const out = {};
	for (const k of keys) if (body[k] !== undefined) out[k] = body[k];
	return out;
}

/** @param {import('../server').Router} router @param {any} h */
function register(router, h) {
	const orders = () => h.db.table('purchase_orders');
	const lines = () => h.db.table('po_line_items');
	const linesOf = (/** @type {any} */ po) => lines().filter((/** @type {any} */ l) => l.purchase_order_id === po.id);
	const vendor = (/** @type {any} */ id) => (h.db.tables.has('vendors') ? h.db.table('vendors').get(id) ?? null : null);

	const presentLine = (/** @type {any} */ l) => ({
		id: l.id, purchase_order_id: l.purchase_order_id, product_id: l.product_id, quantity: l.quantity, cost_cents: l.cost_cents,
		total_cents: l.cost_cents * l.quantity, created_at: l.created_at, updated_at: l.updated_at, received: Boolean(l.received),
		position: l.position ?? null, received_quantity: l.received_quantity ?? 0, parent_po_line_item_id: null, old_cost_cents: null,
	});

	/** @param {any} po */
	function present(po, detail = false) {
		const items = linesOf(po);
		const goods = items.reduce((/** @type {number} */ s, /** @type {any} */ l) => s + l.cost_cents * l.quantity, 0);
		const discount = Math.round(goods * (Number(po.discount_percent ?? 0) / 100));
		const total = goods - discount + Number(po.shipping_cents ?? 0) + Number(po.other_cents ?? 0);
		const out = {
			id: po.id, account_subdomain: 'demo-msp', created_at: po.created_at, updated_at: po.updated_at, number: po.number,
			status: po.status, expected_date: po.expected_date ?? null, order_date: po.order_date ?? null, due_date: po.due_date ?? null,
			paid_date: po.paid_date ?? null, other: Number(po.other_cents ?? 0) / 100, shipping: Number(po.shipping_cents ?? 0) / 100,
			discount_percent: po.discount_percent ?? 0, shipping_notes: po.shipping_notes ?? null, general_notes: po.general_notes ?? null,
			total: total / 100, user_id: po.user_id ?? null, vendor_id: po.vendor_id, location_id: po.location_id ?? null,
			delivery_tracking: po.delivery_tracking ?? null, vendor: vendor(po.vendor_id),
		};
		return detail ? { ...out, line_items: items.map(presentLine) } : out;
	}

	router.on('GET', '/purchase_orders', (req) => {
		const rows = orders().all().sort((/** @type {any} */ a, /** @type {any} */ b) => b.id - a.id);
		const envelope = h.pageOf(rows, req.query, { key: 'purchase_orders', pageSize: h.pageSize('purchase_orders', 20), meta: 'none' });
		envelope.purchase_orders = envelope.purchase_orders.map((/** @type {any} */ po) => present(po));
		return envelope;
	});

	router.on('GET', '/purchase_orders/:id', (req) => ({ purchase_order: present(h.find('purchase_orders', req.params.id), true) }));

	router.on('POST', '/purchase_orders', (req) => {
		const b = req.body;
		if (b.vendor_id === undefined || b.vendor_id === null || b.vendor_id === '') throw new HttpError(422, { errors: 'Vendor must exist' });
		const numbers = orders().all().map((/** @type {any} */ po) => Number.parseInt(String(po.number).replace(/\D/g, ''), 10)).filter(Number.isFinite);
		const po = orders().insert({
			status: 'Draft', user_id: 11, location_id: 1, shipping_cents: 0, other_cents: 0, discount_percent: 0, ...pick(b, CREATE_KEYS),
			number: `PO-${numbers.length ? Math.max(...numbers) + 1 : 1001}`,
		});
		return { purchase_order: present(po, true) };
	});

	router.on('PUT', '/purchase_orders/:id', (req) => {
		const po = h.find('purchase_orders', req.params.id);
		const patch = pick(req.body, UPDATE_KEYS);
		if (patch.status !== undefined && !STATUSES.includes(patch.status)) throw new HttpError(422, { errors: `Status must be one of ${STATUSES.join(', ')}` });
		if (patch.status === 'Finished' && linesOf(po).some((/** @type {any} */ l) => !l.received)) {
			throw new HttpError(422, { errors: 'The purchase order cannot be Finished while line items are not received' });
		}
		return { purchase_order: present(orders().update(po.id, patch), true) };
	});

	router.on('POST', '/purchase_orders/:id/create_po_line_item', (req) => {
		const po = h.find('purchase_orders', req.params.id);
		const product = h.db.table('products').get(req.body.product_id);
		if (!product || !product.maintain_stock) {
			throw new HttpError(422, { errors: 'Error adding that item  - please ensure that the item you are trying to add is set to \u2018Maintain Stock\u2019.' });
		}
		const quantity = Number(req.body.quantity ?? 1);
		if (!Number.isInteger(quantity) || quantity < 1) throw new HttpError(422, { errors: 'Quantity must be greater than 0' });
		const line = lines().insert({
			purchase_order_id: po.id, product_id: product.id, quantity, cost_cents: Math.round(Number(product.price_cost ?? 0) * 100),
			received: false, received_quantity: 0, position: linesOf(po).length + 1,
		});
		orders().update(po.id, {});
		return { po_line_item: presentLine(line) };
	});

	// [NEW] multipart upload: fields `file` and `name`; jpg/png/gif/pdf/csv/xls/xlsx, 10 MB, 10 files per order.
	router.on('POST', '/purchase_orders/:id/attachments', (req) => {
		const po = h.find('purchase_orders', req.params.id);
		const type = String(req.headers['content-type'] ?? '');
		const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(type);
		if (!type.startsWith('multipart/form-data') || !boundary) throw new HttpError(422, { errors: 'File must be sent as multipart/form-data' });
		/** @type {Record<string, {filename?: string, value: string}>} */
		const parts = {};
		for (const chunk of String(req.body).split(`--${boundary[1] ?? boundary[2]}`)) {
			const match = /Content-Disposition: form-data; name="([^"]+)"(?:; filename="([^"]*)")?[\s\S]*?\r\n\r\n([\s\S]*)\r\n$/i.exec(chunk);
			if (match) parts[match[1]] = { filename: match[2], value: match[3] };
		}
		const file = parts.file;
		if (!file || !file.filename) throw new HttpError(422, { errors: 'File is missing' });
		if (!/\.(jpe?g|png|gif|pdf|csv|xlsx?)$/i.test(file.filename)) throw new HttpError(422, { errors: 'File type is not allowed' });
		const attachments = h.db.table('po_attachments');
		if (attachments.filter((/** @type {any} */ a) => a.purchase_order_id === po.id).length >= 10) throw new HttpError(422, { errors: 'A purchase order can have at most 10 attachments' });
		const row = attachments.insert({ purchase_order_id: po.id, file_name: file.filename, name: parts.name?.value || file.filename, size: Buffer.byteLength(file.value) });
		return { attachment: row };
	});

	router.on('POST', '/purchase_orders/:id/receive', (req) => {
		const po = h.find('purchase_orders', req.params.id);
		const line = lines().get(req.body.line_item_id);
		if (!line || line.purchase_order_id !== po.id) throw h.errors.notFoundMessage('Line item not found on this purchase order');
		if (line.received) throw new HttpError(422, { errors: 'That line item was already received' });
		lines().update(line.id, { received: true, received_quantity: line.quantity });
		const product = h.db.table('products').get(line.product_id);
		if (product) {
			h.db.table('products').update(product.id, { quantity: Number(product.quantity ?? 0) + line.quantity });
			const stock = h.db.table('product_location_quantities').filter((/** @type {any} */ q) => q.product_id === product.id && q.location_id === (po.location_id ?? 1))[0];
			if (stock) h.db.table('product_location_quantities').update(stock.id, { quantity: stock.quantity + line.quantity });
		}
		const open = linesOf(po).some((/** @type {any} */ l) => !l.received);
		return { purchase_order: present(orders().update(po.id, { status: open ? 'Partially Received' : 'Finished' }), true) };
	});
}

/** Three purchase orders: one finished, one ordered with a line still to receive, one draft. */
function seed(/** @type {import('../store').Store} */ db) {
	const rows = [
		{ id: 8501, number: 'PO-1001', status: 'Finished', vendor_id: 402, order_date: '2026-08-20T00:00:00.000Z', expected_date: '2026-08-27T00:00:00.000Z', shipping_cents: 1500, general_notes: 'Stock replenishment', delivery_tracking: '1Z999AA10123456784' },
		{ id: 8502, number: 'PO-1002', status: 'Ordered', vendor_id: 401, order_date: '2026-10-05T00:00:00.000Z', expected_date: '2026-10-12T00:00:00.000Z', shipping_cents: 0, general_notes: 'Workstation refresh for Contoso Legal', delivery_tracking: null },
		{ id: 8503, number: 'PO-1003', status: 'Draft', vendor_id: 403, order_date: null, expected_date: null, shipping_cents: 0, general_notes: null, delivery_tracking: null },
	];
	for (const row of rows) db.table('purchase_orders').insert({ user_id: 11, location_id: 1, other_cents: 0, discount_percent: 0, due_date: null, paid_date: null, shipping_notes: null, ...row });
	const lineRows = [
		[18001, 8501, 9011, 4, 12900, true], [18002, 8501, 9021, 50, 185, true],
		[18003, 8502, 9010, 3, 71240, true], [18004, 8502, 9014, 3, 3800, false],
		[18005, 8503, 9012, 2, 16499, false],
	];
	lineRows.forEach(([id, purchase_order_id, product_id, quantity, cost_cents, received], i) => {
		db.table('po_line_items').insert({ id, purchase_order_id, product_id, quantity, cost_cents, received, received_quantity: received ? quantity : 0, position: i + 1 });
	});
}

module.exports = { register, seed };
