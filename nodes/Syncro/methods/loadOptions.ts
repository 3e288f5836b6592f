/**
 * Dropdowns filled from the tenant: one `loadOptions` method per tenant list (core/tenantLists.ts).
 * A dropdown of a node that has no Syncro credential yet (a node just added, before n8n has put the
 * credential it picks on it) loads nothing and says nothing: n8n asks again once a credential is set.
 */
import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { fetchListSource, tenantListOptions, TENANT_LISTS } from '../core';
import { hasCredential } from '../transport';

type Loader = (this: ILoadOptionsFunctions) => Promise<INodePropertyOptions[]>;

export const loadOptions: Record<string, Loader> = Object.fromEntries(
	Object.entries(TENANT_LISTS).map(([method, list]) => [
		method,
		async function (this: ILoadOptionsFunctions) {
			if (!hasCredential(this)) return [];
			return tenantListOptions(await fetchListSource(this, list), list);
		},
	]),
);
