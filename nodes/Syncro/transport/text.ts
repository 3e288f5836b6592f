/**
 * Text rules shared by every layer: how a refused value is shown in a message, how long text is clipped, and
 * how one of Syncro's snake_case keys reads in words.
 */

/** Longest rendering of a refused value in a message. */
const SHOWN_VALUE_LENGTH = 40;

/** A short, printable rendering of a refused value for error messages. */
export function showValue(value: unknown): string {
	const text = typeof value === 'string' ? value : JSON.stringify(value);
	if (text === undefined) return String(value);
	// Control characters are shown escaped, never written into a message as they are.
	const printable = JSON.stringify(text).slice(1, -1);
	return printable.length > SHOWN_VALUE_LENGTH ? `${printable.slice(0, SHOWN_VALUE_LENGTH)}…` : printable;
}

/** `text` on one line, cut to `maxLength` characters with an ellipsis. */
export function clipText(text: string, maxLength: number): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat.length > maxLength ? `${flat.slice(0, maxLength)}…` : flat;
}

/** Words that Syncro's keys abbreviate and that read in capitals. */
const ACRONYMS: Record<string, string> = {
	id: 'ID',
	ids: 'IDs',
	sms: 'SMS',
	upc: 'UPC',
	url: 'URL',
	pdf: 'PDF',
	po: 'PO',
	sla: 'SLA',
	cvv: 'CVV',
	qb: 'QB',
	mop: 'MOP',
	uuid: 'UUID',
	snmp: 'SNMP',
	gcm: 'GCM',
	did: 'DID',
	cc: 'CC',
	rmm: 'RMM',
};

/** The words of a Syncro key (`since_updated_at`, `rmm_alerts`, `line_items[]`), acronyms in capitals. */
function keyWords(key: string, options: { asWritten?: boolean } = {}): string[] {
	const words = key.replace(/\[\]$/, '').split('_').filter(Boolean);
	return options.asWritten ? words : words.map((word) => ACRONYMS[word] ?? word);
}

/**
 * A Syncro key in words, as in a sentence: `rmm_alerts` -> "RMM alerts", `mute_for` -> "mute for". With
 * `asWritten`, the words keep Syncro's spelling (`customer_id` -> "customer id"): for quoting Syncro's own
 * error messages, which name the field as Syncro wrote it.
 */
export function humanise(key: string, options: { asWritten?: boolean } = {}): string {
	return keyWords(key, options).join(' ');
}

/** A Syncro key as a title: `since_updated_at` -> "Since Updated At", `customer_id` -> "Customer ID". */
export function titleCase(key: string): string {
	return keyWords(key)
		.map((word) => word.charAt(0).toUpperCase() + word.slice(1))
		.join(' ');
}
