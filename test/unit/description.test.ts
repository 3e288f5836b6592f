/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code: runs under Node.js in this repository, never inside n8n */
/**
 * The editor description n8n sends to every editor: held under a size bound, and proven to show every
 * operation exactly what the one-copy-per-operation form (`expandProperties`) shows.
 */
import { NodeHelpers } from 'n8n-workflow';
import type { INode, INodeParameters, INodeProperties, INodeTypeDescription } from 'n8n-workflow';

import { buildProperties } from '../../nodes/Syncro/core/describe';
import { nodeProperties } from '../../nodes/Syncro/core/properties';
import { RESOURCES } from '../../nodes/Syncro/resources';
import { Syncro } from '../../nodes/Syncro/Syncro.node';

/**
 * JSON characters of `new Syncro().description`; n8n's largest built-in node (Notion) is about 284,000.
 * The editor description proper (every operation, field, option and description of the table) is held to
 * 285,000. The tool descriptions (one per operation, shown only when the node is an AI agent's tool, about
 * 67,000 with their wrappers) come on top: the whole is held where it is.
 *
 * The bounds were 250,000 and 290,000 until every operation got its Extra Query Parameters or Extra Body
 * Fields (core/extras.ts): one copy of a small fixedCollection per collection the operations still have
 * after sharing (about 50, 31,500 characters), the Options collections of the operations that had none, and
 * a sentence in each tool description: about 59,500 characters in all, measured, and kept minimal (no
 * descriptions inside the pair). Nothing else may grow them: share instead.
 */
const SIZE_BOUND = 285_000;
const SIZE_BOUND_WITH_TOOL_DESCRIPTIONS = 350_000;

const description = new Syncro().description as INodeTypeDescription;
const node: INode = { id: 'syncro', name: 'Syncro', type: 'n8n-nodes-syncro.syncro', typeVersion: 1, position: [0, 0], parameters: {} };
const tableOps = RESOURCES.flatMap((resource) => resource.operations.map((op) => ({ resource: resource.value, op })));

function withoutDisplayOptions(property: INodeProperties): Omit<INodeProperties, 'displayOptions'> {
	const rest = { ...property };
	delete rest.displayOptions;
	return rest;
}

/**
 * What the editor shows for these parameter values, resolved with n8n's own NodeHelpers: the visible
 * properties in order, each without its displayOptions, and for collections the visible options.
 */
function shown(properties: INodeProperties[], values: INodeParameters): Array<Omit<INodeProperties, 'displayOptions'>> {
	const resolved = NodeHelpers.getNodeParameters(properties, values, true, false, node, description) as INodeParameters;
	return properties
		.filter((p) => NodeHelpers.displayParameter(resolved, p, node, description))
		.map((p) => {
			if (p.type !== 'collection') return withoutDisplayOptions(p);
			const root = { parameters: { ...resolved, [p.name]: {} } };
			const options = (p.options as INodeProperties[])
				.filter((option) => NodeHelpers.displayParameterPath(root, option, `parameters.${p.name}`, node, description))
				.map(withoutDisplayOptions);
			return { ...withoutDisplayOptions(p), options } as Omit<INodeProperties, 'displayOptions'>;
		});
}

