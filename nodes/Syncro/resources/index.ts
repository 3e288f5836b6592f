/**
 * Every resource of the Syncro node. The order here is irrelevant: the editor sorts by name.
 */
import type { OperationDef, ResourceDef } from '../core/types';
import { customApi } from './customApiCall';
import { ticket } from './ticket';

export const RESOURCES: ResourceDef[] = [ticket, customApi];

const index = new Map<string, { resource: ResourceDef; op: OperationDef }>();
for (const resource of RESOURCES) {
	for (const op of resource.operations) index.set(`${resource.value}:${op.operation}`, { resource, op });
}

export function findOperation(resource: string, operation: string): { resource: ResourceDef; op: OperationDef } | undefined {
	return index.get(`${resource}:${operation}`);
}
