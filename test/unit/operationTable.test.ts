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
