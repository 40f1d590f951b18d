/**
 * Setting bad records aside: a stored record that fails validation is never dropped. It is
 * moved to the quarantine store with the reason (the settings page lists them and a backup
 * keeps the rest working), and its own store goes on without it, or with a rebuilt record.
 */
import type { KvTx, StoreName } from './kv';
import type { Read } from './migrate';

/** A record that failed validation, kept aside with the reason. */
export interface QuarantinedRecord {
	store: StoreName;
	key: string;
	error: string;
	record: unknown;
	at: string;
}

/** A stored record that failed validation: its key, the record as stored, and why. */
export type BadRecord = [key: string, record: unknown, error: string];

/** Keep `record` (of `store`, under `key`) in the quarantine store, with why it failed. */
export function putQuarantine(
	tx: KvTx,
	store: StoreName,
	key: string,
	record: unknown,
	error: string
): void {
	const at = new Date().toISOString();
	const entry: QuarantinedRecord = { store, key, error, record, at };
	tx.put('quarantine', `${store}:${key}:${at}`, entry);
}

/** Rows read and checked: the valid records, those that were migrated (to rewrite), the bad. */
export interface SortedRows<T> {
	good: Array<[string, T]>;
	migrated: Array<[string, T]>;
	bad: BadRecord[];
}

/** Check each raw row with `read`. */
export function sortRows<T>(
	rows: ReadonlyArray<[string, unknown]>,
	read: (raw: unknown) => Read<T>
): SortedRows<T> {
	const out: SortedRows<T> = { good: [], migrated: [], bad: [] };
	for (const [key, raw] of rows) {
		const r = read(raw);
		if (!r.ok) out.bad.push([key, raw, r.error]);
		else {
			out.good.push([key, r.value]);
			if (r.migrated) out.migrated.push([key, r.value]);
		}
	}
	return out;
}

/**
 * In a read-write transaction over `store` and the quarantine: move each bad record aside and
 * delete it, or put `replacement(key)` in its place where that gives a record. A record no
 * longer stored is left alone: another tab has handled it already.
 */
export async function setAside(
	tx: KvTx,
	store: StoreName,
	bad: readonly BadRecord[],
	replacement?: (key: string) => unknown
): Promise<void> {
	for (const [key, record, error] of bad) {
		if ((await tx.get(store, key)) === undefined) continue;
		putQuarantine(tx, store, key, record, error);
		const next = replacement?.(key);
		if (next === undefined) tx.delete(store, key);
		else tx.put(store, key, next);
	}
}
