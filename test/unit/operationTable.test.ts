/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code: runs under Node.js in this repository, never inside n8n */
/**
 * The operation table is the single source of the node: every operation of Syncro's official spec must be
 * reachable, every entry must be well-formed, and the editor description built from it must be valid.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NodeHelpers } from 'n8n-workflow';
import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';

import { buildProperties } from '../../nodes/Syncro/core/describe';
import { isTopLevel } from '../../nodes/Syncro/core/layout';
import { segmentKind } from '../../nodes/Syncro/core/coerce';
import { RESOURCES } from '../../nodes/Syncro/resources';
import { Syncro } from '../../nodes/Syncro/Syncro.node';

const SPEC_PATH = path.resolve(__dirname, '../../../shared/syncro-api/swagger.json');
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

function specOperations(): Map<string, { summary: string; tag: string }> {
	const spec = JSON.parse(fs.readFileSync(SPEC_PATH, 'utf8')) as { paths: Record<string, Record<string, { summary?: string; tags?: string[] }>> };
	const ops = new Map<string, { summary: string; tag: string }>();
	for (const [p, methods] of Object.entries(spec.paths)) {
		for (const [method, op] of Object.entries(methods)) {
			if (METHODS.includes(method)) ops.set(`${method.toUpperCase()} ${p}`, { summary: op.summary ?? '', tag: op.tags?.[0] ?? '' });
		}
	}
	return ops;
}

const tableOps = RESOURCES.flatMap((resource) => resource.operations.map((op) => ({ resource, op })));

const describeSpec = fs.existsSync(SPEC_PATH) ? describe : describe.skip;

describeSpec('coverage of the official Syncro spec', () => {
	it('maps every spec operation to exactly one node operation', () => {
		const spec = specOperations();
		const covered = new Map<string, string>();
		const duplicates: string[] = [];
		const unknown: string[] = [];
		for (const { resource, op } of tableOps) {
			if (!op.spec) continue;
			if (!spec.has(op.spec)) unknown.push(`${resource.value}.${op.operation}: ${op.spec}`);
			if (covered.has(op.spec)) duplicates.push(`${op.spec} (${covered.get(op.spec)} and ${resource.value}.${op.operation})`);
			covered.set(op.spec, `${resource.value}.${op.operation}`);
		}
		const missing = [...spec.keys()].filter((key) => !covered.has(key)).map((key) => `${key} [${spec.get(key)?.tag}] ${spec.get(key)?.summary}`);
		const coveredCount = [...spec.keys()].filter((key) => covered.has(key)).length;
		// eslint-disable-next-line no-console
		console.log(`covered ${coveredCount}/${spec.size}`);
		expect(unknown).toEqual([]);
		expect(duplicates).toEqual([]);
		expect(missing).toEqual([]);
	});

	it("marks exactly the fields the spec does not list for their operation, and the editor says so", () => {
		const spec = JSON.parse(fs.readFileSync(SPEC_PATH, 'utf8')) as { paths: Record<string, Record<string, unknown>> };
		const resolve = (node: unknown): Record<string, unknown> | undefined => {
			let value = node as Record<string, unknown> | undefined;
			while (value && typeof value.$ref === 'string') {
				value = (value.$ref as string).replace(/^#\//, '').split('/').reduce<unknown>((at, key) => (at as Record<string, unknown>)?.[key], spec) as Record<string, unknown>;
			}
			return value;
		};
		/** Every parameter and body key the spec names for an operation, nested ones (`properties{subject}`) included. */
		const specNames = (operation: Record<string, unknown>): Set<string> => {
			const names = new Set<string>();
			for (const parameter of (operation.parameters as unknown[] | undefined) ?? []) names.add(String(resolve(parameter)?.name));
			const collect = (schema: unknown, depth = 0) => {
				const resolved = resolve(schema);
				if (!resolved || depth > 6) return;
				for (const [key, inner] of Object.entries((resolved.properties as Record<string, unknown> | undefined) ?? {})) {
					names.add(key);
					collect(inner, depth + 1);
				}
				for (const part of (resolved.allOf as unknown[] | undefined) ?? []) collect(part, depth + 1);
				if (resolved.items) collect(resolved.items, depth + 1);
			};
			const content = (resolve(operation.requestBody)?.content as Record<string, { schema?: unknown }> | undefined) ?? {};
			for (const media of Object.values(content)) collect(media.schema);
			return names;
		};
		const unmarked: string[] = [];
		const wronglyMarked: string[] = [];
		for (const { resource, op } of tableOps) {
			if (!op.spec) continue;
			const [method, specPath] = op.spec.split(' ');
			const operation = spec.paths[specPath]?.[method.toLowerCase()] as Record<string, unknown>;
			const names = specNames(operation);
			for (const field of op.fields) {
				if (field.in === 'path' || field.kind === 'extraParameters') continue;
				const id = `${resource.value}.${op.operation}: ${field.name}`;
				if (!names.has(field.name) && !field.beyondSpec) unmarked.push(id);
				if (names.has(field.name) && field.beyondSpec) wronglyMarked.push(id);
			}
		}
		expect(unmarked).toEqual([]);
		expect(wronglyMarked).toEqual([]);
		const shown = JSON.stringify(new Syncro().description.properties);
		const marked = tableOps.flatMap(({ op }) => op.fields.filter((f) => f.beyondSpec));
		expect(marked.length).toBeGreaterThan(10);
		expect(shown.split("Not in Syncro's API document").length - 1).toBeGreaterThanOrEqual(new Set(marked.map((f) => f.name)).size);
	});
});

