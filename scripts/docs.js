#!/usr/bin/env node
'use strict';
/**
 * Writes the resource/operation table of README.md from the operation table itself (dist/), so the README
 * never drifts from the node: `npm run docs`. A unit test fails when the README section is stale.
 */
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const START = '<!-- operations:start -->';
const END = '<!-- operations:end -->';

function operationsMarkdown() {
	const { RESOURCES } = require(path.join(root, 'dist/nodes/Syncro/resources'));
	const lines = [
		'| Resource | Operations |',
		'|---|---|',
	];
	const resources = [...RESOURCES].sort((a, b) => a.name.localeCompare(b.name));
	let total = 0;
	for (const resource of resources) {
		const ops = [...resource.operations]
			.sort((a, b) => a.name.localeCompare(b.name))
			.map((op) => (op.isNew ? `${op.name} [NEW]` : op.name));
		total += ops.length;
		const aliases = resource.aliases && resource.aliases.length ? ` (also: ${resource.aliases.join(', ')})` : '';
		lines.push(`| **${resource.name}**${aliases} | ${ops.join(', ')} |`);
	}
	lines.push('', `${total} operations over ${resources.length} resources. [NEW] marks endpoints of Syncro's live API that are newer than the cached official spec this package was checked against.`);
	return lines.join('\n');
}

function render(readme) {
	const start = readme.indexOf(START);
	const end = readme.indexOf(END);
	if (start === -1 || end === -1) throw new Error(`README.md has no ${START} … ${END} section`);
	return `${readme.slice(0, start + START.length)}\n${operationsMarkdown()}\n${readme.slice(end)}`;
}

if (require.main === module) {
	const file = path.join(root, 'README.md');
	fs.writeFileSync(file, render(fs.readFileSync(file, 'utf8')));
	console.log('README.md operations table updated');
}

module.exports = { render, operationsMarkdown };
