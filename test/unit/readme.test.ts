/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code: runs under Node.js in this repository, never inside n8n */
import * as fs from 'node:fs';
import * as path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { render } = require('../../scripts/docs');

describe('README', () => {
	it('lists exactly the resources and operations the node has (run `npm run docs` after changing the table)', () => {
		const readme = fs.readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
		expect(render(readme)).toBe(readme);
	});

	it('has a Troubleshooting row for every error code the node gives (transport/errors.ts)', () => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { ERROR_CODES } = require('../../nodes/Syncro/transport/errors');
		const readme = fs.readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
		const section = readme.slice(readme.indexOf('## Troubleshooting'), readme.indexOf('## Development'));
		const rows = new Set([...section.matchAll(/^\| `(\w+)` \|/gm)].map((m) => m[1]));
		expect((ERROR_CODES as string[]).filter((code) => !rows.has(code))).toEqual([]);
		expect([...rows].filter((code) => !(ERROR_CODES as string[]).includes(code))).toEqual([]);
	});

	it('shows the two commands of a fresh clone', () => {
		const readme = fs.readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
		expect(readme).toContain('npm install && npm start');
		expect(readme).toContain('npm test');
	});
});
