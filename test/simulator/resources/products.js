// @ts-check
'use strict';
/**
 * /products: the catalogue (labor types included: product 9001 is the account's default labor product), barcode
 * lookup, categories, images, stock per location, serial numbers and vendor SKUs. No meta on the list: 25 per page.
 * Syncro has no product DELETE (disable instead), and a PUT without `maintain_stock` resets it to false.
 */
const { HttpError } = require('../server');

const CATEGORIES = [
	{ id: 301, name: 'Labor', description: 'Billable labor types' },
	{ id: 302, name: 'Hardware', description: 'Computers, network gear and peripherals' },
	{ id: 303, name: 'Parts', description: 'Replacement parts and consumables' },
	{ id: 304, name: 'Software & Licensing', description: 'Software and cloud subscriptions' },
	{ id: 305, name: 'Managed Services', description: 'Monthly managed service plans' },
];

/** [id, name, description, category id, retail, cost, maintain_stock, quantity, taxable, upc_code, serialized, disabled] */
const PRODUCTS = [
	[9001, 'Labor - Remote Support', 'Remote support, billed per hour', 301, 125, 0, false, 0, false, null, false, false],
	[9002, 'Labor - Onsite Support', 'Onsite support, billed per hour (1 hour minimum)', 301, 150, 0, false, 0, false, null, false, false],
	[9003, 'Labor - After Hours Emergency', 'Emergency support outside business hours, per hour', 301, 187.5, 0, false, 0, false, null, false, false],
	[9004, 'Labor - Project Work', 'Scheduled project labor, per hour', 301, 140, 0, false, 0, false, null, false, false],
	[9010, 'Dell OptiPlex 7010 Micro', 'Intel Core i5-13500T, 16 GB RAM, 512 GB SSD, Windows 11 Pro', 302, 899, 712.4, true, 6, true, '884116412345', true, false],
	[9011, 'Ubiquiti UniFi U6+ Access Point', 'Wi-Fi 6 ceiling access point, PoE', 302, 179, 129, true, 10, true, '810010071234', false, false],
	[9012, 'APC RBC7 Replacement Battery', 'Replacement battery cartridge for APC Smart-UPS 1500', 303, 229, 164.99, true, 3, true, '731304003397', false, false],
	[9013, 'Samsung 870 EVO 1TB SSD', '2.5" SATA solid state drive', 303, 119, 84.5, true, 12, true, '887276455017', true, false],
	[9014, 'Logitech MK540 Keyboard and Mouse', 'Wireless keyboard and mouse combo', 302, 59, 38, true, 15, true, '097855129710', false, false],
	[9015, 'Microsoft 365 Business Premium', 'Per user, monthly', 304, 26.4, 22, false, 0, false, null, false, false],
	[9016, 'Microsoft 365 Business Standard', 'Per user, monthly', 304, 15, 12.5, false, 0, false, null, false, false],
	[9017, 'Managed Workstation', 'Monitoring, patching, antivirus and helpdesk per workstation, monthly', 305, 45, 0, false, 0, false, null, false, false],
	[9018, 'Managed Server', 'Monitoring, patching and backup checks per server, monthly', 305, 150, 0, false, 0, false, null, false, false],
	[9019, 'Cloud Backup 100 GB', 'Offsite backup storage per 100 GB, monthly', 305, 20, 6, false, 0, false, null, false, false],
	[9020, 'FortiGuard UTM Subscription', 'Firewall security subscription, 1 year', 304, 495, 380, false, 0, true, null, false, false],
	[9021, 'Cat6 Patch Cable 7ft', 'Snagless Cat6 patch cable, blue', 303, 6.5, 1.85, true, 120, true, '842486123456', false, false],
	[9022, 'Legacy Tape Backup Service', 'Retired service', 305, 35, 0, false, 0, false, null, false, true],
];

const SERIAL_STATUS = {
	reserved: 'Reserved',
	sold: 'Sold',
	returned: 'Returned',
	in_transfer: 'In Transfer',
	breakage: 'Breakage',
	used_in_refurb: 'Used In Refurb',
	in_stock: 'In Stock',
};

const RECORD_TYPES = ['TransferLineItem', 'LineItem', 'ReturnLineItem', 'TicketLineItem', 'RefurbLineItem'];

