// @ts-check
'use strict';
/**
 * The browser of the browser suite: Debian's Chromium (/usr/bin/chromium), installed with apt-get when it is
 * missing (root only; `apt-get update` first when the install fails on missing or stale package lists), the
 * way test/e2e/queue/services.js installs redis-server. No browser is ever downloaded by Playwright.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { exec, lastLines } = require('../e2e/n8n');
const { firstExecutable } = require('../e2e/queue/services');

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/**
 * Flags that work on the project's machine: headless without a sandbox (root, containers), no GPU, no
 * QUIC, and none of Chromium's own network traffic (component updates, sync, background fetches).
 */
const LAUNCH_FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-dev-shm-usage',
];

/** The first of CANDIDATES that exists and is executable. */
function findChromium() {
	return firstExecutable(CANDIDATES);
}

/**
 * Chromium's path, installing Debian's `chromium` package when it is missing.
 * @param {(line: string) => void} log
 * @returns {Promise<{ bin?: string, why?: string, installedMs?: number }>}
 */
async function ensureChromium(log) {
	const found = findChromium();
	if (found) return { bin: found };
	if (process.platform !== 'linux' || !fs.existsSync('/usr/bin/apt-get')) return { why: 'chromium is not installed and there is no apt-get to install it' };
	if (typeof process.getuid === 'function' && process.getuid() !== 0) return { why: 'chromium is not installed and installing it needs root (apt-get install -y --no-install-recommends chromium)' };
	const started = Date.now();
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	const args = ['install', '-y', '--no-install-recommends', 'chromium'];
	log('chromium missing: apt-get install -y --no-install-recommends chromium (about 1-3 minutes)');
	const ticker = setInterval(() => log(`still installing chromium, ${Math.round((Date.now() - started) / 1000)} s`), 20_000);
	try {
		let result = await exec('apt-get', args, { env, timeoutMs: 600_000 });
		if (result.code !== 0) {
			log('apt-get install failed; apt-get update, then again');
			const update = await exec('apt-get', ['update'], { env, timeoutMs: 300_000 });
			if (update.code !== 0) return { why: `apt-get update failed: ${lastLines(update.stderr, 3)}` };
			result = await exec('apt-get', args, { env, timeoutMs: 600_000 });
		}
		const bin = findChromium();
		if (result.code !== 0 || !bin) return { why: `apt-get install chromium failed: ${lastLines(result.stderr || result.stdout, 3)}` };
		return { bin, installedMs: Date.now() - started };
	} finally {
		clearInterval(ticker);
	}
}

/**
 * Launches headless Chromium through playwright-core, with a new empty profile folder (removed by `close`).
 * @param {string} bin
 */
async function launchChromium(bin) {
	const { chromium } = require('playwright-core');
	const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-syncro-chromium-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: bin,
		headless: true,
		args: LAUNCH_FLAGS,
		viewport: { width: 1600, height: 1000 },
		timeout: 60_000,
	});
	return {
		context,
		close: async () => {
			await context.close().catch(() => undefined);
			fs.rmSync(profile, { recursive: true, force: true });
		},
	};
}

module.exports = { ensureChromium, findChromium, launchChromium, LAUNCH_FLAGS };
