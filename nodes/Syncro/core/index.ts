/**
 * The front of core/: the machinery around the operation table that the Syncro node, its resources, its
 * editor methods and the triggers use. Files outside core/ import from here, never core's files one by one.
 */
export { buildRequest, rejectField } from './buildRequest';
export { coerce, segmentKind } from './coerce';
export { extraParametersField, withExtraParameters } from './extras';
export { body, IN_LIVE_API_DOCUMENT, path, query, recordId } from './fields';
export { GROUP_NAMES, isTopLevel, optionalGroup, paramName } from './layout';
export { nodeProperties } from './properties';
export {
	customerDisplayName,
	listSearchMethod,
	RECORD_TYPES,
	recordIdFromUrl,
	RECORDS,
	type RecordSpec,
	type RecordType,
} from './records';
export { itemConcurrency, readRequestOptions, type RequestOptions } from './requestOptions';
export { readRecord, runOperation } from './run';
export { mapBounded } from './schedule';
export { simplifyRecords } from './simplify';
export type {
	BuiltRequest,
	FieldDef,
	FieldKind,
	FieldOption,
	OperationDef,
	OperationRunner,
	Reject,
	ResourceDef,
	SimpleRecordType,
} from './table';
export { fetchListSource, tenantListOptions, TENANT_LISTS, type TenantList } from './tenantLists';
export { noRecordsResult, runsAsTool, toolErrorResult } from './tool';
export { toRecords, unwrapRecord } from './unwrap';
