// @ts-check
'use strict';
/**
 * /items: special-order parts ("Part Orders"), read-only. 50 per page, meta {total_pages, page};
 * `completed=true` keeps received parts, `completed=false` the outstanding ones; `query` searches text fields.
 */
const { truthy } = require('./line_items');

/** @param {import('../server').Router} router @param {any} h */
function register(router, h) {
	router.on('GET', '/items', (req) => {
		const q = req.query;
		let rows = h.db.table('items').all();
		if (q.completed !== undefined && q.completed !== '') {
			const done = truthy(q.completed);
			rows = rows.filter((/** @type {any} */ i) => Boolean(i.receivedon) === done);
		}
		if (q.query) {
			const needle = String(q.query).toLowerCase();
			rows = rows.filter((/** @type {any} */ i) => `${i.description ?? ''} ${i.ticketnum ?? ''} ${i.trackingnum ?? ''} ${i.notes ?? ''}`.toLowerCase().includes(needle));
		}
		rows.sort((/** @type {any} */ a, /** @type {any} */ b) => b.id - a.id);
		return h.pageOf(rows, q, { key: 'items', pageSize: h.pageSize('items', 50), meta: 'reduced' });
	});
}

/** Part orders placed for tickets: some received, some in transit, one not yet ordered. */
function seed(/** @type {import('../store').Store} */ db) {
	const parts = [
		['Replacement laptop keyboard (Latitude 5440)', 4002, 'https://www.dell.com/en-us/shop/accessories', 64.99, '1Z999AA10123456701', true],
		['APC RBC7 battery cartridge', 4007, 'https://www.apc.com/', 229, '9400111899223456789012', true],
		['Toner HP 58A', 4002, 'https://www.amazon.com/', 119.5, 'TBA304512345000', false],
		['27" monitor Dell P2723D', 4011, 'https://www.dell.com/', 289, null, false],
		['USB-C dock WD19S', 4013, 'https://www.dell.com/', 219, '1Z999AA10123456702', true],
		['Wi-Fi access point mount bracket', 4008, 'https://store.ui.com/', 19, 'TBA304512345111', false],
		['Server PSU 750W hot-swap', 4005, 'https://www.ebay.com/', 149, '1Z999AA10123456703', false],
		['SFP+ 10G SR module', 4016, 'https://www.fs.com/', 22, null, false],
	];
	const base = Date.parse('2026-09-20T00:00:00Z');
	parts.forEach(([description, ticketId, url, price, tracking, received], i) => {
		const requested = new Date(base + i * 2 * 86_400_000).toISOString();
		const ordered = tracking ? new Date(base + (i * 2 + 1) * 86_400_000).toISOString() : null;
		const receivedOn = received ? new Date(base + (i * 2 + 5) * 86_400_000).toISOString() : null;
		db.table('items').insert({
			id: 8801 + i, requestedon: requested, ticketnum: String(Number(ticketId) - 4001 + 30001), parturl: url, shipping: null, deststore: null,
			orderedby: ordered ? 'Alex Rivera' : null, orderedon: ordered, trackingnum: tracking, receivedon: receivedOn, price: String(price),
			account_id: 1, description, destination_location_id: null, from_location_id: null, from_name: null, received_at: receivedOn,
			user_id: 11, due_at: null, ticket_id: ticketId, logistic_state: received ? 'received' : tracking ? 'in_transit' : 'requested',
			product_id: null, quantity: 1, round_trip: false, trip_leg: null, retail_cents: Math.round(Number(price) * 130), taxable: true,
			converted: false, notes: null, refurb_id: null, invoice_id: null, created_at: requested, updated_at: receivedOn ?? ordered ?? requested,
		});
	});
}

module.exports = { register, seed };
