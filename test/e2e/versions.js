// @ts-check
'use strict';
/**
 * The n8n versions the real-n8n suites run on: everything that differs between them is data here, read by
 * one driver (install.js, n8n.js, run.js, queue/run.js, test/browser/run.js, scripts/start.js, test/run-all.js).
 *
 * Each runtime has a folder test/e2e/runtimes/n8n-<version>/ holding its package.json (n8n pinned exactly,
 * its overrides and its allowScripts) and its committed lockfile; install.js installs it on demand under the
 * runtime's Node.js (`system`: the Node.js running the tests; else that version of the registry package
 * node-<platform>-<arch>, unpacked into test/e2e/runtimes/.node/).
 *
 * `suites` names the real-n8n suites a runtime runs in `npm test`: `e2e` (test/e2e/run.js), `queue` (queue mode,
 * test/e2e/queue/run.js) and `browser` (the editor in headless Chromium, test/browser/run.js: every check on
 * the newest 2.x, the setup notice and a fresh node's dropdowns on the others it lists).
 *
 * Quirks are n8n-side behaviours a version is known to have; the driver consults them by name:
 * - `activatesInBackground`: the activation call answers (`active: true`) before n8n has registered the
 *   workflow's webhooks, triggers and pollers (n8n 2.41 activates through a publication outbox): a production
 *   URL answers 404 for a moment, and the Syncro Trigger's setup page 409 until n8n has saved the static data
 *   its create hook wrote (N8n.webhookFetch retries both), and an activation that fails shows only in
 *   n8n's log, never in the API's answer.
 * - `codeNodeOutputNullInExpressions`: an n8n bug of 1.123.81's default expression engine ("vm"):
 *   `$('<a Code node>').item`, `.first()`, `.itemMatching()` evaluate to null (a Set node's output reads fine;
 *   N8N_EXPRESSION_ENGINE=legacy reads both). The customer-onboarding example's "Rejected customers" then shows
 *   no name; the e2e check asserts that symptom there and the package's own part (pairedItem) everywhere.
 *
 * Not a quirk but a rule for every version: n8n 1.x silently drops the static data (a trigger's secret, a
 * poller's cursor) of a workflow whose ID is longer than 16 characters (its isWorkflowIdValid:
 * `id.length <= 16`; 2.41 allows 21). Every workflow ID the project ships or the suites create is at most
 * MAX_WORKFLOW_ID_LENGTH (test/unit/workflowIds.test.ts), and N8n.importWorkflows refuses longer ones.
 */

/**
 * @typedef {'e2e' | 'queue' | 'browser'} Suite
 * @typedef {{
 *   activatesInBackground?: boolean,
 *   codeNodeOutputNullInExpressions?: boolean,
 * }} Quirks
 * @typedef {{
 *   n8n: string,
 *   node: 'system' | string,
 *   env: Record<string, string>,
 *   quirks: Quirks,
 *   suites: Suite[],
 *   tested: string,
 *   caveats: string[],
 * }} Runtime
 */

/** The longest workflow ID every listed n8n keeps static data for (n8n 1.x: 16). */
const MAX_WORKFLOW_ID_LENGTH = 16;

