// The project's own lint of what the package ships (`npm run lint`, with --no-inline-config: no rule can be
// switched off in the code): n8n's default config (eslint.config.mjs, what `n8n-node lint` and the Creator
// Portal's review apply) with the two rules of eslint-plugin-n8n-nodes-base that it leaves off switched on.
import { config } from '@n8n/node-cli/eslint';

export default [
	...config,
	{
		files: ['credentials/**/*.ts'],
		rules: { 'n8n-nodes-base/cred-class-field-type-options-password-missing': 'error' },
	},
	{
		files: ['nodes/**/*.ts'],
		rules: { 'n8n-nodes-base/node-param-type-options-max-value-present': 'error' },
	},
];
