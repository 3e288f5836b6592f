import { runChain, syncroCredentials } from '../helpers/harness';
import { useSimulator, type Simulator } from '../helpers/simulator';

let sim: Simulator;
useSimulator((s) => (sim = s));

const creds = () => syncroCredentials(sim.baseUrl, sim.token);
const rl = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });
const run = async (operation: string, parameters: Record<string, unknown> = {}) =>
	await runChain([{}], [{ name: 'Syncro', parameters: { resource: 'schedule', operation, ...parameters } }], creds());

describe('Recurring Invoice resource', () => {
	it('lists the recurring invoices of a customer with their lines', async () => {
		const result = await run('getAll', { returnAll: true, filters: { customer_id: rl(2002) } });
		expect(result.error).toBeUndefined();
		const out = result.output('Syncro').map((i) => i.json);
		expect(out).toHaveLength(1);
		expect(out[0]).toMatchObject({ id: 8002, customer_id: 2002, frequency: 'Monthly', subtotal: 578.4 });
		expect((out[0].lines as Array<{ name: string }>).map((l) => l.name)).toEqual(['Managed Workstation', 'Microsoft 365 Business Premium', 'Managed Server']);
		// No meta on schedules: the paginator only knows the list ended from the empty second page.
		expect(sim.requests.map((r) => r.query)).toEqual([{ customer_id: '2002', page: '1' }, { customer_id: '2002', page: '2' }]);
	});

	it('creates a schedule, adds lines both ways, updates, removes and deletes them', async () => {
		const created = await run('create', { customer_id: rl(2009), name: 'Managed Services - Monthly', frequency: 'Monthly', next_run: '2026-12-01T00:00:00Z', additionalFields: { email_customer: true } });
		expect(created.error).toBeUndefined();
		const schedule = created.output('Syncro')[0].json;
		expect(schedule).toMatchObject({ customer_id: 2009, frequency: 'Monthly', email_customer: true, lines: [] });
		expect(sim.requestsTo('POST', '/schedules')[0].body).toEqual({ customer_id: 2009, name: 'Managed Services - Monthly', frequency: 'Monthly', next_run: '2026-12-01T00:00:00Z', email_customer: true });

		const legacy = await run('addLineItem', { scheduleId: schedule.id, name: 'Managed Workstation', additionalFields: { product_id: rl(9017), quantity: 12, retail_cents: 4500, recurring_type_id: 4, asset_type_id: 1 } });
		expect(legacy.error).toBeUndefined();
		const workstation = legacy.output('Syncro')[0].json;
		expect(workstation).toMatchObject({ schedule_id: schedule.id, name: 'Managed Workstation', quantity: '12.0', retail_cents: 4500, recurring_type_id: 4 });

		const extended = await run('createLineItem', {
			scheduleId: schedule.id,
			additionalFields: { product_id: rl(9015), price_retail: 26.4, recurring_type_id: 10, vendor_name: 'Microsoft', vendor_product_name: 'Microsoft 365 Business Premium', m365_unit_type: 'consumed', include_zero_charge: true },
		});
		expect(extended.error).toBeUndefined();
		const m365 = extended.output('Syncro')[0].json;
		expect(m365).toMatchObject({ name: 'Microsoft 365 Business Premium', retail_cents: 2640, recurring_type_id: 10, vendor_name: 'Microsoft', m365_unit_type: 'consumed' });
		expect(sim.requestsTo('POST', `/schedules/${schedule.id}/line_items`)[0].body).toMatchObject({ product_id: 9015, price_retail: 26.4, recurring_type_id: 10 });

		const updated = await run('updateLineItem', { scheduleId: schedule.id, lineItemId: workstation.id, updateFields: { quantity: 14 } });
		expect(updated.output('Syncro')[0].json).toMatchObject({ id: workstation.id, quantity: '14.0' });
		expect(sim.requestsTo('PUT', `/schedules/${schedule.id}/line_items/${workstation.id}`)[0].body).toEqual({ quantity: 14 });

		const removed = await run('removeLineItem', { scheduleId: schedule.id, lineItemId: workstation.id });
		expect(removed.error).toBeUndefined();
		expect(sim.requestsTo('POST', `/schedules/${schedule.id}/remove_line_item`)[0].body).toEqual({ schedule_line_item_id: workstation.id });

		const deletedLine = await run('deleteLineItem', { scheduleId: schedule.id, lineItemId: m365.id });
		expect(deletedLine.output('Syncro')[0].json).toEqual({ deleted: true, id: m365.id, schedule_id: schedule.id, message: 'Schedule line item deleted' });
		expect(sim.db.table('schedule_line_items').filter((l) => l.schedule_id === schedule.id)).toHaveLength(0);

		const paused = await run('update', { scheduleId: schedule.id, updateFields: { paused: true, frequency: 'Quarterly' } });
		expect(paused.output('Syncro')[0].json).toMatchObject({ paused: true, frequency: 'Quarterly' });

		const deleted = await run('delete', { scheduleId: schedule.id });
		expect(deleted.error).toBeUndefined();
		expect(sim.db.table('schedules').get(schedule.id as number)).toBeUndefined();
	});

	it('reports Syncro\'s schedule errors ({"error": [...]})', async () => {
		const result = await run('addLineItem', { scheduleId: 8001, name: 'Cloud storage', additionalFields: { product_id: rl(424242) } });
		expect(result.error?.message).toMatch(/422.*Product must exist/);
	});
});
