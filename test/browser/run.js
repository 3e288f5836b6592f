#!/usr/bin/env node
// @ts-check
'use strict';
/**
 * The browser suite: the real n8n editor in headless Chromium (Debian's, installed with apt-get when missing:
 * test/browser/chromium.js), driven through playwright-core, asserting what a person sees on screen.
 *
 *   node test/browser/run.js --n8n 2.41.1     every check (on the newest 2.x of the matrix, test/e2e/versions.js)
 *   node test/browser/run.js --n8n 1.123.81   checks 3 and 4 (the setup notice, a fresh node's dropdowns)
 *   BROWSER_KEEP=1                             keeps the n8n user folder (n8n-start.log) and prints where it is
 *
 * One `n8n start` of the runtime with the Syncro simulator, set up as `npm start` sets up its sandbox
 * (test/browser/stack.js: the package packed and installed, the "Syncro account" credential, the examples,
 * an owner), one browser, one page. The checks, in the order a person meets them:
 *  1. "What happens next?" after a Syncro Trigger, searching "Syncro": our entry's description reads as the
 *     action node (n8n shows the trigger's description for the merged entry) and never "Starts the workflow
 *     when"; its details panel too.
 *  2. Searching "create ticket" and "syncro ticket" lists our Syncro entry (codex aliases).
 *  3. The Syncro Trigger's setup notice: each numbered step in its own notice, one below the other.
 *  4. A freshly added Syncro node (new workflow, Syncro Trigger, then Ticket > Create): the credential is
 *     selected, no dropdown says "Error fetching options", and no options request is answered with an error.
 *  5. The triggers' events in the node creator read "On RMM alert created" (Syncro and Syncro Polling).
 *  6. The Syncro node panel's Docs link is the README section (documentationUrl).
 *  8. Ticket > Create's Additional Fields offers Extra Body Fields; an added pair reads Name, Value, Value Type.
 *  7. Each example opens and runs green from the editor's Execute workflow button (the Syncro Trigger ones
 *     through their Test URL; the AI agent and MCP ones are opened only, with the reason), and Email invoice's
 *     output shows the invoice ID and number next to the message.
 * Expected texts come from the built nodes (dist/); what is compared is what the editor shows.
 * A screenshot per check goes to test/browser/screenshots/<n8n version>-<check>.png (kept by CI as an artifact).
 * One line per check, `ok   browser (n8n X): …` or `FAIL browser (n8n X): …` with what was on screen, then
 * `browser (n8n X): N passed, N failed`; the exit code is 1 on any failure.
 */
const fs = require('node:fs');
const path = require('node:path');

const { REPO_ROOT, sleep } = require('../e2e/n8n');
const { seconds } = require('../e2e/checks');
const { rmmAlertDelivery } = require('../e2e/deliveries');
const { DEFAULT_RUNTIME, runtimeFromArgs } = require('../e2e/versions');
const { ensureChromium, launchChromium } = require('./chromium');
const { startStack } = require('./stack');
const ui = require('./editor');

const RUNTIME = runtimeFromArgs(process.argv.slice(2), process.env.E2E_N8N);
const TAG = `browser (n8n ${RUNTIME.n8n})`;
/** Every check on the newest 2.x; on the other runtimes the two whose n8n-side behaviour differs by version. */
const ALL_CHECKS = RUNTIME.n8n === DEFAULT_RUNTIME.n8n;
const SCREENSHOTS = path.join(__dirname, 'screenshots');
const OVERALL_TIMEOUT_MS = 12 * 60_000;
/** The requests with which the editor loads a dropdown's options (n8n 1.x and 2.x). */
const OPTIONS_REQUEST = /\/rest\/(dynamic-node-parameters|node-parameter-options)\b/;

