/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- test code: runs under Node.js in this repository, never inside n8n */
/**
 * Publishing: only the GitHub Actions workflow can publish, with provenance (n8n's verification requires it);
 * a plain local `npm publish` is refused before anything is packed or sent.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { whyNot } = require('../../scripts/prepublish-guard.js') as { whyNot: (env: NodeJS.ProcessEnv) => string | undefined };

describe('publishing', () => {
	it('refuses a plain local npm publish, naming the workflow to use', () => {
		const env = { ...process.env };
		delete env.GITHUB_ACTIONS;
		delete env.ACTIONS_ID_TOKEN_REQUEST_URL;
		const result = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['publish', '--dry-run'], { cwd: root, encoding: 'utf8', env });
		expect(result.status).not.toBe(0);
		expect(result.stderr).toContain('prepublishOnly: refused: npm publish runs only in the GitHub Actions publish workflow');
		// Refused before prepack: nothing was built or packed.
		expect(result.stdout).not.toContain('> n8n-nodes-syncro@0.1.0 prepack');
	});

	it('lets through only GitHub Actions with an OIDC token', () => {
		expect(whyNot({})).toMatch(/GitHub Actions publish workflow/);
		expect(whyNot({ GITHUB_ACTIONS: 'true' })).toMatch(/id-token: write/);
		expect(whyNot({ GITHUB_ACTIONS: 'true', ACTIONS_ID_TOKEN_REQUEST_URL: 'https://token.actions.example/' })).toBeUndefined();
	});

	it('publishes with provenance, publicly, and names no file the tarball lacks', () => {
		expect(pkg.scripts.prepublishOnly).toBe('node scripts/prepublish-guard.js');
		expect(pkg.publishConfig).toEqual({ access: 'public', provenance: true });
		expect(pkg.main).toBeUndefined();
	});

	it('publishes from the tag workflow with trusted publishing: Node.js 24, npm 11.5.1 or newer, an OIDC token', () => {
		const workflow = fs.readFileSync(path.join(root, '.github/workflows/publish.yml'), 'utf8');
		expect(workflow).toMatch(/tags: \['v\*\.\*\.\*'\]/);
		expect(workflow).toMatch(/needs: test/);
		expect(workflow).toMatch(/id-token: write/);
		expect(workflow).toMatch(/node-version: 24/);
		expect(workflow).toMatch(/npm install -g npm@\^11\.5\.1/);
		expect(workflow).toMatch(/npm publish --provenance --access public/);
		expect(workflow).not.toMatch(/automation token/);
	});
});
