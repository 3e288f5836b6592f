/**
 * The transport's front: everything the rest of the package (core/, methods/, resources/, the triggers)
 * uses of the HTTP layer. Nothing outside transport/ imports its files one by one.
 */
export type { SyncroConnection } from './baseUrl';
export { errorCode, ERROR_CODES, type ErrorCode } from './errors';
export {
	badAnswerError,
	cancelledError,
	invalidValueError,
	endlessListError,
	mayHaveAppliedError,
	reportedFailureError,
} from './errors';
export { extractCollection, isLastPage, paginate, totalPages } from './paginate';
export { hasControlCharacter, normaliseApiPath, numericId, pathSegment, type SegmentKind } from './path';
export { isProblem, type Problem } from './problem';
export {
	cancelSignal,
	CREDENTIAL_NAME,
	hasCredential,
	resolveSettings,
	syncroRequest,
	type QueryValue,
	type ResolvedSettings,
	type SyncroContext,
	type SyncroRequest,
} from './request';
export { bindRequestSlots, RequestSlots } from './slots';
export { clipText, humanise, showValue, titleCase } from './text';
