/**
 * One poll of the Syncro Polling Trigger.
 *
 * State (the node's static data) holds:
 * - `floor`: nothing older is ever emitted. Set to "now" on the first activation (no flood of old records),
 *   raised as the memory of seen records is pruned.
 * - `cursor`: the newest record time seen (Syncro's clock), from which the next pass reads, minus an overlap
 *   that absorbs clock skew and records committed late.
 * - `seen`: the events already emitted (record id, or id + `updated_at` when every change counts), so the
 *   overlap never emits anything twice.
 * - `pass`: a scan that needed more requests than one poll may make, carried over to the next poll.
 *
 * A poll never sends more than `maxRequests` requests (Syncro allows 180 per minute per IP for everything
 * behind it). The state is replaced only when a poll succeeds, so a failed request changes nothing.
 */
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { extractCollection, isLastPage, type QueryValue, syncroRequest, totalPages } from '../Syncro/transport';
import { eventKey, recordTime, type PollSource } from './sources';

const OVERLAP_MS = 5 * 60_000;
export const DEFAULT_MAX_REQUESTS = 10;
export const MAX_SEEN = 5000;
const MANUAL_LIMIT = 5;
const MANUAL_LOOKBACK_MS = 30 * 24 * 3600_000;
const COMMENTS_PER_PAGE = 100;
const STATE_VERSION = 1;

interface Pass extends IDataObject {
	/** Lower time bound of this pass (cursor at its start minus the overlap), epoch ms. */
	since: number;
	nextPage: number;
	/** n8n's clock when the pass began. */
	startedAt: number;
	maxTime: number;
	firstPageSize: number | null;
	/** Ticket list done; comments of `pending` tickets still to read (comments source). */
	listDone: boolean;
}

interface PendingTicket extends IDataObject {
	id: number;
	nextPage: number;
}

export interface PollState extends IDataObject {
	version: number;
	event: string;
	floor: number;
	cursor: number;
	seen: Record<string, number>;
	pass: Pass | null;
	pending: PendingTicket[];
}

interface PollOptions {
	maxRequests: number;
	/** Extra list filters chosen in the node (e.g. the RMM alert status). */
	query?: Record<string, QueryValue>;
	now?: number;
}

const iso = (ms: number): string => new Date(ms).toISOString();

function readState(staticData: IDataObject, event: string): PollState | undefined {
	const s = staticData.syncroPoll as PollState | undefined;
	if (!s || typeof s !== 'object' || s.version !== STATE_VERSION || s.event !== event) return undefined;
	return JSON.parse(JSON.stringify(s)) as PollState;
}

function freshState(event: string, now: number): PollState {
	return { version: STATE_VERSION, event, floor: now, cursor: now, seen: {}, pass: null, pending: [] };
}

class Budget {
	used = 0;

	constructor(readonly max: number) {}

	get left(): number {
		return this.max - this.used;
	}

	async get(
		ctx: IPollFunctions,
		path: string,
		query: Record<string, QueryValue>,
		permission: string,
	): Promise<unknown> {
		this.used++;
		return await syncroRequest(ctx, { method: 'GET', path, query, permission });
	}
}

function isDescendingById(records: IDataObject[]): boolean {
	for (let i = 1; i < records.length; i++) if (!(Number(records[i - 1].id) > Number(records[i].id))) return false;
	return records.length > 0;
}

/** Whether a list page was the last one, by the paginator's rules; remembers the first page's size. */
function lastPage(body: unknown, records: IDataObject[], page: number, pass: Pass): boolean {
	if (pass.firstPageSize === null && records.length > 0) pass.firstPageSize = records.length;
	return isLastPage(body, records.length, page, pass.firstPageSize ?? undefined);
}

function remember(state: PollState, key: string, time: number): void {
	state.seen[key] = Number.isFinite(time) ? time : state.floor;
}

function isNew(state: PollState, key: string | undefined, time: number): key is string {
	return key !== undefined && time >= state.floor && state.seen[key] === undefined;
}

