// @ts-check
/**
 * n8n's own checks of a community package, as `npm test` runs them (one line per check, then
 * `n8n checks: N passed, N failed`):
 * - the Creator Portal scanner's lint legs (@n8n/scan-community-package, its analyzePackage with its own
 *   config and no inline config): on the source (package.json, nodes/, credentials/) and on the tarball
 *   `npm pack` makes (its compiled .js and package.json), exactly as its analyzePackageByName runs them on a
 *   published version; its registry and provenance legs need a published package and are not run here;
 * - n8n's default ESLint config (eslint.config.mjs, @n8n/node-cli/eslint) over nodes/, credentials/ and
 *   package.json, inline config ignored;
 * - `n8n-node lint` (strict mode: eslint.config.mjs must be the CLI's default, then `eslint .` over the repo);
 * - `n8n-node cloud-support`: the status must read "eligible".
 * Each lint leg must report 0 problems, warnings included.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const plain = (/** @type {string} */ text) => text.replace(/\x1b\[[0-9;]*m/g, '');

let passed = 0;
let failed = 0;
/** @param {string} name @param {boolean} ok @param {string} [detail] */
function report(name, ok, detail) {
	if (ok) passed++;
	else failed++;
	console.log(`${ok ? 'ok  ' : 'FAIL'} n8n checks: ${name}`);
	if (!ok && detail) console.log(detail.trim().replace(/^/gm, '       '));
}

const scanner = await import(path.join(root, 'node_modules/@n8n/scan-community-package/scanner/scanner.mjs'));

// 1. The scanner's source leg.
const source = await scanner.analyzePackage(root, scanner.SOURCE_FILE_PATTERNS);
report(`scanner, source (${scanner.SOURCE_FILE_PATTERNS.join(', ')}): ${source.passed ? '0 problems' : source.message}`, source.passed, source.details);

// 2. The scanner's tarball leg, on what `npm pack` makes (prepack builds it).
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-syncro-pack-'));
try {
	const pack = spawnSync(npm, ['pack', '--silent', '--pack-destination', scratch], { cwd: root, encoding: 'utf8' });
	const tarball = fs.readdirSync(scratch).find((f) => f.endsWith('.tgz'));
	if (pack.status !== 0 || !tarball) {
		report('scanner, tarball: npm pack failed', false, pack.stderr);
	} else {
		const unpacked = path.join(scratch, 'package');
		const tar = spawnSync('tar', ['-xzf', tarball], { cwd: scratch, encoding: 'utf8' });
		if (tar.status !== 0) report(`scanner, tarball: tar failed`, false, tar.stderr);
		else {
			const files = ['**/*.js', 'package.json'];
			const dist = await scanner.analyzePackage(unpacked, files);
			report(`scanner, tarball ${tarball} (${files.join(', ')}): ${dist.passed ? '0 problems' : dist.message}`, dist.passed, dist.details);
		}
	}
} finally {
	fs.rmSync(scratch, { recursive: true, force: true });
}

// 3. n8n's default config over what the package ships.
const eslint = spawnSync(npx, ['eslint', '-c', 'eslint.config.mjs', '--no-inline-config', '--max-warnings', '0', '-f', 'json', 'nodes', 'credentials', 'package.json'], {
	cwd: root,
	encoding: 'utf8',
	maxBuffer: 64 * 1024 * 1024,
});
try {
	/** @type {Array<{ filePath: string, errorCount: number, warningCount: number, messages: Array<{ line: number, ruleId: string, message: string }> }>} */
	const results = JSON.parse(eslint.stdout);
	const problems = results.flatMap((r) => r.messages.map((m) => `${path.relative(root, r.filePath)}:${m.line} ${m.ruleId}: ${m.message}`));
	report(`n8n's default ESLint config over nodes, credentials, package.json (${results.length} files): ${problems.length} problems`, problems.length === 0 && eslint.status === 0, problems.join('\n'));
} catch {
	report(`n8n's default ESLint config: eslint did not answer (exit ${eslint.status})`, false, eslint.stderr);
}

// 4. n8n-node lint, strict mode, over the whole repository.
const lint = spawnSync(npx, ['n8n-node', 'lint'], { cwd: root, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
const lintOutput = plain(`${lint.stdout}${lint.stderr}`);
const counted = /(\d+) problems?/.exec(lintOutput);
report(`n8n-node lint (strict mode, the whole repository): ${lint.status === 0 && !counted ? '0 problems' : counted ? `${counted[1]} problems` : `exit ${lint.status}`}`, lint.status === 0 && !counted, lintOutput);

// 5. n8n-node cloud-support's status.
const cloud = spawnSync(npx, ['n8n-node', 'cloud-support'], { cwd: root, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
const status = /Status: (.*)/.exec(plain(`${cloud.stdout}${cloud.stderr}`))?.[1]?.trim() ?? `no status (exit ${cloud.status})`;
report(`n8n-node cloud-support: ${status}`, /^eligible\b/.test(status), plain(cloud.stdout));

console.log(`n8n checks: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
