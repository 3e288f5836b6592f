/**
 * A value the user must correct (a credential setting, a path value, a record URL), with the sentence that
 * says how. Checks return it instead of throwing, so that the caller, which knows the item and the field,
 * words the error.
 */
export interface Problem {
	problem: string;
}

export function isProblem(value: unknown): value is Problem {
	return typeof value === 'object' && value !== null && 'problem' in value;
}
