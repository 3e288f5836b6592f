// @ts-check
'use strict';
/**
 * /new_ticket_forms: intake forms (list, get) and process_form, which finds the customer by email (or creates it),
 * creates the ticket with its initial comment, and optionally an appointment. Missing required fields answer
 * 422 {"success": false, "errors": {"ticket_details": {"subject": ["can't be blank"]}}}.
 */
const { HttpError } = require('../server');

const CUSTOMER_KEYS = ['firstname', 'lastname', 'business_name', 'email', 'phone', 'mobile', 'address', 'city', 'state', 'zip', 'get_sms', 'opt_out', 'no_email', 'properties'];

/** @param {import('../server').Router} router @param {any} h */
function register(router, h) {
	const forms = () => h.db.table('new_ticket_forms');
	const present = (/** @type {any} */ f) => ({ id: f.id, name: f.name, default: Boolean(f.default), disabled: Boolean(f.disabled), data: f.data });

	router.on('GET', '/new_ticket_forms', () => ({ new_ticket_forms: forms().all().map(present) }));
	router.on('GET', '/new_ticket_forms/:id', (req) => ({ new_ticket_form: present(h.find('new_ticket_forms', req.params.id)) }));

	router.on('POST', '/new_ticket_forms/:id/process_form', (req) => {
		const form = h.find('new_ticket_forms', req.params.id);
		if (form.disabled) throw new HttpError(422, { success: false, errors: { base: ['This ticket form is disabled'] } });
		const customerDetails = req.body.customer_details ?? {};
		const ticketDetails = { ...(form.data.ticket_details.defaults ?? {}), ...(req.body.ticket_details ?? {}) };
		const appointment = req.body.appointments;
		const blank = (/** @type {any} */ v) => v === undefined || v === null || String(v).trim() === '';

		/** @type {Record<string, Record<string, string[]>>} */
		const errors = {};
		const requireFields = (/** @type {string} */ section, /** @type {any} */ values, /** @type {string[]} */ names) => {
			for (const name of names) if (blank(values[name])) (errors[section] ??= {})[name] = ['can\'t be blank'];
		};
		const required = (/** @type {string} */ section) => Object.entries(form.data[section]?.fields ?? {}).filter(([, mode]) => mode === 'require').map(([name]) => name);
		requireFields('customer_details', customerDetails, required('customer_details'));
		requireFields('ticket_details', ticketDetails, required('ticket_details'));
		if (appointment && typeof appointment === 'object' && Object.keys(appointment).length) requireFields('appointments', appointment, ['summary', 'start_at', 'end_at']);
		if (Object.keys(errors).length) throw new HttpError(422, { success: false, errors });

		const customers = h.db.table('customers');
		const email = String(customerDetails.email ?? '').trim().toLowerCase();
		let customer = email ? customers.all().find((/** @type {any} */ c) => String(c.email ?? '').toLowerCase() === email) : undefined;
		if (!customer) {
			const values = Object.fromEntries(CUSTOMER_KEYS.filter((k) => customerDetails[k] !== undefined).map((k) => [k, customerDetails[k]]));
			const fullname = `${values.firstname ?? ''} ${values.lastname ?? ''}`.trim();
			if (!values.business_name && !fullname) throw new HttpError(422, { success: false, errors: { customer_details: { base: ['Give a name, a business name or the email of an existing customer'] } } });
			customer = customers.insert({
				firstname: null, lastname: null, business_name: null, email: null, phone: null, mobile: null, notes: '', get_sms: false, opt_out: false,
				disabled: false, no_email: false, properties: {}, contacts: [], ...values, fullname,
				business_then_name: values.business_name || fullname, business_and_full_name: values.business_name ? `${values.business_name} - ${fullname}` : fullname,
			});
		}

		const tickets = h.db.table('tickets');
		const numbers = tickets.all().map((/** @type {any} */ t) => Number.parseInt(t.number, 10)).filter(Number.isFinite);
		const ticket = tickets.insert({
			number: String(numbers.length ? Math.max(...numbers) + 1 : 30001), subject: ticketDetails.subject, problem_type: ticketDetails.problem_type ?? 'Other',
			status: 'New', priority: '2 Normal', customer_id: customer.id, contact_id: null, user_id: null, ticket_type_id: null, resolved_at: null,
			due_date: null, tag_list: [], properties: ticketDetails.properties ?? {}, new_ticket_form_id: form.id,
		});
		h.db.table('comments').insert({
			ticket_id: ticket.id, subject: 'Initial Issue', body: ticketDetails.description ?? '', tech: customer.fullname || customer.business_then_name,
			hidden: false, do_not_email: Boolean(ticketDetails.do_not_email), user_id: null,
		});
		if (appointment && appointment.summary) {
			h.db.table('appointments').insert({
				summary: appointment.summary, description: appointment.description ?? null, location: appointment.location ?? null, user_id: appointment.user_id ?? null,
				start_at: appointment.start_at, end_at: appointment.end_at, customer_id: customer.id, ticket_id: ticket.id, user_ids: [], all_day: false,
				appointment_type_id: null, email_customer: false,
			});
		}
		return { ticket: { ...ticket, customer_business_then_name: customer.business_then_name }, invoice: null, redirect: `/tickets/${ticket.id}`, message: 'Ticket created..' };
	});
}

function seed(/** @type {import('../store').Store} */ db) {
	const hide = 'hide';
	const customerFields = (/** @type {Record<string, string>} */ overrides) => ({
		firstname: 'show', lastname: 'show', business_name: 'show', email: 'require', phone: 'show', address: hide, referred_by: hide, tax_rate_id: hide,
		get_sms: hide, opt_out: hide, no_email: hide, send_portal_invitation: hide, notification_email: hide, invoice_cc_emails: hide, invoice_term_id: hide,
		custom_fields: 'show', ...overrides,
	});
	const ticketFields = (/** @type {Record<string, string>} */ overrides) => ({
		subject: 'require', description: 'require', user_id: 'show', priority: hide, due_date: hide, problem_type: 'require', notify_emails: hide,
		category: hide, address_id: hide, contract_id: hide, sla_id: hide, ticket_type_id: 'show', do_not_email: 'show', isapproved: hide, pre_diagnosed: hide,
		...overrides,
	});
	const forms = [
		{ id: 1, name: 'Standard Support Request', default: true, disabled: false, customer: customerFields({}), ticket: ticketFields({}), defaults: { placeholder: '' } },
		{ id: 2, name: 'New Hire Onboarding', default: false, disabled: false, customer: customerFields({}), ticket: ticketFields({ problem_type: hide }), defaults: { placeholder: '', problem_type: 'Onboarding' } },
		{ id: 3, name: 'Hardware Repair Intake', default: false, disabled: true, customer: customerFields({ firstname: 'require', lastname: 'require' }), ticket: ticketFields({}), defaults: { placeholder: '' } },
	];
	for (const f of forms) {
		db.table('new_ticket_forms').insert({
			id: f.id, name: f.name, default: f.default, disabled: f.disabled,
			data: {
				customer_details: { fields: f.customer, defaults: { placeholder: '' }, position: '1' },
				ticket_details: { fields: f.ticket, defaults: f.defaults, disabled: [], position: '2' },
				worksheets: { position: '3' },
				related_assets: { position: '4' },
			},
		});
	}
}

module.exports = { register, seed };
