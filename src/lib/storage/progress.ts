/**
 * Progress of the work that touches every record (a backup's restore, "Check and rebuild"):
 * reported as it goes, so that the page can show a bar that moves, and writes done in steps
 * inside one transaction, so that a restore stays all or nothing (see docs/ARCHITECTURE.md,
 * "Work off the main thread").
 */
import type { KvTx, StoreName } from './kv';
import { appendEntries, putAllEntries } from './log-days';
import type { LogRecord } from './records';

/**
 * What the work is doing: reading the file, checking its records, replaying, writing; for an
 * export, gathering the stored records and encoding them as the file's text.
 */
export type Phase = 'reading' | 'checking' | 'replaying' | 'writing' | 'gathering' | 'encoding';

/** Told `done` of `total` items of `phase`; called a few hundred times at most per phase. */
export type OnProgress = (done: number, total: number, phase: Phase) => void;

export interface ProgressOptions {
	onProgress?: OnProgress;
}

/** Records written between two progress reports (and two waits on the transaction). */
export const WRITE_STEP = 1000;

/** A count of `total` items of `phase` that reports every `every` items and at the end. */
export function counter(
	onProgress: OnProgress | undefined,
	phase: Phase,
	total: number,
	every = WRITE_STEP
): { tick(n?: number): void; readonly done: number } {
	let done = 0;
	let reported = -1;
	onProgress?.(0, total, phase);
	return {
		tick(n = 1) {
			done += n;
			if (onProgress && (done - reported >= every || done >= total) && done !== reported) {
				reported = done;
				onProgress(Math.min(done, total), total, phase);
			}
		},
		get done() {
			return done;
		}
	};
}

/** One write of a transaction: put (or add, which refuses an existing key) or delete. */
export type Write =
	| { op: 'put' | 'add'; store: StoreName; key: string; value: unknown }
	| { op: 'delete'; store: StoreName; key: string };

/** Puts of records stored under their own id (decks, test attempts). */
export const putsById = (store: StoreName, records: ReadonlyArray<{ id: string }>): Write[] =>
	records.map((value) => ({ op: 'put', store, key: value.id, value }));

/**
 * In a read-write transaction: make the writes WRITE_STEP at a time, waiting on each step
 * until the database has done it (a read queued behind the writes answers once they are done),
 * and reporting progress. All stay in the one transaction: if any fails, none is kept.
 * Waiting only on the transaction's own requests keeps it open (see kv.ts `run`).
 */
export async function writeInSteps(
	tx: KvTx,
	writes: readonly Write[],
	count: { tick(n?: number): void } = { tick() {} }
): Promise<void> {
	// One step is queued ahead of the one waited on, so that the database always has work while
	// this side prepares the next step.
	let ahead: { done: Promise<unknown>; size: number } | null = null;
	for (let i = 0; i < writes.length; i += WRITE_STEP) {
		const step = writes.slice(i, i + WRITE_STEP);
		for (const w of step)
			if (w.op === 'delete') tx.delete(w.store, w.key);
			else tx[w.op](w.store, w.key, w.value);
		const last = step[step.length - 1];
		const queued = { done: tx.get(last.store, last.key), size: step.length };
		// Handled here as well as awaited below: a failure aborts the transaction, and the
		// request waited on reports it.
		queued.done.catch(() => {});
		if (ahead) {
			await ahead.done;
			count.tick(ahead.size);
		}
		ahead = queued;
	}
	if (ahead) {
		await ahead.done;
		count.tick(ahead.size);
	}
}

/**
 * The one place a restore writes log records (a Replace puts them as the whole log, a Merge
 * adds them, which refuses an entry already there). The log is stored one record per UTC day
 * (log-days.ts): a year is a few hundred records, written in one step.
 */
export async function writeLogRecords(
	tx: KvTx,
	records: readonly LogRecord[],
	op: 'put' | 'add',
	count?: { tick(n?: number): void }
): Promise<void> {
	if (op === 'put') putAllEntries(tx, records);
	else await appendEntries(tx, records);
	count?.tick(records.length);
}
