// @ts-check
'use strict';
/**
 * In-memory tables for the Syncro simulator: integer IDs, timestamps, shallow copies out.
 */

class Table {
	/** @param {string} name @param {number} firstId */
	constructor(name, firstId = 1) {
		this.name = name;
		/** @type {Map<number, Record<string, any>>} */
		this.rows = new Map();
		this.nextId = firstId;
	}

	/** @param {Record<string, any>} data */
	insert(data) {
		const now = new Date().toISOString();
		const id = data.id !== undefined ? Number(data.id) : this.nextId;
		this.nextId = Math.max(this.nextId, id + 1);
		const row = { id, created_at: now, updated_at: now, ...data };
		row.id = id;
		this.rows.set(id, row);
		return row;
	}

	/** @param {number|string} id */
	get(id) {
		const key = Number(id);
		return Number.isSafeInteger(key) ? this.rows.get(key) : undefined;
	}

	/** @param {number|string} id @param {Record<string, any>} patch */
	update(id, patch) {
		const row = this.get(id);
		if (!row) return undefined;
		Object.assign(row, patch, { id: row.id, updated_at: new Date().toISOString() });
		return row;
	}

	/** @param {number|string} id */
	remove(id) {
		const row = this.get(id);
		if (row) this.rows.delete(row.id);
		return row;
	}

	all() {
		return [...this.rows.values()];
	}

	/** @param {(row: Record<string, any>) => boolean} fn */
	filter(fn) {
		return this.all().filter(fn);
	}

	get size() {
		return this.rows.size;
	}
}

class Store {
	constructor() {
		/** @type {Map<string, Table>} */
		this.tables = new Map();
	}

	/** @param {string} name */
	table(name) {
		let table = this.tables.get(name);
		if (!table) {
			table = new Table(name, 1000 + this.tables.size * 1000);
			this.tables.set(name, table);
		}
		return table;
	}

	clear() {
		this.tables.clear();
	}
}

module.exports = { Store, Table };
