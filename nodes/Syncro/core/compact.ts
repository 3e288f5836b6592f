/**
 * Shrinks the editor description without changing what any operation shows.
 *
 * `expandProperties` (describe.ts) emits every field once per operation, each shown for exactly one resource
 * and operation. n8n sends the whole description to every editor, so every copy costs every user. Two steps
 * remove the copies, and both keep, for every (resource, operation), the same properties, equal in every key,
 * in the same order:
 * - `shareCollectionOptions`: collections of one name (e.g. Update Fields) of several resources for one
 *   operation, or of several operations of one resource, become one collection whose options carry a
 *   condition on the root parameter (`/resource` or `/operation`) where they do not apply to all of them.
 * - `compactProperties`: equal properties are sent once with a combined `displayOptions`.
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

/** A property shown for exactly one resource and operation (plus, maybe, other conditions). */
interface Placed {
	property: INodeProperties;
	/** Position in the expanded list (or in the operation's collection): keeps the expanded order. */
	index: number;
	resource: string;
	operation: string;
	/** Identity apart from its resource and operation: equal keys are interchangeable. */
	key: string;
	/** The other conditions of its `show` (e.g. `returnAll: [false]`), kept as they are. */
	otherConditions: IDataObject;
}

/** One emitted property, shown for every resource of `resources` with every operation of `operations`. */
interface Block {
	members: Placed[];
	resources: string[];
	operations: string[];
	/** Position of its first member: the tie-breaker that keeps the expanded order. */
	first: number;
}

const unique = (values: string[]): string[] => [...new Set(values)];
const pair = (resource: string, operation: string): string => `${resource}\u0000${operation}`;

function withoutDisplayOptions(property: INodeProperties): Omit<INodeProperties, 'displayOptions'> {
	const rest = { ...property };
	delete rest.displayOptions;
	return rest;
}

function asPlaced(property: INodeProperties, index: number): Placed | undefined {
	const display = property.displayOptions;
	if (!display?.show || Object.keys(display).length !== 1) return undefined;
	const { resource, operation, ...otherConditions } = display.show;
	if (!Array.isArray(resource) || resource.length !== 1 || typeof resource[0] !== 'string') return undefined;
	if (!Array.isArray(operation) || operation.length !== 1 || typeof operation[0] !== 'string') return undefined;
	return {
		property,
		index,
		resource: resource[0],
		operation: operation[0],
		key: `${JSON.stringify(withoutDisplayOptions(property))}\u0000${JSON.stringify(otherConditions)}`,
		otherConditions: otherConditions as IDataObject,
	};
}

function block(members: Placed[]): Block {
	return {
		members,
		resources: unique(members.map((m) => m.resource)),
		operations: unique(members.map((m) => m.operation)),
		first: Math.min(...members.map((m) => m.index)),
	};
}

/**
 * Partitions the (resource, operation) pairs of equal properties into rectangles resources x operations.
 * n8n's `show` is a cross product, so a rectangle may only hold pairs that all had the property. Greedy:
 * take the largest rectangle left (the operations of one resource with every resource that has them all,
 * or the resources of one operation with every operation they all have), until no pair is left.
 */
function rectangles(members: Placed[]): Block[] {
	const blocks: Block[] = [];
	let left = members;
	while (left.length > 0) {
		const has = new Set(left.map((m) => pair(m.resource, m.operation)));
		const resources = unique(left.map((m) => m.resource));
		const operations = unique(left.map((m) => m.operation));
		let best = { rs: [] as string[], os: [] as string[] };
		const consider = (rs: string[], os: string[]) => {
			if (rs.length * os.length > best.rs.length * best.os.length) best = { rs, os };
		};
		for (const r of resources) {
			const os = operations.filter((o) => has.has(pair(r, o)));
			consider(
				resources.filter((other) => os.every((o) => has.has(pair(other, o)))),
				os,
			);
		}
		for (const o of operations) {
			const rs = resources.filter((r) => has.has(pair(r, o)));
			consider(
				rs,
				operations.filter((other) => rs.every((r) => has.has(pair(r, other)))),
			);
		}
		const inside = (m: Placed) => best.rs.includes(m.resource) && best.os.includes(m.operation);
		blocks.push(block(left.filter(inside)));
		left = left.filter((m) => !inside(m));
	}
	return blocks;
}

