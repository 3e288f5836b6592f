/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code: runs under Node.js in this repository, never inside n8n */
import * as fs from 'node:fs';
import * as path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { RUNTIMES, DEFAULT_RUNTIME, findRuntime, selectRuntimes } = require('../e2e/versions');

interface Runtime {
	n8n: string;
	node: string;
	suites: string[];
	quirks: Record<string, boolean>;
}

const root = path.resolve(__dirname, '../..');
const runtimesDir = path.join(root, 'test', 'e2e', 'runtimes');
const read = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'));

/** Whether a version satisfies an engines range of the forms npm packages use here (`>=20.19 <= 24.x`, `>=24.0.0`, `||`). */
function satisfies(version: string, range: string): boolean {
	const v = version.split('.').map(Number);
	const cmp = (a: number[], b: number[]) => {
		for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) - (b[i] ?? 0);
		return 0;
	};
	return range.split('||').some((alternative) =>
		alternative
			.replace(/(>=|<=|>|<|=)\s+/g, '$1')
			.trim()
			.split(/\s+/)
			.every((comparator) => {
				const m = /^(>=|<=|>|<|=)?v?(\d+|x)(?:\.(\d+|x))?(?:\.(\d+|x))?$/.exec(comparator);
				if (!m) throw new Error(`unsupported range "${range}"`);
				const [, op = '=', ...parts] = m;
				const fixed = parts.filter((p) => p !== undefined && p !== 'x').map(Number);
				if (op === '<=' && fixed.length < 3) {
					const next = [...fixed];
					next[next.length - 1]++;
					return cmp(v, next) < 0;
				}
				const c = cmp(v, fixed);
				return { '>=': c >= 0, '<=': c <= 0, '>': c > 0, '<': c < 0, '=': fixed.every((p, i) => p === v[i]) }[op] as boolean;
			}),
	);
}

