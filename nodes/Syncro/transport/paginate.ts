/**
 * "Return All" over Syncro's page-numbered lists.
 *
 * `page` is the only control and the page size is fixed per endpoint (and not always what the spec says),
 * so: stop at `meta.total_pages` when Syncro sends it; without meta, stop on an empty page or a page shorter
 * than the first one; never fetch past a hard page cap; stop as soon as `limit` records are in hand.
 * The caller's filters are sent again on every page. When the first page gives the page total and the
 * execution may send requests side by side (slots.ts), the other pages are fetched in a window.
 */
import type { IDataObject, NodeOperationError } from 'n8n-workflow';

import { endlessListError } from './errors';
import { resolveSettings, syncroRequest, type QueryValue, type SyncroContext, type SyncroRequest } from './request';
import { parallelism } from './slots';

const MAX_PAGES = 5000;

interface PaginateOptions {
	path: string;
	query?: Record<string, QueryValue>;
	/** Key of the array in the list envelope, e.g. `tickets`, `assets` for /customer_assets. */
	collectionKey: string;
	/** Stop once this many records are collected; undefined = all. */
	limit?: number;
	permission?: string;
	itemIndex?: number;
	maxPages?: number;
	/** Called with each page's records and its whole answer as they arrive; may throw to stop. */
	onPage?: (records: IDataObject[], page: number, body: unknown) => void;
}

export function extractCollection(body: unknown, collectionKey: string): IDataObject[] {
	if (Array.isArray(body)) return body as IDataObject[];
	if (body && typeof body === 'object') {
		const value = (body as IDataObject)[collectionKey];
		if (Array.isArray(value)) return value as IDataObject[];
		if (value === undefined || value === null) return [];
	}
	return [];
}

export function totalPages(body: unknown): number | undefined {
	const meta = body && typeof body === 'object' ? (body as IDataObject).meta : undefined;
	const total = meta && typeof meta === 'object' ? Number((meta as IDataObject).total_pages) : NaN;
	return Number.isFinite(total) && total >= 0 ? total : undefined;
}

/**
 * Syncro's stop rules for page `page` holding `count` records: `meta.total_pages` when Syncro sends it;
 * otherwise an empty page, or a page shorter than the first one (`firstPageSize`, once known).
 */
export function isLastPage(body: unknown, count: number, page: number, firstPageSize: number | undefined): boolean {
	const total = totalPages(body);
	if (total !== undefined) return page >= total;
	if (count === 0) return true;
	return firstPageSize !== undefined && count < firstPageSize;
}

export async function paginate(ctx: SyncroContext, options: PaginateOptions): Promise<IDataObject[]> {
	const settings = await resolveSettings(ctx, options.itemIndex);
	const maxPages = options.maxPages ?? MAX_PAGES;
	const limit = options.limit;
	const results: IDataObject[] = [];
	const fetchPage = async (page: number): Promise<unknown> => {
		const request: SyncroRequest = {
			method: 'GET',
			path: options.path,
			query: { ...options.query, page },
			permission: options.permission,
			itemIndex: options.itemIndex,
		};
		return await syncroRequest(ctx, request, settings);
	};
	/** Keeps a page's records (up to the limit); true once the limit is reached. */
	const take = (body: unknown, page: number): boolean => {
		let records = extractCollection(body, options.collectionKey);
		if (limit !== undefined && results.length + records.length > limit)
			records = records.slice(0, limit - results.length);
		options.onPage?.(records, page, body);
		for (const record of records) results.push(record);
		return limit !== undefined && results.length >= limit;
	};

	const first = await fetchPage(1);
	const firstPageSize = extractCollection(first, options.collectionKey).length;
	if (take(first, 1) || isLastPage(first, firstPageSize, 1, undefined)) return results;

	const total = totalPages(first);
	if (total !== undefined && parallelism(ctx) > 1) {
		await takePagesInWindow(ctx, options, {
			total,
			firstPageSize,
			maxPages,
			fetchPage,
			take,
			collected: () => results.length,
		});
		return results;
	}
	for (let page = 2; ; page++) {
		if (page > maxPages) throw endless(ctx, options, maxPages);
		const body = await fetchPage(page);
		const count = extractCollection(body, options.collectionKey).length;
		if (take(body, page) || isLastPage(body, count, page, firstPageSize)) break;
	}
	return results;
}

function endless(ctx: SyncroContext, options: PaginateOptions, maxPages: number): NodeOperationError {
	return endlessListError(ctx.getNode(), { path: options.path, maxPages, itemIndex: options.itemIndex });
}

/**
 * Pages 2… of a list whose first page gave `meta.total_pages`: a window of pages in flight (as many as the
 * execution may send side by side), each page taken in page order as soon as it and those before it are in.
 * With a limit, a page is requested only while the pages already requested cannot hold it (pages are full
 * but the last), so no page beyond the limit is fetched. The page total is re-read from every page taken.
 * After a failed page nothing new is requested; the pages in flight finish before the error is thrown.
 */
async function takePagesInWindow(
	ctx: SyncroContext,
	options: PaginateOptions,
	state: {
		total: number;
		firstPageSize: number;
		maxPages: number;
		fetchPage: (page: number) => Promise<unknown>;
		take: (body: unknown, page: number) => boolean;
		collected: () => number;
	},
): Promise<void> {
	const window = parallelism(ctx);
	const inFlight = new Map<number, Promise<{ body: unknown } | { error: unknown }>>();
	let total = state.total;
	let nextToSend = 2;
	let nextToTake = 2;
	const wanted = () =>
		nextToSend <= total &&
		(options.limit === undefined ||
			state.collected() + (nextToSend - nextToTake) * state.firstPageSize < options.limit);
	try {
		while (nextToTake <= total) {
			while (inFlight.size < window && wanted()) {
				if (nextToSend > state.maxPages) throw endless(ctx, options, state.maxPages);
				const page = nextToSend++;
				inFlight.set(
					page,
					state.fetchPage(page).then(
						(body) => ({ body }),
						(error: unknown) => ({ error }),
					),
				);
			}
			const pending = inFlight.get(nextToTake);
			if (!pending) return;
			const outcome = await pending;
			inFlight.delete(nextToTake);
			if ('error' in outcome) throw outcome.error;
			if (state.take(outcome.body, nextToTake)) return;
			total = totalPages(outcome.body) ?? total;
			nextToTake++;
		}
	} finally {
		// Nothing is left running behind the caller's back.
		await Promise.all(inFlight.values());
	}
}
