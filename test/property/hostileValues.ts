/**
 * Hostile values, as a new user's upstream data might carry them (a spreadsheet, a form, an email parser):
 * a fixed corpus of every known trick plus seeded random mixtures of dangerous characters, so that a failure
 * is reproducible (the seed is printed with it).
 */

/** Every known trick, by category: traversal, encoded traversal, separators, control characters, … */
export const HOSTILE: Record<string, unknown[]> = {
	traversal: ['.', '..', './.', '../../admin', '12/../../users', '..\\..\\admin'],
	encodedTraversal: ['%2e', '%2e%2e', '%2E%2e', '.%2e', '..%2f..%2fadmin', '%2e%2e%2f%2e%2e%2fadmin', '%252e%252e', '%25252e%25252e'],
	separators: ['/', '//', 'a/b', '12/', 'a\\b', '12?x=1', '12#frag', '12%3Fx%3D1', '12%23x', '12%2F', '%', '%zz'],
	controlCharacters: ['\u0000', '12\u0000', '12\r\nX-Injected: 1', '12%0d%0aX-Injected:%201', '\t12', ' ', ''],
	lookAlikes: ['１２', '١٢', '12abc', '0', '-1', '1e3', '0x1F', '9007199254740993'],
	hugeNumbers: [0, -1, 1.5, 1e21, 1e308, 2 ** 53 + 2],
	hugeStrings: ['x'.repeat(70_000), 'x'.repeat(1_100_000)],
	wrongJsonTypes: [true, false, null, {}, { a: 1 }, { toString: 'x' }, [], [1, 2], ['..'], [{}]],
	foreignUrls: ['https://evil.example/tickets/12', '//evil.example/tickets/12', 'javascript:alert(1)'],
};

/** Every value of every category. */
export const HOSTILE_VALUES: unknown[] = Object.values(HOSTILE).flat();

/**
 * `perCategory` values of every category, picked with the seed (the whole corpus goes to path fields;
 * the other fields get a sample, so the run stays short while every category reaches every field).
 */
export function sampleHostile(seed: number, perCategory: number): unknown[] {
	const next = random(seed);
	return Object.values(HOSTILE).flatMap((values) => {
		const pool = [...values];
		const picked: unknown[] = [];
		while (picked.length < perCategory && pool.length > 0) picked.push(pool.splice(Math.floor(next() * pool.length), 1)[0]);
		return picked;
	});
}

const ALPHABET = ['.', '..', '/', '%', '%2e', '%2f', '%25', '\\', '?', '#', '\r', '\n', '\u0000', '\u007f', 'a', '1', '9', ' ', '-', '_', ':', '@'];

/** A small deterministic generator (mulberry32), so a failing case can be replayed from its seed. */
export function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** `count` random strings of 1-8 pieces of the dangerous alphabet. */
export function generatedValues(seed: number, count: number): string[] {
	const next = random(seed);
	const values: string[] = [];
	for (let i = 0; i < count; i++) {
		const length = 1 + Math.floor(next() * 8);
		let text = '';
		for (let j = 0; j < length; j++) text += ALPHABET[Math.floor(next() * ALPHABET.length)];
		values.push(text);
	}
	return values;
}

/** Record URLs for "By URL" locators: foreign hosts, look-alikes, smuggled segments. `app` is the tenant's own root. */
export function hostileRecordUrls(app: string, segment: string): string[] {
	const host = new URL(app).host;
	return [
		`https://evil.example/${segment}/12`,
		`https://${host}.evil.example/${segment}/12`,
		`https://evil.example/?${app}/${segment}/12`,
		`https://evil.example/${app}/${segment}/12`,
		`http://user:pw@${host}/${segment}/12`,
		`${app}/${segment}/12%0d%0aX-Injected:%201`,
		`${app}/${segment}/12\r\nX-Injected: 1`,
		`${app}/${segment}/1\n2`,
		`${app}/${segment}/12abc`,
		`${app}/${segment}/..`,
		`${app}/${segment}/%2e%2e`,
		`${app}/${segment}/12/../../users`,
		`${app}/not-${segment}/12`,
		`ftp://${host}/${segment}/12`,
		`${segment}/12`,
		'',
	];
}
