/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code: runs under Node.js in this repository, never inside n8n */
/**
 * How the package's modules depend on each other (type-only imports included): imports flow one way, with no
 * circle; core/ does not reach into methods/; everything outside a layer uses the layer's front module
 * (nodes/Syncro/core/index.ts, nodes/Syncro/transport/index.ts), never its files one by one.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../..');

function sources(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return sources(full);
		return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
	});
}

const files = [...sources(path.join(root, 'nodes')), ...sources(path.join(root, 'credentials'))];
const rel = (file: string) => path.relative(root, file).split(path.sep).join('/');

/** The package files a file imports (relative specifiers only), as repository paths. */
function importsOf(file: string): string[] {
	const text = fs.readFileSync(file, 'utf8');
	const specifiers = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'(\.[^']*)'/g)].map((m) => m[1]);
	return specifiers.map((specifier) => {
		const base = path.resolve(path.dirname(file), specifier);
		const target = [`${base}.ts`, path.join(base, 'index.ts')].find((candidate) => fs.existsSync(candidate));
		if (!target) throw new Error(`${rel(file)} imports ${specifier}, which is no file of the package`);
		return rel(target);
	});
}

const graph = new Map(files.map((file) => [rel(file), importsOf(file)]));

describe('imports', () => {
	it('form no circle', () => {
		const circles: string[] = [];
		const state = new Map<string, 'open' | 'done'>();
		const visit = (file: string, trail: string[]) => {
			if (state.get(file) === 'done') return;
			if (state.get(file) === 'open') {
				circles.push([...trail.slice(trail.indexOf(file)), file].join(' -> '));
				return;
			}
			state.set(file, 'open');
			for (const next of graph.get(file) ?? []) visit(next, [...trail, file]);
			state.set(file, 'done');
		};
		for (const file of graph.keys()) visit(file, []);
		expect(circles).toEqual([]);
	});

	it('keep core/ and transport/ free of the editor methods, the resources and the triggers', () => {
		const wrong = [...graph].flatMap(([file, targets]) =>
			/^nodes\/Syncro\/(core|transport)\//.test(file)
				? targets.filter((t) => /^nodes\/(Syncro\/(methods|resources)\/|SyncroTrigger|SyncroPollingTrigger)/.test(t)).map((t) => `${file} -> ${t}`)
				: [],
		);
		expect(wrong).toEqual([]);
	});

	it('keep transport/ free of core/', () => {
		const wrong = [...graph].flatMap(([file, targets]) =>
			file.startsWith('nodes/Syncro/transport/') ? targets.filter((t) => t.startsWith('nodes/Syncro/core/')).map((t) => `${file} -> ${t}`) : [],
		);
		expect(wrong).toEqual([]);
	});

	it('reach core/ and transport/ from outside only through their front modules', () => {
		const wrong = [...graph].flatMap(([file, targets]) =>
			targets
				.filter((target) => {
					const layer = /^nodes\/Syncro\/(core|transport)\//.exec(target)?.[1];
					if (!layer || file.startsWith(`nodes/Syncro/${layer}/`)) return false;
					return target !== `nodes/Syncro/${layer}/index.ts`;
				})
				.map((target) => `${file} -> ${target}`),
		);
		expect(wrong).toEqual([]);
	});
});