describe('operation table', () => {
	it('gives every operation an action name, a description, a method and a unique value', () => {
		const problems: string[] = [];
		for (const resource of RESOURCES) {
			const seen = new Set<string>();
			if (!resource.description.trim()) problems.push(`${resource.value}: no description`);
			for (const op of resource.operations) {
				const id = `${resource.value}.${op.operation}`;
				if (seen.has(op.operation)) problems.push(`${id}: duplicate operation value`);
				seen.add(op.operation);
				if (!op.name.trim()) problems.push(`${id}: no name`);
				if (!op.action.trim()) problems.push(`${id}: no action`);
				if (op.description.trim().length < 10) problems.push(`${id}: description too short`);
				if (!op.spec && !op.isNew && !op.run) problems.push(`${id}: neither a spec operation nor marked isNew`);
			}
		}
		expect(problems).toEqual([]);
	});

	it('declares a path field for every {placeholder} and no stray path fields', () => {
		const problems: string[] = [];
		for (const { resource, op } of tableOps) {
			const placeholders = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
			const pathFields = op.fields.filter((f) => f.in === 'path').map((f) => f.name).sort();
			if (JSON.stringify(placeholders) !== JSON.stringify(pathFields)) problems.push(`${resource.value}.${op.operation}: path ${op.path} vs fields ${pathFields.join(',')}`);
			if (!op.path.startsWith('/')) problems.push(`${resource.value}.${op.operation}: path must start with /`);
		}
		expect(problems).toEqual([]);
	});

	it('says for every path field what its value must look like (numeric ID, UUID or slug)', () => {
		const unknown = tableOps.flatMap(({ resource, op }) =>
			op.fields.filter((f) => f.in === 'path' && segmentKind(f) === undefined).map((f) => `${resource.value}.${op.operation}: ${f.name} (${f.kind})`),
		);
		expect(unknown).toEqual([]);
	});

	it('keeps field names unique within an operation and top-level parameter names consistent across operations', () => {
		const problems: string[] = [];
		const topLevelTypes = new Map<string, string>();
		const properties = buildProperties(RESOURCES);
		for (const p of properties) {
			const previous = topLevelTypes.get(p.name);
			if (previous && previous !== p.type && !['resource', 'operation'].includes(p.name)) problems.push(`top-level "${p.name}" is both ${previous} and ${p.type}`);
			topLevelTypes.set(p.name, p.type);
		}
		for (const { resource, op } of tableOps) {
			const names = op.fields.map((f) => `${isTopLevel(f) ? 'top' : 'opt'}:${f.param ?? f.name}`);
			const dup = names.filter((n, i) => names.indexOf(n) !== i);
			if (dup.length) problems.push(`${resource.value}.${op.operation}: duplicate fields ${dup.join(', ')}`);
		}
		expect(problems).toEqual([]);
	});

	it('builds editor parameters n8n accepts for every operation', () => {
		const description = new Syncro().description as INodeTypeDescription;
		for (const { resource, op } of tableOps) {
			const parameters = NodeHelpers.getNodeParameters(description.properties as INodeProperties[], { resource: resource.value, operation: op.operation }, true, false, null, null);
			expect(parameters).toMatchObject({ resource: resource.value, operation: op.operation });
		}
		expect(description.usableAsTool).toBe(true);
	});
});