/** End of a pass: move the cursor, raise the floor to the pass's lower bound, forget what is below it. */
function finishPass(state: PollState, pass: Pass): void {
	const reached = Math.min(pass.maxTime, pass.startedAt);
	if (Number.isFinite(reached)) state.cursor = Math.max(state.cursor, reached);
	state.floor = Math.max(state.floor, pass.since);
	state.pass = null;
	prune(state);
}

function prune(state: PollState): void {
	for (const [key, time] of Object.entries(state.seen)) if (time < state.floor) delete state.seen[key];
	const keys = Object.keys(state.seen);
	if (keys.length <= MAX_SEEN) return;
	keys.sort((a, b) => state.seen[a] - state.seen[b]);
	const dropped = keys.slice(0, keys.length - MAX_SEEN);
	// Nothing at or below what is forgotten may be emitted again.
	state.floor = Math.max(state.floor, state.seen[dropped[dropped.length - 1]] + 1);
	for (const key of dropped) delete state.seen[key];
}

function startPass(state: PollState, now: number): Pass {
	return {
		since: state.cursor - OVERLAP_MS,
		nextPage: 1,
		startedAt: now,
		maxTime: Number.NEGATIVE_INFINITY,
		firstPageSize: null,
		listDone: false,
	};
}

function listQuery(source: PollSource, pass: Pass, page: number): Record<string, QueryValue> {
	const query: Record<string, QueryValue> = { ...source.query, page };
	if (source.sinceParam) query[source.sinceParam] = iso(pass.since);
	return query;
}

/** Reads list pages of the current pass while the budget lasts; emits (or, for comments, queues) new records. */
async function scanList(
	ctx: IPollFunctions,
	source: PollSource,
	pass: Pass,
	budget: Budget,
	onRecord: (record: IDataObject, time: number) => void,
): Promise<boolean> {
	const listTime = source.kind === 'comments' ? 'updated_at' : source.timeField;
	while (budget.left > 0) {
		const page = pass.nextPage;
		const body = await budget.get(ctx, source.path, listQuery(source, pass, page), source.permission);
		const records = extractCollection(body, source.collectionKey);
		let oldest = Number.POSITIVE_INFINITY;
		for (const record of records) {
			const time = recordTime(record, listTime);
			if (time > pass.maxTime) pass.maxTime = time;
			if (time < oldest) oldest = time;
			onRecord(record, time);
		}
		pass.nextPage = page + 1;
		if (lastPage(body, records, page, pass)) return true;
		// Newest first (by id) and already past the pass's lower bound: the rest is older still.
		if (source.kind === 'scan' && isDescendingById(records) && oldest < pass.since) return true;
	}
	return false;
}

/** Emits the new records since the last poll (possibly none) and moves the state on. */
export async function pollOnce(ctx: IPollFunctions, source: PollSource, options: PollOptions): Promise<IDataObject[]> {
	const staticData = ctx.getWorkflowStaticData('node');
	const now = options.now ?? Date.now();
	const state = readState(staticData, source.value);
	if (!state) {
		// First activation (or another event chosen): start from now, read nothing.
		staticData.syncroPoll = freshState(source.value, now);
		return [];
	}
	const budget = new Budget(Math.max(1, Math.floor(options.maxRequests)));
	const out: IDataObject[] = [];
	const pass = state.pass ?? startPass(state, now);
	source = { ...source, query: { ...source.query, ...options.query } };
	state.pass = pass;

	if (source.kind === 'comments') {
		if (!pass.listDone) {
			pass.listDone = await scanList(ctx, source, pass, budget, (ticket, time) => {
				const key = `t:${String(ticket.id)}@${String(ticket.updated_at ?? '')}`;
				if (!isNew(state, key, time) || typeof ticket.id !== 'number') return;
				remember(state, key, time);
				if (!state.pending.some((p) => p.id === ticket.id)) state.pending.push({ id: ticket.id, nextPage: 1 });
			});
		}
		if (pass.listDone && (await readCommentsBudgeted(ctx, source, state, pass, budget, out))) finishPass(state, pass);
	} else {
		const done = await scanList(ctx, source, pass, budget, (record, time) => {
			const key = eventKey(source, record);
			if (!isNew(state, key, time)) return;
			remember(state, key, time);
			out.push(record);
		});
		if (done) finishPass(state, pass);
	}
	staticData.syncroPoll = state;
	return out;
}