/** What the built nodes say (the expected texts). */
const dist = (/** @type {string} */ file) => require(path.join(REPO_ROOT, 'dist', file));
const TRIGGER = new (dist('nodes/SyncroTrigger/SyncroTrigger.node.js').SyncroTrigger)().description;
const POLLING = new (dist('nodes/SyncroPollingTrigger/SyncroPollingTrigger.node.js').SyncroPollingTrigger)().description;
const ACTION = new (dist('nodes/Syncro/Syncro.node.js').Syncro)().description;
/** @param {any} description @returns {string[]} the `action` labels of a trigger's event options */
const actionsOf = (description) =>
	description.properties.flatMap((/** @type {any} */ p) => (p.options ?? []).map((/** @type {any} */ o) => o.action).filter(Boolean));

let passed = 0;
let failed = 0;
const log = (/** @type {string} */ line) => console.log(`# ${line}`);

/** @typedef {import('playwright-core').Page} Page */

/**
 * Runs one check and prints one line; saves a screenshot named by version and check (the check may take its
 * own at the moment that matters with `shot()`; on failure the screen as it was is saved too).
 * @param {Page | undefined} page @param {string} id e.g. '4-fresh-dropdown' @param {string} name
 * @param {(shot: (suffix?: string) => Promise<void>) => Promise<string | void>} fn
 */
async function check(page, id, name, fn) {
	let shots = 0;
	const shot = async (suffix = '') => {
		if (!page) return;
		shots++;
		await page.screenshot({ path: path.join(SCREENSHOTS, `${RUNTIME.n8n}-${id}${suffix ? `-${suffix}` : ''}.png`) }).catch(() => undefined);
	};
	try {
		const detail = await fn(shot);
		if (shots === 0) await shot();
		passed++;
		console.log(`ok   ${TAG}: ${name}${detail ? ` (${detail})` : ''}`);
		return true;
	} catch (error) {
		await shot(shots === 0 ? '' : 'failed');
		failed++;
		const message = error instanceof Error ? error.message : String(error);
		console.log(`FAIL ${TAG}: ${name}\n  ${message.split('\n').slice(0, 20).join('\n  ')}`);
		return false;
	}
}

/** A failed check that could not run. @param {string} name @param {string} why */
function notRun(name, why) {
	failed++;
	console.log(`FAIL ${TAG}: ${name}\n  not run: ${why}`);
}

/** Throws `message` with what was on screen unless `ok`. @param {unknown} ok @param {string} message */
function expect(ok, message) {
	if (!ok) throw new Error(message);
}

const quote = (/** @type {string} */ s) => JSON.stringify(s);
const lines = (/** @type {string} */ text) => text.split('\n').map((l) => l.trim()).filter(Boolean);

/**
 * Records the editor's dropdown-options requests from now on (status, and the body of refused ones).
 * @param {Page} page
 */
function watchOptionsRequests(page) {
	/** @type {Array<{ url: string, status: number, credentials?: boolean, body?: string }>} */
	const seen = [];
	/** @param {import('playwright-core').Response} res */
	const onResponse = (res) => {
		if (!OPTIONS_REQUEST.test(res.url())) return;
		/** @type {any} */
		let sent;
		try {
			sent = res.request().postDataJSON();
		} catch {
			sent = undefined;
		}
		const record = { url: new URL(res.url()).pathname, status: res.status(), credentials: Boolean(sent?.credentials && Object.keys(sent.credentials).length) };
		seen.push(record);
		if (res.status() >= 400) {
			res
				.text()
				.then((body) => {
					/** @type {any} */ (record).body = body.slice(0, 300);
				})
				.catch(() => undefined);
		}
	};
	/** @param {import('playwright-core').Request} req */
	const onFailed = (req) => {
		if (OPTIONS_REQUEST.test(req.url())) seen.push({ url: new URL(req.url()).pathname, status: 0, body: req.failure()?.errorText });
	};
	page.on('response', onResponse);
	page.on('requestfailed', onFailed);
	return {
		seen,
		refused: () => seen.filter((r) => r.status === 0 || r.status >= 400),
		stop: () => {
			page.off('response', onResponse);
			page.off('requestfailed', onFailed);
		},
	};
}