/**
 * Orders the blocks so that every (resource, operation) still shows its properties in the expanded order
 * (n8n shows them in array order). Where two operations order shared properties differently (a cycle), a
 * block involved is split back into one property per operation and the ordering tried again.
 */
function orderBlocks(initial: Block[]): Block[] {
	let blocks = initial;
	for (;;) {
		const blockOf = new Map<Placed, Block>();
		for (const b of blocks) for (const m of b.members) blockOf.set(m, b);
		// Each (resource, operation) lists its properties in expanded order; consecutive ones give an edge.
		const lanes = new Map<string, Placed[]>();
		for (const m of [...blockOf.keys()].sort((a, b) => a.index - b.index)) {
			const lane = pair(m.resource, m.operation);
			lanes.set(lane, [...(lanes.get(lane) ?? []), m]);
		}
		const edges = new Map<Block, Set<Block>>(blocks.map((b) => [b, new Set<Block>()]));
		const indegree = new Map<Block, number>(blocks.map((b) => [b, 0]));
		for (const lane of lanes.values()) {
			for (let i = 1; i < lane.length; i++) {
				const from = blockOf.get(lane[i - 1]) as Block;
				const to = blockOf.get(lane[i]) as Block;
				if (from === to || edges.get(from)?.has(to)) continue;
				edges.get(from)?.add(to);
				indegree.set(to, (indegree.get(to) ?? 0) + 1);
			}
		}
		const sorted: Block[] = [];
		const ready = blocks.filter((b) => indegree.get(b) === 0);
		while (ready.length > 0) {
			ready.sort((a, b) => a.first - b.first);
			const next = ready.shift() as Block;
			sorted.push(next);
			for (const to of edges.get(next) ?? []) {
				const left = (indegree.get(to) ?? 0) - 1;
				indegree.set(to, left);
				if (left === 0) ready.push(to);
			}
		}
		if (sorted.length === blocks.length) return sorted;
		const done = new Set(sorted);
		const stuck = blocks.filter((b) => !done.has(b) && b.members.length > 1).sort((a, b) => a.first - b.first)[0];
		blocks = blocks.flatMap((b) => (b === stuck ? b.members.map((m) => block([m])) : [b]));
	}
}

/**
 * Sends a property shared by several operations once, with a combined `displayOptions`. Properties that do
 * not show for a single resource and operation (the resource and operation dropdowns) stay where they are.
 */
export function compactProperties(expanded: INodeProperties[]): INodeProperties[] {
	const out: INodeProperties[] = [];
	let run: Placed[] = [];
	const flush = () => {
		const byKey = new Map<string, Placed[]>();
		for (const p of run) byKey.set(p.key, [...(byKey.get(p.key) ?? []), p]);
		for (const b of orderBlocks([...byKey.values()].flatMap(rectangles))) {
			const { property, otherConditions } = b.members[0];
			out.push({
				...property,
				displayOptions: { show: { resource: b.resources, operation: b.operations, ...otherConditions } },
			});
		}
		run = [];
	};
	expanded.forEach((property, index) => {
		const placed = asPlaced(property, index);
		if (placed) {
			run.push(placed);
			return;
		}
		flush();
		out.push(property);
	});
	flush();
	return out;
}

/** A collection of one operation whose options have no conditions of their own: it can be shared. */
function isSharable(placed: Placed): boolean {
	const { property } = placed;
	return (
		property.type === 'collection' &&
		Object.keys(placed.otherConditions).length === 0 &&
		Array.isArray(property.options) &&
		(property.options as INodeProperties[]).every((option) => option.displayOptions === undefined)
	);
}

/**
 * The options of one shared collection. `lanes` agree on the value shape of every option name
 * (`withoutConflicts`): options of one name may differ (a description, a list of values) where they apply to
 * different operations. `along` is what varies within the cluster: several resources of one operation, or
 * several operations of one resource.
 */
