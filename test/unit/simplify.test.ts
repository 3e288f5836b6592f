/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- test code: runs under Node.js in this repository, never inside n8n */
/**
 * Simplify: the main Syncro records reduced to IDs, names, status, dates and links, measured on the
 * simulator's records (shaped like Syncro's live answers).
 */
import type { IDataObject } from 'n8n-workflow';
import * as path from 'node:path';

import { useSimulator, type Simulator } from '../helpers/simulator';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { simplifyRecord } = require(path.resolve(__dirname, '../../dist/nodes/Syncro/core/simplify'));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { RESOURCES } = require(path.resolve(__dirname, '../../dist/nodes/Syncro/resources'));

let sim: Simulator;
useSimulator((s) => (sim = s));

const APP = 'https://acme.syncromsp.com';

async function list(pathAndQuery: string, key: string): Promise<IDataObject[]> {
	const res = await fetch(`${sim.baseUrl}${pathAndQuery}`, { headers: { Authorization: `Bearer ${sim.token}` } });
	return ((await res.json()) as IDataObject)[key] as IDataObject[];
}

const size = (value: unknown) => JSON.stringify(value).length;

describe('Simplify', () => {
	const cases: Array<[string, string, string, string[], string | undefined]> = [
		['customer', '/customers', 'customers', ['id', 'name', 'email', 'url'], 'customers'],
		['ticket', '/tickets', 'tickets', ['id', 'number', 'subject', 'status', 'customer_id', 'customer_name', 'created_at', 'url'], 'tickets'],
		['contact', '/contacts', 'contacts', ['id', 'name', 'customer_id', 'url'], 'contacts'],
		['asset', '/customer_assets', 'assets', ['id', 'name', 'customer_id', 'url'], 'customer_assets'],
		['invoice', '/invoices', 'invoices', ['id', 'number', 'customer_id', 'total', 'url'], 'invoices'],
		['estimate', '/estimates', 'estimates', ['id', 'number', 'status', 'customer_id', 'url'], 'estimates'],
		['rmmAlert', '/rmm_alerts?status=all', 'rmm_alerts', ['id', 'description', 'customer_id', 'created_at', 'asset_url'], undefined],
		['comment', '/tickets/4001/comments', 'comments', ['id', 'ticket_id', 'subject', 'body', 'created_at'], undefined],
	];

	it.each(cases)('keeps the fields a person or an agent needs of a %s, with its link, in a fraction of the size', async (type, endpoint, key, fields, segment) => {
		const records = await list(endpoint, key);
		expect(records.length).toBeGreaterThan(0);
		const simple = records.map((r) => simplifyRecord(type, r, APP));
		for (const [i, record] of simple.entries()) {
			for (const field of fields) expect(record).toHaveProperty(field);
			if (segment) expect(record.url).toBe(`${APP}/${segment}/${String(records[i].id)}`);
			// Nothing empty is kept.
			expect(Object.values(record).some((v) => v === null || v === '' || (Array.isArray(v) && v.length === 0))).toBe(false);
		}
		const raw = size(records) / records.length;
		const small = size(simple) / simple.length;
		// Comments are mostly their text: they shrink least.
		expect(small).toBeLessThan(raw * (type === 'comment' ? 0.95 : 0.6));
		console.log(`${type}: ${Math.round(raw)} -> ${Math.round(small)} characters per record (${records.length} records)`);
	});

	it('keeps answers that are not records, and the node\'s own findOrCreateResult', () => {
		expect(simplifyRecord('ticket', { success: true }, APP)).toEqual({ success: true });
		expect(simplifyRecord('customer', { found: false }, APP)).toEqual({ found: false });
		expect(simplifyRecord('customer', { id: 5, business_name: 'Acme', findOrCreateResult: 'found' }, APP)).toEqual({
			id: 5,
			name: 'Acme',
			url: `${APP}/customers/5`,
			findOrCreateResult: 'found',
		});
	});

	it('is declared only on operations that return one of the main records', () => {
		const simplified = RESOURCES.flatMap((r: IDataObject & { operations: IDataObject[] }) =>
			r.operations.filter((o) => o.simplify).map((o) => `${String(r.value)}.${String(o.operation)}:${String(o.simplify)}`),
		);
		expect(simplified).toEqual(expect.arrayContaining(['ticket.getAll:ticket', 'ticket.addComment:comment', 'customer.findOrCreate:customer', 'rmmAlert.get:rmmAlert', 'estimate.convertToInvoice:invoice']));
		for (const entry of simplified) expect(entry).not.toMatch(/\.(delete|print|email)/);
	});
});
