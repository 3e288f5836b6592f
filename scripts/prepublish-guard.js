#!/usr/bin/env node
'use strict';
/**
 * `prepublishOnly`: npm publish goes ahead only from the GitHub Actions publish workflow, where npm can sign
 * the provenance statement n8n's verification requires (since May 2026) with the workflow's OIDC token.
 * A plain `npm publish` on a laptop would ship a version without provenance, which n8n's Creator Portal
 * then refuses and which cannot be republished under the same number: this stops it before anything is sent.
 * The check is the one npm itself needs for provenance: running in GitHub Actions with an id-token
 * (ACTIONS_ID_TOKEN_REQUEST_URL is set only when the job has `permissions: id-token: write`).
 * See PUBLISHING.md.
 */

/** Why publishing from here would ship without provenance, or undefined when it would not. @param {NodeJS.ProcessEnv} env */
function whyNot(env) {
	if (env.GITHUB_ACTIONS !== 'true') {
		return 'npm publish runs only in the GitHub Actions publish workflow (.github/workflows/publish.yml), which publishes with provenance; push a version tag v<version> instead (PUBLISHING.md)';
	}
	if (!env.ACTIONS_ID_TOKEN_REQUEST_URL) {
		return 'this GitHub Actions job has no OIDC token, so npm cannot sign provenance: give the job `permissions: id-token: write` (as .github/workflows/publish.yml does)';
	}
	return undefined;
}

if (require.main === module) {
	const reason = whyNot(process.env);
	if (reason) {
		process.stderr.write(`prepublishOnly: refused: ${reason}\n`);
		process.exit(1);
	}
	process.stdout.write('prepublishOnly: GitHub Actions with an OIDC token: npm publishes with provenance\n');
}

module.exports = { whyNot };
