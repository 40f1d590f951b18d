/**
 * The review log's layout: one record per UTC day (key `YYYY-MM-DD`) holding that day's entries
 * in key (time, then id) order. A year is a few hundred records instead of 100 000: IndexedDB
 * spends a fixed time on each record it stores, so restoring a year's backup one record per
 * entry took most of a minute (see docs/ARCHITECTURE.md, "Storage"). An entry is still
 * identified by its key (`logKey`: time and id); each is validated on its own when read, and a
 * bad one is set aside alone, the rest of its day staying.
 */
import * as z from 'zod/mini';
import { lazySchema } from '../question-types/shared/lazy-schema';
import { StorageError } from './errors';
import type { KvTx } from './kv';
import { readRecordWith, SCHEMA_VERSION, Version, type Read } from './migrate';
import { logKey, readRecord, type LogRecord } from './records';
import { putQuarantine } from './set-aside';
import { markLog } from './sync-outbox';

export const LogDayRecordSchema = lazySchema(() =>
	z.strictObject({
		schemaVersion: Version(),
		day: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
		/** The day's entries (LogRecords, each with its own version), in key order. */
		entries: z.array(z.unknown())
	})
);
export type LogDayRecord = z.infer<ReturnType<typeof LogDayRecordSchema>>;

/** The UTC day an entry belongs to, which is its record's key. */
export function dayOf(at: Date | string): string {
	const iso = typeof at === 'string' && at.endsWith('Z') ? at : new Date(at).toISOString();
	return iso.slice(0, 10);
}

/** A stored entry's key (time and id), or null when it has neither (a damaged entry). */
export function rawKey(raw: unknown): string | null {
	const r = raw as { at?: unknown; id?: unknown } | null;
	return typeof r?.at === 'string' && typeof r.id === 'string' ? `${r.at} ${r.id}` : null;
}

/** A stored day record, checked (its entries are checked one by one: readDays). */
export function readDay(raw: unknown): Read<LogDayRecord> {
	return readRecordWith('logDay', LogDayRecordSchema(), raw);
}

export const dayRecord = (day: string, entries: unknown[]): LogDayRecord => ({
	schemaVersion: SCHEMA_VERSION,
	day,
	entries
});

/**
 * The times (epoch ms) of a day's entries, kept beside the day in `log-times` under the same key
 * and written with it: the streak reads a year of study days from these few kilobytes instead
 * of every entry (docs/ARCHITECTURE.md, "Storage"). Derived, never in a backup.
 */
export function timesOf(entries: readonly unknown[]): number[] {
	const times: number[] = [];
	for (const e of entries) {
		const at = (e as { at?: unknown } | null)?.at;
		const t = typeof at === 'string' ? Date.parse(at) : NaN;
		if (!Number.isNaN(t)) times.push(t);
	}
	return times;
}

/** In a read-write transaction over the log: store a day's entries, and their times beside it. */
export function putDay(tx: KvTx, day: string, entries: unknown[]): void {
	tx.put('log', day, dayRecord(day, entries));
	tx.put('log-times', day, timesOf(entries));
}

/** In a read-write transaction over the log: remove a day, and its times. */
export function deleteDay(tx: KvTx, day: string): void {
	tx.delete('log', day);
	tx.delete('log-times', day);
}

/** In a read-write transaction over the log: empty it. */
export function clearLog(tx: KvTx): void {
	tx.clear('log');
	tx.clear('log-times');
}

/**
 * The times of the entries stored from `fromDay` on, in order: from the days' times, or from
 * the day itself where its times are missing or unreadable.
 */
export async function dayTimes(tx: KvTx, fromDay?: string): Promise<number[]> {
	const [days, stored] = await Promise.all([
		tx.keys('log', fromDay),
		tx.entries('log-times', fromDay)
	]);
	const known = new Map(stored);
	const out: number[] = [];
	for (const day of days) {
		let times = known.get(day);
		if (!Array.isArray(times) || !times.every((t) => typeof t === 'number')) {
			const entries = ((await tx.get('log', day)) as { entries?: unknown } | undefined)?.entries;
			times = Array.isArray(entries) ? timesOf(entries) : [];
		}
		out.push(...(times as number[]));
	}
	return out;
}

