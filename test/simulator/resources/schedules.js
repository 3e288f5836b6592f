// @ts-check
'use strict';
/**
 * /schedules: recurring invoices. List (25 per page, no meta, filter customer_id), get/create/update
 * ({"schedule": {..., "lines": [...]}}; 422 {"error": [...]}), delete, add_line_item / remove_line_item / PUT line_items/{id}
 * (prices in cents, recurring types 1-6) and the newer RESTful POST/DELETE line_items (dollars or cents, types 1-11).
 */
const { HttpError } = require('../server');
const { decimal } = require('./line_items');

const FREQUENCIES = ['Daily', 'Weekly', 'Biweekly', 'Monthly', 'Quarterly', 'Semi-Annually', 'Annually', 'Biennially', 'Triennially'];
const SCHEDULE_KEYS = ['customer_id', 'email_customer', 'frequency', 'name', 'next_run', 'snail_mail', 'charge_mop', 'invoice_unbilled_ticket_charges', 'paused'];
const LINE_KEYS = ['product_id', 'cost_cents', 'description', 'name', 'position', 'quantity', 'retail_cents', 'one_time_charge', 'taxable', 'user_id',
	'asset_type_id', 'contact_field_type_id', 'contact_field_answer_id', 'recurring_type_id', 'saved_asset_search_id', 'product_category'];
const NEWER_LINE_KEYS = ['policy_folder_id', 'bill_nested_folders', 'vendor_name', 'vendor_product_name', 'bill_all_units', 'bill_units_threshold',
	'include_zero_charge', 'm365_unit_type', 'syncro_backup_billing_type', 'syncro_backup_credit_type', 'syncro_backup_bill_all',
	'syncro_backup_bill_after_licenses', 'syncro_backup_bill_after_storage'];

function pick(/** @type {any} */ body, /** @type {string[]} */ keys) {
	/** @type {Record<string, any>} */
	const out = {};
	for (const k of keys) if (body[k] !== undefined) out[k] = body[k];
	return out;
}

/** 422 as Syncro sends it for schedules: {"error": ["Name can't be blank", …]}. */
const invalid = (/** @type {string[]} */ messages) => new HttpError(422, { error: messages });

