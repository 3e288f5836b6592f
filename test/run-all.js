#!/usr/bin/env node
'use strict';
/**
 * `npm test`: build, lint, every jest suite (unit, transport, integration, trigger) and the end-to-end
 * suite in a real n8n, then one plain summary line `N passed, N failed` over all of them.
 *   SKIP_E2E=1 npm test     skips both real-n8n suites (for quick local runs; CI runs everything).
 *   SKIP_QUEUE=1 npm test   skips only the queue-mode suite.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
let passed = 0;
let failed = 0;
const failures = [];

function step(name, command, args, options = {}) {
	const started = Date.now();
	console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
	const result = spawnSync(command, args, { cwd: root, stdio: options.capture ? ['ignore', 'pipe', 'inherit'] : 'inherit', encoding: 'utf8', env: { ...process.env, ...options.env } });
	if (options.capture && result.stdout) process.stdout.write(result.stdout);
	console.log(`=== ${name}: exit ${result.status} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
	return result;
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

const build = step('build', npm, ['run', 'build']);
count('build', build.status === 0);
if (build.status === 0) {
	count('lint', step('lint', npm, ['run', 'lint']).status === 0);
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

	if (process.env.SKIP_E2E === '1') {
		console.log('\n=== e2e: skipped (SKIP_E2E=1)');
	} else if (fs.existsSync(path.join(root, 'test/e2e/run.js'))) {
		const e2e = step('e2e', process.execPath, ['test/e2e/run.js'], { capture: true });
		const line = /e2e: (\d+) passed, (\d+) failed/.exec(e2e.stdout ?? '');
		if (line) {
			passed += Number(line[1]);
			failed += Number(line[2]);
			if (Number(line[2]) > 0) failures.push('e2e (see above)');
		}
		if (e2e.status !== 0 && (!line || Number(line[2]) === 0)) count('e2e run', false);
	}

	// Queue mode (Redis, main + 2 workers + webhook processor); installs redis-server when missing.
	if (process.env.SKIP_E2E === '1' || process.env.SKIP_QUEUE === '1') {
		console.log('\n=== e2e queue mode: skipped');
	} else if (fs.existsSync(path.join(root, 'test/e2e/queue/run.js'))) {
		const queue = step('e2e queue mode', process.execPath, ['test/e2e/queue/run.js'], { capture: true });
		const line = /queue: (\d+) passed, (\d+) failed/.exec(queue.stdout ?? '');
		if (line) {
			passed += Number(line[1]);
			failed += Number(line[2]);
			if (Number(line[2]) > 0) failures.push('e2e queue mode (see above)');
		}
		if (queue.status !== 0 && (!line || Number(line[2]) === 0)) count('e2e queue mode run', false);
	}
}

if (failures.length) console.log(`\nFailed:\n- ${failures.join('\n- ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
