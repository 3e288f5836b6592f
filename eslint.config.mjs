// Lint = the rules n8n's package scanner applies (@n8n/eslint-plugin-community-nodes)
// plus n8n's classic community-node rules (eslint-plugin-n8n-nodes-base).
import tsParser from '@typescript-eslint/parser';
import jsonParser from 'jsonc-eslint-parser';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import communityNodes from '@n8n/eslint-plugin-community-nodes';

const base = n8nNodesBase.configs;

export default [
	{ ignores: ['dist/**', 'node_modules/**', 'test/**', 'bench/**', 'scripts/**', 'examples/**', 'gulpfile.js'] },
	communityNodes.configs.recommended,
	{
		files: ['package.json'],
		languageOptions: { parser: jsonParser },
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: { ...base.community.rules },
	},
	{
		files: ['credentials/**/*.ts'],
		languageOptions: { parser: tsParser, parserOptions: { sourceType: 'module' } },
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...base.credentials.rules,
			// Only for nodes inside n8n's own repository; community credentials link to a URL.
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		languageOptions: { parser: tsParser, parserOptions: { sourceType: 'module' } },
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...base.nodes.rules,
			// Superseded: the scanner's rules (node-connection-type-literal) require NodeConnectionTypes.Main.
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
		},
	},
];
