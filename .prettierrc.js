/**
 * n8n's prettier settings for community nodes (the template of @n8n/node-cli: tabs, single quotes, trailing
 * commas), with lines up to 120 characters. `npm run lint` checks nodes/ and credentials/ with it
 * (`npm run format` rewrites them).
 */
module.exports = {
	semi: true,
	trailingComma: 'all',
	bracketSpacing: true,
	useTabs: true,
	tabWidth: 2,
	arrowParens: 'always',
	singleQuote: true,
	quoteProps: 'as-needed',
	endOfLine: 'lf',
	printWidth: 120,
};
