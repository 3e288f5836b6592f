/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code: runs under Node.js in this repository, never inside n8n */
import * as fs from 'node:fs';
import * as path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { MAX_WORKFLOW_ID_LENGTH } = require('../e2e/versions');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { WORKFLOW_IDS } = require('../e2e/workflow-ids');

const root = path.resolve(__dirname, '../..');
const examples = fs
	.readdirSync(path.join(root, 'examples'))
	.filter((f) => f.endsWith('.json'))
	.map((file) => ({ file, workflow: JSON.parse(fs.readFileSync(path.join(root, 'examples', file), 'utf8')) }));

const flatten = (tree: Record<string, unknown>, prefix = ''): Array<[string, string]> =>
	Object.entries(tree).flatMap(([key, value]) =>
		typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : flatten(value as Record<string, unknown>, `${prefix}${key}.`),
	);
const suiteIds = flatten(WORKFLOW_IDS);

// n8n 1.x keeps static data only for workflow IDs of at most 16 characters (isWorkflowIdValid); longer ones lose
// the Syncro Trigger's secret (every delivery refused) and the polling trigger's cursor, without an error.
describe('workflow IDs (n8n 1.x drops the static data of workflows with IDs over 16 characters)', () => {
	it('the limit is 16', () => {
		expect(MAX_WORKFLOW_ID_LENGTH).toBe(16);
	});

	it.each(examples.map(({ file, workflow }) => [file, workflow.id]))('example %s has an ID of at most 16 characters (%s)', (_file, id) => {
		expect(typeof id).toBe('string');
		expect(id.length).toBeGreaterThan(0);
		expect(id.length).toBeLessThanOrEqual(MAX_WORKFLOW_ID_LENGTH);
	});

	it.each(suiteIds)('the suites\' workflow %s has an ID of at most 16 characters (%s)', (_name, id) => {
		expect(id.length).toBeLessThanOrEqual(MAX_WORKFLOW_ID_LENGTH);
	});

	it('no two workflows share an ID', () => {
		const all = [...examples.map(({ workflow }) => workflow.id as string), ...suiteIds.map(([, id]) => id)];
		expect(new Set(all).size).toBe(all.length);
	});

	it('the workflow IDs `npm start` activates are examples', () => {
		const start = fs.readFileSync(path.join(root, 'scripts', 'start.js'), 'utf8');
		const activate = /const ACTIVATE = \[([^\]]*)\]/.exec(start)?.[1] ?? '';
		const ids = [...activate.matchAll(/'([^']+)'/g)].map((m) => m[1]);
		expect(ids.length).toBeGreaterThan(0);
		for (const id of ids) expect(examples.map(({ workflow }) => workflow.id)).toContain(id);
	});
});
