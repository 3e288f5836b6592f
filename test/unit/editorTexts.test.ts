/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code: runs under Node.js in this repository, never inside n8n */
/**
 * What n8n's editor shows of the three nodes, read from what n8n's editor does with a node's description
 * (n8n's packages/frontend/editor-ui, the same in 1.123, 2.8.4 and 2.41.1):
 * - the node creator folds a trigger whose type minus "Trigger" is an app node into that node's entry, and the
 *   entry then shows the trigger's description (useActionsGeneration.ts, generateMergedNodesAndActions);
 * - it labels a trigger's events `On ${noCase(option.name)}` unless the option has an `action`;
 * - its search (sublimeSearch) matches a query's characters in order against the display name and each codex
 *   alias on its own, never the actions;
 * - a `notice` keeps only <a>, <ul> and <li> on 2.x (N8nNotice's sanitize-html call);
 * - the Docs link is the description's `documentationUrl` as written, or else the codex primaryDocumentation
 *   with `?utm_...` appended (which would land inside a `#anchor`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ICredentialType, INodeProperties, INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';

import { SyncroApi } from '../../credentials/SyncroApi.credentials';
import { Syncro } from '../../nodes/Syncro/Syncro.node';
import { SyncroPollingTrigger } from '../../nodes/SyncroPollingTrigger/SyncroPollingTrigger.node';
import { SyncroTrigger } from '../../nodes/SyncroTrigger/SyncroTrigger.node';

const root = path.resolve(__dirname, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');

const action = new Syncro().description as INodeTypeDescription;
const webhook = new SyncroTrigger().description as INodeTypeDescription;
const polling = new SyncroPollingTrigger().description as INodeTypeDescription;
const credential = new SyncroApi() as ICredentialType;

const nodes: Array<{ description: INodeTypeDescription; codexFile: string }> = [
	{ description: action, codexFile: 'nodes/Syncro/Syncro.node.json' },
	{ description: webhook, codexFile: 'nodes/SyncroTrigger/SyncroTrigger.node.json' },
	{ description: polling, codexFile: 'nodes/SyncroPollingTrigger/SyncroPollingTrigger.node.json' },
];

interface Codex {
	node: string;
	alias: string[];
	resources: { primaryDocumentation: Array<{ url: string }>; credentialDocumentation: Array<{ url: string }> };
}
function codex(file: string): Codex {
	return JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));
}

/** The options n8n lists as a trigger's events: those of the property displayed as "Event" or "Events". */
function eventOptions(description: INodeTypeDescription): INodePropertyOptions[] {
	const property = description.properties.find((p) => ['event', 'events', 'trigger on'].includes(p.displayName.toLowerCase()));
	return (property?.options ?? []) as INodePropertyOptions[];
}

/** GitHub's anchors of the README headings (lower case, punctuation dropped, spaces to hyphens, repeats numbered). */
function readmeAnchors(): Set<string> {
	const seen = new Map<string, number>();
	const anchors = new Set<string>();
	let fenced = false;
	for (const line of readme.split('\n')) {
		if (line.startsWith('```')) fenced = !fenced;
		const heading = !fenced && /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
		if (!heading) continue;
		const slug = heading[1]
			.toLowerCase()
			.replace(/[^\p{L}\p{N} _-]/gu, '')
			.replace(/ /g, '-');
		const n = seen.get(slug) ?? 0;
		seen.set(slug, n + 1);
		anchors.add(n === 0 ? slug : `${slug}-${n}`);
	}
	return anchors;
}

describe('node creator entries', () => {
	it('folds the webhook trigger into the Syncro entry, and leaves the polling trigger its own entry', () => {
		// n8n: `trigger.name.replace('Trigger', '')` matched against the app nodes.
		const names = nodes.map((n) => n.description.name);
		expect(webhook.name.replace('Trigger', '')).toBe(action.name);
		expect(names).not.toContain(polling.name.replace('Trigger', ''));
	});

	it("gives the merged entry (the webhook trigger's description) words for both its actions and its triggers", () => {
		expect(webhook.description).toMatch(/Syncro \(SyncroMSP\)/);
		expect(webhook.description).toMatch(/\baction/i);
		expect(webhook.description).toMatch(/\btrigger/i);
		expect(webhook.description).not.toMatch(/^Starts the workflow/i);
	});

	it('does not word the action node (and its AI tool) as a trigger', () => {
		expect(action.description).toMatch(/Syncro \(SyncroMSP\)/);
		expect(action.description).not.toMatch(/trigger|starts the workflow|webhook|notification center/i);
		// Same subject as the merged entry, so both read as one node.
		const subject = (text: string) => text.split(':')[0];
		expect(subject(action.description)).toBe(subject(webhook.description));
	});

	it('describes the polling trigger as a trigger', () => {
		expect(polling.description).toMatch(/^Starts the workflow when/);
	});

	it('never writes "deprecated" in a description (n8n tags such an entry Deprecated)', () => {
		for (const { description } of nodes) expect(description.description.toLowerCase()).not.toContain('deprecated');
	});
});

