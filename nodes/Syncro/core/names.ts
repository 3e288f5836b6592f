/**
 * Names for dropdown fields: a person's expression or an AI agent may give "Jordan Patel", "jordan@acme.com",
 * "high" or "hardware" where the editor's dropdown would store an ID or Syncro's exact name.
 *
 * - Fields whose dropdown sends an ID (technician, ticket type, asset type…): a value that is not a numeric
 *   ID is looked up by name in the tenant's list (technicians also by email); an ID is sent as it is.
 * - Fields whose dropdown sends a name (status, priority, issue type…): as a tool, the value is matched
 *   against the tenant's list and Syncro's spelling is sent; the regular node sends what it is given.
 * A value that matches nothing (or several entries) fails with the valid values listed.
 *
 * Each list is read at most once per execution of the node (cached on the execution context).
 */
import type { IDataObject, IExecuteFunctions, INodePropertyOptions } from 'n8n-workflow';

import { fetchListSource, tenantListOptions, TENANT_LISTS, type TenantList } from './tenantLists';
import { syncroRequest } from '../transport';
import type { FieldDef, Reject } from './table';
import { runsAsTool } from './tool';

/** Syncro endpoints read during one execution of the node (lists, technician details), by execution context. */
const cache = new WeakMap<object, Map<string, Promise<unknown>>>();

function once<T>(ctx: IExecuteFunctions, key: string, load: () => Promise<T>): Promise<T> {
	let lists = cache.get(ctx);
	if (!lists) cache.set(ctx, (lists = new Map()));
	let pending = lists.get(key) as Promise<T> | undefined;
	if (!pending) {
		pending = load();
		lists.set(key, pending);
		// A failed read is not kept: the next item may try again.
		pending.catch(() => lists?.delete(key));
	}
	return pending;
}

const normalise = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');
const isId = (value: unknown) =>
	(typeof value === 'number' && Number.isInteger(value) && value > 0) ||
	(typeof value === 'string' && /^\s*\d+\s*$/.test(value));
const MAX_LISTED = 30;

interface Entry {
	name: string;
	value: string | number;
	email?: string;
}

type Match = { entry: Entry } | { several: Entry[] } | { none: true };

function match(entries: Entry[], given: string): Match {
	const needle = normalise(given);
	const exact = entries.filter(
		(e) => normalise(e.name) === needle || (e.email !== undefined && normalise(e.email) === needle),
	);
	if (exact.length === 1) return { entry: exact[0] };
	if (exact.length > 1) return { several: exact };
	const partial = entries.filter((e) => normalise(e.name).includes(needle));
	if (partial.length === 1) return { entry: partial[0] };
	if (partial.length > 1) return { several: partial };
	return { none: true };
}

function listed(entries: Entry[], list: TenantList): string {
	const shown = entries
		.slice(0, MAX_LISTED)
		.map((e) => (list.valueBy === 'id' ? `${e.name} (${String(e.value)})` : `"${e.name}"`));
	return `${shown.join(', ')}${entries.length > MAX_LISTED ? `, … (${entries.length} in all)` : ''}`;
}

async function entriesOf(ctx: IExecuteFunctions, list: TenantList, withEmails: boolean): Promise<Entry[]> {
	const body = await once(ctx, list.path, () => fetchListSource(ctx, list));
	const entries: Entry[] = tenantListOptions(body, list).map((o: INodePropertyOptions) => ({
		name: o.name,
		value: o.value as string | number,
	}));
	if (!withEmails) return entries;
	// Syncro lists technicians as [id, name]; the email is only in each technician's own record.
	for (const entry of entries) {
		const body = (await once(ctx, `/users/${String(entry.value)}`, () =>
			syncroRequest(ctx, { method: 'GET', path: `/users/${encodeURIComponent(String(entry.value))}` }),
		)) as IDataObject | undefined;
		const email = (body?.user as IDataObject | undefined)?.email;
		if (typeof email === 'string') entry.email = email;
	}
	return entries;
}

/**
 * What to send for `value`, given for a field whose dropdown is loaded from the tenant: an ID dropdown takes
 * an ID as it is and looks anything else up by name (technicians also by email); a name dropdown is matched
 * only as a tool. No match, or several, is refused with the valid values.
 */
export async function resolveName(
	ctx: IExecuteFunctions,
	field: FieldDef,
	value: unknown,
	reject: Reject,
): Promise<unknown> {
	const list = field.loadOptions ? TENANT_LISTS[field.loadOptions] : undefined;
	if (!list || value === undefined || value === null || value === '' || typeof value === 'object') return value;
	if (list.valueBy === 'id' ? isId(value) : !runsAsTool(ctx)) return value;
	const given = String(value);
	const byEmail = field.loadOptions === 'getUsers' && given.includes('@');
	const entries = [
		...(field.alsoAccepts ?? []).map((name) => ({ name, value: name })),
		...(await entriesOf(ctx, list, byEmail)),
	];
	const found = match(entries, given);
	if ('entry' in found) return found.entry.value;
	if ('several' in found) {
		return reject(
			`"${given}" matches several ${list.noun} entries in Syncro: ${listed(found.several, list)}. Give the full name${list.valueBy === 'id' ? ' or the ID' : ''}`,
		);
	}
	return reject(
		`"${given}" matches no ${list.noun} in Syncro. Valid values: ${entries.length ? listed(entries, list) : 'none (the list is empty)'}`,
	);
}
