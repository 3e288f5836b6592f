/**
 * Every property of the Syncro node, in the order the editor shows them: the tool description of each
 * operation (shown only as an AI agent's tool), the operation table's parameters, the node-wide Request
 * Options and the Simplify switch. `expanded` gives the one-copy-per-operation form the compact one is
 * proven equal to (test/unit/description.test.ts).
 */
import type { INodeProperties } from 'n8n-workflow';

import { buildProperties, expandProperties } from './describe';
import { requestOptionsProperty } from './requestOptions';
import { simplifyProperties } from './simplify';
import { toolDescriptionProperties } from './tool';
import type { ResourceDef } from './table';

export function nodeProperties(resources: ResourceDef[], options: { expanded?: boolean } = {}): INodeProperties[] {
	const table = options.expanded ? expandProperties(resources) : buildProperties(resources);
	return [...toolDescriptionProperties(resources), ...table, requestOptionsProperty, ...simplifyProperties(resources)];
}