/** Reads the comments of queued tickets within the budget; true when the queue is empty. */
async function readCommentsBudgeted(
	ctx: IPollFunctions,
	source: PollSource,
	state: PollState,
	pass: Pass,
	budget: Budget,
	out: IDataObject[],
): Promise<boolean> {
	while (state.pending.length > 0) {
		if (budget.left <= 0) return false;
		const ticket = state.pending[0];
		const query: Record<string, QueryValue> = {
			created_after: iso(pass.since),
			sort_by: 'created_at',
			sort_direction: 'asc',
			per_page: COMMENTS_PER_PAGE,
			page: ticket.nextPage,
		};
		const body = await budget.get(ctx, `/tickets/${ticket.id}/comments`, query, source.permission);
		const comments = extractCollection(body, 'comments');
		for (const comment of comments) {
			const time = recordTime(comment, 'created_at');
			const key = comment.id === undefined || comment.id === null ? undefined : `c:${String(comment.id)}`;
			if (!isNew(state, key, time)) continue;
			remember(state, key, time);
			out.push({ ...comment, ticket_id: comment.ticket_id ?? ticket.id });
		}
		const total = totalPages(body);
		const last = total !== undefined ? ticket.nextPage >= total : comments.length < COMMENTS_PER_PAGE;
		if (last) state.pending.shift();
		else ticket.nextPage++;
	}
	return true;
}

function byTimeDesc(field: string) {
	return (a: IDataObject, b: IDataObject) => recordTime(b, field) - recordTime(a, field) || Number(b.id) - Number(a.id);
}

/** Manual test: the newest few records, without touching the state. */
export async function sample(
	ctx: IPollFunctions,
	source: PollSource,
	query: Record<string, QueryValue> = {},
	now = Date.now(),
): Promise<IDataObject[]> {
	const budget = new Budget(6);
	source = { ...source, query: { ...source.query, ...query } };
	const recent = async (kind: PollSource, sinceField: string | undefined): Promise<IDataObject[]> => {
		const query: Record<string, QueryValue> = { ...kind.query, page: 1 };
		if (sinceField) query[sinceField] = iso(now - MANUAL_LOOKBACK_MS);
		let records = extractCollection(await budget.get(ctx, kind.path, query, kind.permission), kind.collectionKey);
		if (records.length === 0 && sinceField) {
			records = extractCollection(
				await budget.get(ctx, kind.path, { ...kind.query, page: 1 }, kind.permission),
				kind.collectionKey,
			);
		}
		return records;
	};
	if (source.kind !== 'comments') {
		const records = await recent(source, source.sinceParam);
		return records.sort(byTimeDesc(source.timeField)).slice(0, MANUAL_LIMIT);
	}
	const tickets = (await recent(source, source.sinceParam)).sort(byTimeDesc('updated_at')).slice(0, 3);
	const comments: IDataObject[] = [];
	for (const ticket of tickets) {
		if (budget.left <= 0) break;
		const body = await budget.get(
			ctx,
			`/tickets/${String(ticket.id)}/comments`,
			{ sort_by: 'created_at', sort_direction: 'desc', per_page: MANUAL_LIMIT, page: 1 },
			source.permission,
		);
		for (const c of extractCollection(body, 'comments')) comments.push({ ...c, ticket_id: c.ticket_id ?? ticket.id });
	}
	return comments.sort(byTimeDesc('created_at')).slice(0, MANUAL_LIMIT);
}
