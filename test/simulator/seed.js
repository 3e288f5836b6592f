// @ts-check
'use strict';
/**
 * Core demo data of the simulated tenant "demo-msp": technicians, account settings, customers and contacts.
 * Resource modules seed their own records (tickets, assets, invoices…) on top of these.
 */

const TECHNICIANS = [
	{ id: 11, name: 'Alex Rivera', email: 'alex@demo-msp.example', admin: true },
	{ id: 12, name: 'Sam Chen', email: 'sam@demo-msp.example', admin: false },
	{ id: 13, name: 'Jordan Patel', email: 'jordan@demo-msp.example', admin: false },
];

const CUSTOMERS = [
	['Northwind Dental', 'Maria', 'Lopez', 'Portland', 'OR'],
	['Contoso Legal LLP', 'Daniel', 'Brooks', 'Seattle', 'WA'],
	['Blue Harbor Logistics', 'Priya', 'Nair', 'Tacoma', 'WA'],
	['Summit Family Clinic', 'Ethan', 'Walsh', 'Boise', 'ID'],
	['Cedar & Stone Architects', 'Olivia', 'Grant', 'Eugene', 'OR'],
	['Riverbend Credit Union', 'Marcus', 'Hale', 'Spokane', 'WA'],
	['Lakeside Veterinary', 'Hannah', 'Kim', 'Bend', 'OR'],
	['Pioneer Auto Group', 'Luis', 'Ortega', 'Salem', 'OR'],
	['Greenfield Schools Foundation', 'Aisha', 'Bello', 'Olympia', 'WA'],
	['Harbor Lights Hotel', 'Tom', 'Fischer', 'Astoria', 'OR'],
];

function slug(/** @type {string} */ text) {
	return text.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

/** @param {import('./store').Store} db */
function seed(db) {
	const users = db.table('users');
	for (const t of TECHNICIANS) users.insert({ ...t, full_name: t.name, group: t.admin ? 'Admin' : 'Technician' });

	db.table('settings').insert({
		id: 1,
		ticket_status_list: ['New', 'In Progress', 'Resolved', 'Invoiced', 'Waiting for Parts', 'Waiting on Customer', 'Scheduled', 'Customer Reply'],
		problem_types: ['Hardware', 'Software', 'Network', 'Email', 'Security', 'Onboarding', 'Project Work', 'Other'],
		priorities: ['', '0 Urgent', '1 High', '2 Normal', '3 Low'],
		ticket_types: [{ id: 1, name: 'Incident' }, { id: 2, name: 'Service Request' }],
		ticket_type_fields: [{ id: 1, name: 'Affected Users', ticket_type_id: 1 }, { id: 2, name: 'Change Window', ticket_type_id: 2 }],
		saved_searches: [{ id: 501, name: 'Open tickets - all techs' }, { id: 502, name: 'Waiting on customer > 3 days' }],
		worksheet_templates: [{ id: 71, name: 'New Workstation Checklist' }, { id: 72, name: 'Offboarding Checklist' }],
		customer_fields: [{ id: 1, name: 'Contract Tier' }, { id: 2, name: 'Primary Site' }],
		asset_types: [{ id: 1, name: 'Syncro Device' }, { id: 2, name: 'Firewall' }, { id: 3, name: 'Printer' }],
		asset_type_fields: [{ id: 1, name: 'Warranty Expires', asset_type_id: 1 }, { id: 2, name: 'Firmware', asset_type_id: 2 }],
		default_labor_product_id: 9001,
	});

	const customers = db.table('customers');
	const contacts = db.table('contacts');
	CUSTOMERS.forEach(([business, first, last, city, state], i) => {
		const domain = `${slug(business)}.example`;
		const customer = customers.insert({
			id: 2001 + i,
			firstname: first,
			lastname: last,
			fullname: `${first} ${last}`,
			business_name: business,
			business_then_name: business,
			business_and_full_name: `${business} - ${first} ${last}`,
			email: `${first.toLowerCase()}@${domain}`,
			phone: `503-555-01${String(10 + i)}`,
			mobile: null,
			address: `${100 + i * 7} Main St`,
			address_2: '',
			city,
			state,
			zip: String(97000 + i * 11),
			notes: '',
			get_sms: false,
			opt_out: false,
			disabled: false,
			no_email: false,
			properties: { 'Contract Tier': i % 3 === 0 ? 'Gold' : 'Silver' },
			contacts: [],
		});
		for (const [n, [cf, cl, title]] of [[first, last, 'Owner'], [`${first}a`, 'Reyes', 'Office Manager']].entries()) {
			contacts.insert({
				id: 3001 + i * 10 + n,
				customer_id: customer.id,
				name: `${cf} ${cl}`,
				email: `${cf.toLowerCase()}.${cl.toLowerCase()}@${domain}`,
				phone: `503-555-02${String(10 + i)}`,
				mobile: null,
				address1: customer.address,
				address2: '',
				city,
				state,
				zip: customer.zip,
				notes: '',
				properties: { title },
			});
		}
	});
}

module.exports = { seed, TECHNICIANS };
