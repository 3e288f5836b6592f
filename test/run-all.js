#!/usr/bin/env node
'use strict';
/**
 * `npm test`: build, lint, n8n's own checks of a community package (test/tooling/n8n-checks.mjs), every jest suite (unit, transport, integration, trigger) and the real-n8n suites on
 * every n8n of the version matrix (test/e2e/versions.js: the end-to-end suite on each, the queue-mode suite
 * where the matrix says), then one plain summary line `N passed, N failed` over all of them. The suites'
 * output is streamed as it comes (installs print their progress); each check line names its n8n version.
 *   E2E_VERSIONS=2.8.4,1.123 npm test   only those runtimes of the matrix (a version or prefix; default all)
 *   SKIP_E2E=1 npm test                 skips every real-n8n suite (for quick local runs; CI runs everything)
 *   SKIP_QUEUE=1 npm test               skips only the queue-mode suite
 */
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { label, selectRuntimes } = require('./e2e/versions');

const root = path.resolve(__dirname, '..');
let passed = 0;
let failed = 0;
const failures = [];

/** Runs a step with its output on this terminal. @param {string} name @param {string} command @param {string[]} args @param {{ env?: NodeJS.ProcessEnv }} [options] */
function step(name, command, args, options = {}) {
	const started = Date.now();
	console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
	const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', encoding: 'utf8', env: { ...process.env, ...options.env } });
	console.log(`=== ${name}: exit ${result.status} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
	return result;
}

/**
 * Runs a step asynchronously, streaming its output here as it comes, and resolves with its exit code and the
 * whole stdout (for its summary line).
 * @param {string} name @param {string} command @param {string[]} args @param {{ env?: NodeJS.ProcessEnv }} [options]
 * @returns {Promise<{ status: number, stdout: string, ms: number }>}
 */
function streamStep(name, command, args, options = {}) {
	const started = Date.now();
	console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
	return new Promise((resolve) => {
		const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...options.env } });
		let stdout = '';
		child.stdout.setEncoding('utf8');
		child.stdout.on('data', (chunk) => {
			stdout += chunk;
			process.stdout.write(chunk);
		});
		const done = (/** @type {number} */ status) => {
			const ms = Date.now() - started;
			console.log(`=== ${name}: exit ${status} in ${(ms / 1000).toFixed(1)} s`);
			resolve({ status, stdout, ms });
		};
		child.on('error', (error) => {
			console.log(`${name}: ${error.message}`);
			done(1);
		});
		child.on('close', (code, signal) => done(code ?? (signal ? 128 : 1)));
	});
}

function count(name, ok) {
	if (ok) passed++;
	else {
		failed++;
		failures.push(name);
	}
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

async function main() {
	const build = step('build', npm, ['run', 'build']);
	count('build', build.status === 0);
	if (build.status !== 0) return;
	count('lint', step('lint', npm, ['run', 'lint']).status === 0);
	// n8n's own checks of a community package: the Creator Portal scanner's lint legs (source and tarball),
	// n8n's default ESLint config, n8n-node lint in strict mode, n8n-node cloud-support (test/tooling/n8n-checks.mjs).
	const n8nChecks = spawnSync(process.execPath, ['test/tooling/n8n-checks.mjs'], { cwd: root, encoding: 'utf8' });
	console.log(`\n=== n8n checks: node test/tooling/n8n-checks.mjs\n${n8nChecks.stdout}${n8nChecks.stderr}`);
	const n8nLine = /^n8n checks: (\d+) passed, (\d+) failed/m.exec(n8nChecks.stdout);
	if (n8nLine) {
		passed += Number(n8nLine[1]);
		failed += Number(n8nLine[2]);
		for (const line of n8nChecks.stdout.split('\n')) if (line.startsWith('FAIL ')) failures.push(line.slice(5));
	} else count('n8n checks', false);
	count('tests type-check', step('tests type-check', npx, ['tsc', '-p', 'test/tsconfig.json', '--noEmit']).status === 0);
	count('example pictures up to date', step('example pictures', process.execPath, ['examples/pictures/render.js', '--check']).status === 0);

	const report = path.join(os.tmpdir(), `syncro-jest-${process.pid}.json`);
	const jest = step('jest', npx, ['jest', '--json', `--outputFile=${report}`]);
	if (fs.existsSync(report)) {
		const summary = JSON.parse(fs.readFileSync(report, 'utf8'));
		passed += summary.numPassedTests;
		failed += summary.numFailedTests;
		if (summary.numFailedTestSuites > 0 && summary.numFailedTests === 0) count('jest suites', false);
		for (const suite of summary.testResults) {
			for (const test of suite.assertionResults) if (test.status === 'failed') failures.push(test.fullName);
		}
		fs.rmSync(report, { force: true });
	} else {
		count('jest', jest.status === 0);
	}

	if (process.env.SKIP_E2E === '1') console.log('\n=== real-n8n suites: skipped (SKIP_E2E=1)');
	else await matrix();
}

/** The real-n8n suites on each selected runtime of the version matrix, each summed into the totals. */
async function matrix() {
	let runtimes;
	try {
		runtimes = selectRuntimes(process.env.E2E_VERSIONS);
	} catch (error) {
		console.log(`E2E_VERSIONS: ${error instanceof Error ? error.message : error}`);
		count('E2E_VERSIONS names a runtime of the matrix', false);
		return;
	}
	const suites = [
		{ suite: 'e2e', script: 'test/e2e/run.js' },
		{ suite: 'queue', script: 'test/e2e/queue/run.js' },
		{ suite: 'browser', script: 'test/browser/run.js' },
	];
	console.log(`\n=== real-n8n matrix: ${runtimes.map((r) => `${label(r)} (${r.suites.join(' + ')})`).join('; ')}`);
	for (const runtime of runtimes) {
		for (const { suite, script } of suites) {
			if (!runtime.suites.includes(suite)) continue;
			const name = `${suite} (${label(runtime)})`;
			if (suite === 'queue' && process.env.SKIP_QUEUE === '1') {
				console.log(`\n=== ${name}: skipped (SKIP_QUEUE=1)`);
				continue;
			}
			const run = await streamStep(name, process.execPath, [script, '--n8n', runtime.n8n]);
			const line = new RegExp(`^${suite} \\((?:[^)]*)\\): (\\d+) passed, (\\d+) failed`, 'm').exec(run.stdout);
			if (line) {
				passed += Number(line[1]);
				failed += Number(line[2]);
				if (Number(line[2]) > 0) failures.push(`${name} (see above)`);
			}
			if (run.status !== 0 && (!line || Number(line[2]) === 0)) count(`${name} run`, false);
			table.push(`${name}: ${line ? `${line[1]} passed, ${line[2]} failed` : `no summary (exit ${run.status})`} in ${(run.ms / 60_000).toFixed(1)} min`);
		}
	}
}

/** @type {string[]} one line per real-n8n suite run */
const table = [];

main().then(() => {
	if (table.length) console.log(`\nReal-n8n matrix:\n- ${table.join('\n- ')}`);
	if (failures.length) console.log(`\nFailed:\n- ${failures.join('\n- ')}`);
	console.log(`\n${passed} passed, ${failed} failed`);
	process.exit(failed > 0 ? 1 : 0);
});