const PRODUCT_KEYS = ['price_cost', 'price_retail', 'condition', 'description', 'maintain_stock', 'name', 'quantity', 'warranty', 'sort_order',
	'reorder_at', 'disabled', 'taxable', 'product_category', 'upc_code', 'discount_percent', 'warranty_template_id', 'qb_item_id',
	'desired_stock_level', 'price_wholesale', 'notes', 'tax_rate_id', 'vendor_ids', 'physical_location', 'serialized', 'category_ids'];

function pick(/** @type {any} */ body, /** @type {string[]} */ keys) {
	/** @type {Record<string, any>} */
	const out = {};
	for (const k of keys) if (body[k] !== undefined) out[k] = body[k];
	return out;
}

const cents = (/** @type {any} */ dollars) => Math.round(Number(dollars ?? 0) * 100);

/** @param {import('../server').Router} router @param {any} h */
function register(router, h) {
	const products = () => h.db.table('products');
	const categories = () => h.db.table('product_categories');
	const skus = () => h.db.table('product_skus');
	const serials = () => h.db.table('product_serials');
	const quantities = () => h.db.table('product_location_quantities');
	const photos = () => h.db.table('product_photos');

	const vendorName = (/** @type {any} */ sku) =>
		(h.db.tables.has('vendors') ? h.db.table('vendors').get(sku.vendor_id)?.name : undefined) ?? sku.vendor_name ?? null;
	const presentSku = (/** @type {any} */ sku) => ({ id: sku.id, vendor_id: sku.vendor_id ?? null, vendor_name: vendorName(sku), sku: sku.sku });
	const presentQuantity = (/** @type {any} */ q) => ({
		product_id: q.product_id, id: q.id, quantity: q.quantity, price_cost_cents: q.price_cost_cents ?? null,
		price_retail_cents: q.price_retail_cents ?? null, location_id: q.location_id, tax_rate_id: q.tax_rate_id ?? null,
		created_at: q.created_at, updated_at: q.updated_at, reorder_at: q.reorder_at ?? null, desired_stock_level: q.desired_stock_level ?? 0,
	});

	/** @param {any} p */
	function present(p) {
		const category = (p.category_ids ?? []).map((/** @type {any} */ id) => categories().get(id)?.name).filter(Boolean);
		return {
			id: p.id,
			price_cost: p.price_cost ?? 0,
			price_retail: p.price_retail ?? 0,
			condition: p.condition ?? null,
			description: p.description ?? null,
			maintain_stock: Boolean(p.maintain_stock),
			name: p.name,
			quantity: p.quantity ?? 0,
			warranty: p.warranty ?? null,
			sort_order: p.sort_order ?? null,
			reorder_at: p.reorder_at ?? null,
			disabled: Boolean(p.disabled),
			taxable: p.taxable ?? true,
			product_category: p.product_category ?? null,
			category_path: category.length ? category.join(' > ') : null,
			category_ids: p.category_ids ?? [],
			upc_code: p.upc_code ?? null,
			discount_percent: p.discount_percent ?? null,
			warranty_template_id: p.warranty_template_id ?? null,
			qb_item_id: p.qb_item_id ?? null,
			desired_stock_level: p.desired_stock_level ?? null,
			price_wholesale: p.price_wholesale ?? 0,
			notes: p.notes ?? null,
			tax_rate_id: p.tax_rate_id ?? null,
			physical_location: p.physical_location ?? null,
			serialized: Boolean(p.serialized),
			vendor_ids: p.vendor_ids ?? [],
			product_skus: skus().filter((/** @type {any} */ s) => s.product_id === p.id).map(presentSku),
			long_description: p.long_description ?? null,
			location_quantities: quantities().filter((/** @type {any} */ q) => q.product_id === p.id).map(presentQuantity),
			photos: photos().filter((/** @type {any} */ f) => f.product_id === p.id).map((/** @type {any} */ f) => ({ id: f.id, file_name: f.file_name, url: f.url })),
			created_at: p.created_at,
			updated_at: p.updated_at,
		};
	}

	/** 422 {"success":false,"message":[...],"params":{...}} when name or description is blank. */
	function validate(/** @type {any} */ b) {
		/** @type {string[]} */
		const messages = [];
		if (!b.name) messages.push('Name can\'t be blank');
		if (!b.description) messages.push('Description can\'t be blank');
		if (messages.length) throw h.errors.invalidMessages(messages, pick(b, ['name', 'description', 'maintain_stock']));
	}

	/** Category names follow the category IDs (the main category is the first one). */
	function categoryFields(/** @type {any} */ b) {
		/** @type {Record<string, any>} */
		const out = {};
		if (Array.isArray(b.category_ids)) out.category_ids = b.category_ids.map(Number);
		if (b.product_category) {
			const match = categories().all().find((/** @type {any} */ c) => c.name === b.product_category);
			if (match && !(out.category_ids ?? []).includes(match.id)) out.category_ids = [match.id, ...(out.category_ids ?? [])];
		} else if (out.category_ids?.length) {
			out.product_category = categories().get(out.category_ids[0])?.name ?? null;
		}
		return out;
	}

	function addSkus(/** @type {any} */ product, /** @type {any} */ attributes) {
		for (const a of Array.isArray(attributes) ? attributes : []) {
			if (a && a.value) skus().insert({ product_id: product.id, vendor_id: a.vendor_id ? Number(a.vendor_id) : null, sku: String(a.value), vendor_name: null });
		}
	}

	function syncStock(/** @type {any} */ product) {
		const rows = quantities().filter((/** @type {any} */ q) => q.product_id === product.id);
		if (rows.length === 0 && product.maintain_stock) {
			quantities().insert({ product_id: product.id, location_id: 1, quantity: product.quantity ?? 0 });
		} else if (rows.length === 1 && product.maintain_stock) {
			quantities().update(rows[0].id, { quantity: product.quantity ?? 0 });
		}
	}

	router.on('GET', '/products', (req) => {
		const q = req.query;
		let rows = products().all();
		if (q.name) rows = rows.filter((/** @type {any} */ p) => p.name.toLowerCase().includes(String(q.name).toLowerCase()));
		if (q.upc_code) rows = rows.filter((/** @type {any} */ p) => p.upc_code === q.upc_code);
		if (q.sku) {
			const ids = new Set(skus().filter((/** @type {any} */ s) => s.sku === q.sku).map((/** @type {any} */ s) => s.product_id));
			rows = rows.filter((/** @type {any} */ p) => ids.has(p.id));
		}
		if (q.category_id !== undefined) rows = rows.filter((/** @type {any} */ p) => (p.category_ids ?? []).map(String).includes(String(q.category_id)));
		const list = (/** @type {any} */ v) => (Array.isArray(v) ? v : [v]).map(String);
		if (q.id !== undefined) rows = rows.filter((/** @type {any} */ p) => list(q.id).includes(String(p.id)));
		if (q.id_not !== undefined) rows = rows.filter((/** @type {any} */ p) => !list(q.id_not).includes(String(p.id)));
		if (q.query) {
			const needle = String(q.query).toLowerCase();
			rows = rows.filter((/** @type {any} */ p) => `${p.name} ${p.description ?? ''} ${p.upc_code ?? ''}`.toLowerCase().includes(needle));
		}
		const [field, dir] = String(q.sort ?? 'id ASC').trim().split(/\s+/);
		const sign = String(dir ?? 'ASC').toUpperCase() === 'DESC' ? -1 : 1;
		if (PRODUCT_KEYS.includes(field) || field === 'id' || field === 'created_at' || field === 'updated_at') {
			rows.sort((/** @type {any} */ a, /** @type {any} */ b) => {
				const x = a[field] ?? '';
				const y = b[field] ?? '';
				return sign * (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y))) || a.id - b.id;
			});
		}
		const envelope = h.pageOf(rows, q, { key: 'products', pageSize: h.pageSize('products', 25), meta: 'none' });
		envelope.products = envelope.products.map(present);
		return envelope;
	});

	router.on('GET', '/products/barcode', (req) => {
		const code = String(req.query.barcode ?? '').trim();
		if (!code) throw h.errors.notFoundMessage('Product not found');
		const bySku = skus().all().find((/** @type {any} */ s) => s.sku === code);
		const product = products().all().find((/** @type {any} */ p) => p.upc_code === code) ?? (bySku ? products().get(bySku.product_id) : undefined);
		if (!product) throw h.errors.notFoundMessage('Product not found');
		return { product: present(product) };
	});

	router.on('GET', '/products/categories', () => ({
		categories: categories().all().map((/** @type {any} */ c) => ({
			id: c.id, account_id: 1, ancestry: null, name: c.name, description: c.description, device_product_id: null, names_depth_cache: c.name,
		})),
	}));

	router.on('GET', '/products/:id', (req) => ({ product: present(h.find('products', req.params.id)) }));

	router.on('POST', '/products', (req) => {
		const b = req.body;
		validate(b);
		const product = products().insert({
			maintain_stock: false, quantity: 0, taxable: true, disabled: false, serialized: false, vendor_ids: [], category_ids: [],
			...pick(b, PRODUCT_KEYS), ...categoryFields(b),
		});
		addSkus(product, b.product_skus_attributes);
		syncStock(product);
		return { product: present(product) };
	});

	router.on('PUT', '/products/:id', (req) => {
		const product = h.find('products', req.params.id);
		const b = req.body;
		validate(b);
		// Syncro resets maintain_stock when a PUT leaves it out.
		const patch = { ...pick(b, PRODUCT_KEYS), ...categoryFields(b), maintain_stock: b.maintain_stock === undefined ? false : Boolean(b.maintain_stock) };
		const updated = products().update(product.id, patch);
		addSkus(updated, b.product_skus_attributes);
		syncStock(updated);
		return { product: present(updated) };
	});

	router.on('POST', '/products/:id/add_images', (req) => {
		const product = h.find('products', req.params.id);
		const b = req.body;
		const files = Array.isArray(b.files) ? b.files : b.url ? [{ url: b.url, filename: b.filename }] : [];
		if (files.length === 0 || files.some((/** @type {any} */ f) => !f || !f.url)) {
			throw h.errors.error(422, 'Please pass \'url\' & \'filename\' or \'files([{}])\' parameter.');
		}
		for (const f of files) photos().insert({ product_id: product.id, url: f.url, file_name: f.filename ?? String(f.url).split('/').pop() });
		return { message: 'Success! Those will be added shortly in background workers.' };
	});

	router.on('DELETE', '/products/:id/delete_image', (req) => {
		const product = h.find('products', req.params.id);
		const photo = photos().get(req.query.photo_id);
		if (!photo || photo.product_id !== product.id) throw h.errors.notFoundMessage('Photo Not Found.');
		photos().remove(photo.id);
		return { message: 'Success! Image removed.' };
	});

	router.on('PUT', '/products/:id/location_quantities', (req) => {
		const product = h.find('products', req.params.id);
		const row = quantities().get(req.body.location_quantity_id);
		if (!row || row.product_id !== product.id) throw h.errors.notFoundMessage('Location quantity not found');
		const quantity = Number(req.body.quantity);
		if (!Number.isInteger(quantity)) throw h.errors.invalidMessages(['Quantity is not a number']);
		const updated = quantities().update(row.id, { quantity });
		const total = quantities().filter((/** @type {any} */ q) => q.product_id === product.id).reduce((/** @type {number} */ s, /** @type {any} */ q) => s + q.quantity, 0);
		products().update(product.id, { quantity: total });
		return presentQuantity(updated);
	});

	// Serial numbers
	const presentSerial = (/** @type {any} */ s) => ({
		id: s.id, created_at: s.created_at, updated_at: s.updated_at, product_id: s.product_id,
		product_location_quantity_id: s.product_location_quantity_id ?? null, line_item_id: s.line_item_id ?? null,
		line_item_type: s.line_item_type ?? null, serial_number: s.serial_number, status: s.status, condition: s.condition ?? null,
		instance_price_cost: (s.price_cost_cents ?? 0) / 100, instance_price_retail: (s.price_retail_cents ?? 0) / 100,
		notes: s.notes ?? null, location_id: s.location_id ?? null,
	});

	function checkSerialNumber(/** @type {any} */ product, /** @type {string} */ number, /** @type {number|undefined} */ exceptId) {
		if (/^\d+(\.\d+)?e\+?\d+$/i.test(number)) {
			throw h.errors.invalidMessages(['Serial number scientific-notation not allowed, may have been introduced by a spreadsheet program inferring Numerical from a csv.']);
		}
		if (serials().all().some((/** @type {any} */ s) => s.product_id === product.id && s.serial_number === number && s.id !== exceptId)) {
			throw h.errors.invalidMessages(['Serial number has already been taken']);
		}
	}

	router.on('GET', '/products/:product_id/product_serials', (req) => {
		const product = h.find('products', req.params.product_id);
		let rows = serials().filter((/** @type {any} */ s) => s.product_id === product.id);
		const status = req.query.status;
		if (status !== undefined) {
			const wanted = SERIAL_STATUS[/** @type {keyof typeof SERIAL_STATUS} */ (status)];
			rows = wanted ? rows.filter((/** @type {any} */ s) => s.status === wanted) : [];
		}
		const envelope = h.pageOf(rows, req.query, { key: 'product_serials', pageSize: h.pageSize('product_serials', 100), meta: 'none' });
		envelope.product_serials = envelope.product_serials.map(presentSerial);
		return envelope;
	});

	router.on('POST', '/products/:product_id/product_serials/attach_to_line_item', (req) => {
		const product = h.find('products', req.params.product_id);
		const b = req.body;
		if (!RECORD_TYPES.includes(b.record_type)) throw new HttpError(422, { status: 'not attached', errors: `Record type must be one of ${RECORD_TYPES.join(', ')}` });
		const table = b.record_type === 'LineItem' ? 'line_items' : b.record_type === 'TicketLineItem' ? 'ticket_line_items' : undefined;
		if (table && !h.db.table(table).get(b.line_item_id)) throw h.errors.notFoundMessage('Line item not found');
		const ids = (Array.isArray(b.product_serial_ids) ? b.product_serial_ids : []).map(Number);
		const rows = ids.map((/** @type {number} */ id) => serials().get(id));
		if (ids.length === 0 || rows.some((/** @type {any} */ s) => !s || s.product_id !== product.id)) {
			throw new HttpError(422, { status: 'not attached', errors: 'Product serial ids must belong to the product' });
		}
		if (rows.some((/** @type {any} */ s) => s.line_item_id)) {
			throw new HttpError(422, { status: 'attached', errors: 'One of the serial numbers has already been used. Please try again.' });
		}
		for (const s of rows) serials().update(s.id, { line_item_id: Number(b.line_item_id), line_item_type: b.record_type, status: b.record_type === 'TransferLineItem' ? 'In Transfer' : 'Sold' });
		return { status: 'attached' };
	});

	router.on('POST', '/products/:product_id/product_serials', (req) => {
		const product = h.find('products', req.params.product_id);
		const b = req.body;
		h.require(b, ['serial_number'], 'messages');
		const number = String(b.serial_number).trim();
		checkSerialNumber(product, number, undefined);
		const serial = serials().insert({
			product_id: product.id, serial_number: number, status: 'In Stock', condition: b.condition ?? null,
			price_cost_cents: b.price_cost_cents ?? cents(product.price_cost), price_retail_cents: b.price_retail_cents ?? cents(product.price_retail),
			line_item_id: null, location_id: 1, notes: null,
		});
		return { product_serial: presentSerial(serial) };
	});

	router.on('PUT', '/products/:product_id/product_serials/:id', (req) => {
		const product = h.find('products', req.params.product_id);
		const serial = serials().get(req.params.id);
		if (!serial || serial.product_id !== product.id) throw h.errors.notFound();
		const b = req.body;
		if (b.serial_number !== undefined) checkSerialNumber(product, String(b.serial_number).trim(), serial.id);
		const updated = serials().update(serial.id, pick(b, ['serial_number', 'condition', 'price_cost_cents', 'price_retail_cents', 'notes']));
		return { product_serial: presentSerial(updated) };
	});

	// Vendor SKUs
	const skuFor = (/** @type {any} */ product, /** @type {any} */ id) => {
		const sku = skus().get(id);
		if (!sku || sku.product_id !== product.id) throw h.errors.notFound();
		return sku;
	};

	router.on('GET', '/products/:product_id/product_skus', (req) => {
		const product = h.find('products', req.params.product_id);
		return { product_skus: skus().filter((/** @type {any} */ s) => s.product_id === product.id).map(presentSku) };
	});

	router.on('POST', '/products/:product_id/product_skus', (req) => {
		const product = h.find('products', req.params.product_id);
		const b = req.body;
		/** @type {string[]} */
		const messages = [];
		if (!b.vendor_id) messages.push('Vendor is blank');
		if (!b.value) messages.push('Value is blank');
		if (messages.length) throw new HttpError(400, { message: messages });
		const sku = skus().insert({ product_id: product.id, vendor_id: Number(b.vendor_id), sku: String(b.value), vendor_name: null });
		return { product_sku: presentSku(sku) };
	});

	router.on('PUT', '/products/:product_id/product_skus/:id', (req) => {
		const product = h.find('products', req.params.product_id);
		const sku = skuFor(product, req.params.id);
		const b = req.body;
		if (b.value === '' || b.vendor_id === '') throw new HttpError(400, { message: [b.value === '' ? 'Value is blank' : 'Vendor is blank'] });
		/** @type {Record<string, any>} */
		const patch = {};
		if (b.vendor_id !== undefined) patch.vendor_id = Number(b.vendor_id);
		if (b.value !== undefined) patch.sku = String(b.value);
		return { product_sku: presentSku(skus().update(sku.id, patch)) };
	});

	router.on('DELETE', '/products/:product_id/product_skus/:id', (req) => {
		const product = h.find('products', req.params.product_id);
		const sku = skuFor(product, req.params.id);
		skus().remove(sku.id);
		return { message: `SKU ${sku.sku} removed` };
	});
}

