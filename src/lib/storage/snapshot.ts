/**
 * A read cache of the fact states: every state in one record of the meta store, so that a page
 * reads one string instead of reading and checking a record per fact (10 000 of them for a
 * heavy learner). Never the source: it is used only while it is at the states' current revision
 * (STATES_REV, which every write of the states moves on, see kv.ts) and while its text still has
 * the hash it was written with; otherwise the states are read record by record.
 *
 * The repository keeps a mirror of the states' rows as it last read or wrote them, at their
 * revision, and writes the snapshot from it a moment after the states last changed (answers come
 * in runs) or when the page is hidden. A write by anyone else (another tab, an import) moves the
 * revision past the mirror's, and the mirror is dropped instead of being written over it.
 */
import * as z from 'zod/mini';
import { hashText, memoryKey } from '../srs/keys';
import type { MemoryState } from '../srs/memory';
import { stateFromRow, stateToRow, type StateRow } from './convert';
import { revOf, STATES_REV, type Kv } from './kv';
import { SCHEMA_VERSION } from './migrate';
import { SnapshotRecordSchema, type SnapshotRecord } from './records';

/** The snapshot's key in the meta store (see SnapshotRecordSchema). */
export const SNAPSHOT = 'states-snapshot';

export class StatesSnapshot {
	readonly #kv: Kv;
	/** Ms from the last change of the states to writing their snapshot. */
	delay = 3000;
	/**
	 * The fact states' rows as the repository last read or wrote them, at the states' revision
	 * they are at; null when another writer (a tab, an import) may have changed them.
	 */
	#mirror: { rev: number; rows: Map<string, StateRow> } | null = null;
	/** The revision of the stored snapshot, as far as this page knows. */
	#savedRev = -1;
	#timer: ReturnType<typeof setTimeout> | undefined;

	constructor(kv: Kv) {
		this.#kv = kv;
	}

	/** The states from the stored snapshot, if it is current and reads whole; else null. */
	async read(): Promise<Map<string, MemoryState> | null> {
		const stored = await this.#kv.run(['meta'], 'readonly', async (tx) => {
			const [rev, snapshot] = await Promise.all([
				tx.get('meta', STATES_REV),
				tx.get('meta', SNAPSHOT)
			]);
			return snapshotRows(snapshot, revOf(rev));
		});
		const decoded = stored && decodeRows(stored.rows);
		if (!stored || !decoded) return null;
		this.#mirror = { rev: stored.rev, rows: decoded.rows };
		this.#savedRev = stored.rev;
		return decoded.states;
	}

	/** The states were read record by record, all valid, at revision `rev`. */
	readRecords(rev: number, states: ReadonlyMap<string, MemoryState>): void {
		const rows = new Map<string, StateRow>();
		for (const [key, state] of states) rows.set(key, stateToRow(state));
		this.#mirror = { rev, rows };
		this.#schedule();
	}

	/** The stored states are not (or may not be) what the mirror holds: drop it. */
	forget(): void {
		this.#mirror = null;
	}

	/**
	 * After the repository's own write of the states at revision `rev` (read in its transaction,
	 * which then became rev + 1): the mirror follows if it was at `rev`, else some other writer
	 * came between and the mirror is dropped.
	 */
	advance(rev: number, change: (rows: Map<string, StateRow>) => void): void {
		if (this.#mirror?.rev !== rev) {
			this.#mirror = null;
			return;
		}
		change(this.#mirror.rows);
		this.#mirror.rev = rev + 1;
		this.#schedule();
	}

	/**
	 * Write the snapshot of the mirror, if it still holds the stored states (no other tab or
	 * import has changed them since). A cache: a failure is ignored.
	 */
	async save(): Promise<boolean> {
		clearTimeout(this.#timer);
		const mirror = this.#mirror;
		if (!mirror || mirror.rev === this.#savedRev) return false;
		const rows = [...mirror.rows.values()];
		const text = JSON.stringify(rows);
		const snapshot: SnapshotRecord = {
			schemaVersion: SCHEMA_VERSION,
			rows: 1,
			rev: mirror.rev,
			count: rows.length,
			hash: hashText(text),
			states: text
		};
		try {
			const saved = await this.#kv.run(['meta'], 'readwrite', async (tx) => {
				if (revOf(await tx.get('meta', STATES_REV)) !== snapshot.rev) return false;
				tx.put('meta', SNAPSHOT, snapshot);
				return true;
			});
			if (saved) this.#savedRev = snapshot.rev;
			return saved;
		} catch {
			return false;
		}
	}

	#schedule() {
		clearTimeout(this.#timer);
		if (this.#mirror && this.#mirror.rev !== this.#savedRev)
			this.#timer = setTimeout(() => void this.save(), this.delay);
	}
}

/** A snapshot's rows as states, or null if one does not decode (then the records are read). */
function decodeRows(
	list: StateRow[]
): { rows: Map<string, StateRow>; states: Map<string, MemoryState> } | null {
	const rows = new Map<string, StateRow>();
	const states = new Map<string, MemoryState>();
	try {
		for (const row of list) {
			const key = memoryKey(row[0], row[1]);
			rows.set(key, row);
			states.set(key, stateFromRow(row));
		}
	} catch {
		return null;
	}
	return { rows, states };
}

/**
 * The rows of a stored snapshot, if it is one, is at revision `rev` (current) and its text still
 * has its hash (unchanged since it was written from checked records); else null.
 */
function snapshotRows(raw: unknown, rev: number): { rev: number; rows: StateRow[] } | null {
	const parsed = z.safeParse(SnapshotRecordSchema(), raw);
	if (!parsed.success) return null;
	const s = parsed.data;
	if (s.rev !== rev || hashText(s.states) !== s.hash) return null;
	try {
		const rows: unknown = JSON.parse(s.states);
		if (!Array.isArray(rows) || rows.length !== s.count) return null;
		return { rev, rows: rows as StateRow[] };
	} catch {
		return null;
	}
}