/** @type {Runtime[]} newest first within a major line; the order is the order `npm test` runs them in */
const RUNTIMES = [
	{
		n8n: '2.8.4',
		node: 'system',
		env: {},
		quirks: {},
		suites: ['e2e'],
		tested: 'end to end (examples, webhooks, credential test, rate limits)',
		caveats: [],
	},
	{
		n8n: '2.41.1',
		// n8n >= 2.36 requires Node.js >= 24 (engines); 2.41.3, the registry's latest, does not resolve on the
		// registry reachable here (21 of its pinned @n8n/* packages are missing).
		node: '24.22.3',
		env: {},
		quirks: { activatesInBackground: true },
		suites: ['e2e', 'queue', 'browser'],
		tested: 'end to end; queue mode (main, 2 workers, webhook processor)',
		caveats: [
			'Activates in the background: a production URL answers 404 for a moment after activating, and an activation error shows only in the log',
			'Refuses poll times under a minute (any cron whose seconds field is not one fixed second)',
			'Warns that N8N_UNVERIFIED_PACKAGES_ENABLED will default to false: set it to true to install unverified community packages',
		],
	},
	{
		n8n: '1.123.81',
		// The Node.js line of n8n's 1.x Docker image (n8nio/base:22). On Node 20, n8n 1.123.66+ starts only
		// with N8N_EXPRESSION_ENGINE=legacy (its isolated-vm 6.2 needs Node >= 22).
		node: '22.22.0',
		// On Node 22 it starts with its default expression engine: N8N_EXPRESSION_ENGINE=legacy is not needed.
		env: {},
		quirks: { codeNodeOutputNullInExpressions: true },
		suites: ['e2e', 'browser'],
		tested: 'end to end (the same suite as 2.x)',
		caveats: [
			'Drops the static data of workflows whose ID is longer than 16 characters',
			'On Node.js 20 it starts only with N8N_EXPRESSION_ENGINE=legacy',
			"Its default expression engine reads a Code node's output through $('…') as null (N8N_EXPRESSION_ENGINE=legacy reads it)",
		],
	},
];

/** The newest 2.x of the matrix: what `npm start` runs by default. */
const DEFAULT_RUNTIME = /** @type {Runtime} */ (RUNTIMES.filter((r) => r.n8n.startsWith('2.')).sort((a, b) => compareVersions(b.n8n, a.n8n))[0]);

/** Compares two dotted versions numerically. */
function compareVersions(/** @type {string} */ a, /** @type {string} */ b) {
	const pa = a.split('.').map(Number);
	const pb = b.split('.').map(Number);
	for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
		const d = (pa[i] ?? 0) - (pb[i] ?? 0);
		if (d !== 0) return d;
	}
	return 0;
}

/**
 * The runtime a selector names: an exact version (`1.123.81`), a prefix (`1.123`, `1.123.x`, `1`, `2.41`),
 * or `default`/`latest` (the newest 2.x). Throws, listing the known versions, when none matches.
 * @param {string | undefined} selector @returns {Runtime}
 */
function findRuntime(selector) {
	const wanted = String(selector ?? '').trim().replace(/^n8n@?/, '').replace(/\.x$/, '');
	if (!wanted || wanted === 'default' || wanted === 'latest') return DEFAULT_RUNTIME;
	const matches = RUNTIMES.filter((r) => r.n8n === wanted || r.n8n.startsWith(`${wanted}.`)).sort((a, b) => compareVersions(b.n8n, a.n8n));
	if (matches.length === 0) throw new Error(`no n8n runtime matches "${selector}"; known: ${RUNTIMES.map((r) => r.n8n).join(', ')}`);
	return matches[0];
}

/**
 * The runtime that `--n8n <version>` in `argv` names, else the one `fallback` selects (an environment
 * variable), else the default.
 * @param {string[]} argv the arguments after the script's path @param {string | undefined} [fallback] @returns {Runtime}
 */
function runtimeFromArgs(argv, fallback) {
	const at = argv.indexOf('--n8n');
	return findRuntime(at >= 0 ? argv[at + 1] : fallback);
}

/**
 * The runtimes a comma-separated list selects (E2E_VERSIONS=2.8.4,1.123), in matrix order; every runtime
 * when the list is empty or `all`.
 * @param {string | undefined} list @returns {Runtime[]}
 */
function selectRuntimes(list) {
	const parts = String(list ?? '').split(',').map((s) => s.trim()).filter(Boolean);
	if (parts.length === 0 || parts.includes('all')) return [...RUNTIMES];
	const chosen = new Set(parts.map((p) => findRuntime(p)));
	return RUNTIMES.filter((r) => chosen.has(r));
}

/** The label of a runtime in check lines and summaries: `n8n 2.41.1, Node 24.22.3`. */
function label(/** @type {Runtime} */ runtime) {
	return `n8n ${runtime.n8n}, Node ${runtime.node === 'system' ? process.versions.node : runtime.node}`;
}

module.exports = { RUNTIMES, DEFAULT_RUNTIME, MAX_WORKFLOW_ID_LENGTH, compareVersions, findRuntime, label, runtimeFromArgs, selectRuntimes };
