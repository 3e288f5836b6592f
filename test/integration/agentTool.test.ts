/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code: runs under Node.js in this repository, never inside n8n */
/**
 * The Syncro node as an AI agent's tool, run by n8n-core in-process: the description and argument schema the
 * model receives, Syncro errors handed back as results, Simplify on by default, and the regular node unchanged.
 */
import type { IDataObject, INode, INodeProperties, INodeTypeDescription } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';
import * as path from 'node:path';

import { invokeTools, runToolByEngine, toolVariant, TOOL_TYPE } from '../helpers/agent';
import { runChain, syncroCredentials } from '../helpers/harness';
import { useSimulator, type Simulator } from '../helpers/simulator';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Syncro } = require(path.resolve(__dirname, '../../dist/nodes/Syncro/Syncro.node.js'));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { RESOURCES } = require(path.resolve(__dirname, '../../dist/nodes/Syncro/resources'));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { toolDescription } = require(path.resolve(__dirname, '../../dist/nodes/Syncro/core/tool'));

let sim: Simulator;
useSimulator((s) => (sim = s));
const creds = () => syncroCredentials(sim.baseUrl, sim.token);

const fromAI = (key: string, description: string, type = 'string') => `={{ $fromAI('${key}', \`${description}\`, '${type}') }}`;
const rl = (value: string) => ({ __rl: true, mode: 'id', value });

const createTicket = {
	name: 'Create ticket',
	parameters: {
		resource: 'ticket',
		operation: 'create',
		customer_id: rl(fromAI('Customer_ID', 'Numeric ID of the customer', 'number')),
		subject: fromAI('Subject', 'One line that sums up the problem'),
		problem_type: fromAI('Issue_Type', 'Issue type name'),
		additionalFields: { priority: fromAI('Priority', 'Urgent, High, Normal or Low') },
	},
};
const findCustomers = {
	name: 'Find customers',
	parameters: { resource: 'customer', operation: 'getAll', limit: 5, filters: { query: fromAI('Search_Text', 'Name, email or phone') } },
};

/** The parameters n8n fills in for a node of `type` (the Workflow constructor does this before running it). */
function filledParameters(description: INodeTypeDescription, parameters: IDataObject, type: string): IDataObject {
	const node = { name: 'n', type, typeVersion: 1, parameters } as unknown as INode;
	return NodeHelpers.getNodeParameters(description.properties, parameters as never, true, false, node, description) as IDataObject;
}