/** The catalogue: labor types, hardware, parts, licences and managed-service plans; stock, serials and SKUs. */
function seed(/** @type {import('../store').Store} */ db) {
	for (const c of CATEGORIES) db.table('product_categories').insert(c);
	const created = '2026-06-01T16:00:00.000Z';
	for (const [id, name, description, category, retail, cost, stock, quantity, taxable, upc, serialized, disabled] of PRODUCTS) {
		const categoryRow = CATEGORIES.find((c) => c.id === category);
		db.table('products').insert({
			id, name, description, price_retail: retail, price_cost: cost, price_wholesale: 0, maintain_stock: stock, quantity, taxable,
			upc_code: upc, serialized, disabled, product_category: categoryRow?.name ?? null, category_ids: [category], vendor_ids: stock ? [402] : [],
			condition: stock ? 'New' : null, reorder_at: stock ? 2 : null, desired_stock_level: stock ? Number(quantity) + 4 : null,
			physical_location: stock ? 'Back office shelf' : null, created_at: created, updated_at: created,
		});
		if (stock) db.table('product_location_quantities').insert({ id: 19000 + Number(id) - 9000, product_id: id, location_id: 1, quantity, created_at: created, updated_at: created });
	}
	// Vendor IDs of the vendors module (402 TD SYNNEX, 401 Ingram Micro); the names are kept for when it is absent.
	const skuRows = [[16001, 9010, 402, 'TD SYNNEX', '210-BFZK'], [16002, 9010, 401, 'Ingram Micro', 'DL-7010M-I5'], [16003, 9011, 402, 'TD SYNNEX', 'U6+-US'],
		[16004, 9013, 401, 'Ingram Micro', 'MZ-77E1T0B/AM'], [16005, 9012, 402, 'TD SYNNEX', 'RBC7']];
	for (const [id, product_id, vendor_id, vendor_name, sku] of skuRows) db.table('product_skus').insert({ id, product_id, vendor_id, vendor_name, sku });
	const serialRows = [
		[15001, 9010, 'CN0F7K2H1', 'In Stock'], [15002, 9010, 'CN0F7K2H2', 'In Stock'], [15003, 9010, 'CN0F7K2H3', 'In Stock'], [15004, 9010, 'CN0F7K2G9', 'Sold'],
		[15005, 9013, 'S6PUNX0T412345', 'In Stock'], [15006, 9013, 'S6PUNX0T412346', 'In Stock'], [15007, 9013, 'S6PUNX0T412347', 'Reserved'], [15008, 9013, 'S6PUNX0T400001', 'Returned'],
	];
	for (const [id, product_id, serial_number, status] of serialRows) {
		const p = PRODUCTS.find((row) => row[0] === product_id) ?? [];
		db.table('product_serials').insert({
			id, product_id, serial_number, status, condition: 'New', price_cost_cents: cents(p[5]), price_retail_cents: cents(p[4]),
			line_item_id: null, location_id: 1, notes: null, created_at: created, updated_at: created,
		});
	}
	db.table('product_photos').insert({ id: 19501, product_id: 9011, file_name: 'u6-plus.jpg', url: 'https://cdn.demo-msp.example/products/u6-plus.jpg' });
}

module.exports = { register, seed, PRODUCTS, CATEGORIES };