const byKey = (a: unknown, b: unknown) => {
	const [x, y] = [rawKey(a) ?? '', rawKey(b) ?? ''];
	return x < y ? -1 : x > y ? 1 : 0;
};

/** Entries grouped by day, each day's in key order, days in order. */
export function groupByDay(records: readonly LogRecord[]): Map<string, LogRecord[]> {
	const days = new Map<string, LogRecord[]>();
	for (const r of records) {
		const day = dayOf(r.at);
		const list = days.get(day);
		if (list) list.push(r);
		else days.set(day, [r]);
	}
	for (const list of days.values()) list.sort(byKey);
	return new Map([...days].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * A day's entries, to add to: a record that cannot be read as a day is moved aside whole (with
 * why) and the day begins again, so that a damaged record never stops the learner answering.
 */
async function entriesForWrite(tx: KvTx, day: string): Promise<unknown[]> {
	const raw = await tx.get('log', day);
	if (raw === undefined) return [];
	const read = readDay(raw);
	if (read.ok && read.value.day === day) return read.value.entries;
	putQuarantine(tx, 'log', day, raw, read.ok ? `day: stored under ${day}` : read.error);
	return [];
}

/**
 * In a read-write transaction over the log (and the quarantine): add entries to their days.
 * An entry whose key (time and id) is stored already is refused, as a duplicate key always
 * was: the transaction fails, and nothing of it is written. Returns each day's entries as
 * written (the repository keeps the last one: see Repository.commit).
 */
export async function appendEntries(
	tx: KvTx,
	records: readonly LogRecord[]
): Promise<Map<string, unknown[]>> {
	const written = new Map<string, unknown[]>();
	for (const [day, added] of groupByDay(records)) {
		const entries = withEntries(await entriesForWrite(tx, day), added);
		putDay(tx, day, entries);
		written.set(day, entries);
	}
	return written;
}

/**
 * A day's entries with `added` (of that day, in key order) put in their places: a new list.
 * Throws, as a duplicate key does, when one of `added` is in the day already.
 */
export function withEntries(entries: readonly unknown[], added: readonly LogRecord[]): unknown[] {
	const keys = new Set(entries.map(rawKey));
	for (const r of added) {
		const key = logKey(r);
		if (keys.has(key)) throw new StorageError('A record with this key already exists');
		keys.add(key);
	}
	const last = rawKey(entries.at(-1)) ?? '';
	const out = [...entries, ...added];
	if (logKey(added[0]) < last) out.sort(byKey);
	return out;
}

/** In a read-write transaction: store these entries as the whole log (an empty log before). */
export function putAllEntries(tx: KvTx, records: readonly LogRecord[]): void {
	for (const [day, entries] of groupByDay(records)) putDay(tx, day, entries);
}

/** In a read-write transaction: remove the entries with these keys (missing ones are no matter). */
export async function removeEntries(
	tx: KvTx,
	entries: ReadonlyArray<{ at: Date | string; id: string }>
): Promise<void> {
	const days = new Map<string, Set<string>>();
	for (const e of entries) {
		const day = dayOf(e.at);
		days.set(day, (days.get(day) ?? new Set()).add(logKey(e)));
	}
	for (const [day, keys] of days) {
		const read = readDay(await tx.get('log', day));
		if (!read.ok) continue;
		const kept = read.value.entries.filter((e) => !keys.has(rawKey(e) ?? ''));
		if (kept.length === read.value.entries.length) continue;
		if (kept.length) putDay(tx, day, kept);
		else deleteDay(tx, day);
	}
}

/** In a read-write transaction: remove every entry about deck `id`; how many there were. */
export async function removeDeckEntries(tx: KvTx, id: string): Promise<number> {
	let removed = 0;
	for (const [day, raw] of await tx.entries('log')) {
		const read = readDay(raw);
		if (!read.ok) continue;
		const kept = read.value.entries.filter((e) => (e as { deck?: unknown } | null)?.deck !== id);
		if (kept.length === read.value.entries.length) continue;
		const gone = read.value.entries.filter((e) => !kept.includes(e));
		markLog(tx, gone as Array<{ id: string; at: string }>, 'delete');
		removed += read.value.entries.length - kept.length;
		if (kept.length) putDay(tx, day, kept);
		else deleteDay(tx, day);
	}
	return removed;
}

/** Which of these entries (by key) are stored. */
export async function storedKeys(
	tx: KvTx,
	entries: ReadonlyArray<{ at: Date | string; id: string }>
): Promise<Set<string>> {
	const days = [...new Set(entries.map((e) => dayOf(e.at)))];
	const raws = await Promise.all(days.map((d) => tx.get('log', d)));
	const keys = new Set<string>();
	for (const raw of raws) {
		const read = readDay(raw);
		if (read.ok) for (const e of read.value.entries) keys.add(rawKey(e) ?? '');
	}
	return keys;
}

/**
 * Every stored entry, unchecked, in order (from `fromDay` on): what the cheap readers use (the
 * day's counts, the streak's times, a backup's export). Records that are not days are skipped;
 * readLog sets them aside.
 */
export async function rawEntries(tx: KvTx, fromDay?: string): Promise<unknown[]> {
	const out: unknown[] = [];
	for (const raw of await tx.values('log', fromDay)) out.push(...dayEntries(raw));
	return out;
}

/** A stored day's entries, unchecked; none for a record that is not a day. */
export function dayEntries(raw: unknown): unknown[] {
	const entries = (raw as { entries?: unknown } | null)?.entries;
	return Array.isArray(entries) ? (entries as unknown[]) : [];
}

/** How many entries the log holds, every day read (exact: a check before a merge's writes). */
export async function countEntries(tx: KvTx): Promise<number> {
	return (await rawEntries(tx)).length;
}

/** The days read and checked: every valid entry in order, and what must be set aside or rewritten. */
export interface SortedDays {
	/** With each entry as stored (to find it again: fixDays). */
	good: Array<[key: string, record: LogRecord, raw: unknown]>;
	/** Days to rewrite: entries set aside (by their raw text), migrated entries replaced. */
	fix: Map<string, DayFix>;
	/** Records that are not a day at all: moved aside whole. */
	badDays: Array<[key: string, raw: unknown, error: string]>;
}

export interface DayFix {
	/** The raw entry's JSON → its replacement (a migrated record), or why it is set aside. */
	changes: Map<string, { record: LogRecord } | { error: string; key: string }>;
}

/** Check each day and each of its entries (migrating old ones). */
export function sortDays(rows: ReadonlyArray<[string, unknown]>): SortedDays {
	const out: SortedDays = { good: [], fix: new Map(), badDays: [] };
	for (const [day, raw] of rows) {
		const read = readDay(raw);
		if (!read.ok || read.value.day !== day) {
			out.badDays.push([day, raw, read.ok ? `day: stored under ${day}` : read.error]);
			continue;
		}
		const seen = new Set<string>();
		const change = (e: unknown, c: { record: LogRecord } | { error: string; key: string }) => {
			const fix = out.fix.get(day) ?? { changes: new Map() };
			fix.changes.set(JSON.stringify(e), c);
			out.fix.set(day, fix);
		};
		read.value.entries.forEach((e, i) => {
			const r = readRecord('log', e);
			const key = r.ok ? logKey(r.value) : (rawKey(e) ?? `${day} #${i}`);
			if (!r.ok) return change(e, { error: r.error, key });
			const error =
				dayOf(r.value.at) !== day
					? `at: not on ${day}, the day it is stored under`
					: seen.has(key)
						? `id: the entry "${key}" is stored twice`
						: null;
			if (error !== null) return change(e, { error, key });
			seen.add(key);
			out.good.push([key, r.value, e]);
			if (r.migrated) change(e, { record: r.value });
		});
	}
	return out;
}

/**
 * In a read-write transaction over the log and the quarantine: set aside what sortDays found
 * (each bad entry alone, a bad day whole) and rewrite migrated entries. Only what is still
 * stored as it was read is touched: another tab may have dealt with it already.
 */
export async function fixDays(
	tx: KvTx,
	{ fix, badDays }: Pick<SortedDays, 'fix' | 'badDays'>
): Promise<void> {
	for (const [day, raw, error] of badDays) {
		const now = await tx.get('log', day);
		if (now === undefined || JSON.stringify(now) !== JSON.stringify(raw)) continue;
		putQuarantine(tx, 'log', day, raw, error);
		deleteDay(tx, day);
	}
	for (const [day, { changes }] of fix) {
		const read = readDay(await tx.get('log', day));
		if (!read.ok) continue;
		const entries: unknown[] = [];
		for (const e of read.value.entries) {
			const c = changes.get(JSON.stringify(e));
			if (!c) entries.push(e);
			else if ('record' in c) entries.push(c.record);
			else putQuarantine(tx, 'log', c.key, e, c.error);
		}
		if (entries.length) putDay(tx, day, entries);
		else deleteDay(tx, day);
	}
}

/**
 * The per-entry layout of database versions before 5 (key `<time> <id>`, one record each) as
 * day records, in the upgrade's transaction. An entry with no time to place it by is kept
 * aside in the quarantine, with why.
 */
export function daysFromEntries(rows: ReadonlyArray<readonly [string, unknown]>): {
	days: Map<string, LogDayRecord>;
	aside: Array<[key: string, raw: unknown, error: string]>;
} {
	const days = new Map<string, LogDayRecord>();
	const aside: Array<[string, unknown, string]> = [];
	for (const [key, raw] of rows) {
		const at = (raw as { at?: unknown } | null)?.at;
		const time = typeof at === 'string' || typeof at === 'number' ? new Date(at) : null;
		if (!time || Number.isNaN(time.getTime())) {
			aside.push([key, raw, 'at: not a time (moving the log to one record per day)']);
			continue;
		}
		const day = dayOf(time);
		const record = days.get(day) ?? dayRecord(day, []);
		record.entries.push(raw);
		days.set(day, record);
	}
	return { days, aside };
}

/**
 * The upgrade to database version 5 (kv.ts): in the versionchange transaction, the log's
 * per-entry records are replaced by day records (daysFromEntries).
 */
export function logToDays(tx: IDBTransaction): void {
	const log = tx.objectStore('log');
	const keys = log.getAllKeys();
	const values = log.getAll();
	values.onsuccess = () => {
		const rows = keys.result.map((k, i) => [String(k), values.result[i]] as const);
		const { days, aside } = daysFromEntries(rows);
		log.clear();
		const times = tx.objectStore('log-times');
		for (const [day, record] of days) {
			log.put(record, day);
			times.put(timesOf(record.entries), day);
		}
		const at = new Date().toISOString();
		for (const [key, record, error] of aside)
			tx.objectStore('quarantine').put(
				{ store: 'log', key, error, record, at },
				`log:${key}:${at}`
			);
	};
}

/**
 * The upgrade to database version 6 (kv.ts): in the versionchange transaction, each day's
 * entry times are written beside it.
 */
export function timesFromDays(tx: IDBTransaction): void {
	const log = tx.objectStore('log');
	const keys = log.getAllKeys();
	const values = log.getAll();
	values.onsuccess = () => {
		const times = tx.objectStore('log-times');
		keys.result.forEach((k, i) => {
			const entries = (values.result[i] as { entries?: unknown } | null)?.entries;
			if (Array.isArray(entries)) times.put(timesOf(entries), k);
		});
	};
}