describe('Syncro as an AI tool: what the model is told', () => {
	const regular = new Syncro().description as INodeTypeDescription;
	const tool = toolVariant().description as INodeTypeDescription;

	it('gives every operation a tool description of at least one sentence that names what it returns', () => {
		let count = 0;
		for (const resource of RESOURCES) {
			for (const op of resource.operations) {
				const parameters = filledParameters(tool, { resource: resource.value, operation: op.operation }, TOOL_TYPE);
				const text = NodeHelpers.getToolDescriptionForNode({ parameters } as unknown as INode, { description: tool } as never);
				expect(text).toBe(toolDescription(resource, op));
				expect(text).toMatch(/^[A-Z].{10,}\. Returns [^.]+\.( Needs: [^.]+\.)?( Other Syncro parameters: Extra (Query Parameters|Body Fields)\.)?$/);
				// Briefly, where the operation has them: parameters it has no argument for go there.
				if (resource.value !== 'customApiCall') expect(text).toMatch(/ Other Syncro parameters: Extra (Query Parameters|Body Fields)\.$/);
				count++;
			}
		}
		expect(count).toBeGreaterThan(150);
	});

	it('keeps a description the user wrote', () => {
		const parameters = filledParameters(tool, { resource: 'ticket', operation: 'get', toolDescription: 'Reads one ticket. Returns it.' }, TOOL_TYPE);
		expect(NodeHelpers.getToolDescriptionForNode({ parameters } as unknown as INode, { description: tool } as never)).toBe('Reads one ticket. Returns it.');
	});

	it('shows the description and Simplify (on) only in the tool; the regular node has Simplify off and no description', () => {
		const asTool = filledParameters(tool, { resource: 'ticket', operation: 'getAll' }, TOOL_TYPE);
		const asNode = filledParameters(regular, { resource: 'ticket', operation: 'getAll' }, 'n8n-nodes-syncro.syncro');
		expect(asTool.simplify).toBe(true);
		expect(typeof asTool.toolDescription).toBe('string');
		expect(asNode.simplify).toBe(false);
		expect(asNode.toolDescription).toBeUndefined();
		// Operations that return no main record have no Simplify switch at all.
		expect(filledParameters(tool, { resource: 'ticket', operation: 'delete' }, TOOL_TYPE).simplify).toBeUndefined();
		expect(regular.properties.filter((p: INodeProperties) => p.name === 'toolDescription').every((p: INodeProperties) => p.displayOptions?.show?.['@tool']?.[0] === true)).toBe(true);
	});

	it("hands n8n's tool wrapper the operation's description and the $fromAI argument descriptions", async () => {
		const result = await invokeTools([{ tool: 'Find_customers', args: { Search_Text: 'Northwind' } }], [findCustomers], creds());
		expect(result.error).toBeUndefined();
		const [call] = result.output('Agent').map((i) => i.json);
		const getAll = RESOURCES.find((r: IDataObject) => r.value === 'customer').operations.find((o: IDataObject) => o.operation === 'getAll');
		expect(call.name).toBe('Find_customers');
		expect(call.description).toBe(toolDescription(RESOURCES.find((r: IDataObject) => r.value === 'customer'), getAll));
		expect(call.arguments).toEqual({ Search_Text: 'Name, email or phone' });
	});

	it('lets the model fill an Extra Query Parameters value with $fromAI, as any field', async () => {
		const alertsOfCustomer = {
			name: 'Alerts of customer',
			parameters: {
				resource: 'rmmAlert',
				operation: 'getAll',
				limit: 5,
				filters: { extraQueryParameters: { parameter: [{ name: 'customer_id', value: fromAI('Customer_ID', 'Numeric ID of the customer', 'number') }] } },
			},
		};
		const result = await invokeTools([{ tool: 'Alerts_of_customer', args: { Customer_ID: 2003 } }], [alertsOfCustomer], creds());
		expect(result.error).toBeUndefined();
		const [call] = result.output('Agent').map((i) => i.json);
		expect(call.arguments).toEqual({ Customer_ID: 'Numeric ID of the customer' });
		expect(call.description).toMatch(/ Other Syncro parameters: Extra Query Parameters\.$/);
		expect(sim.requestsTo('GET', '/rmm_alerts')[0].query).toMatchObject({ customer_id: '2003' });
	});
});

