import * as fs from 'node:fs';
import * as path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { render } = require('../../scripts/docs');

describe('README', () => {
	it('lists exactly the resources and operations the node has (run `npm run docs` after changing the table)', () => {
		const readme = fs.readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
		expect(render(readme)).toBe(readme);
	});

	it('shows the two commands of a fresh clone', () => {
		const readme = fs.readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
		expect(readme).toContain('npm install && npm start');
		expect(readme).toContain('npm test');
	});
});
