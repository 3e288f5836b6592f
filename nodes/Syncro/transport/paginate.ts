/**
 * "Return All" over Syncro's page-numbered lists.
 *
 * `page` is the only control and the page size is fixed per endpoint (and not always what the spec says),
 * so: stop at `meta.total_pages` when Syncro sends it; without meta, stop on an empty page or a page shorter
 * than the first one; never fetch past a hard page cap; stop as soon as `limit` records are in hand.
 * The caller's filters are sent again on every page.
 */
import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { resolveSettings, syncroRequest, type QueryValue, type SyncroContext, type SyncroRequest } from './request';

export const MAX_PAGES = 5000;

export interface PaginateOptions {
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
	let firstPageSize: number | undefined;

	for (let page = 1; ; page++) {
		if (page > maxPages) {
			throw new NodeOperationError(
				ctx.getNode(),
				`Stopped after ${maxPages} pages of ${options.path}: the list looks endless`,
				{
					itemIndex: options.itemIndex,
					description: 'Narrow the filters or set a Limit. Syncro kept returning full pages without page totals.',
				},
			);
		}
		const request: SyncroRequest = {
			method: 'GET',
			path: options.path,
			query: { ...options.query, page },
			permission: options.permission,
			itemIndex: options.itemIndex,
		};
		const body = await syncroRequest(ctx, request, settings);
		let records = extractCollection(body, options.collectionKey);
		if (limit !== undefined && results.length + records.length > limit) {
			records = records.slice(0, limit - results.length);
		}
		options.onPage?.(records, page, body);
		for (const record of records) results.push(record);

		if (limit !== undefined && results.length >= limit) break;
		if (isLastPage(body, records.length, page, firstPageSize)) break;
		firstPageSize ??= records.length;
	}
	return results;
}
