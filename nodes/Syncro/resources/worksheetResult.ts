import { body, type OperationDef, path, recordId } from '../core';

const ticketId = recordId('ticket', 'ticketId', 'Ticket', 'ticket_id');
const worksheetResultId = path.id('id', undefined, {
	param: 'worksheetResultId',
	displayName: 'Worksheet ID',
	required: true,
});
const PERMISSION = 'Tickets - View Details';

/** Worksheet results (checklists) of a ticket: shown under the Ticket resource. */
export const worksheetOperations: OperationDef[] = [
	{
		operation: 'getWorksheets',
		name: 'Get Worksheets',
		action: 'Get worksheets of a ticket',
		description: 'List the worksheets (checklists) attached to a ticket with their fields and answers',
		method: 'GET',
		path: '/tickets/{ticket_id}/worksheet_results',
		spec: 'GET /tickets/{ticket_id}/worksheet_results',
		permission: PERMISSION,
		list: { collectionKey: 'worksheet_results' },
		fields: [ticketId],
	},
	{
		operation: 'getWorksheet',
		name: 'Get Worksheet',
		action: 'Get a worksheet of a ticket',
		description: 'Get one worksheet (checklist) of a ticket with its fields and answers',
		method: 'GET',
		path: '/tickets/{ticket_id}/worksheet_results/{id}',
		spec: 'GET /tickets/{ticket_id}/worksheet_results/{id}',
		permission: PERMISSION,
		unwrap: ['worksheet_result'],
		fields: [ticketId, worksheetResultId],
	},
	{
		operation: 'addWorksheet',
		name: 'Add Worksheet',
		action: 'Add a worksheet to a ticket',
		description: "Attach a worksheet (checklist) to a ticket from one of the account's worksheet templates",
		method: 'POST',
		path: '/tickets/{ticket_id}/worksheet_results',
		spec: 'POST /tickets/{ticket_id}/worksheet_results',
		permission: PERMISSION,
		unwrap: ['worksheet_result'],
		fields: [
			ticketId,
			body.loaded('worksheet_template_id', 'getWorksheetTemplates', {
				displayName: 'Worksheet Template Name or ID',
				required: true,
			}),
			body.string('title', { description: 'Title of the worksheet; the template name when empty' }),
		],
	},
	{
		operation: 'updateWorksheet',
		name: 'Update Worksheet',
		action: 'Update a worksheet of a ticket',
		description: 'Answer the fields of a worksheet, mark it complete, or change its title, visibility or assignee',
		method: 'PUT',
		path: '/tickets/{ticket_id}/worksheet_results/{id}',
		spec: 'PUT /tickets/{ticket_id}/worksheet_results/{id}',
		permission: PERMISSION,
		unwrap: ['worksheet_result'],
		fields: [
			ticketId,
			worksheetResultId,
			body.string('title'),
			body.boolean('complete', { description: 'Whether the worksheet is complete' }),
			body.boolean('public', { description: 'Whether the customer can see the worksheet' }),
			body.boolean('required', {
				description: 'Whether the worksheet must be completed before the ticket is resolved',
			}),
			body.loaded('user_id', 'getUsers', { displayName: 'Technician Name or ID' }),
			body.json('answers', {
				description: 'Answers keyed by field slug or ID: {"<field>": {"value": "…"}}',
				placeholder: '{"backup_verified": {"value": "true"}}',
			}),
			body.loaded('worksheet_template_id', 'getWorksheetTemplates', { displayName: 'Worksheet Template Name or ID' }),
		],
	},
	{
		operation: 'deleteWorksheet',
		name: 'Delete Worksheet',
		action: 'Delete a worksheet of a ticket',
		description: 'Remove a worksheet from a ticket',
		method: 'DELETE',
		path: '/tickets/{ticket_id}/worksheet_results/{id}',
		spec: 'DELETE /tickets/{ticket_id}/worksheet_results/{id}',
		permission: PERMISSION,
		fields: [ticketId, worksheetResultId],
	},
];