async function main() {
	const started = Date.now();
	fs.mkdirSync(SCREENSHOTS, { recursive: true });
	for (const file of fs.readdirSync(SCREENSHOTS)) if (file.startsWith(`${RUNTIME.n8n}-`)) fs.rmSync(path.join(SCREENSHOTS, file));

	const chromium = await ensureChromium(log);
	if (!chromium.bin) {
		notRun('headless Chromium', chromium.why ?? 'chromium is missing');
		return;
	}
	if (chromium.installedMs !== undefined) log(`installed chromium in ${seconds(chromium.installedMs)}`);

	let t = Date.now();
	const stack = await startStack(RUNTIME, log);
	log(`n8n ${RUNTIME.n8n} ready at ${stack.n8n.origin} with the simulator at ${stack.sim.baseUrl} in ${seconds(Date.now() - t)} (user folder ${stack.n8n.userFolder})`);
	/** @type {Awaited<ReturnType<typeof launchChromium>> | undefined} */
	let browser;
	try {
		t = Date.now();
		browser = await launchChromium(chromium.bin);
		const page = browser.context.pages()[0] ?? (await browser.context.newPage());
		page.setDefaultTimeout(15_000);
		page.on('dialog', (dialog) => void dialog.accept().catch(() => undefined));
		await ui.signIn(page, stack.n8n.origin, stack.owner);
		log(`${chromium.bin} signed in to the editor in ${seconds(Date.now() - t)}`);
		await checks(page, stack);
	} finally {
		if (browser) await browser.close();
		await stack.stop();
	}
	log(`browser run took ${seconds(Date.now() - started)}; screenshots in ${path.relative(REPO_ROOT, SCREENSHOTS)}/`);
}

