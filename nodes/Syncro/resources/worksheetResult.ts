import type { OperationDef } from '../core/types';

/** Worksheet results (checklists) of a ticket: shown under the Ticket resource. */
export const worksheetOperations: OperationDef[] = [];
