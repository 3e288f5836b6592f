/**
 * Loaded into each of jest's worker processes (jest.config.js adds it to their `--require`).
 *
 * When the run is over jest sends each worker END and gives it 500 ms to exit before it kills it and prints
 * "A worker process has failed to exit gracefully". Our workers leave nothing running: their `exit` event
 * fires 0 to 2 ms after END. But a worker that has run many suites holds 500 to 900 MB (each suite loads
 * n8n-workflow and n8n-core afresh), and Node's teardown of that heap after a natural exit took 340 to 530 ms
 * on two busy cores, so the larger worker regularly missed the deadline. `process.exit()` ends the process
 * without that teardown.
 */
'use strict';

/** jest-worker's END message (CHILD_MESSAGE_END in jest-worker/build/types.js). */
const CHILD_MESSAGE_END = 2;

if (process.env.JEST_WORKER_ID && typeof process.send === 'function') {
	process.on('message', function onEnd(message) {
		if (!Array.isArray(message) || message[0] !== CHILD_MESSAGE_END) return;
		process.removeListener('message', onEnd);
		process.exit();
	});
}
