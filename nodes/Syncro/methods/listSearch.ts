/**
 * Searchable dropdowns of resource locators: one function per record type in `core/records.ts`. Without a
 * Syncro credential on the node yet, a search finds nothing and says nothing (see loadOptions.ts).
 */
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { RECORD_TYPES, RECORDS, listSearchMethod, type RecordSpec, type RecordType } from '../core';
import { extractCollection, hasCredential, resolveSettings, syncroRequest } from '../transport';

type Search = (
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
) => Promise<INodeListSearchResult>;

function searchFor(type: RecordType): Search {
	const spec: RecordSpec = RECORDS[type];
	return async function (this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
		if (!hasCredential(this)) return { results: [] };
		const settings = await resolveSettings(this);
		const page = Number(paginationToken) > 0 ? Number(paginationToken) : 1;
		const text = (filter ?? '').trim();
		const query: Record<string, string | number> = { page };
		if (text && spec.searchParam) query[spec.searchParam] = text;
		const body = await syncroRequest(this, { method: 'GET', path: spec.listPath, query }, settings);
		let records = extractCollection(body, spec.collectionKey).map((r) =>
			r && typeof (r as IDataObject)[type] === 'object' ? ((r as IDataObject)[type] as IDataObject) : r,
		);
		if (text && !spec.searchParam) {
			const needle = text.toLowerCase();
			records = records.filter((r) => spec.title(r).toLowerCase().includes(needle) || String(r.id) === text);
		}
		const meta = (body as IDataObject | undefined)?.meta as IDataObject | undefined;
		const more = meta?.total_pages !== undefined ? page < Number(meta.total_pages) : records.length > 0 && !text;
		return {
			results: records.map((r) => ({
				name: spec.title(r) || `${spec.label} ${String(r.id)}`,
				value: String(r.id),
				url: `${settings.connection.appUrl}/${spec.urlSegment}/${String(r.id)}`,
			})),
			paginationToken: more ? String(page + 1) : undefined,
		};
	};
}

export const listSearch: Record<string, Search> = Object.fromEntries(
	RECORD_TYPES.map((type) => [listSearchMethod(type), searchFor(type)]),
);
