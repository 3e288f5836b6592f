/**
 * Jest runs the TypeScript tests directly (ts-jest); the nodes are loaded from dist/ as n8n loads them.
 * ts-jest only transpiles (test/tsconfig.json sets isolatedModules): its type-checking language service kept
 * jest's workers from exiting ("A worker process has failed to exit gracefully"). `npm test` type-checks the
 * tests in a step of its own (tsc -p test/tsconfig.json). Each worker also ends with `process.exit()` as soon
 * as jest says the run is over: Node's teardown of a large worker's heap outlasted the 500 ms jest allows
 * (test/jest/fast-worker-exit.js). jest-worker starts its workers with this process's `execArgv`.
 */
const fastWorkerExit = require.resolve('./test/jest/fast-worker-exit.js');
if (!process.execArgv.includes(fastWorkerExit)) process.execArgv.push('--require', fastWorkerExit);

module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
	// The n8n runtimes of the real-n8n suites (2-3 GB each) and their Node.js binaries: never crawled.
	modulePathIgnorePatterns: ['<rootDir>/test/e2e/runtimes/'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json', diagnostics: { warnOnly: false } }],
	},
	testTimeout: 30000,
	maxWorkers: 2,
};
