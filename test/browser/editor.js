// @ts-check
'use strict';
/**
 * The n8n editor, as a person works it, for the browser suite (test/browser/run.js): sign in, new workflow,
 * the node creator (search, entries, details panel), the node panel (NDV), the canvas and its execute button.
 * Selectors are n8n's own data-test-id attributes; where n8n 1.123 and 2.41 differ, both are named.
 */

/** @typedef {import('playwright-core').Page} Page @typedef {import('playwright-core').Locator} Locator */

const { sleep } = require('../e2e/n8n');

/** Text with runs of whitespace folded to one space. */
const squash = (/** @type {string} */ text) => text.replace(/\s+/g, ' ').trim();

/** Signs in on /signin (the same form on 1.123 and 2.41) and waits to leave it. @param {Page} page @param {string} origin */
async function signIn(page, origin, /** @type {{ email: string, password: string }} */ user) {
	await page.goto(`${origin}/signin`);
	await page.locator('input[name=emailOrLdapLoginId], input[name=email]').first().fill(user.email);
	await page.locator('input[name=password]').fill(user.password);
	await page.locator('[data-test-id=form-submit-button]').click();
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 30_000 });
}

/** Opens a workflow (an ID, or 'new') and waits for its canvas. @param {Page} page @param {string} origin @param {string} id */
async function openWorkflow(page, origin, id) {
	await page.goto(`${origin}/workflow/${id}`);
	await page.locator('[data-test-id=canvas-wrapper]').waitFor({ timeout: 30_000 });
	await dismissModals(page);
}

/** Closes a modal n8n may show on arrival (what's new, surveys): Escape while one is visible. @param {Page} page */
async function dismissModals(page) {
	for (let i = 0; i < 3; i++) {
		const open = page.locator('.el-overlay:visible, .el-dialog:visible');
		if ((await open.count()) === 0) return;
		await page.keyboard.press('Escape');
		await sleep(300);
	}
}

/** The node creator panel. @param {Page} page */
const nodeCreator = (page) => page.locator('[data-test-id=node-creator]');

/** Types into the node creator's search bar and waits for the list to settle. @param {Page} page @param {string} text */
async function search(page, text) {
	const bar = page.locator('[data-test-id=node-creator-search-bar]');
	await bar.fill(text);
	await sleep(700);
}

/**
 * The node creator's entry with exactly this name (n8n pads some names with a space).
 * @param {Page} page @param {string} name @returns {Locator}
 */
