/**
 * Every resource of the Syncro node. The order here is irrelevant: the editor sorts by name.
 */
import { type OperationDef, type ResourceDef, withExtraParameters } from '../core';
import { customApi } from './customApiCall';
import { account } from './account';
import { appointment } from './appointment';
import { appointmentType } from './appointmentType';
import { asset } from './asset';
import { cannedResponse } from './cannedResponse';
import { contact } from './contact';
import { contract } from './contract';
import { customer } from './customer';
import { estimate } from './estimate';
import { invoice } from './invoice';
import { lead } from './lead';
import { lineItem } from './lineItem';
import { newTicketForm } from './newTicketForm';
import { partOrder } from './partOrder';
import { payment } from './payment';
import { policyFolder } from './policyFolder';
import { portalUser } from './portalUser';
import { product } from './product';
import { purchaseOrder } from './purchaseOrder';
import { rmmAlert } from './rmmAlert';
import { schedule } from './schedule';
import { script } from './script';
import { ticketTimer } from './ticketTimer';
import { timelog } from './timelog';
import { user } from './user';
import { vendor } from './vendor';
import { wikiPage } from './wikiPage';
import { ticket } from './ticket';

/** The table, each operation with its Extra Query Parameters or Extra Body Fields (core/extras.ts). */
export const RESOURCES: ResourceDef[] = withExtraParameters(
	[
		account,
		appointment,
		appointmentType,
		asset,
		cannedResponse,
		contact,
		contract,
		customer,
		estimate,
		invoice,
		lead,
		lineItem,
		newTicketForm,
		partOrder,
		payment,
		policyFolder,
		portalUser,
		product,
		purchaseOrder,
		rmmAlert,
		schedule,
		script,
		ticketTimer,
		timelog,
		user,
		vendor,
		wikiPage,
		ticket,
		customApi,
	].filter((resource) => resource.operations.length > 0),
);

const index = new Map<string, { resource: ResourceDef; op: OperationDef }>();
for (const resource of RESOURCES) {
	for (const op of resource.operations) index.set(`${resource.value}:${op.operation}`, { resource, op });
}

export function findOperation(
	resource: string,
	operation: string,
): { resource: ResourceDef; op: OperationDef } | undefined {
	return index.get(`${resource}:${operation}`);
}
