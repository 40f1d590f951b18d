/**
 * Sync's bookkeeping, in the meta store: where the last pull stopped (the server's sequence),
 * when this device last synced, when and where its settings were last changed (the later change
 * wins across devices), and the last notice for the learner ("Settings were changed on …").
 * Never in a backup, never synced.
 */
import * as z from 'zod/mini';
import { lazySchema } from '../question-types/shared/lazy-schema';
import type { Kv, KvTx } from './kv';
import { clearLog } from './log-days';
import { markAll } from './sync-outbox';

export const SYNC_META = 'sync';
export const SETTINGS_CHANGED = 'settings-changed';

const SyncMetaSchema = lazySchema(() =>
	z.object({
		/** The account these figures belong to. */
		account: z.string(),
		/** The server's update sequence the last pull reached (null: no pull finished yet). */
		seq: z.nullable(z.union([z.string(), z.number()])),
		/** When the last sync (pull and push) finished. */
		syncedAt: z.nullable(z.string()),
		/** The settings came from another device: its name and when it changed them. */
		settingsFrom: z.optional(z.nullable(z.object({ device: z.string(), at: z.string() })))
	})
);
export type SyncMeta = z.infer<ReturnType<typeof SyncMetaSchema>>;

const ChangedSchema = lazySchema(() => z.object({ updatedAt: z.string(), device: z.string() }));
export type SettingsChanged = z.infer<ReturnType<typeof ChangedSchema>>;

const fresh = (account: string): SyncMeta => ({ account, seq: null, syncedAt: null });

/** The bookkeeping of `account` (fresh when none, damaged, or another account's). */
export async function readSyncMeta(kv: Kv, account: string): Promise<SyncMeta> {
	const raw = await kv.run(['meta'], 'readonly', (tx) => tx.get('meta', SYNC_META));
	const read = SyncMetaSchema().safeParse(raw);
	return read.success && read.data.account === account ? read.data : fresh(account);
}

/** Change the bookkeeping, in its own transaction or in `tx` (which must have meta). */
export async function writeSyncMeta(
	kv: Kv,
	account: string,
	change: Partial<Omit<SyncMeta, 'account'>>
): Promise<SyncMeta> {
	const current = await readSyncMeta(kv, account);
	const next = { ...current, ...change, account };
	await kv.run(['meta'], 'readwrite', async (tx) => tx.put('meta', SYNC_META, next));
	return next;
}

/** Forget the bookkeeping (signing out). */
export async function clearSyncMeta(kv: Kv): Promise<void> {
	await kv.run(['meta'], 'readwrite', async (tx) => tx.delete('meta', SYNC_META));
}

/** When and on which device the settings were last changed (null: never on record). */
export async function settingsChanged(tx: KvTx): Promise<SettingsChanged | null> {
	const read = ChangedSchema().safeParse(await tx.get('meta', SETTINGS_CHANGED));
	return read.success ? read.data : null;
}

/** When and where the settings were last changed, in a transaction of its own. */
export function readSettingsChanged(kv: Kv): Promise<SettingsChanged | null> {
	return kv.run(['meta'], 'readonly', settingsChanged);
}

/** In a read-write transaction over meta: record a change of the settings. */
export function putSettingsChanged(tx: KvTx, changed: SettingsChanged): void {
	tx.put('meta', SETTINGS_CHANGED, changed);
}

/** A name for this device that the learner recognises ("Firefox on Android"). */
export function deviceName(): string {
	const ua = typeof navigator === 'undefined' ? '' : navigator.userAgent;
	const browser = /Firefox\//.test(ua)
		? 'Firefox'
		: /Edg\//.test(ua)
			? 'Edge'
			: /Chrom(e|ium)\//.test(ua)
				? 'Chrome'
				: /Safari\//.test(ua)
					? 'Safari'
					: '';
	const os = /Android/.test(ua)
		? 'Android'
		: /iPhone|iPad/.test(ua)
			? 'iOS'
			: /Mac OS X/.test(ua)
				? 'macOS'
				: /Windows/.test(ua)
					? 'Windows'
					: /Linux/.test(ua)
						? 'Linux'
						: '';
	if (browser && os) return `${browser} on ${os}`;
	return browser || os || 'another device';
}

/**
 * An account signed in on this device: unless this device was signed in to it already (signing
 * in again after the session expired: the outbox holds every change since), everything it holds
 * is marked to send and the bookkeeping starts afresh (the first pull then reads all).
 */
export async function startAccount(kv: Kv, account: string): Promise<void> {
	await kv.run(['outbox', 'meta'], 'readwrite', async (tx) => {
		const read = SyncMetaSchema().safeParse(await tx.get('meta', SYNC_META));
		if (read.success && read.data.account === account) return;
		markAll(tx);
		tx.put('meta', SYNC_META, fresh(account));
	});
}

/**
 * Signing out: the changes to send and the bookkeeping are forgotten; with `keepCopy` false,
 * this device's copy of the learner's data goes too (it stays on the server).
 */
export async function endAccount(kv: Kv, keepCopy: boolean): Promise<void> {
	const data = [
		'states',
		'log',
		'settings',
		'decks',
		'attempts',
		'deck-summaries',
		'drafts',
		'quarantine'
	] as const;
	await kv.run(
		keepCopy ? ['outbox', 'meta'] : [...data, 'outbox', 'meta'],
		'readwrite',
		async (tx) => {
			tx.clear('outbox');
			tx.delete('meta', SYNC_META);
			if (keepCopy) return;
			tx.delete('meta', SETTINGS_CHANGED);
			clearLog(tx);
			for (const s of data) if (s !== 'log') tx.clear(s);
		}
	);
}
