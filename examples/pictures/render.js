#!/usr/bin/env node
// @ts-check
'use strict';
/**
 * Draws each example workflow (examples/*.json) as an SVG picture in examples/pictures/, laid out as in
 * the n8n editor (node positions, connections, error outputs, sticky notes), for the README.
 *
 *   node examples/pictures/render.js          write the pictures
 *   node examples/pictures/render.js --check  exit 1 when a picture is missing or out of date
 */
const fs = require('node:fs');
const path = require('node:path');

const EXAMPLES = path.resolve(__dirname, '..');
const NODE = 100;
const PAD = 40;
const LABEL_GAP = 18;

const esc = (/** @type {string} */ s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Icon text and colour of a node type; `sub` for AI sub-nodes (drawn as circles below their root node). */
function look(/** @type {string} */ type) {
	if (type === 'n8n-nodes-syncro.syncro') return { icon: 'S', color: '#1d70b8' };
	if (type === 'n8n-nodes-syncro.syncroTool') return { icon: 'S', color: '#1d70b8', sub: true };
	if (type.endsWith('.chatTrigger')) return { icon: '…', color: '#ff6d5a', trigger: true };
	if (type.endsWith('.mcpTrigger')) return { icon: 'MCP', color: '#444', trigger: true, size: 22 };
	if (type.endsWith('.agent')) return { icon: 'AI', color: '#7b4dd6' };
	if (type.startsWith('@n8n/n8n-nodes-langchain.lmChat')) return { icon: 'LM', color: '#10a37f', sub: true };
	if (type.startsWith('@n8n/n8n-nodes-langchain.memory')) return { icon: 'M', color: '#7b4dd6', sub: true };
	if (type === 'n8n-nodes-syncro.syncroTrigger') return { icon: 'S', color: '#1d70b8', trigger: true };
	if (type.endsWith('.manualTrigger')) return { icon: '▶', color: '#ff6d5a', trigger: true };
	if (type.endsWith('.code')) return { icon: '{ }', color: '#ff9922' };
	if (type.endsWith('.set')) return { icon: '✎', color: '#0e9f6e' };
	return { icon: '•', color: '#7a7a7a' };
}

/** Greedy word wrap. */
function wrap(/** @type {string} */ text, /** @type {number} */ width) {
	/** @type {string[]} */
	const lines = [];
	for (const paragraph of text.split('\n')) {
		let line = '';
		for (const word of paragraph.split(/\s+/).filter(Boolean)) {
			if ((line + ' ' + word).trim().length > width) {
				if (line) lines.push(line);
				line = word;
			} else line = (line + ' ' + word).trim();
		}
		lines.push(line);
	}
	return lines;
}

/** Markdown of a sticky note reduced to plain lines. */
function plain(/** @type {string} */ markdown) {
	return markdown
		.replace(/\*\*(.+?)\*\*/g, '$1')
		.replace(/\*(.+?)\*/g, '$1')
		.replace(/`([^`]*)`/g, '$1')
		.replace(/^#+\s*/gm, '');
}

function render(/** @type {any} */ workflow) {
	const nodes = workflow.nodes.filter((/** @type {any} */ n) => n.type !== 'n8n-nodes-base.stickyNote');
	const notes = workflow.nodes.filter((/** @type {any} */ n) => n.type === 'n8n-nodes-base.stickyNote');
	const byName = new Map(nodes.map((/** @type {any} */ n) => [n.name, n]));
	const xs = [];
	const ys = [];
	for (const n of nodes) {
		xs.push(n.position[0], n.position[0] + NODE);
		ys.push(n.position[1], n.position[1] + NODE + LABEL_GAP + 34);
	}
	for (const n of notes) {
		xs.push(n.position[0], n.position[0] + (n.parameters.width ?? 240));
		ys.push(n.position[1], n.position[1] + (n.parameters.height ?? 160));
	}
	const minX = Math.min(...xs) - PAD;
	const minY = Math.min(...ys) - PAD;
	const width = Math.max(...xs) - minX + PAD;
	const height = Math.max(...ys) - minY + PAD;
	const X = (/** @type {number} */ x) => x - minX;
	const Y = (/** @type {number} */ y) => y - minY;
	const out = [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Helvetica, Arial, sans-serif">`,
		`<title>${esc(workflow.name)}</title>`,
		`<rect width="${width}" height="${height}" fill="#f5f5f7"/>`,
	];
	for (const n of notes) {
		const w = n.parameters.width ?? 240;
		const h = n.parameters.height ?? 160;
		const [title, ...rest] = plain(String(n.parameters.content ?? '')).split('\n');
		const lines = wrap(rest.join('\n').trim(), Math.floor(w / 7.2)).slice(0, Math.floor((h - 48) / 16));
		out.push(`<rect x="${X(n.position[0])}" y="${Y(n.position[1])}" width="${w}" height="${h}" rx="8" fill="#fff5d6" stroke="#e8d9a8"/>`);
		out.push(`<text x="${X(n.position[0]) + 14}" y="${Y(n.position[1]) + 28}" font-size="16" font-weight="bold" fill="#333">${esc(title)}</text>`);
		lines.forEach((line, i) => out.push(`<text x="${X(n.position[0]) + 14}" y="${Y(n.position[1]) + 52 + i * 16}" font-size="12" fill="#555">${esc(line)}</text>`));
	}
	// AI sub-nodes (model, memory, tools) connect from their top to the bottom of their root node, dashed.
	for (const [from, outputs] of Object.entries(workflow.connections ?? {})) {
		const a = byName.get(from);
		if (!a) continue;
		for (const [kind, lists] of Object.entries(outputs)) {
			if (kind === 'main') continue;
			for (const t of (/** @type {any[][]} */ (lists)).flat()) {
				const b = byName.get(t?.node);
				if (!b) continue;
				const sx = X(a.position[0]) + NODE / 2;
				const sy = Y(a.position[1]);
				const tx = X(b.position[0]) + NODE / 2;
				const ty = Y(b.position[1]) + NODE;
				out.push(`<path d="M${sx},${sy} C${sx},${sy - 60} ${tx},${ty + 60} ${tx},${ty}" fill="none" stroke="#a0a0b0" stroke-width="2" stroke-dasharray="6 4"/>`);
			}
		}
	}
	for (const [from, outputs] of Object.entries(workflow.connections ?? {})) {
		const a = byName.get(from);
		if (!a) continue;
		const count = outputs.main?.length ?? 0;
		(outputs.main ?? []).forEach((/** @type {any[]} */ targets, index) => {
			const isError = a.onError === 'continueErrorOutput' && index === count - 1 && count > 1;
			const sx = X(a.position[0]) + NODE;
			const sy = Y(a.position[1]) + (NODE * (index + 1)) / (count + 1);
			for (const t of targets ?? []) {
				const b = byName.get(t.node);
				if (!b) continue;
				const tx = X(b.position[0]);
				const ty = Y(b.position[1]) + NODE / 2;
				const bend = Math.max(40, (tx - sx) / 2);
				const color = isError ? '#d64545' : '#8a8a8a';
				out.push(`<path d="M${sx},${sy} C${sx + bend},${sy} ${tx - bend},${ty} ${tx - 6},${ty}" fill="none" stroke="${color}" stroke-width="2"/>`);
				out.push(`<path d="M${tx - 8},${ty - 5} L${tx},${ty} L${tx - 8},${ty + 5} Z" fill="${color}"/>`);
			}
			if (count > 1) {
				const label = isError ? 'error' : 'success';
				out.push(`<text x="${sx + 8}" y="${sy - 6}" font-size="11" fill="${isError ? '#d64545' : '#777'}">${label}</text>`);
			}
		});
	}
	for (const n of nodes) {
		const { icon, color, trigger, sub, size } = look(n.type);
		const x = X(n.position[0]);
		const y = Y(n.position[1]);
		if (n.disabled) out.push(`<g opacity="0.45">`);
		const r = trigger ? `M${x + 40},${y} H${x + NODE - 8} Q${x + NODE},${y} ${x + NODE},${y + 8} V${y + NODE - 8} Q${x + NODE},${y + NODE} ${x + NODE - 8},${y + NODE} H${x + 40} Q${x},${y + NODE} ${x},${y + NODE / 2} Q${x},${y} ${x + 40},${y} Z` : '';
		out.push(
			sub
				? `<circle cx="${x + NODE / 2}" cy="${y + NODE / 2}" r="${NODE / 2 - 6}" fill="#fff" stroke="#b9b9c3" stroke-width="2"/>`
				: trigger
					? `<path d="${r}" fill="#fff" stroke="#b9b9c3" stroke-width="2"/>`
					: `<rect x="${x}" y="${y}" width="${NODE}" height="${NODE}" rx="8" fill="#fff" stroke="#b9b9c3" stroke-width="2"/>`,
		);
		out.push(`<text x="${x + NODE / 2}" y="${y + NODE / 2 + 12}" text-anchor="middle" font-size="${size ?? (icon.length > 1 ? 26 : 36)}" font-weight="bold" fill="${color}">${esc(icon)}</text>`);
		wrap(n.disabled ? `${n.name} (disabled)` : n.name, 18).slice(0, 2).forEach((line, i) => {
			out.push(`<text x="${x + NODE / 2}" y="${y + NODE + LABEL_GAP + i * 16}" text-anchor="middle" font-size="13" fill="#333">${esc(line)}</text>`);
		});
		const op = n.parameters?.resource && n.parameters?.operation ? `${n.parameters.resource}: ${n.parameters.operation}` : n.type === 'n8n-nodes-syncro.syncroTrigger' ? (n.parameters.events ?? []).join(', ') : '';
		if (op) out.push(`<text x="${x + NODE / 2}" y="${y + NODE + LABEL_GAP + 32}" text-anchor="middle" font-size="11" fill="#888">${esc(op)}</text>`);
		if (n.disabled) out.push('</g>');
	}
	out.push('</svg>');
	return out.join('\n') + '\n';
}

const check = process.argv.includes('--check');
let stale = 0;
for (const file of fs.readdirSync(EXAMPLES).filter((f) => f.endsWith('.json')).sort()) {
	const workflow = JSON.parse(fs.readFileSync(path.join(EXAMPLES, file), 'utf8'));
	const target = path.join(__dirname, file.replace(/\.json$/, '.svg'));
	const svg = render(workflow);
	if (check) {
		if (!fs.existsSync(target) || fs.readFileSync(target, 'utf8') !== svg) {
			stale++;
			process.stdout.write(`out of date: ${path.relative(process.cwd(), target)}\n`);
		}
	} else {
		fs.writeFileSync(target, svg);
		process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
	}
}
if (check && stale > 0) process.exit(1);
