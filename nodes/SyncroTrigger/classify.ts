/**
 * Works out which event a Syncro Notification Center delivery is.
 *
 * Syncro sends no event type, only `{text, html, link, attributes}`. Two independent readings are combined:
 * - the first line of `text` (e.g. "A Ticket status was changed to Resolved", "New Customer Created!", "RMM Alert"),
 *   read by keywords rather than exact sentences, so a reworded line still classifies;
 * - the shape of `attributes` (an RMM alert has `computer_name` + `formatted_output`, a ticket `number` +
 *   `subject` + `status`, …) and the record path in `link` (`/tickets/123`), which name the resource even when
 *   the text says nothing useful (a new wording, another language).
 * When the shape and the text disagree about the resource, the shape wins: it is the record Syncro serialised.
 */
import type { IDataObject } from 'n8n-workflow';

import { OTHER_EVENT, type SyncroResource } from './events';

export interface Classification {
	event: string;
	resource: SyncroResource | null;
	id: number | null;
	/** For ticket.status_changed: the new status, as Syncro spelled it. */
	toStatus?: string;
	/** What decided the event: the text, the attributes, or both. */
	classifiedBy: 'text' | 'attributes' | 'text+attributes' | 'none';
	/** The attributes with Syncro's loose types fixed (`resolved: "true"` -> true). */
	record: IDataObject;
}

const isObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

const has = (record: IDataObject, key: string): boolean => record[key] !== undefined && record[key] !== null;

/** Syncro sends booleans as booleans, as "true"/"false" strings, or (for RMM alerts) not at all. */
export function toBoolean(value: unknown): boolean {
	if (typeof value === 'boolean') return value;
	if (typeof value === 'number') return value !== 0;
	if (typeof value === 'string') return ['true', '1', 'yes', 't'].includes(value.trim().toLowerCase());
	return false;
}

export function firstLine(text: unknown): string {
	if (typeof text !== 'string') return '';
	for (const line of text.split(/\r?\n/)) {
		const trimmed = line.trim();
		if (trimmed !== '') return trimmed;
	}
	return '';
}

/** Resource named by the first line, most specific first ("customer replied to ticket" is about a ticket). */
const TEXT_RESOURCES: Array<[SyncroResource, RegExp]> = [
	['rmm_alert', /\brmm[\s_-]*alerts?\b|\balert\b/],
	['ticket', /\btickets?\b/],
	['payment', /\bpayments?\b/],
	['estimate', /\bestimates?\b|\bquotes?\b/],
	['invoice', /\binvoices?\b/],
	['appointment', /\bappointments?\b|\bbookings?\b/],
	['lead', /\bleads?\b|\bopportunit(y|ies)\b/],
	['asset', /\bassets?\b|\bdevices?\b/],
	['contact', /\bcontacts?\b/],
	['customer', /\bcustomers?\b|\bclients?\b/],
];

function resourceFromText(line: string): SyncroResource | null {
	const lower = line.toLowerCase();
	for (const [resource, pattern] of TEXT_RESOURCES) if (pattern.test(lower)) return resource;
	return null;
}

const LINK_SEGMENTS: Record<string, SyncroResource> = {
	tickets: 'ticket',
	customers: 'customer',
	contacts: 'contact',
	invoices: 'invoice',
	payments: 'payment',
	estimates: 'estimate',
	rmm_alerts: 'rmm_alert',
	appointments: 'appointment',
	customer_assets: 'asset',
	assets: 'asset',
	leads: 'lead',
};