describe('the n8n version matrix (test/e2e/versions.js and test/e2e/runtimes/)', () => {
	it('reads engines ranges as npm does', () => {
		expect(satisfies('20.20.2', '>=20.19 <= 24.x')).toBe(true);
		expect(satisfies('24.22.3', '>=20.19 <= 24.x')).toBe(true);
		expect(satisfies('25.0.0', '>=20.19 <= 24.x')).toBe(false);
		expect(satisfies('20.20.2', '>=24.0.0')).toBe(false);
		expect(satisfies('22.22.0', '>=22.16 || >=24')).toBe(true);
	});

	it('has 2.8.4 on the system Node.js, the newest 2.x and the last 1.x, each running the end-to-end suite', () => {
		const versions = (RUNTIMES as Runtime[]).map((r) => r.n8n);
		expect(versions).toContain('2.8.4');
		expect(versions.some((v) => v.startsWith('1.123.'))).toBe(true);
		expect(DEFAULT_RUNTIME.n8n.startsWith('2.')).toBe(true);
		for (const r of RUNTIMES as Runtime[]) expect(r.suites).toContain('e2e');
	});

	it('runs the queue-mode suite on the newest 2.x, which `npm start` uses by default', () => {
		expect((RUNTIMES as Runtime[]).filter((r) => r.suites.includes('queue')).map((r) => r.n8n)).toEqual([DEFAULT_RUNTIME.n8n]);
		expect(findRuntime(undefined)).toBe(DEFAULT_RUNTIME);
	});

	it('selects runtimes by version or prefix', () => {
		expect(findRuntime('2.8.4').n8n).toBe('2.8.4');
		expect(findRuntime('1.123.x').n8n.startsWith('1.123.')).toBe(true);
		expect(findRuntime('1').n8n.startsWith('1.')).toBe(true);
		expect(() => findRuntime('0.99')).toThrow(/known:/);
		expect(selectRuntimes('')).toEqual(RUNTIMES);
		expect(selectRuntimes('1.123, 2.8.4').map((r: Runtime) => r.n8n)).toEqual((RUNTIMES as Runtime[]).filter((r) => r.n8n === '2.8.4' || r.n8n.startsWith('1.123.')).map((r) => r.n8n));
	});

	describe.each((RUNTIMES as Runtime[]).map((r) => [r.n8n, r]))('n8n %s', (version, runtime) => {
		const dir = path.join(runtimesDir, `n8n-${version}`);
		const pkg = read(path.join(dir, 'package.json'));
		const lockfile = read(path.join(dir, 'package-lock.json'));
		const entries = Object.entries(lockfile.packages as Record<string, Record<string, unknown>>).filter(([key]) => key !== '');
		const name = (key: string) => key.replace(/^.*node_modules\//, '');

		it('its folder pins n8n exactly, and its lockfile holds that n8n', () => {
			expect(pkg.private).toBe(true);
			expect(pkg.dependencies).toEqual({ n8n: version });
			expect(lockfile.packages['node_modules/n8n'].version).toBe(version);
		});

		it('its lockfile carries no download addresses', () => {
			expect(entries.filter(([, entry]) => 'resolved' in entry).map(([key]) => key)).toEqual([]);
		});

		it('runs on a Node.js its n8n accepts (engines), fetched from the registry unless it is the system one', () => {
			expect(runtime.node === 'system' || /^\d+\.\d+\.\d+$/.test(runtime.node)).toBe(true);
			const node = runtime.node === 'system' ? process.versions.node : runtime.node;
			const engines = (lockfile.packages['node_modules/n8n'].engines ?? {}).node;
			expect(satisfies(node, engines)).toBe(true);
		});

		it('decides every install script of its lockfile in allowScripts, and lists nothing else', () => {
			const withScripts = new Set(entries.filter(([, entry]) => entry.hasInstallScript).map(([key]) => name(key)));
			const decided = Object.keys(pkg.allowScripts ?? {});
			expect([...withScripts].filter((n) => !decided.includes(n))).toEqual([]);
			expect(decided.filter((n) => !withScripts.has(n))).toEqual([]);
			for (const n of decided) expect(typeof pkg.allowScripts[n]).toBe('boolean');
		});

		it('builds sqlite3 (its database) and refuses the install scripts that download from the internet', () => {
			expect(pkg.allowScripts.sqlite3).toBe(true);
			for (const downloader of ['@confluentinc/kafka-javascript', 'agent-browser']) {
				if (downloader in pkg.allowScripts) expect(pkg.allowScripts[downloader]).toBe(false);
			}
			if (entries.some(([key]) => name(key) === 'isolated-vm')) expect(pkg.allowScripts['isolated-vm']).toBe(true);
		});
	});

	it('runs every suite the matrix names from test/run-all.js, and CI keeps the browser suite\'s screenshots', () => {
		const runAll = fs.readFileSync(path.join(root, 'test', 'run-all.js'), 'utf8');
		const listed = [...runAll.matchAll(/\{ suite: '([a-z0-9]+)', script: '([^']+)' \}/g)].map(([, suite, script]) => ({ suite, script }));
		for (const suite of new Set((RUNTIMES as Runtime[]).flatMap((r) => r.suites))) {
			const entry = listed.find((l) => l.suite === suite);
			expect(entry).toBeDefined();
			expect(fs.existsSync(path.join(root, (entry as { script: string }).script))).toBe(true);
		}
		const ci = fs.readFileSync(path.join(root, '.github', 'workflows', 'ci.yml'), 'utf8');
		expect(ci).toMatch(/if: always\(\)\s+uses: actions\/upload-artifact@v4[\s\S]*?path: test\/browser\/screenshots/);
	});

	it('CI caches each runtime keyed by its lockfile, and the Node.js binaries', () => {
		const ci = fs.readFileSync(path.join(root, '.github', 'workflows', 'ci.yml'), 'utf8');
		for (const r of RUNTIMES as Runtime[]) {
			expect(ci).toContain(`test/e2e/runtimes/n8n-${r.n8n}/node_modules`);
			expect(ci).toContain(`test/e2e/runtimes/n8n-${r.n8n}/package-lock.json`);
		}
		expect(ci).toContain('test/e2e/runtimes/.node');
		expect(ci).toMatch(/timeout-minutes:\s*(\d+)/);
		expect(Number(/timeout-minutes:\s*(\d+)/.exec(ci)?.[1])).toBeLessThanOrEqual(90);
	});
});
