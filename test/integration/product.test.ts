import { runChain, syncroCredentials } from '../helpers/harness';
import { useSimulator, type Simulator } from '../helpers/simulator';

let sim: Simulator;
useSimulator((s) => (sim = s), { pageSizes: { products: 3, product_serials: 2 } });

const creds = () => syncroCredentials(sim.baseUrl, sim.token);
const rl = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });
const run = async (operation: string, parameters: Record<string, unknown> = {}) =>
	await runChain([{}], [{ name: 'Syncro', parameters: { resource: 'product', operation, ...parameters } }], creds());

describe('Product resource', () => {
	it('lists products by IDs and category in a sort order, sending every filter on every page until a short page', async () => {
		const result = await run('getAll', {
			returnAll: true,
			filters: { id: '9001, 9002, 9003, 9004, 9010, 9011, 9012', id_not: '9002', category_id: 301, sort: 'price_retail DESC' },
		});
		expect(result.error).toBeUndefined();
		expect(result.output('Syncro').map((i) => [i.json.id, i.json.price_retail])).toEqual([[9003, 187.5], [9004, 140], [9001, 125]]);
		// 3 per page and no meta: a full first page, then an empty one ends the list.
		const pages = sim.requestsTo('GET', '/products');
		expect(pages.map((p) => p.query.page)).toEqual(['1', '2']);
		for (const page of pages) {
			expect(page.query).toMatchObject({ id: ['9001', '9002', '9003', '9004', '9010', '9011', '9012'], id_not: ['9002'], category_id: '301', sort: 'price_retail DESC' });
			expect(page.url).toContain('id%5B%5D=9001&id%5B%5D=9002');
		}
	});

	it('finds the default labor product, and a product by barcode', async () => {
		const labor = await run('get', { productId: { __rl: true, mode: 'url', value: 'https://demo-msp.syncromsp.com/products/9001' } });
		expect(labor.output('Syncro')[0].json).toMatchObject({ id: 9001, name: 'Labor - Remote Support', price_retail: 125, product_category: 'Labor' });

		const scanned = await run('getByBarcode', { barcode: '810010071234' });
		expect(scanned.output('Syncro')[0].json).toMatchObject({ id: 9011, photos: [{ id: 19501, file_name: 'u6-plus.jpg' }] });
		expect(sim.requestsTo('GET', '/products/barcode')[0].query).toEqual({ barcode: '810010071234' });

		const unknown = await run('getByBarcode', { barcode: '000000' });
		expect(unknown.error?.message).toMatch(/404.*Product not found/);
	});

	it('creates a stocked product with categories and vendor SKUs, then updates it', async () => {
		const created = await run('create', {
			name: 'Yubikey 5 NFC',
			description: 'Hardware security key',
			additionalFields: { price_retail: 65, price_cost: 45, maintain_stock: true, quantity: 20, category_ids: [302], product_skus_attributes: '[{"vendor_id": 401, "value": "YK5-NFC"}]' },
		});
		expect(created.error).toBeUndefined();
		const product = created.output('Syncro')[0].json;
		expect(product).toMatchObject({ name: 'Yubikey 5 NFC', maintain_stock: true, quantity: 20, category_ids: [302], product_category: 'Hardware', product_skus: [{ sku: 'YK5-NFC' }] });
		expect(sim.requestsTo('POST', '/products')[0].body).toMatchObject({ category_ids: [302], product_skus_attributes: [{ vendor_id: 401, value: 'YK5-NFC' }] });

		const updated = await run('update', { productId: rl(product.id as number), name: 'YubiKey 5 NFC', description: 'FIDO2 hardware security key', updateFields: { price_retail: 69, maintain_stock: true } });
		expect(updated.output('Syncro')[0].json).toMatchObject({ name: 'YubiKey 5 NFC', price_retail: 69, maintain_stock: true });
		expect(sim.db.table('products').get(product.id as number)?.price_retail).toBe(69);

		const invalid = await run('update', { productId: rl(product.id as number), name: 'YubiKey', description: '={{ "" }}' });
		expect(invalid.error?.message).toMatch(/Invalid "Description" in item 1: a value is required/);
	});

	it('lists categories, adds and deletes an image, and sets the stock at a location', async () => {
		const categories = await run('getCategories', { returnAll: true });
		expect(categories.output('Syncro').map((i) => i.json.name)).toEqual(['Labor', 'Hardware', 'Parts', 'Software & Licensing', 'Managed Services']);

		const images = await run('addImages', { productId: rl(9014), files: { file: [{ url: 'https://cdn.example.com/mk540.jpg', filename: 'mk540.jpg' }] } });
		expect(images.output('Syncro')[0].json.message).toMatch(/added shortly/);
		expect(sim.requestsTo('POST', '/products/9014/add_images')[0].body).toEqual({ files: [{ url: 'https://cdn.example.com/mk540.jpg', filename: 'mk540.jpg' }] });
		const photo = sim.db.table('product_photos').filter((p) => p.product_id === 9014)[0];

		const removed = await run('deleteImage', { productId: rl(9014), photo_id: photo.id });
		expect(removed.output('Syncro')[0].json).toEqual({ deleted: true, id: photo.id, product_id: 9014, message: 'Success! Image removed.' });
		expect(sim.requestsTo('DELETE', '/products/9014/delete_image')[0].query).toEqual({ photo_id: String(photo.id) });

		const stock = await run('updateLocationQuantity', { productId: rl(9012), location_quantity_id: 19012, quantity: 7 });
		expect(stock.output('Syncro')[0].json).toMatchObject({ id: 19012, product_id: 9012, quantity: 7 });
		expect(sim.db.table('products').get(9012)?.quantity).toBe(7);
	});

	it('manages serial numbers: create, list in stock over pages, update, attach to a ticket line', async () => {
		const created = await run('createSerial', { productId: rl(9013), serial_number: 'S6PUNX0T499999', additionalFields: { condition: 'New' } });
		expect(created.error).toBeUndefined();
		const serial = created.output('Syncro')[0].json;
		expect(serial).toMatchObject({ serial_number: 'S6PUNX0T499999', status: 'In Stock', instance_price_retail: 119 });

		const duplicate = await run('createSerial', { productId: rl(9013), serial_number: 'S6PUNX0T499999' });
		expect(duplicate.error?.message).toMatch(/422.*Serial number has already been taken/);

		sim.clearRequests();
		const inStock = await run('getSerials', { productId: rl(9013), returnAll: true, filters: { status: 'in_stock' } });
		expect(inStock.output('Syncro').map((i) => i.json.serial_number)).toEqual(['S6PUNX0T412345', 'S6PUNX0T412346', 'S6PUNX0T499999']);
		expect(sim.requestsTo('GET', '/products/9013/product_serials').map((r) => r.query)).toEqual([
			{ status: 'in_stock', page: '1' },
			{ status: 'in_stock', page: '2' },
		]);

		const updated = await run('updateSerial', { productId: rl(9013), serialId: serial.id, updateFields: { notes: 'Shelf B2' } });
		expect(updated.output('Syncro')[0].json).toMatchObject({ id: serial.id, notes: 'Shelf B2' });

		const line = sim.db.table('ticket_line_items').insert({ ticket_id: 4005, name: 'SSD', description: 'Replacement SSD', quantity: 1, price_retail: 119, invoice_id: null });
		const attached = await run('attachSerials', { productId: rl(9013), record_type: 'TicketLineItem', line_item_id: line.id, product_serial_ids: String(serial.id) });
		expect(attached.output('Syncro')[0].json).toEqual({ status: 'attached' });
		expect(sim.requestsTo('POST', '/products/9013/product_serials/attach_to_line_item')[0].body).toEqual({ record_type: 'TicketLineItem', line_item_id: line.id, product_serial_ids: [serial.id] });
		expect(sim.db.table('product_serials').get(serial.id as number)).toMatchObject({ line_item_id: line.id, status: 'Sold' });
	});

	it('manages vendor SKUs: list, create, update and delete', async () => {
		const list = await run('getSkus', { productId: rl(9010), returnAll: true });
		expect(list.output('Syncro').map((i) => i.json.sku)).toEqual(['210-BFZK', 'DL-7010M-I5']);

		const created = await run('createSku', { productId: rl(9010), vendor_id: rl(403), value: 'B0C1234XYZ' });
		const sku = created.output('Syncro')[0].json;
		expect(sku).toMatchObject({ sku: 'B0C1234XYZ', vendor_id: 403 });
		expect(sim.requestsTo('POST', '/products/9010/product_skus')[0].body).toEqual({ vendor_id: 403, value: 'B0C1234XYZ' });

		const updated = await run('updateSku', { productId: rl(9010), skuId: sku.id, updateFields: { value: 'B0C1234XYZ-2' } });
		expect(updated.output('Syncro')[0].json).toMatchObject({ id: sku.id, sku: 'B0C1234XYZ-2' });

		const deleted = await run('deleteSku', { productId: rl(9010), skuId: sku.id });
		expect(deleted.error).toBeUndefined();
		expect(sim.db.table('product_skus').get(sku.id as number)).toBeUndefined();
		expect(sim.requestsTo('DELETE', `/products/9010/product_skus/${sku.id}`)).toHaveLength(1);
	});
});
