/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code: runs under Node.js in this repository, never inside n8n */
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

function find(dir: string, suffix: string): string[] {
	return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
		const rel = path.join(dir, entry.name);
		if (entry.isDirectory()) return find(rel, suffix);
		return entry.name.endsWith(suffix) ? [rel] : [];
	});
}

describe('package.json (what n8n loads and the scanner checks)', () => {
	it('registers every node and credential the sources define', () => {
		const nodes = find('nodes', '.node.ts').map((f) => `dist/${f.replace(/\.ts$/, '.js')}`).sort();
		const credentials = find('credentials', '.credentials.ts').map((f) => `dist/${f.replace(/\.ts$/, '.js')}`).sort();
		expect([...pkg.n8n.nodes].sort()).toEqual(nodes);
		expect([...pkg.n8n.credentials].sort()).toEqual(credentials);
	});

	it('is a community package without runtime dependencies', () => {
		expect(pkg.keywords).toContain('n8n-community-node-package');
		expect(pkg.license).toBe('MIT');
		expect(pkg.files).toEqual(['dist']);
		expect(Object.keys(pkg.dependencies ?? {})).toEqual([]);
		expect(pkg.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		expect(pkg.n8n.n8nNodesApiVersion).toBe(1);
		expect(pkg.n8n.strict).toBe(true);
	});

	it('names its author with an email, its repository, issue tracker and homepage (n8n\'s scanner requires the author\'s name and email)', () => {
		expect(pkg.author.name).toEqual(expect.any(String));
		expect(pkg.author.email).toMatch(/^[^@\s]+@[^@\s]+\.[^@\s]+$/);
		expect(pkg.repository.url).toMatch(/^git\+https:\/\/github\.com\/[^/]+\/n8n-nodes-syncro\.git$/);
		expect(pkg.bugs.url).toBe(pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '/issues'));
		expect(pkg.homepage).toMatch(/^https:\/\//);
	});

	it('lints as n8n\'s scanner does: inline eslint-disable comments are ignored', () => {
		expect(pkg.scripts.lint).toContain('--no-inline-config');
	});
});
