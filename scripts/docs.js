#!/usr/bin/env node
'use strict';
/**
 * Writes the generated sections of README.md from the operation table itself (dist/), so the README never
 * drifts from the node: `npm run docs`. The resource/operation table, and the fields that Syncro's API
 * document does not list with the evidence that Syncro accepts them. A unit test fails when one is stale.
 */
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');

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

/** Every named field that Syncro's API document does not list, with the evidence that Syncro accepts it. */
function beyondSpecMarkdown() {
	const { RESOURCES } = require(path.join(root, 'dist/nodes/Syncro/resources'));
	const lines = ['| Operation | Field (Syncro name) | Evidence that Syncro accepts it |', '|---|---|---|'];
	const rows = new Map();
	for (const resource of RESOURCES) {
		for (const op of resource.operations) {
			for (const field of op.fields.filter((f) => f.beyondSpec)) {
				const key = `${field.displayName}\u0000${field.name}\u0000${field.beyondSpec}`;
				const ops = rows.get(key) ?? { field, operations: [] };
				ops.operations.push(`${resource.name} > ${op.name}`);
				rows.set(key, ops);
			}
		}
	}
	const sorted = [...rows.values()].sort((a, b) => a.operations[0].localeCompare(b.operations[0]));
	for (const { field, operations } of sorted) {
		lines.push(`| ${operations.join(', ')} | ${field.displayName} (\`${field.name}\`) | ${field.beyondSpec} |`);
	}
	return lines.join('\n');
}

const SECTIONS = [
	{ name: 'operations', markdown: operationsMarkdown },
	{ name: 'beyond-spec', markdown: beyondSpecMarkdown },
];

function render(readme) {
	let text = readme;
	for (const section of SECTIONS) {
		const START = `<!-- ${section.name}:start -->`;
		const END = `<!-- ${section.name}:end -->`;
		const start = text.indexOf(START);
		const end = text.indexOf(END);
		if (start === -1 || end === -1) throw new Error(`README.md has no ${START} … ${END} section`);
		text = `${text.slice(0, start + START.length)}\n${section.markdown()}\n${text.slice(end)}`;
	}
	return text;
}

if (require.main === module) {
	const file = path.join(root, 'README.md');
	fs.writeFileSync(file, render(fs.readFileSync(file, 'utf8')));
	console.log('README.md generated sections updated');
}

module.exports = { render, operationsMarkdown, beyondSpecMarkdown };
