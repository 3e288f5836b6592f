/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code: runs under Node.js in this repository, never inside n8n */
/**
 * The AI agent and MCP server examples, and what the README says about them, checked against the operation
 * table: the tools of each MCP set and the Syncro permissions they need.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { RESOURCES } = require(path.resolve(__dirname, '../../dist/nodes/Syncro/resources'));

type Node = { name: string; type: string; parameters: Record<string, unknown>; disabled?: boolean; credentials?: Record<string, unknown> };
type Workflow = { id: string; nodes: Node[]; connections: Record<string, Record<string, Array<Array<{ node: string }>>>> };

const root = path.resolve(__dirname, '../..');
const load = (file: string): Workflow => JSON.parse(fs.readFileSync(path.join(root, 'examples', file), 'utf8'));
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
const permissionOf = (node: Node) =>
	RESOURCES.find((r: { value: string }) => r.value === node.parameters.resource).operations.find((o: { operation: string }) => o.operation === node.parameters.operation)
		.permission as string;
const toolsOf = (workflow: Workflow, root: string) =>
	workflow.nodes.filter((n) => n.type === 'n8n-nodes-syncro.syncroTool' && workflow.connections[n.name]?.ai_tool?.[0]?.[0]?.node === root);

describe('AI agent and MCP examples', () => {
	const mcp = load('syncro-mcp-server.json');
	const helpDesk = load('help-desk-agent.json');

	it('have workflow IDs of at most 16 characters (n8n 1.x drops the static data of longer ones)', () => {
		expect(mcp.id.length).toBeLessThanOrEqual(16);
		expect(helpDesk.id.length).toBeLessThanOrEqual(16);
	});

	it('describe every argument they hand to the model', () => {
		for (const workflow of [mcp, helpDesk]) {
			const text = JSON.stringify(workflow.nodes.filter((n) => n.type === 'n8n-nodes-syncro.syncroTool'));
			const calls = [...text.matchAll(/\$fromAI\('([^']+)', `([^`]*)`/g)];
			expect(calls.length).toBeGreaterThan(5);
			for (const [, key, description] of calls) expect(`${key}: ${description}`).toMatch(/: \S.{8,}/);
		}
	});

	it('protect both MCP sets with a Bearer token of their own, the write set disabled', () => {
		const triggers = mcp.nodes.filter((n) => n.type === '@n8n/n8n-nodes-langchain.mcpTrigger');
		expect(triggers.map((t) => [t.name, t.parameters.authentication, Boolean(t.disabled)])).toEqual([
			['Syncro MCP (read-only)', 'bearerAuth', false],
			['Syncro MCP (writes)', 'bearerAuth', true],
		]);
		const tokens = triggers.map((t) => JSON.stringify(t.credentials?.httpBearerAuth));
		expect(new Set(tokens).size).toBe(2);
		// The read-only set only reads.
		for (const tool of toolsOf(mcp, 'Syncro MCP (read-only)')) expect(String(tool.parameters.operation)).toMatch(/^get/);
	});

	it('are described in the README: the tools of each MCP set and the Syncro permissions they need', () => {
		for (const [trigger, label] of [
			['Syncro MCP (read-only)', 'Read-only (on)'],
			['Syncro MCP (writes)', 'Writes (disabled until you enable its trigger)'],
		]) {
			const tools = toolsOf(mcp, trigger);
			const permissions = [...new Set(tools.map(permissionOf))];
			const node = mcp.nodes.find((n) => n.name === trigger) as Node;
			const row = `| ${label} | \`/mcp/${String(node.parameters.path)}\` | ${tools.map((t) => t.name).join(', ')} | ${permissions.join(', ')} |`;
			expect(readme).toContain(row);
		}
	});
});