/** @param {Page} page @param {Awaited<ReturnType<typeof startStack>>} stack */
async function checks(page, stack) {
	const origin = stack.n8n.origin;

	// A new workflow: its first step is a Syncro Trigger, picked by an event in the node creator.
	await ui.openWorkflow(page, origin, 'new');
	const watch = watchOptionsRequests(page);
	await ui.addFirstStep(page);
	await ui.search(page, 'Syncro');

	if (ALL_CHECKS) {
		await check(page, '5-event-labels', '5. node creator: the triggers\' events read "On RMM alert created" (Syncro and Syncro Polling entries)', async (shot) => {
			await ui.entry(page, 'Syncro Polling').click();
			await ui.nodeCreator(page).getByText('On new RMM alert', { exact: true }).waitFor({ timeout: 5000 }).catch(() => undefined);
			const polling = lines(await ui.creatorText(page));
			await shot('polling');
			await ui.creatorBack(page);
			await ui.entry(page, 'Syncro').click();
			await ui.nodeCreator(page).getByText('On RMM alert created', { exact: true }).waitFor({ timeout: 5000 }).catch(() => undefined);
			const webhook = lines(await ui.creatorText(page));
			await shot();
			const missing = [
				...actionsOf(TRIGGER).filter((a) => !webhook.includes(a)).map((a) => `Syncro: ${a}`),
				...actionsOf(POLLING).filter((a) => !polling.includes(a)).map((a) => `Syncro Polling: ${a}`),
			];
			const lowercase = [...webhook, ...polling].filter((l) => /^On .*\brmm\b/.test(l));
			expect(
				webhook.includes('On RMM alert created') && polling.includes('On new RMM alert') && missing.length === 0 && lowercase.length === 0,
				`missing: ${missing.join('; ') || '-'}; lower-case: ${lowercase.join('; ') || '-'}\n` +
					`Syncro entry shows: ${webhook.filter((l) => l.startsWith('On ')).join(' | ')}\nSyncro Polling entry shows: ${polling.filter((l) => l.startsWith('On ')).join(' | ')}`,
			);
			return `${actionsOf(TRIGGER).length} + ${actionsOf(POLLING).length} event labels as the nodes name them`;
		});
	}

	let triggerAdded = false;
	await check(page, '3-setup-notice', "3. Syncro Trigger's setup notice, freshly added: the numbered steps on their own lines", async () => {
		// Pick the event in the Syncro entry (already open when check 5 ran).
		const event = ui.nodeCreator(page).getByText('On RMM alert created', { exact: true });
		if (!(await event.isVisible())) await ui.entry(page, 'Syncro').click();
		await event.click();
		await page.locator('[data-test-id=node-parameters]').waitFor();
		triggerAdded = true;
		await ui.ndv(page).locator('.notice').first().waitFor();
		const shown = await ui.notices(page);
		const steps = TRIGGER.properties.filter((/** @type {any} */ p) => p.type === 'notice' && /^setup/.test(p.name)).map((/** @type {any} */ p) => String(p.displayName));
		const at = steps.map((step) => shown.findIndex((n) => ui.squash(n.text) === ui.squash(step)));
		const runTogether = shown.filter((n) => (n.text.match(/(?:^|\s)[1-9]\.\s/g) ?? []).length > 1);
		const numbered = [1, 2, 3].map((i) => shown.find((n) => n.text.startsWith(`${i}. `)));
		const stacked = numbered.every((n, i) => n && (i === 0 || n.top >= /** @type {any} */ (numbered[i - 1]).bottom - 1));
		expect(
			at.every((i) => i >= 0) && runTogether.length === 0 && stacked,
			`expected ${steps.length} notices, one per paragraph, "1." "2." "3." each below the last; on screen:\n` +
				shown.map((n) => `[${Math.round(n.top)}-${Math.round(n.bottom)}] ${n.text.replace(/\n/g, ' / ')}`).join('\n'),
		);
		return `${steps.length} notices, "1." "2." "3." one below the other`;
	});

	// "What happens next?": the + after the trigger, search "Syncro".
	let entryOpened = false;
	const opensNext = async () => {
		await ui.closeNdv(page);
		await ui.whatHappensNext(page);
		await ui.search(page, 'Syncro');
		await ui.entry(page, 'Syncro').waitFor();
	};
	if (!triggerAdded) {
		if (ALL_CHECKS) notRun('1. "What happens next?" after a Syncro Trigger: the Syncro entry', 'the Syncro Trigger was not added');
		notRun('4. a freshly added Syncro node (Ticket > Create)', 'the Syncro Trigger was not added');
	} else if (ALL_CHECKS) {
		await check(page, '1-what-happens-next', '1. "What happens next?" after a Syncro Trigger, search "Syncro": our entry reads as the action node', async () => {
			await opensNext();
			const title = await ui.creatorText(page);
			const shown = await ui.entries(page);
			const ours = shown.find((e) => e.name === 'Syncro');
			const list = shown.map((e) => `${e.name}: ${e.description}`).join('\n');
			expect(title.includes('What happens next?'), `the node creator is not "What happens next?":\n${title.slice(0, 300)}`);
			expect(ours, `no entry "Syncro" listed:\n${list}`);
			expect(
				ui.squash(/** @type {any} */ (ours).description) === ui.squash(TRIGGER.description) && !/Starts the workflow when/.test(/** @type {any} */ (ours).description),
				`expected ${quote(TRIGGER.description)}; listed:\n${list}`,
			);
			return `listed: ${shown.map((e) => e.name).join(', ')}; Syncro: ${quote(/** @type {any} */ (ours).description)}`;
		});
		await check(page, '1-details-panel', '1. the Syncro entry\'s details panel reads as the action node', async () => {
			await ui.entry(page, 'Syncro').click();
			await ui.nodeCreator(page).getByText('Create a ticket', { exact: true }).waitFor();
			entryOpened = true;
			const text = await ui.creatorText(page);
			const actions = /Actions \((\d+)\)/.exec(text);
			expect(
				ui.squash(text).includes(ui.squash(TRIGGER.description)) && !/Starts the workflow when/.test(text) && actions,
				`the details panel shows:\n${text.slice(0, 600)}`,
			);
			return `${quote(lines(text).find((l) => l.startsWith('Tickets')) ?? '')}, ${actions?.[0]}`;
		});
	}

	let nodeAdded = false;
	if (triggerAdded) {
		await check(page, '4-fresh-dropdown', '4. a freshly added Syncro node (new workflow, after a Syncro Trigger, Ticket > Create): credential selected, no "Error fetching options", no refused options request', async (shot) => {
			if (!entryOpened) {
				await opensNext();
				await ui.entry(page, 'Syncro').click();
			}
			const mark = watch.seen.length;
			await ui.nodeCreator(page).getByText('Create a ticket', { exact: true }).click();
			await page.locator('[data-test-id=node-parameters]').waitFor();
			nodeAdded = true;
			const looked = await lookAtIssueType(mark);
			await shot();
			await looked.close();
			const problems = [
				looked.credential === stack.credential.name ? '' : `credential shows ${quote(looked.credential)}, expected ${quote(stack.credential.name)}`,
				looked.red.length ? `on screen: ${looked.red.map(ui.squash).join(' | ')}` : '',
				looked.options.some((o) => /error/i.test(o)) ? `Issue Type lists: ${looked.options.join(' | ')}` : '',
			].filter(Boolean);
			/** @type {string[]} */
			let notes = [];
			if (looked.options.length === 0 && problems.length === 0) {
				// n8n asks for the options when the panel opens, before it has put the credential it picks on the
				// node; the node answers nothing, quietly. n8n then reloads on the credential, unless that first
				// request is still under way: its ParameterInput.vue (loadRemoteParameterOptions) returns at once
				// while a load is in flight, so the reload is dropped and the dropdown stays "No data". Reopening
				// the node (what a person then does) must list them.
				const requests = watch.seen.slice(mark).filter((r) => r.url.endsWith('/options'));
				const withoutCredential = requests.length > 0 && requests.every((r) => !r.credentials);
				await ui.closeNdv(page);
				const added = (await ui.canvasNodes(page)).find((n) => n.type === 'n8n-nodes-syncro.syncro');
				await ui.openNode(page, added?.name ?? 'Create a ticket');
				const again = await lookAtIssueType(watch.seen.length);
				await shot('reopened');
				await again.close();
				if (!withoutCredential || again.options.length === 0 || again.red.length > 0) {
					problems.push(
						`Issue Type showed ${quote(looked.empty || 'nothing')} (requests: ${requests.map((r) => `${r.status} ${r.credentials ? 'with' : 'without'} credential`).join(', ') || 'none'}); ` +
							`reopened it lists ${again.options.length ? again.options.join(' | ') : quote(again.empty || 'nothing')}${again.red.length ? `, on screen: ${again.red.join(' | ')}` : ''}`,
					);
				} else {
					notes = [
						`on opening Issue Type showed ${quote(looked.empty)}: n8n asked before the credential was on the node and dropped its reload (ParameterInput.vue); reopening the node lists ${again.options.length}`,
					];
				}
			}
			const refused = watch.refused();
			if (refused.length) problems.push(`refused: ${refused.map((r) => `${r.status} ${r.url} ${r.body ?? ''}`).join('; ')}`);
			expect(problems.length === 0, problems.join('\n'));
			return [
				`credential ${quote(looked.credential)}`,
				...(looked.options.length ? [`Issue Type lists ${looked.options.length} options`] : notes),
				`${watch.seen.length} options requests, all ${[...new Set(watch.seen.map((r) => r.status))].join('/')}`,
			].join('; ');
		});
	}

	/**
	 * The open node panel once its options requests since `mark` are back: the credential shown, any "Error
	 * fetching options", and what the Issue Type dropdown lists (left open for the screenshot).
	 * @param {number} mark
	 */
	async function lookAtIssueType(mark) {
		await ui.ndv(page).locator('[data-test-id=parameter-input-problem_type]').waitFor();
		const deadline = Date.now() + 10_000;
		while (!watch.seen.slice(mark).some((r) => r.url.endsWith('/options')) && Date.now() < deadline) await sleep(200);
		await sleep(1500);
		const credential = await ui.selectedCredential(page);
		const redBefore = await ui.ndv(page).getByText(/Error fetching options/).allInnerTexts();
		const dropdown = await ui.openDropdown(page, 'problem_type');
		const redAfter = await ui.ndv(page).getByText(/Error fetching options/).allInnerTexts();
		return { credential, red: [...redBefore, ...redAfter], ...dropdown };
	}
	watch.stop();

	if (!ALL_CHECKS) return;

	if (nodeAdded) {
		await check(page, '6-docs-link', "6. the Syncro node panel's Docs link points to the README section", async () => {
			const href = await ui.docsLink(page);
			expect(href === ACTION.documentationUrl && !/npmjs/.test(href ?? ''), `Docs links to ${quote(String(href))}, expected ${quote(ACTION.documentationUrl)}`);
			return String(href);
		});
	} else notRun("6. the Syncro node panel's Docs link", 'the Syncro node was not added');
	if (nodeAdded) {
		await check(page, '8-extra-body-fields', '8. Ticket > Create: Additional Fields offers "Extra Body Fields"; its "Add Body Field" adds a pair that reads Name, Value and Value Type (Text)', async (shot) => {
			const shown = await ui.addCollectionOption(page, 'Additional Fields', 'Extra Body Fields');
			expect(shown.listed, `Additional Fields' "Add Field" listed: ${shown.options.join(' | ') || 'nothing'}`);
			const pair = await ui.addFixedCollectionItem(page, 'extraBodyFields', 'Add Body Field');
			await shot();
			expect(['Name', 'Value', 'Value Type'].every((label) => pair.labels.includes(label)) && pair.values.includes('Text'), `the pair shows labels ${pair.labels.map(quote).join(', ')}, inputs ${pair.values.map(quote).join(', ')}: ${quote(ui.squash(pair.text).slice(0, 200))}`);
			return `listed among ${shown.options.length} fields; the pair reads ${pair.labels.filter((l) => ['Name', 'Value', 'Value Type'].includes(l)).join(', ')}, Value Type ${quote(pair.values.find((v) => v === 'Text') ?? '')}`;
		});
	} else notRun('8. Extra Body Fields in Additional Fields', 'the Syncro node was not added');
	await ui.closeNdv(page);

	await check(page, '2-search', '2. node creator: searching "create ticket" and "syncro ticket" lists our Syncro entry', async (shot) => {
		await ui.closeNodeCreator(page);
		await ui.openNodesPanel(page);
		const found = [];
		for (const query of ['create ticket', 'syncro ticket']) {
			await ui.search(page, query);
			await ui.entry(page, 'Syncro').waitFor({ timeout: 5000 }).catch(() => undefined);
			const shown = await ui.entries(page);
			await shot(query.replace(/\s+/g, '-'));
			const ours = shown.find((e) => e.name === 'Syncro' && ui.squash(e.description) === ui.squash(TRIGGER.description));
			expect(ours, `"${query}" lists: ${shown.map((e) => `${e.name} (${e.description})`).join('; ') || 'nothing'}\n${(await ui.creatorText(page)).slice(0, 300)}`);
			found.push(`"${query}": ${shown.map((e) => e.name).join(', ')}`);
		}
		await ui.closeNodeCreator(page);
		return found.join('; ');
	});

	await examples(page, stack);
}

