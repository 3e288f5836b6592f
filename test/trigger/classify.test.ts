/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code: runs under Node.js in this repository, never inside n8n */
/**
 * Classification of Syncro Notification Center deliveries: every event from realistic payloads (the one real
 * delivery and payloads built from the catalogue's evidence), reworded and translated texts, and the
 * type fixes (`resolved: "true"` -> true, a missing `resolved` -> false).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { classify, firstLine, resourceFromLink, statusFromText, toBoolean } from '../../nodes/SyncroTrigger/classify';
import { EVENTS } from '../../nodes/SyncroTrigger/events';

const FIXTURES = path.resolve(__dirname, '../fixtures/webhooks');

interface IndexEntry {
	file: string;
	event: string;
	resource: string | null;
	id: number | null;
	toStatus?: string;
	resolved?: boolean;
	evidence: string;
}

const index = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'index.json'), 'utf8')) as IndexEntry[];
const load = (file: string) => JSON.parse(fs.readFileSync(path.join(FIXTURES, file), 'utf8'));

describe('classify: every fixture', () => {
	it.each(index.map((e) => [e.file, e] as const))('%s', (_file, entry) => {
		const c = classify(load(entry.file));
		expect({ event: c.event, resource: c.resource, id: c.id }).toEqual({ event: entry.event, resource: entry.resource, id: entry.id });
		if (entry.toStatus !== undefined) expect(c.toStatus).toBe(entry.toStatus);
		else expect(c.toStatus).toBeUndefined();
		if (entry.resolved !== undefined) expect(c.record.resolved).toBe(entry.resolved);
	});

	it('has a realistic payload for every named event, and every fixture file is indexed', () => {
		const covered = new Set(index.map((e) => e.event));
		for (const spec of EVENTS) expect(covered.has(spec.value)).toBe(true);
		const files = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.json') && f !== 'index.json');
		expect(files.sort()).toEqual(index.map((e) => e.file).sort());
	});

	it('reads the real RMM delivery (no "resolved" key, typo "Resolvd") as an open alert', () => {
		const body = load('rmm-alert-created.json');
		expect('resolved' in body.attributes).toBe(false);
		const c = classify(body);
		expect(c.event).toBe('rmm_alert.created');
		expect(c.record.resolved).toBe(false);
		expect(c.record.computer_name).toBe('S07POS1');
		expect(c.classifiedBy).toBe('text+attributes');
	});
});

describe('classify: reworded first lines', () => {
	const ticket = load('ticket-created.json').attributes;
	const customer = load('customer-created.json').attributes;
	const alert = load('rmm-alert-resolved.json').attributes;
	const cases: Array<[string, Record<string, unknown>, string, string | null]> = [
		['Ticket #30017 was created from an email', ticket, 'ticket.created', null],
		['A new ticket has been submitted: VPN drops every hour', ticket, 'ticket.created', null],
		['Status of ticket #30017 changed to Scheduled', ticket, 'ticket.status_changed', 'Scheduled'],
		['A Ticket status was changed to Customer Reply', ticket, 'ticket.status_changed', 'Customer Reply'],
		['Ticket #30017 has been resolved', ticket, 'ticket.resolved', null],
		['Ticket #30017 closed by Sam Chen', ticket, 'ticket.resolved', null],
		['The customer responded to ticket #30017', ticket, 'ticket.customer_replied', null],
		['Private note added on ticket 30017', ticket, 'ticket.comment_added', null],
		['Customer "Summit Family Clinic" was created', customer, 'customer.created', null],
		['Customer record changed: Summit Family Clinic', { ...customer, updated_at: '2026-11-01T00:00:00Z' }, 'customer.updated', null],
		['RMM alert cleared on SFC-WS03', { ...alert, resolved: false }, 'rmm_alert.resolved', null],
		['RMM-Alert', { ...alert, resolved: 'false' }, 'rmm_alert.created', null],
		['', { ...alert, resolved: 'TRUE' }, 'rmm_alert.resolved', null],
	];
	it.each(cases)('"%s"', (text, attributes, event, toStatus) => {
		const c = classify({ text, html: text, link: null, attributes } as never);
		expect(c.event).toBe(event);
		if (toStatus !== null) expect(c.toStatus).toBe(toStatus);
	});

	it('keeps unrelated notifications as "other", with the resource when it can be told', () => {
		const other: Array<[string, Record<string, unknown>, string | null]> = [
			['Ticket #30017 is due in the next 15 mins', ticket, 'ticket'],
			['A ticket has been assigned to you', ticket, 'ticket'],
			['Ticket #30017: Billing Status was changed to Invoiced', ticket, 'ticket'],
			['Automation was triggered on Ticket #30017', { ...ticket, updated_at: ticket.created_at }, 'ticket'],
			['An Intake Form was emailed to the ticket contact', ticket, 'ticket'],
			['Script - failed on SFC-WS03', {}, null],
			['Customer - Prepay Hour balance reaches zero', { ...customer, updated_at: '2026-11-01T00:00:00Z' }, 'customer'],
			['A payment failed on a recurring Invoice', {}, 'payment'],
			['A new card was stored in the Customer Portal', {}, 'customer'],
			['Chat - New unread message while I\'m offline', {}, null],
		];
		for (const [text, attributes, resource] of other) {
			const c = classify({ text, attributes } as never);
			expect([text, c.event, c.resource]).toEqual([text, 'other', resource]);
		}
	});

	it('lets the record decide when the line is about something else than the record', () => {
		const payment = load('payment-received.json');
		expect(classify({ ...payment, text: 'Invoice #1052: money in' }).event).toBe('payment.received');
	});
});

describe('classify: helpers', () => {
	it('coerces Syncro booleans', () => {
		expect([true, 'true', 'TRUE', '1', 1, 't'].map(toBoolean)).toEqual([true, true, true, true, true, true]);
		expect([false, 'false', '', '0', 0, null, undefined, 'no'].map(toBoolean)).toEqual([false, false, false, false, false, false, false, false]);
	});

	it('reads the first non-empty line and the new status', () => {
		expect(firstLine('\n  RMM Alert \nS07POS1')).toBe('RMM Alert');
		expect(firstLine(undefined)).toBe('');
		expect(statusFromText('A Ticket status was changed to Waiting for Parts')).toBe('Waiting for Parts');
		expect(statusFromText('Ticket status updated to: "In Progress".')).toBe('In Progress');
		expect(statusFromText('A Ticket was created')).toBeUndefined();
	});

	it('reads the record from the link', () => {
		expect(resourceFromLink('https://sample-msp.syncromsp.com/rmm_alerts/512000101')).toEqual({ resource: 'rmm_alert', id: 512000101 });
		expect(resourceFromLink('https://acme.syncromsp.com/customer_assets/7044?tab=info')).toEqual({ resource: 'asset', id: 7044 });
		expect(resourceFromLink('https://acme.syncromsp.com/dashboard')).toBeNull();
		expect(resourceFromLink(42)).toBeNull();
	});

	it('takes the ticket id of a comment, and the link id when attributes have none', () => {
		expect(classify(load('ticket-comment-added.json')).id).toBe(4017);
		expect(classify({ text: 'A Ticket was resolved', link: 'https://acme.syncromsp.com/tickets/4005', attributes: {} } as never)).toMatchObject({
			event: 'ticket.resolved',
			resource: 'ticket',
			id: 4005,
		});
	});
});