function entry(page, name) {
	const exact = new RegExp(`^\\s*${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
	return nodeCreator(page)
		.locator('[data-test-id=item-iterator-item]')
		.filter({ has: page.locator('[data-test-id=node-creator-item-name]', { hasText: exact }) });
}

/** The entries the node creator lists now: name and description as shown. @param {Page} page */
async function entries(page) {
	return await nodeCreator(page)
		.locator('[data-test-id=item-iterator-item]')
		.evaluateAll((items) =>
			items.map((item) => ({
				name: (item.querySelector('[data-test-id=node-creator-item-name]')?.textContent ?? '').trim(),
				description: (item.querySelector('[data-test-id=node-creator-item-description]')?.textContent ?? '').trim(),
			})),
		);
}

/** The node creator's text as shown (for failure messages and assertions). @param {Page} page */
async function creatorText(page) {
	return (await nodeCreator(page).innerText()).trim();
}

/** Goes back one view in the node creator (the arrow in its header). @param {Page} page */
async function creatorBack(page) {
	await page.locator('[data-test-id=nodes-list-header] button').first().click();
	await sleep(400);
}

/** Opens the node creator to add a first trigger to an empty workflow. @param {Page} page */
async function addFirstStep(page) {
	await page.locator('[data-test-id=canvas-plus-button]').click();
	await nodeCreator(page).waitFor();
}

/** Opens the node creator from the canvas's + button (top right). @param {Page} page */
async function openNodesPanel(page) {
	await page.locator('[data-test-id=node-creator-plus-button]').click();
	await nodeCreator(page).waitFor();
}

/** Opens "What happens next?": the + on the output of the (only) last node. @param {Page} page */
async function whatHappensNext(page) {
	await page.locator('[data-test-id=canvas-handle-plus]').first().click();
	await nodeCreator(page).waitFor();
}

/** Closes the node creator if it is open. @param {Page} page */
async function closeNodeCreator(page) {
	if (await nodeCreator(page).isVisible()) {
		await page.keyboard.press('Escape');
		await nodeCreator(page).waitFor({ state: 'hidden', timeout: 5000 }).catch(() => undefined);
	}
}

/** The node panel (NDV). @param {Page} page */
const ndv = (page) => page.locator('[data-test-id=ndv]');

/** Closes the node panel: 2.x has a close button, 1.x "Back to canvas". @param {Page} page */
async function closeNdv(page) {
	const close = page.locator('[data-test-id=ndv-close-button]:visible, [data-test-id=back-to-canvas]:visible');
	if ((await close.count()) > 0) await close.first().click();
	await page.locator('[data-test-id=node-parameters]').waitFor({ state: 'hidden', timeout: 5000 }).catch(() => undefined);
}

/** The visible notices of the node panel, with text and position. @param {Page} page */
async function notices(page) {
	return await ndv(page)
		.locator('.notice')
		.evaluateAll((els) =>
			els
				.filter((el) => /** @type {HTMLElement} */ (el).offsetParent !== null)
				.map((el) => {
					const box = el.getBoundingClientRect();
					return { text: /** @type {HTMLElement} */ (el).innerText.trim(), top: box.top, bottom: box.bottom };
				}),
		);
}

/** The credential the node panel shows as selected ('' when none). @param {Page} page */
async function selectedCredential(page) {
	const input = ndv(page).locator('[data-test-id=node-credentials-select] input').first();
	if ((await input.count()) === 0) return '';
	return (await input.inputValue()).trim();
}

/**
 * Opens a dropdown of the node panel: the options it lists and the text it shows when it lists none
 * ("No data"); `close()` closes it again.
 * @param {Page} page @param {string} parameter the parameter's name (parameter-input-<name>)
 */
async function openDropdown(page, parameter) {
	await ndv(page).locator(`[data-test-id=parameter-input-${parameter}]`).click();
	await sleep(1200);
	const options = (await page.locator('.el-select-dropdown__item:visible').allInnerTexts()).map((o) => o.trim());
	const empty = (await page.locator('.el-select-dropdown__empty:visible').allInnerTexts()).map((o) => o.trim()).join(' ');
	return {
		options,
		empty,
		close: async () => {
			await page.keyboard.press('Escape');
			await sleep(300);
		},
	};
}

/** The href of the node panel's "Docs" link. @param {Page} page */
async function docsLink(page) {
	const link = ndv(page).locator('a').filter({ hasText: /^\s*Docs\s*$/ });
	if ((await link.count()) === 0) return undefined;
	return await link.first().getAttribute('href');
}

/** The canvas's nodes: name, type and run status as shown (success / error / none). @param {Page} page */
async function canvasNodes(page) {
	return await page.locator('[data-test-id=canvas-node]').evaluateAll((nodes) =>
		nodes.map((node) => ({
			name: node.getAttribute('data-node-name') ?? '',
			type: node.getAttribute('data-node-type') ?? '',
			status: node.querySelector('[data-test-id=canvas-node-status-error]')
				? 'error'
				: node.querySelector('[data-test-id=canvas-node-status-success]')
					? 'success'
					: node.querySelector('[data-test-id=canvas-node-status-running], [data-test-id=canvas-node-status-waiting]')
						? 'running'
						: 'none',
		})),
	);
}

/** Text of the toasts on screen (n8n's error toasts carry the reason). @param {Page} page */
async function toasts(page) {
	return (await page.locator('.el-notification:visible').allInnerTexts()).map(squash);
}

/**
 * Clicks the canvas's "Execute workflow" button (the editor's own) and waits until every node of `names`
 * shows success, or one shows an error, or `timeoutMs` passes. Before waiting, `afterClick` may deliver the
 * event a trigger listens for.
 * @param {Page} page @param {string[]} names
 * @param {{ timeoutMs?: number, afterClick?: () => Promise<void> }} [options]
 */
async function executeWorkflow(page, names, options = {}) {
	await page.locator('[data-test-id=execute-workflow-button]').first().click();
	if (options.afterClick) await options.afterClick();
	const deadline = Date.now() + (options.timeoutMs ?? 90_000);
	for (;;) {
		const nodes = (await canvasNodes(page)).filter((n) => names.includes(n.name));
		const failed = nodes.filter((n) => n.status === 'error');
		const green = nodes.filter((n) => n.status === 'success');
		if (failed.length > 0 || green.length === names.length || Date.now() > deadline) {
			await sleep(300);
			return { nodes: await canvasNodes(page), toasts: await toasts(page), done: green.length === names.length && failed.length === 0 };
		}
		await sleep(300);
	}
}

/**
 * Adds an option to the node panel's collection labelled `collection` (e.g. "Additional Fields") through its
 * add control: opens the list, reports what it lists, and picks `option` when listed. The add control is a
 * select on some n8n versions and a dropdown menu on others; both list the options' display names.
 * @param {Page} page @param {string} collection @param {string} option
 */
async function addCollectionOption(page, collection, option) {
	const item = ndv(page).locator('[data-test-id=parameter-item]').filter({ has: page.getByText(collection, { exact: true }) }).last();
	await item.locator('[data-test-id=collection-parameter-add], [data-test-id=collection-parameter-add-dropdown]').first().click();
	await sleep(800);
	const items = page.locator('[data-test-id=collection-parameter-option]:visible, .el-select-dropdown__item:visible, [role=menuitem]:visible');
	const options = (await items.allInnerTexts()).map((o) => o.trim()).filter(Boolean);
	const listed = options.includes(option);
	if (listed) await items.filter({ hasText: new RegExp(`^\\s*${option}\\s*$`) }).first().click();
	else await page.keyboard.press('Escape');
	await sleep(500);
	return { options, listed };
}

/**
 * Adds one item to the fixedCollection parameter `name` of the node panel (its button reads `button`) and
 * returns the labels and the text of what it shows then.
 * @param {Page} page @param {string} name @param {string} button
 */
async function addFixedCollectionItem(page, name, button) {
	const scope = ndv(page).locator(`[data-test-id=fixed-collection-${name}]`).first();
	await scope.getByText(button, { exact: true }).first().click();
	await sleep(800);
	const labels = (await scope.locator('label, [data-test-id=parameter-input-label], .n8n-input-label').allInnerTexts()).map((l) => l.trim()).filter(Boolean);
	// What the inputs show (a select shows its choice as the value of its input, not as text).
	const values = await scope.locator('input:visible').evaluateAll((inputs) => inputs.map((input) => /** @type {HTMLInputElement} */ (input).value));
	return { labels: [...new Set(labels.flatMap((l) => l.split('\n').map((x) => x.trim())))], values, text: await scope.innerText() };
}

/** Opens a canvas node's panel. @param {Page} page @param {string} name */
async function openNode(page, name) {
	await page.locator(`[data-test-id=canvas-node][data-node-name="${name.replace(/"/g, '\\"')}"]`).dblclick();
	await page.locator('[data-test-id=node-parameters]').waitFor({ timeout: 10_000 });
}