export function resourceFromLink(link: unknown): { resource: SyncroResource; id: number } | null {
	if (typeof link !== 'string') return null;
	const match = /\/([a-z_]+)\/(\d+)(?:[/?#]|$)/.exec(link);
	if (!match) return null;
	const resource = LINK_SEGMENTS[match[1]];
	return resource ? { resource, id: Number(match[2]) } : null;
}

/** True when `attributes` is a ticket comment rather than a ticket. */
function isComment(a: IDataObject): boolean {
	return (
		has(a, 'ticket_id') &&
		has(a, 'body') &&
		(has(a, 'tech') || has(a, 'hidden') || has(a, 'subject')) &&
		!has(a, 'number')
	);
}

/** Resource told by the shape of `attributes` (top-level keys only: RMM alerts embed a whole customer). */
function resourceFromAttributes(a: IDataObject): SyncroResource | null {
	if (
		(has(a, 'computer_name') && has(a, 'formatted_output')) ||
		(isObject(a.properties) && has(a.properties, 'trigger') && has(a, 'formatted_output'))
	) {
		return 'rmm_alert';
	}
	if (has(a, 'number') && has(a, 'subject') && has(a, 'status')) return 'ticket';
	if (has(a, 'problem_type') && has(a, 'subject')) return 'ticket';
	if (isComment(a)) return 'ticket';
	if (
		has(a, 'payment_amount') ||
		has(a, 'amount_cents') ||
		(has(a, 'payment_method') && (has(a, 'invoice_ids') || has(a, 'ref_num') || has(a, 'applied_at')))
	) {
		return 'payment';
	}
	if (
		has(a, 'balance_due') ||
		has(a, 'is_paid') ||
		(has(a, 'number') && has(a, 'due_date') && (has(a, 'total') || has(a, 'subtotal')))
	) {
		return 'invoice';
	}
	if (has(a, 'number') && has(a, 'status') && (has(a, 'total') || has(a, 'subtotal') || has(a, 'line_items')))
		return 'estimate';
	if (has(a, 'summary') && has(a, 'start_at')) return 'appointment';
	if (
		has(a, 'opportunity_amount_dollars') ||
		has(a, 'likelihood') ||
		(has(a, 'first_name') && has(a, 'last_name') && has(a, 'status'))
	) {
		return 'lead';
	}
	if (
		has(a, 'asset_type') ||
		has(a, 'asset_serial') ||
		(has(a, 'name') && isObject(a.properties) && has(a.properties, 'kabuto_information'))
	) {
		return 'asset';
	}
	if (has(a, 'customer_id') && has(a, 'name') && !has(a, 'business_name')) return 'contact';
	if (
		!has(a, 'customer_id') &&
		(has(a, 'business_name') || has(a, 'business_then_name') || (has(a, 'firstname') && has(a, 'lastname')))
	) {
		return 'customer';
	}
	return null;
}

const CREATED =
	/\b(created|added|opened|submitted|booked|generated|registered)\b|\bnew\s+(\w+\s+)?(tickets?|customers?|clients?|contacts?|leads?|estimates?|quotes?|invoices?|appointments?|bookings?|assets?|devices?|payments?|alerts?)\b/;
const UPDATED = /\b(updated|changed|edited|modified)\b/;
const NOT_AN_EVENT =
	/\b(failed|fail|skipped|expir\w*|removed|deleted|due|overdue|stale|rollup|emailed|sent|assigned|disabled|breach\w*|reminder|spam|late fee|stored)\b/;

/** The new status in "A Ticket status was changed to Waiting on Customer". */
export function statusFromText(line: string): string | undefined {
	const match = /\bstatus\b.*?\b(?:changed|updated|set|moved)\s+(?:to|into)\s*:?\s*(.+)$/i.exec(line);
	if (!match) return undefined;
	const status = match[1]
		.trim()
		.replace(/^["'“]|["'”.!]+$/g, '')
		.trim();
	return status === '' ? undefined : status;
}

function ticketAction(line: string, a: IDataObject, raw: string): { action: string; toStatus?: string } | null {
	if (/\b(billing status|automation|intake form|outtake form)\b/.test(line)) return null;
	const toStatus = statusFromText(raw);
	if (toStatus !== undefined || /\bstatus\b.*\b(changed|updated)\b/.test(line)) {
		return { action: 'status_changed', toStatus: toStatus ?? (typeof a.status === 'string' ? a.status : undefined) };
	}
	if (/\b(resolved|closed)\b/.test(line)) return { action: 'resolved' };
	if (/\b(repl(y|ied|ies)|responded|answered)\b/.test(line)) return { action: 'customer_replied' };
	if (/\b(comment|note)s?\b/.test(line)) return { action: 'comment_added' };
	if (NOT_AN_EVENT.test(line)) return null;
	if (CREATED.test(line)) return { action: 'created' };
	return null;
}

function simpleAction(line: string, canUpdate: boolean): string | null {
	if (NOT_AN_EVENT.test(line)) return null;
	if (CREATED.test(line)) return 'created';
	if (canUpdate && UPDATED.test(line)) return 'updated';
	return null;
}

/** The action word of the first line for a resource, or null when the line names none we know. */
function actionFromText(
	resource: SyncroResource,
	lineRaw: string,
	a: IDataObject,
): { action: string; toStatus?: string } | null {
	const line = lineRaw.toLowerCase();
	switch (resource) {
		case 'ticket':
			return ticketAction(line, a, lineRaw);
		case 'rmm_alert':
			if (/\b(stale|rollup)\b/.test(line)) return null;
			if (toBoolean(a.resolved) || /\b(resolved|cleared|recovered|closed|back online)\b/.test(line))
				return { action: 'resolved' };
			return { action: 'created' };
		case 'payment':
			if (/\b(failed|declined|removed|expir\w*|stored|skipped)\b/.test(line)) return null;
			if (/\b(made|received|recorded|applied|paid|new)\b/.test(line)) return { action: 'received' };
			return null;
		case 'estimate': {
			const approved = /\b(approved|accepted)\b/.test(line);
			const declined = /\b(declined|rejected)\b/.test(line);
			if (approved || declined) {
				// "Estimate - is approved/declined" names both: the record's status decides.
				const status = typeof a.status === 'string' ? a.status.toLowerCase() : '';
				if (approved && declined)
					return status.includes('declin')
						? { action: 'declined' }
						: status.includes('approv')
							? { action: 'approved' }
							: null;
				return { action: approved ? 'approved' : 'declined' };
			}
			const act = simpleAction(line, false);
			return act ? { action: act } : null;
		}
		case 'customer':
		case 'contact': {
			const act = simpleAction(line, true);
			return act ? { action: act } : null;
		}
		default: {
			const act = simpleAction(line, false);
			return act ? { action: act } : null;
		}
	}
}

/** Reads an action from the record alone, for a first line in words we do not know. */
function actionFromShape(resource: SyncroResource, a: IDataObject): { action: string } | null {
	if (resource === 'rmm_alert') return { action: toBoolean(a.resolved) ? 'resolved' : 'created' };
	if (resource === 'estimate' && typeof a.status === 'string') {
		if (/approv/i.test(a.status)) return { action: 'approved' };
		if (/declin/i.test(a.status)) return { action: 'declined' };
	}
	if (resource === 'payment') return { action: 'received' };
	if (resource === 'ticket' && isComment(a)) return null;
	const created = Date.parse(String(a.created_at ?? ''));
	const updated = Date.parse(String(a.updated_at ?? ''));
	if (Number.isFinite(created) && Number.isFinite(updated) && Math.abs(updated - created) <= 5_000)
		return { action: 'created' };
	return null;
}

const KNOWN_EVENTS = new Set([
	'ticket.created',
	'ticket.status_changed',
	'ticket.resolved',
	'ticket.comment_added',
	'ticket.customer_replied',
	'customer.created',
	'customer.updated',
	'contact.created',
	'contact.updated',
	'invoice.created',
	'payment.received',
	'estimate.created',
	'estimate.approved',
	'estimate.declined',
	'rmm_alert.created',
	'rmm_alert.resolved',
	'appointment.created',
	'asset.created',
	'lead.created',
]);

/** The attributes with Syncro's loose types fixed; RMM alerts always get a boolean `resolved`. */
function normaliseRecord(resource: SyncroResource | null, attributes: IDataObject): IDataObject {
	const record: IDataObject = { ...attributes };
	if (resource === 'rmm_alert' || has(record, 'resolved')) record.resolved = toBoolean(record.resolved);
	return record;
}

function recordId(
	resource: SyncroResource | null,
	a: IDataObject,
	link: ReturnType<typeof resourceFromLink>,
): number | null {
	const pick = (value: unknown): number | null => {
		const n = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
		return typeof n === 'number' && Number.isSafeInteger(n) && n > 0 ? n : null;
	};
	if (resource === 'ticket' && isComment(a)) return pick(a.ticket_id) ?? (link?.resource === 'ticket' ? link.id : null);
	return pick(a.id) ?? (link && (resource === null || link.resource === resource) ? link.id : null);
}

export function classify(body: IDataObject): Classification {
	const attributes = isObject(body.attributes) ? body.attributes : {};
	const line = firstLine(body.text);
	const link = resourceFromLink(body.link);
	const byText = resourceFromText(line);
	const byShape = resourceFromAttributes(attributes) ?? link?.resource ?? null;
	const resource = byShape ?? byText;

	let event = OTHER_EVENT;
	let toStatus: string | undefined;
	let classifiedBy: Classification['classifiedBy'] = 'none';
	if (resource) {
		const fromText =
			line !== '' && (byText === null || byText === resource) ? actionFromText(resource, line, attributes) : null;
		if (fromText) {
			event = `${resource}.${fromText.action}`;
			toStatus = fromText.toStatus;
			classifiedBy = byShape === null ? 'text' : 'text+attributes';
		} else if (byShape !== null && !speaksOfSomethingElse(line)) {
			// A first line in words we do not know (reworded, translated, empty): the record decides.
			const fromShape = actionFromShape(resource, attributes);
			if (fromShape) {
				event = `${resource}.${fromShape.action}`;
				classifiedBy = 'attributes';
			}
		}
	}
	if (!KNOWN_EVENTS.has(event)) {
		event = OTHER_EVENT;
		classifiedBy = 'none';
	}
	const result: Classification = {
		event,
		resource,
		id: recordId(resource, attributes, link),
		classifiedBy,
		record: normaliseRecord(resource, attributes),
	};
	if (event === 'ticket.status_changed' && toStatus !== undefined) result.toStatus = toStatus;
	return result;
}

/** True when the line clearly speaks of something else than a change of the record (a reminder, a chat, an email sent…). */
function speaksOfSomethingElse(line: string): boolean {
	const lower = line.toLowerCase();
	return (
		NOT_AN_EVENT.test(lower) ||
		/\b(chat|sla|script|sms|snail mail|api token|baseline|phone call|stock take|purchase order|rma|return|prepay|balance|billing|automation|triggered|form)\b/.test(
			lower,
		)
	);
}