describe('event labels', () => {
	const words = new Set(['On', 'RMM', 'Syncro']);
	for (const node of [webhook, polling]) {
		it(`${node.displayName}: every event has an action in Syncro's words ("On RMM alert created")`, () => {
			const options = eventOptions(node);
			expect(options.length).toBeGreaterThan(5);
			for (const option of options) {
				expect(option.action).toMatch(/^On [a-zA-Z]/);
				// Sentence case, acronyms and the product name kept.
				for (const word of (option.action as string).split(' ')) {
					if (!words.has(word)) expect(word).toBe(word.toLowerCase());
				}
				if (/\bRMM\b/.test(option.name)) expect(option.action).toContain('RMM');
			}
			expect(new Set(options.map((o) => o.action)).size).toBe(options.length);
		});
	}

	it('labels the RMM events as Syncro does', () => {
		const labels = (node: INodeTypeDescription) => Object.fromEntries(eventOptions(node).map((o) => [o.value, o.action]));
		expect(labels(webhook)).toMatchObject({ 'rmm_alert.created': 'On RMM alert created', 'rmm_alert.resolved': 'On RMM alert resolved' });
		expect(labels(polling)).toMatchObject({ rmmAlertCreated: 'On new RMM alert' });
	});
});

describe('notices', () => {
	const notices = (node: INodeTypeDescription): INodeProperties[] => node.properties.filter((p) => p.type === 'notice');

	it('keep to the HTML n8n 2.x keeps in a notice (<a>, <ul>, <li>), so nothing runs together', () => {
		for (const node of nodes) {
			for (const notice of notices(node.description)) {
				const tags = [...notice.displayName.matchAll(/<\/?\s*([a-zA-Z][a-zA-Z0-9]*)/g)].map((m) => m[1].toLowerCase());
				expect({ notice: notice.name, tags: tags.filter((t) => !['a', 'ul', 'li'].includes(t)) }).toEqual({ notice: notice.name, tags: [] });
			}
		}
	});

	it('give each set-up step of the Syncro Trigger a notice of its own, in order, before the events', () => {
		const all = notices(webhook).filter((p) => p.displayOptions === undefined);
		const texts = all.map((p) => p.displayName);
		const steps = texts.filter((t) => /^\d+\. /.test(t));
		expect(steps.map((t) => t.slice(0, 3))).toEqual(['1. ', '2. ', '3. ']);
		// One step per notice.
		for (const step of steps) expect(step.match(/(?:^|\s)\d\. [A-Z]/g)).toHaveLength(1);
		// Everything the one paragraph said is still said.
		const text = texts.join('\n');
		for (const phrase of [
			'no API to register webhooks',
			'activate (publish) the workflow',
			'Within 15 minutes',
			'Production URL',
			'?secret=',
			'shown once',
			'Admin > Notification Center',
			'Notification Set',
			'tick Webhook',
			'refused (401)',
			'Secret Version',
			'Test URL',
		]) {
			expect(text).toContain(phrase);
		}
		const eventsAt = webhook.properties.findIndex((p) => p.name === 'events');
		for (const notice of all) expect(webhook.properties.indexOf(notice)).toBeLessThan(eventsAt);
	});
});

describe('search aliases', () => {
	// n8n finds an entry when the query's characters appear in order in its display name or in one alias;
	// a query contained in an alias is such a match.
	const finds = (node: INodeTypeDescription, codexFile: string, query: string) =>
		[node.displayName, ...codex(codexFile).alias].some((value) => value.toLowerCase().includes(query.toLowerCase()));

	it('find the Syncro entry (whose codex the merged entry keeps) by what people type', () => {
		for (const query of [
			'Create Ticket',
			'Syncro Ticket',
			'RMM Alert',
			'Create Invoice',
			'SyncroMSP',
			'PSA',
			'RMM',
			'Ticket',
			'Invoice',
			'Customer',
			'Asset',
			'Contact',
			'Estimate',
		]) {
			expect({ query, found: finds(action, 'nodes/Syncro/Syncro.node.json', query) }).toEqual({ query, found: true });
		}
	});

	it('find the polling trigger by its events', () => {
		for (const query of ['SyncroMSP', 'New Ticket', 'New RMM Alert', 'Polling']) {
			expect({ query, found: finds(polling, 'nodes/SyncroPollingTrigger/SyncroPollingTrigger.node.json', query) }).toEqual({ query, found: true });
		}
	});

	it('are listed once each, and name the node they belong to', () => {
		for (const { description, codexFile } of nodes) {
			const file = codex(codexFile);
			expect(file.node).toBe(`${pkg.name}.${description.name}`);
			const lower = file.alias.map((a) => a.toLowerCase());
			expect(new Set(lower).size).toBe(lower.length);
			expect(file.alias.length).toBeLessThanOrEqual(45);
		}
	});
});

describe('docs links', () => {
	const repository = String(pkg.homepage).replace(/#.*$/, '');
	const anchors = readmeAnchors();
	const anchorOf = (url: string) => {
		expect(url.startsWith(`${repository}#`)).toBe(true);
		expect(url).not.toContain('?');
		return url.slice(repository.length + 1);
	};

	it('send each node to its own README section (documentationUrl, which n8n uses as written)', () => {
		const sections = nodes.map(({ description, codexFile }) => {
			const anchor = anchorOf(description.documentationUrl as string);
			expect(anchors).toContain(anchor);
			expect(codex(codexFile).resources.primaryDocumentation).toEqual([{ url: description.documentationUrl }]);
			return anchor;
		});
		expect(new Set(sections).size).toBe(nodes.length);
	});

	it('send the credential to the README section about it', () => {
		const anchor = anchorOf(credential.documentationUrl as string);
		expect(anchors).toContain(anchor);
		expect(anchor).toMatch(/credential/);
		for (const { codexFile } of nodes) {
			expect(codex(codexFile).resources.credentialDocumentation).toEqual([{ url: credential.documentationUrl }]);
		}
	});
});