/**
 * The output panel's first item as its Table view shows it: column heading to cell text (the Table view
 * renders every column; the JSON and Schema views render only what is scrolled into view).
 * @param {Page} page @returns {Promise<Record<string, string>>}
 */
async function outputTableRow(page) {
	const panel = page.locator('[data-test-id=output-panel]');
	await panel.locator('[data-test-id=radio-button-table]').click();
	const table = panel.locator('table').first();
	await table.waitFor({ timeout: 10_000 });
	return await table.evaluate((t) => {
		const heads = [...t.querySelectorAll('thead th')].map((th) => /** @type {HTMLElement} */ (th).innerText.trim());
		const row = t.querySelector('tbody tr');
		const cells = row ? [...row.children].map((td) => /** @type {HTMLElement} */ (td).innerText.trim()) : [];
		/** @type {Record<string, string>} */
		const out = {};
		heads.forEach((h, i) => {
			if (h) out[h] = cells[i] ?? '';
		});
		return out;
	});
}

module.exports = {
	addCollectionOption,
	addFirstStep,
	addFixedCollectionItem,
	canvasNodes,
	closeNdv,
	closeNodeCreator,
	creatorBack,
	creatorText,
	dismissModals,
	docsLink,
	entries,
	entry,
	executeWorkflow,
	ndv,
	nodeCreator,
	notices,
	openDropdown,
	openNode,
	openNodesPanel,
	openWorkflow,
	outputTableRow,
	search,
	selectedCredential,
	signIn,
	squash,
	toasts,
	whatHappensNext,
};