/** @param {import('../server').Router} router @param {any} h */
function register(router, h) {
	const schedules = () => h.db.table('schedules');
	const lines = () => h.db.table('schedule_line_items');
	const linesOf = (/** @type {any} */ s) => lines().filter((/** @type {any} */ l) => l.schedule_id === s.id)
		.sort((/** @type {any} */ a, /** @type {any} */ b) => (a.position ?? 0) - (b.position ?? 0) || a.id - b.id);

	const presentLine = (/** @type {any} */ l) => ({
		id: l.id, cost_cents: l.cost_cents ?? 0, description: l.description ?? null, name: l.name, position: l.position ?? 0,
		product_id: l.product_id ?? null, quantity: decimal(l.quantity ?? 1), retail_cents: l.retail_cents ?? 0, schedule_id: l.schedule_id,
		taxable: Boolean(l.taxable), user_id: l.user_id ?? null, price_cost: (l.cost_cents ?? 0) / 100, price_retail: (l.retail_cents ?? 0) / 100,
		product_category: l.product_category ?? null, asset_type_id: l.asset_type_id ?? null, recurring_type_id: l.recurring_type_id ?? null,
		device_ids: [], one_time_charge: Boolean(l.one_time_charge), ...pick(l, ['saved_asset_search_id', 'contact_field_type_id', 'contact_field_answer_id', ...NEWER_LINE_KEYS]),
	});

	/** @param {any} s */
	function present(s) {
		const items = linesOf(s);
		const subtotal = items.reduce((/** @type {number} */ sum, /** @type {any} */ l) => sum + (l.retail_cents ?? 0) * Number(l.quantity ?? 1), 0) / 100;
		return {
			id: s.id, account_id: 1, customer_id: s.customer_id, email_customer: Boolean(s.email_customer), frequency: s.frequency, name: s.name,
			next_run: s.next_run, snail_mail: Boolean(s.snail_mail), charge_mop: Boolean(s.charge_mop), subtotal: Math.round(subtotal * 100) / 100,
			invoice_unbilled_ticket_charges: Boolean(s.invoice_unbilled_ticket_charges), paused: Boolean(s.paused), last_invoice_paid: s.last_invoice_paid ?? null,
			created_at: s.created_at, updated_at: s.updated_at, lines: items.map(presentLine),
		};
	}

	function validate(/** @type {any} */ b, /** @type {boolean} */ creating) {
		/** @type {string[]} */
		const messages = [];
		const blank = (/** @type {string} */ k) => (creating ? b[k] === undefined || b[k] === null || b[k] === '' : b[k] === '' || b[k] === null);
		if (b.frequency !== undefined && b.frequency !== '' && !FREQUENCIES.includes(b.frequency)) messages.push('Frequency Must be a valid selection');
		if (blank('frequency')) messages.push('Frequency Must be a valid selection', 'Frequency can\'t be blank');
		if (blank('next_run')) messages.push('Next run can\'t be blank');
		if (blank('name')) messages.push('Name can\'t be blank');
		if (blank('customer_id')) messages.push('Customer can\'t be blank');
		else if (b.customer_id !== undefined && !h.db.table('customers').get(b.customer_id)) messages.push('Customer must exist');
		if (messages.length) throw invalid(messages);
	}

	const scheduleLine = (/** @type {any} */ s, /** @type {any} */ id) => {
		const line = lines().get(id);
		if (!line || line.schedule_id !== s.id) throw h.errors.notFound();
		return line;
	};

	/** Fills name/prices from the product and converts dollars to cents (newer endpoint). */
	function lineValues(/** @type {any} */ b, /** @type {number[]} */ types) {
		const values = pick(b, [...LINE_KEYS, ...NEWER_LINE_KEYS]);
		if (b.price_retail !== undefined && values.retail_cents === undefined) values.retail_cents = Math.round(Number(b.price_retail) * 100);
		if (b.price_cost !== undefined && values.cost_cents === undefined) values.cost_cents = Math.round(Number(b.price_cost) * 100);
		if (values.recurring_type_id !== undefined && !types.includes(Number(values.recurring_type_id))) throw invalid([`Recurring type ${values.recurring_type_id} is not valid`]);
		if (values.product_id !== undefined) {
			const product = h.db.table('products').get(values.product_id);
			if (!product) throw invalid(['Product must exist']);
			values.name = values.name ?? product.name;
			values.description = values.description ?? product.description;
			values.retail_cents = values.retail_cents ?? Math.round(Number(product.price_retail ?? 0) * 100);
			values.cost_cents = values.cost_cents ?? Math.round(Number(product.price_cost ?? 0) * 100);
			values.product_category = product.product_category ?? values.product_category ?? null;
		}
		return values;
	}

	function addLine(/** @type {any} */ s, /** @type {Record<string, any>} */ values) {
		if (!values.name) throw invalid(['Name can\'t be blank']);
		const line = lines().insert({
			quantity: 1, retail_cents: 0, cost_cents: 0, taxable: false, one_time_charge: false, user_id: 11, recurring_type_id: 1,
			position: linesOf(s).length + 1, ...values, schedule_id: s.id,
		});
		schedules().update(s.id, {});
		return line;
	}

	router.on('GET', '/schedules', (req) => {
		let rows = schedules().all();
		if (req.query.customer_id !== undefined) rows = rows.filter((/** @type {any} */ s) => String(s.customer_id) === String(req.query.customer_id));
		rows.sort((/** @type {any} */ a, /** @type {any} */ b) => a.id - b.id);
		const envelope = h.pageOf(rows, req.query, { key: 'schedules', pageSize: h.pageSize('schedules', 25), meta: 'none' });
		envelope.schedules = envelope.schedules.map(present);
		return envelope;
	});

	router.on('GET', '/schedules/:id', (req) => ({ schedule: present(h.find('schedules', req.params.id)) }));

	router.on('POST', '/schedules', (req) => {
		validate(req.body, true);
		const s = schedules().insert({ email_customer: false, snail_mail: false, charge_mop: false, invoice_unbilled_ticket_charges: false, paused: false, ...pick(req.body, SCHEDULE_KEYS) });
		return { schedule: present(s) };
	});

	router.on('PUT', '/schedules/:id', (req) => {
		const s = h.find('schedules', req.params.id);
		validate(req.body, false);
		return { schedule: present(schedules().update(s.id, pick(req.body, SCHEDULE_KEYS))) };
	});

	router.on('DELETE', '/schedules/:id', (req) => {
		const s = h.find('schedules', req.params.id);
		for (const l of linesOf(s)) lines().remove(l.id);
		schedules().remove(s.id);
		return { message: `Schedule ${s.name} was deleted` };
	});

	router.on('POST', '/schedules/:id/add_line_item', (req) => {
		const s = h.find('schedules', req.params.id);
		return { schedule_line_item: presentLine(addLine(s, lineValues(req.body, [1, 2, 3, 4, 5, 6]))) };
	});

	router.on('POST', '/schedules/:id/remove_line_item', (req) => {
		const s = h.find('schedules', req.params.id);
		const id = req.body.schedule_line_item_id ?? req.body.line_item_id ?? req.body.id;
		const line = scheduleLine(s, id);
		lines().remove(line.id);
		schedules().update(s.id, {});
		return { success: true, message: 'Line item removed' };
	});

	router.on('PUT', '/schedules/:id/line_items/:line_id', (req) => {
		const s = h.find('schedules', req.params.id);
		const line = scheduleLine(s, req.params.line_id);
		if (req.body.name === '' || req.body.name === null) throw invalid(['Name can\'t be blank']);
		const updated = lines().update(line.id, lineValues(req.body, [1, 2, 3, 4, 5, 6]));
		schedules().update(s.id, {});
		return { schedule_line_item: presentLine(updated) };
	});

	router.on('POST', '/schedules/:id/line_items', (req) => {
		const s = h.find('schedules', req.params.id);
		const values = lineValues(req.body, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
		if (!values.name && !values.product_id) throw invalid(['Name or product is required']);
		return { schedule_line_item: presentLine(addLine(s, values)) };
	});

	router.on('DELETE', '/schedules/:id/line_items/:line_id', (req) => {
		const s = h.find('schedules', req.params.id);
		const line = scheduleLine(s, req.params.line_id);
		lines().remove(line.id);
		schedules().update(s.id, {});
		return { message: 'Schedule line item deleted' };
	});
}

/** Monthly managed-services agreements for most customers, one paused quarterly backup plan. */
function seed(/** @type {import('../store').Store} */ db) {
	let lineId = 17001;
	[2001, 2002, 2003, 2004, 2005, 2006, 2007, 2008].forEach((customerId, i) => {
		const quarterly = i === 6;
		const s = db.table('schedules').insert({
			id: 8001 + i, customer_id: customerId, name: quarterly ? 'Cloud Backup - Quarterly' : 'Managed Services - Monthly',
			frequency: quarterly ? 'Quarterly' : 'Monthly', next_run: quarterly ? '2027-01-01T00:00:00.000Z' : '2026-11-01T00:00:00.000Z',
			email_customer: true, snail_mail: false, charge_mop: i % 2 === 0, invoice_unbilled_ticket_charges: i % 3 === 0, paused: quarterly,
			last_invoice_paid: quarterly ? null : true,
		});
		/** @type {Array<[string, string, number, number, number, number]>} name, description, qty, retail cents, cost cents, recurring type */
		const rows = quarterly
			? [['Cloud Backup 100 GB', 'Offsite backup storage per 100 GB', 6, 6000, 1800, 2]]
			: [['Managed Workstation', 'Per workstation, monthly', 4 + i * 2, 4500, 0, 4], ['Microsoft 365 Business Premium', 'Per user, monthly', 4 + i * 2, 2640, 2200, 3]];
		if (!quarterly && i % 2 === 1) rows.push(['Managed Server', 'Per server, monthly', 1, 15000, 0, 4]);
		rows.forEach(([name, description, quantity, retail, cost, type], position) => {
			db.table('schedule_line_items').insert({
				id: lineId++, schedule_id: s.id, name, description, quantity, retail_cents: retail, cost_cents: cost, recurring_type_id: type,
				taxable: false, one_time_charge: false, user_id: 11, position: position + 1, asset_type_id: type === 4 ? 1 : null,
				product_id: { 'Managed Workstation': 9017, 'Managed Server': 9018, 'Microsoft 365 Business Premium': 9015, 'Cloud Backup 100 GB': 9019 }[name] ?? null,
			});
		});
	});
}

module.exports = { register, seed };
