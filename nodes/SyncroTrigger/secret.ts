/**
 * The URL secret of the Syncro Trigger.
 *
 * Syncro signs nothing and cannot send custom headers, so the only proof a delivery comes from the
 * Notification Set the user configured is a secret in the URL they pasted there (`…/syncro?secret=…`).
 *
 * - A random 256-bit key is created on activation and kept in the node's static data (never in the
 *   workflow's parameters, so exporting or sharing the workflow does not leak it).
 * - The secret is HMAC-SHA256(key, webhook id + secret version): a copied node (new webhook id) or a changed
 *   "Secret Version" gets a new secret without anyone handling key material.
 * - The user reads the full URL once: opening the trigger's Production URL in a browser (a GET) within
 *   15 minutes of activating shows it, then the page closes until the next activation.
 * - Deliveries are checked in constant time (SHA-256 of both sides, then crypto.timingSafeEqual).
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'crypto';
import type { IDataObject, INode } from 'n8n-workflow';

export const SECRET_PARAM = 'secret';
export const REVEAL_WINDOW_MS = 15 * 60 * 1000;

interface SecretState extends IDataObject {
	/** base64url of 32 random bytes. */
	key?: string;
	keyCreatedAt?: string;
	/** Fingerprint of the secret the reveal window was opened for. */
	secretId?: string;
	/** Epoch ms until which a GET on the production URL shows the setup URL. */
	revealUntil?: number;
	/** Epoch ms of the GET that showed it (the window then closes). */
	revealedAt?: number | null;
}

export function secretState(staticData: IDataObject): SecretState {
	return staticData as SecretState;
}

export function newKey(): string {
	return randomBytes(32).toString('base64url');
}

function webhookIdOf(node: INode): string {
	return node.webhookId ?? node.id ?? node.name;
}

export function deriveSecret(key: string, node: INode, version: number): string {
	return createHmac('sha256', Buffer.from(key, 'base64url'))
		.update(`syncro-trigger:${webhookIdOf(node)}:v${version}`)
		.digest('base64url');
}

/** A short, non-reversible name for a secret (which secret the setup page was opened for). */
export function secretIdOf(secret: string): string {
	return createHash('sha256').update(secret).digest('hex').slice(0, 16);
}

/** Constant-time comparison of a given secret with the expected one (any length, any content). */
export function secretMatches(given: unknown, expected: string): boolean {
	if (typeof given !== 'string' || given === '') return false;
	const a = createHash('sha256').update(given, 'utf8').digest();
	const b = createHash('sha256').update(expected, 'utf8').digest();
	return timingSafeEqual(a, b);
}

/** The URL to paste into Syncro: the production webhook URL with the secret as a query parameter. */
export function syncroUrl(webhookUrl: string, secret: string): string {
	return `${webhookUrl}${webhookUrl.includes('?') ? '&' : '?'}${SECRET_PARAM}=${encodeURIComponent(secret)}`;
}

export function secretVersion(value: unknown): number {
	const n = Number(value);
	return Number.isSafeInteger(n) && n >= 1 ? n : 1;
}
