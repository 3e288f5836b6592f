import { runChain, syncroCredentials } from '../helpers/harness';
import { useSimulator, type Simulator } from '../helpers/simulator';

let sim: Simulator;
useSimulator((s) => (sim = s));

const creds = () => syncroCredentials(sim.baseUrl, sim.token);
const rl = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });
const run = async (operation: string, parameters: Record<string, unknown> = {}) =>
	await runChain([{}], [{ name: 'Syncro', parameters: { resource: 'ticket', operation, ...parameters } }], creds());

describe('Ticket worksheets', () => {
	it('lists the worksheets of a ticket', async () => {
		const result = await run('getWorksheets', { ticketId: rl(4003), returnAll: true });
		expect(result.error).toBeUndefined();
		expect(result.output('Syncro').map((i) => [i.json.id, i.json.complete])).toEqual([[13001, true]]);
		expect(sim.requests[0].path).toBe('/tickets/4003/worksheet_results');
	});

	it('adds a worksheet from a template, answers it, reads it and deletes it', async () => {
		const added = await run('addWorksheet', { ticketId: rl(4009), worksheet_template_id: 72, additionalFields: { title: 'Offboarding - Tom Fischer' } });
		expect(added.error).toBeUndefined();
		const sheet = added.output('Syncro')[0].json;
		expect(sheet).toMatchObject({ ticket_id: 4009, worksheet_template_id: 72, name: 'Offboarding - Tom Fischer' });
		expect(sim.requestsTo('POST', '/tickets/4009/worksheet_results')[0].body).toEqual({ worksheet_template_id: 72, title: 'Offboarding - Tom Fischer' });

		const answered = await run('updateWorksheet', {
			ticketId: rl(4009),
			worksheetResultId: sheet.id,
			updateFields: { answers: '{"account_disabled": {"value": "true"}, "licenses_removed": {"value": "true"}}', complete: false },
		});
		expect(answered.error).toBeUndefined();
		const fields = answered.output('Syncro')[0].json.field_list as Array<{ slug: string; value: string | null }>;
		expect(fields.filter((f) => f.value === 'true').map((f) => f.slug)).toEqual(['account_disabled', 'licenses_removed']);

		const read = await run('getWorksheet', { ticketId: rl(4009), worksheetResultId: sheet.id });
		expect(read.output('Syncro')[0].json).toMatchObject({ id: sheet.id, complete: false });

		const deleted = await run('deleteWorksheet', { ticketId: rl(4009), worksheetResultId: sheet.id });
		expect(deleted.error).toBeUndefined();
		expect(sim.db.table('worksheet_results').get(sheet.id as number)).toBeUndefined();

		const unknown = await run('addWorksheet', { ticketId: rl(4009), worksheet_template_id: 99 });
		expect(unknown.error?.message).toMatch(/422.*worksheet template must exist/);
	});
});