describe('Syncro as an AI tool: results and errors', () => {
	it('returns simplified records by default (tool), with the link to the record', async () => {
		const result = await invokeTools([{ tool: 'Find_customers', args: { Search_Text: 'Northwind' } }], [findCustomers], creds());
		const [call] = result.output('Agent').map((i) => i.json);
		const [customer] = call.result as IDataObject[];
		expect(customer).toMatchObject({ id: 2001, name: 'Northwind Dental', url: `${sim.origin}/customers/2001` });
		expect(customer.properties).toBeUndefined();
		expect((customer.contacts as IDataObject[]).length).toBe(10);
		expect(customer.contacts_total).toBe(28);
	});

	it("returns Syncro's refusal to the model as a result with what to change; the run goes on (createNodeAsTool path)", async () => {
		const result = await invokeTools(
			[
				{ tool: 'Create_ticket', args: { Customer_ID: 999999, Subject: 'VPN down', Issue_Type: 'Network', Priority: 'Urgent' } },
				{ tool: 'Create_ticket', args: { Customer_ID: 2004, Subject: 'VPN down', Issue_Type: 'Network', Priority: 'Urgent' } },
			],
			[createTicket],
			creds(),
		);
		expect(result.error).toBeUndefined();
		const [refused, created] = result.output('Agent').map((i) => i.json);
		expect(refused.thrown).toBeNull();
		expect(refused.result).toEqual([
			expect.objectContaining({
				failed: true,
				message: 'Syncro refused the request (422): Customer must exist',
				whatToChange: expect.stringMatching(/change the arguments/),
			}),
		]);
		expect((created.result as IDataObject[])[0]).toMatchObject({ customer_id: 2004, priority: '0 Urgent', problem_type: 'Network', url: expect.stringMatching(/\/tickets\/\d+$/) });
		expect(sim.requests.filter((r) => r.method === 'POST').map((r) => r.status)).toEqual([422, 200]);
	});

	it("returns Syncro's refusal as the tool's output when the engine runs the tool (Agent 3.x path), without failing the run", async () => {
		const result = await runToolByEngine(createTicket, { Customer_ID: 999999, Subject: 'VPN down', Issue_Type: 'Network', Priority: 'Urgent' }, creds());
		expect(result.error).toBeUndefined();
		const [answer] = result.output('Agent').map((i) => i.json);
		expect(answer.error).toBeNull();
		expect(answer.items).toEqual([expect.objectContaining({ failed: true, message: expect.stringMatching(/Customer must exist/) })]);
		// The result has no `error` key: n8n would take it for a failure and re-run the node when Retry On Fail is set.
		expect((answer.items as IDataObject[])[0].error).toBeUndefined();
		expect(sim.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
	});

	it('says so when a list finds nothing (n8n would hand the model an empty string)', async () => {
		const result = await invokeTools([{ tool: 'Find_customers', args: { Search_Text: 'no such customer anywhere' } }], [findCustomers], creds());
		expect(result.output('Agent')[0].json.result).toEqual([{ message: 'No customers matched.' }]);
	});

	it('as a tool, a value that is not valid becomes a result naming the argument, and nothing is sent', async () => {
		const result = await invokeTools([{ tool: 'Create_ticket', args: { Customer_ID: 2001, Subject: 'x', Issue_Type: 'Plumbing', Priority: 'High' } }], [createTicket], creds());
		const [item] = result.output('Agent')[0].json.result as IDataObject[];
		expect(item.failed).toBe(true);
		expect(item.message).toBe(
			'Invalid "Issue Type Name or ID" in item 1: "Plumbing" matches no issue type in Syncro. Valid values: "Email", "Hardware", "Network", "Onboarding", "Other", "Project Work", "Security", "Software"',
		);
		expect(item.whatToChange).toMatch(/change the argument/);
		expect(sim.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
	});
});

describe('the regular node keeps its behaviour', () => {
	it('fails the run on a Syncro error, as before', async () => {
		const result = await runChain([{}], [{ name: 'Syncro', parameters: { ...createTicket.parameters, customer_id: rl('999999'), subject: 'x', problem_type: 'Network', additionalFields: {} } }], creds());
		expect(result.error?.message).toBe('Syncro refused the request (422): Customer must exist');
	});

	it('with Continue On Fail yields the error item, as before', async () => {
		const result = await runChain([{}], [{ name: 'Syncro', continueOnFail: true, parameters: { resource: 'ticket', operation: 'get', ticketId: rl('999999') } }], creds());
		expect(result.error).toBeUndefined();
		expect(result.output('Syncro').map((i) => i.json)).toEqual([{ error: 'Syncro found no such record (404)' }]);
	});

	it('returns the full record unless Simplify is switched on', async () => {
		const full = await runChain([{}], [{ name: 'Syncro', parameters: { resource: 'ticket', operation: 'get', ticketId: rl('4001') } }], creds());
		const simple = await runChain([{}], [{ name: 'Syncro', parameters: { resource: 'ticket', operation: 'get', ticketId: rl('4001'), simplify: true } }], creds());
		const raw = full.output('Syncro')[0].json;
		const small = simple.output('Syncro')[0].json;
		expect(raw.comments).toBeDefined();
		expect(small).toMatchObject({ id: 4001, number: raw.number, subject: raw.subject, status: raw.status, url: `${sim.origin}/tickets/4001` });
		expect(small.comments).toBeUndefined();
		expect(JSON.stringify(small).length).toBeLessThan(JSON.stringify(raw).length / 2);
	});
});
