import { paginate } from '../../nodes/Syncro/transport/paginate';
import { buildQueryString } from '../../nodes/Syncro/transport/request';
import { fakeContext } from './fakeContext';

const rows = (page: number, size: number) => Array.from({ length: size }, (_, i) => ({ id: page * 1000 + i }));

describe('paginator', () => {
	it('stops at meta.total_pages and keeps the filters on every page', async () => {
		const ctx = fakeContext((url) => {
			const page = Number(url.searchParams.get('page'));
			return { body: { tickets: rows(page, 25), meta: { total_pages: 3, page } } };
		});
		const records = await paginate(ctx as never, { path: '/tickets', query: { status: 'Resolved', 'id': [1, 2] }, collectionKey: 'tickets' });
		expect(records).toHaveLength(75);
		expect(ctx.calls.map((u) => u.searchParams.get('page'))).toEqual(['1', '2', '3']);
		for (const url of ctx.calls) {
			expect(url.searchParams.get('status')).toBe('Resolved');
			expect(url.searchParams.getAll('id[]')).toEqual(['1', '2']);
		}
	});

	it('without meta, stops on a page shorter than the first one', async () => {
		const ctx = fakeContext((url) => {
			const page = Number(url.searchParams.get('page'));
			return { body: { products: rows(page, page < 3 ? 25 : 7) } };
		});
		expect(await paginate(ctx as never, { path: '/products', collectionKey: 'products' })).toHaveLength(57);
		expect(ctx.calls).toHaveLength(3);
	});

	it('without meta, stops on an empty page', async () => {
		const ctx = fakeContext((url) => {
			const page = Number(url.searchParams.get('page'));
			return { body: { vendors: page <= 2 ? rows(page, 100) : [] } };
		});
		expect(await paginate(ctx as never, { path: '/vendors', collectionKey: 'vendors' })).toHaveLength(200);
		expect(ctx.calls).toHaveLength(3);
	});

	it('reads the per-endpoint collection key (assets for /customer_assets)', async () => {
		const ctx = fakeContext(() => ({ body: { assets: rows(1, 3), meta: { total_pages: 1, page: 1 } } }));
		expect(await paginate(ctx as never, { path: '/customer_assets', collectionKey: 'assets' })).toHaveLength(3);
	});

	it('stops fetching as soon as the limit is met (no extra page)', async () => {
		const ctx = fakeContext((url) => {
			const page = Number(url.searchParams.get('page'));
			return { body: { tickets: rows(page, 25), meta: { total_pages: 40, page } } };
		});
		const records = await paginate(ctx as never, { path: '/tickets', collectionKey: 'tickets', limit: 50 });
		expect(records).toHaveLength(50);
		expect(ctx.calls).toHaveLength(2);
		const partial = fakeContext((url) => ({ body: { tickets: rows(Number(url.searchParams.get('page')), 25), meta: { total_pages: 40 } } }));
		expect(await paginate(partial as never, { path: '/tickets', collectionKey: 'tickets', limit: 30 })).toHaveLength(30);
		expect(partial.calls).toHaveLength(2);
	});

	it('never fetches past the hard page cap', async () => {
		const ctx = fakeContext((url) => ({ body: { items: rows(Number(url.searchParams.get('page')), 50) } }));
		await expect(paginate(ctx as never, { path: '/items', collectionKey: 'items', maxPages: 4 })).rejects.toThrow(/Stopped after 4 pages/);
		expect(ctx.calls).toHaveLength(4);
	});
});

describe('query strings', () => {
	it('encodes values and sends arrays the Rails way', () => {
		expect(buildQueryString({ query: 'a&b=c', id: [1, 2], empty: '', none: undefined, flag: false })).toBe('?query=a%26b%3Dc&id%5B%5D=1&id%5B%5D=2&flag=false');
	});
});
