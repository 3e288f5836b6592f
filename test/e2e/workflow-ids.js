// @ts-check
'use strict';
/**
 * The IDs of the workflows the real-n8n suites build themselves (copies of the examples under another
 * credential, and the queue suite's own workflows), in one place so that test/unit/workflowIds.test.ts can
 * keep every one of them, and every example's, at most 16 characters: n8n 1.x silently drops the static
 * data (a trigger's secret, a poller's cursor) of a workflow with a longer ID (see versions.js).
 */
const WORKFLOW_IDS = {
	e2e: {
		exportPaced: 'E2eExportPaced',
		exportOver: 'E2eExportOver',
		polling: 'E2ePollTickets',
		poAttachment: 'E2ePoAttachment',
		extraParameters: 'E2eExtraParams',
	},
	queue: {
		exportFull: 'QueueExportFull',
		exportShared: 'QueueExportShare',
		fanOutFull: 'QueueFanOutFull',
		fanOutShared: 'QueueFanOutShare',
		polling: 'QueuePollTickets',
	},
	bench: {
		burstTrigger: 'BenchBurstSyncro',
		burstWebhook: 'BenchBurstHook',
	},
};

module.exports = { WORKFLOW_IDS };