describe('editor description', () => {
	/** The size of `properties` as JSON, or an error naming the largest parameters when it is over `bound`. */
	function holdSize(what: string, properties: INodeProperties[], bound: number) {
		const size = JSON.stringify({ ...description, properties }).length;
		if (size > bound) {
			const byName = new Map<string, number>();
			for (const p of properties) byName.set(p.name, (byName.get(p.name) ?? 0) + JSON.stringify(p).length);
			const largest = [...byName].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([name, bytes]) => `${name} ${bytes}`).join(', ');
			throw new Error(
				`${what} is ${size} characters of JSON, ${size - bound} over the bound of ${bound}. ` +
					`Largest parameters (all copies): ${largest}. Share what operations have in common (core/compact.ts) instead of raising the bound.`,
			);
		}
		expect(size).toBeLessThanOrEqual(bound);
	}

	it(`keeps the editor description within ${SIZE_BOUND.toLocaleString('en')} characters of JSON (n8n sends it to every editor)`, () => {
		holdSize("The Syncro node's description without its tool descriptions", description.properties.filter((p) => p.name !== 'toolDescription'), SIZE_BOUND);
	});

	it(`keeps it within ${SIZE_BOUND_WITH_TOOL_DESCRIPTIONS.toLocaleString('en')} with the tool description of every operation`, () => {
		holdSize("The Syncro node's description", description.properties, SIZE_BOUND_WITH_TOOL_DESCRIPTIONS);
	});

	it('shows every operation the same parameters, options, types and descriptions, in the same order, as one copy per operation would', () => {
		const expanded = nodeProperties(RESOURCES, { expanded: true });
		const sent = description.properties;
		expect(sent.length).toBeLessThan(expanded.length);
		const differences: string[] = [];
		for (const { resource, op } of tableOps) {
			for (const returnAll of op.list ? [false, true] : [undefined]) {
				const values: INodeParameters = { resource, operation: op.operation, ...(returnAll === undefined ? {} : { returnAll }) };
				const before = shown(expanded, values);
				const after = shown(sent, values);
				if (JSON.stringify(after) !== JSON.stringify(before)) {
					differences.push(`${resource}.${op.operation}${returnAll === undefined ? '' : ` (returnAll ${returnAll})`}: ${before.map((p) => p.name).join(',')} -> ${after.map((p) => p.name).join(',')}`);
				}
				// Every field of the table is there (a collection option or a top-level parameter).
				const names = new Set(after.flatMap((p) => [p.name, ...(p.type === 'collection' ? (p.options as INodeProperties[]).map((o) => `${p.name}.${o.name}`) : [])]));
				for (const field of op.fields) {
					const topLevel = names.has(field.param ?? field.name);
					const optional = [...names].some((n) => n.endsWith(`.${field.name}`));
					if (!topLevel && !optional) differences.push(`${resource}.${op.operation}: field ${field.name} not shown`);
				}
			}
		}
		expect(differences).toEqual([]);
	});

	it('shows no parameter and no collection option twice for one operation', () => {
		const problems: string[] = [];
		for (const { resource, op } of tableOps) {
			const after = shown(description.properties, { resource, operation: op.operation, returnAll: false });
			const names = after.map((p) => p.name);
			const twice = names.filter((n, i) => names.indexOf(n) !== i);
			if (twice.length) problems.push(`${resource}.${op.operation}: ${twice.join(', ')}`);
			for (const p of after.filter((q) => q.type === 'collection')) {
				const options = (p.options as INodeProperties[]).map((o) => o.name);
				const dup = options.filter((n, i) => options.indexOf(n) !== i);
				if (dup.length) problems.push(`${resource}.${op.operation}: ${p.name}.${dup.join(', ')}`);
			}
		}
		expect(problems).toEqual([]);
	});

	it('combines displayOptions only into resource x operation products that are all operations of the table', () => {
		const operations = new Set(tableOps.map(({ resource, op }) => `${resource}.${op.operation}`));
		const outside: string[] = [];
		for (const p of buildProperties(RESOURCES)) {
			const show = p.displayOptions?.show;
			if (!show?.operation) continue;
			for (const r of show.resource as string[]) {
				for (const o of show.operation as string[]) if (!operations.has(`${r}.${o}`)) outside.push(`${p.name}: ${r}.${o}`);
			}
		}
		expect(outside).toEqual([]);
	});
});

describe('the description built once, at build time (nodes/Syncro/description.generated.ts)', () => {
	it('is what the operation table gives: run `npm run describe` after changing a resource', () => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { generatedDescription, GENERATED_FILE } = require('../../scripts/describe');
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const fs = require('node:fs');
		const stale = fs.readFileSync(GENERATED_FILE, 'utf8') !== generatedDescription();
		expect({ stale, fix: stale ? 'npm run describe' : undefined }).toEqual({ stale: false, fix: undefined });
		expect(description.properties).toEqual(nodeProperties(RESOURCES));
	});

	it('is not rebuilt by a construction of the node: each one shares the same property objects', () => {
		const first = new Syncro().description.properties;
		const second = new Syncro().description.properties;
		expect(second).not.toBe(first);
		expect(second.every((property, index) => property === first[index])).toBe(true);
	});
});