/** Check 7: each example opens, and runs green from the editor's execute button. @param {Page} page @param {Awaited<ReturnType<typeof startStack>>} stack */
async function examples(page, stack) {
	const origin = stack.n8n.origin;
	/** Examples no button of the editor runs: why, and where they are run instead. */
	const notRunHere = {
		'@n8n/n8n-nodes-langchain.chatTrigger':
			'started by a chat message and answered by an OpenAI model, which the sandbox has no key for; the e2e suite (test/e2e/agents.js) runs it against a scripted model',
		'@n8n/n8n-nodes-langchain.mcpTrigger': 'started by MCP clients, not by the execute button; the e2e suite (test/e2e/agents.js) drives it with the MCP SDK',
	};
	for (const wf of stack.examples) {
		const names = wf.nodes.filter((/** @type {any} */ n) => n.type !== 'n8n-nodes-base.stickyNote').map((/** @type {any} */ n) => String(n.name));
		const trigger = wf.nodes.find((/** @type {any} */ n) => /trigger/i.test(n.type));
		const skip = /** @type {Record<string, string>} */ (notRunHere)[trigger?.type];
		const ran = await check(page, `7-example-${wf.file.replace(/\.json$/, '')}`, `7. example "${wf.name}" (${wf.file}) opens in the editor${skip ? '' : ' and runs green from its Execute workflow button'}`, async () => {
			await ui.openWorkflow(page, origin, wf.id);
			await page.locator('[data-test-id=canvas-node]').first().waitFor();
			await sleep(500);
			const shown = (await ui.canvasNodes(page)).map((n) => n.name);
			const absent = names.filter((n) => !shown.includes(n));
			expect(absent.length === 0, `not on the canvas: ${absent.join(', ')}; shown: ${shown.join(', ')}`);
			if (skip) return `${names.length} nodes shown; not run: ${skip}`;
			/** The Syncro Trigger ones: the demo RMM alert to the Test URL while the editor listens. */
			const deliver =
				trigger?.type === 'n8n-nodes-syncro.syncroTrigger'
					? async () => {
							const url = `${origin}/webhook-test/${trigger.webhookId}/syncro`;
							const deadline = Date.now() + 15_000;
							for (;;) {
								const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(rmmAlertDelivery(stack.sim)), signal: AbortSignal.timeout(30_000) });
								const body = await res.text();
								if (res.status === 200) return;
								// 404 until the editor's listening has registered the test webhook
								if (res.status !== 404 || Date.now() > deadline) throw new Error(`the Test URL answered ${res.status}: ${body.slice(0, 200)}`);
								await sleep(250);
							}
						}
					: undefined;
			const result = await ui.executeWorkflow(page, names, { afterClick: deliver });
			const statuses = result.nodes.filter((n) => names.includes(n.name)).map((n) => `${n.name}: ${n.status}`);
			expect(result.done, `not all green:\n${statuses.join('\n')}${result.toasts.length ? `\non screen: ${result.toasts.join(' | ')}` : ''}`);
			return `${names.length} nodes green${deliver ? ' (the demo RMM alert posted to its Test URL while the editor listened)' : ''}`;
		});
		if (wf.nodes.some((/** @type {any} */ n) => n.type === 'n8n-nodes-syncro.syncro' && n.parameters.resource === 'invoice' && n.parameters.operation === 'email')) {
			const node = wf.nodes.find((/** @type {any} */ n) => n.parameters.resource === 'invoice' && n.parameters.operation === 'email');
			const name = `7. "${node.name}" (Invoice > Email) of "${wf.name}": the output panel shows the invoice ID and number next to the message`;
			if (!ran) {
				notRun(name, 'the example did not run');
				continue;
			}
			await check(page, '7-email-invoice-output', name, async (shot) => {
				await ui.openNode(page, node.name);
				const row = await ui.outputTableRow(page);
				await shot();
				// The message column, scrolled into view, for the second screenshot.
				await page.locator('[data-test-id=output-panel] table tbody tr td').filter({ hasText: /was emailed/ }).first().scrollIntoViewIfNeeded().catch(() => undefined);
				await shot('message');
				const emailed = /Invoice (\S+) was emailed/.exec(row.message ?? '');
				expect(
					/^\d+$/.test(row.id ?? '') && emailed && row.number === emailed[1],
					`the output's Table view shows: ${Object.entries(row).filter(([k]) => ['id', 'number', 'total', 'message'].includes(k)).map(([k, v]) => `${k}=${quote(v)}`).join(', ') || 'no item'} (columns: ${Object.keys(row).join(', ')})`,
				);
				await ui.closeNdv(page).catch(() => undefined);
				return `id ${row.id}, number ${row.number}, total ${row.total}, message ${quote(row.message)}`;
			});
		}
	}
}

const timer = setTimeout(() => {
	console.log(`FAIL ${TAG}: the run did not finish within ${OVERALL_TIMEOUT_MS / 60_000} minutes`);
	console.log(`${TAG}: ${passed} passed, ${failed + 1} failed`);
	process.exit(1);
}, OVERALL_TIMEOUT_MS);
timer.unref();

main()
	.catch((error) => {
		failed++;
		console.log(`FAIL ${TAG}: the run stopped: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
	})
	.finally(() => {
		clearTimeout(timer);
		console.log(`${TAG}: ${passed} passed, ${failed} failed`);
		process.exit(failed > 0 || passed === 0 ? 1 : 0);
	});