function sharedOptions(lanes: Placed[], along: 'resource' | 'operation'): INodeProperties[] {
	const entries: Placed[] = [];
	lanes.forEach((lane, laneIndex) => {
		(lane.property.options as INodeProperties[]).forEach((option, position) => {
			entries.push({
				property: option,
				index: laneIndex * 100_000 + position,
				resource: lane.resource,
				operation: lane.operation,
				key: JSON.stringify(option),
				otherConditions: {},
			});
		});
	});

	const all = unique(lanes.map((lane) => lane[along]));
	const byKey = new Map<string, Placed[]>();
	for (const e of entries) byKey.set(e.key, [...(byKey.get(e.key) ?? []), e]);
	// Along one dimension any subset is a rectangle: one block per option.
	return orderBlocks([...byKey.values()].map(block)).map((b) => {
		const where = along === 'resource' ? b.resources : b.operations;
		const elsewhere = all.filter((value) => !where.includes(value));
		const option = b.members[0].property;
		if (elsewhere.length === 0) return option;
		// Whichever is shorter: where it shows, or where it does not.
		const displayOptions =
			JSON.stringify(where).length <= JSON.stringify(elsewhere).length
				? { show: { [`/${along}`]: where } }
				: { hide: { [`/${along}`]: elsewhere } };
		return { ...option, displayOptions };
	});
}

/** What n8n's "Add Field" takes from the first option of a name: options of one name must agree on it. */
const valueShape = (option: INodeProperties) =>
	JSON.stringify([option.type, option.default, option.typeOptions?.multipleValues]);

/**
 * The collections of a group that can share one options list: while two of them have options of one name
 * with different value shapes (n8n's "Add Field" would show one name twice, taking the first one's shape),
 * the collections holding the less common shape leave the group.
 */
function withoutConflicts(lanes: Placed[]): Placed[] {
	let kept = lanes;
	for (;;) {
		const shapes = new Map<string, Map<string, Placed[]>>();
		for (const lane of kept) {
			for (const option of lane.property.options as INodeProperties[]) {
				const byShape = shapes.get(option.name) ?? new Map<string, Placed[]>();
				byShape.set(valueShape(option), [...(byShape.get(valueShape(option)) ?? []), lane]);
				shapes.set(option.name, byShape);
			}
		}
		const conflict = [...shapes.values()].find((byShape) => byShape.size > 1);
		if (!conflict) return kept;
		const [, keep] = [...conflict.entries()].sort((a, b) => b[1].length - a[1].length)[0];
		const leaving = new Set([...conflict.values()].flat().filter((lane) => !keep.includes(lane)));
		kept = kept.filter((lane) => !leaving.has(lane));
	}
}

/**
 * Shares collection options between operations where that makes the description smaller: greedily, the
 * group of collections (one name, one operation across resources, or one resource across operations) that
 * saves the most is merged first, until no group saves anything.
 */
export function shareCollectionOptions(expanded: INodeProperties[]): INodeProperties[] {
	const size = (value: unknown) => JSON.stringify(value).length;
	/** Cost of a group as `compactProperties` would send it unshared: each different collection once. */
	const unsharedSize = (lanes: Placed[]) =>
		unique(lanes.map((lane) => lane.key)).reduce((sum, key) => sum + key.length + 60, 0);

	let free = expanded.map(asPlaced).filter((p): p is Placed => p !== undefined && isSharable(p));
	const replaced = new Map<number, INodeProperties>();
	for (;;) {
		const groups = new Map<string, { lanes: Placed[]; along: 'resource' | 'operation' }>();
		for (const lane of free) {
			const head = JSON.stringify({ ...withoutDisplayOptions(lane.property), options: [] });
			for (const along of ['resource', 'operation'] as const) {
				const fixed = along === 'resource' ? lane.operation : lane.resource;
				const id = `${along}\u0000${fixed}\u0000${head}`;
				const group = groups.get(id) ?? { lanes: [], along };
				group.lanes.push(lane);
				groups.set(id, group);
			}
		}
		let best: { lanes: Placed[]; options: INodeProperties[]; saving: number } | undefined;
		for (const group of groups.values()) {
			const { along } = group;
			const lanes = withoutConflicts(group.lanes);
			if (lanes.length < 2) continue;
			const options = sharedOptions(lanes, along);
			const saving = unsharedSize(lanes) - (size({ ...withoutDisplayOptions(lanes[0].property), options }) + 60);
			if (saving > (best?.saving ?? 0)) best = { lanes, options, saving };
		}
		if (!best) break;
		for (const lane of best.lanes) replaced.set(lane.index, { ...lane.property, options: best.options });
		const taken = new Set(best.lanes);
		free = free.filter((lane) => !taken.has(lane));
	}
	return expanded.map((property, index) => replaced.get(index) ?? property);
}
