/**
 * How an answer's states and log entries are written (Repository.commit): in one transaction,
 * each state only if the stored one is still at the revision it was computed from.
 *
 * One round trip when it can (docs/ARCHITECTURE.md, "Answering"): the log's day this page last
 * wrote an answer to is kept as written, at the revision (STATES_REV) that write left, and the
 * next answer of that day sends the check of the states and of that revision together with all
 * its writes. If another writer came between (another tab, an import, this page's undo), the
 * check aborts the transaction, which rolls back every write of it, and the answer is written
 * the long way: the day read, and the check answered, before the writes go out.
 */
import { memoryKey } from '../srs/keys';
import type { MemoryEvent, MemoryState } from '../srs/memory';
import { eventToRecord, stateToRecord } from './convert';
import { StaleRecordError } from './errors';
import { STATES_REV, statesAt, unchanged, type Kv, type KvTx, type StoreName } from './kv';
import { markLog } from './sync-outbox';
import { appendEntries, dayOf, groupByDay, putDay, withEntries } from './log-days';
import { paramsKey, paramsToRecord, type LogRecord, type ParamsRecord } from './records';

/**
 * What an answer writes in: the states and the log (kv.ts adds the days' times and the outbox),
 * the revision (meta), the parameters (settings) when they are not stored yet, and the quarantine
 * when the day is read (a day that cannot be read is set aside).
 */
const STORES: StoreName[] = ['states', 'log', 'meta'];

/** A fact state to write, with the revision (`lastEvent`) it was computed from. */
export interface StateChange {
	expected: string | null;
	next: MemoryState;
}

interface LastDay {
	/** The revision the write of this day left. */
	rev: number;
	day: string;
	entries: unknown[];
}

export class AnswerWriter {
	readonly #kv: Kv;
	#last: LastDay | null = null;
	/**
	 * The ids of the parameter sets this writer has stored: a set is never removed once stored
	 * (entries name it), so an answer with the same set does not write it again.
	 */
	readonly #paramsStored = new Set<string>();

	constructor(kv: Kv) {
		this.#kv = kv;
	}

	/** This page wrote the log or the states some other way: the day kept is not to be trusted. */
	forget(): void {
		this.#last = null;
	}

	/**
	 * Write the answer; returns the states' revision it was written at (then one more), or
	 * throws StaleRecordError naming the fact another writer changed (nothing written).
	 */
	async write(changes: readonly StateChange[], events: readonly MemoryEvent[]): Promise<number> {
		const records = changes.map((c) => [keyOf(c), stateToRecord(c.next)] as const);
		const logged = events.map(eventToRecord);
		const expected = changes.map((c) => [keyOf(c), c.expected] as const);
		const params = new Map<string, ParamsRecord>();
		logged.forEach((record, i) => {
			const e = events[i];
			if (
				e.kind === 'review' &&
				record.kind === 'review' &&
				!this.#paramsStored.has(record.paramsId)
			)
				params.set(record.paramsId, paramsToRecord(e.params));
		});
		const stores: StoreName[] = params.size ? [...STORES, 'settings'] : STORES;
		const put = (tx: KvTx) => {
			for (const [id, record] of params) tx.put('settings', paramsKey(id), record);
			for (const [key, record] of records) tx.put('states', key, record);
			markLog(tx, logged);
		};
		const stored = () => {
			for (const id of params.keys()) this.#paramsStored.add(id);
		};
		const last = this.#last;
		this.#last = null;
		const entries = last && appendedTo(last.day, last.entries, logged);
		if (last && entries)
			try {
				await this.#kv.run(
					stores,
					'readwrite',
					async (tx) => {
						// The check of the states goes out first, then every write, the revision's
						// bump among them (RunOptions.rev): one round trip.
						const checked = statesAt(tx, expected);
						checked.catch(() => {});
						put(tx);
						putDay(tx, last.day, entries);
						await checked;
					},
					{ rev: last.rev, commitEarly: true }
				);
				this.#last = { rev: last.rev + 1, day: last.day, entries };
				stored();
				return last.rev;
			} catch (e) {
				// Another writer came between: written again below, the long way.
				if (!(e instanceof StaleRecordError && e.key === STATES_REV)) throw e;
			}
		let written = new Map<string, unknown[]>();
		const rev = await this.#kv.run(
			[...stores, 'quarantine'],
			'readwrite',
			async (tx) => {
				// The check of the states and the read of the log's day go out together: one round
				// trip, then the writes. A stale state is what the answer fails with first (it is
				// computed again on top), before a duplicate entry (it was stored before).
				const checked = unchanged(tx, expected);
				const appended = appendEntries(tx, logged);
				appended.catch(() => {});
				const rev = await checked;
				written = await appended;
				put(tx);
				return rev;
			},
			{ commitEarly: true }
		);
		const day = [...written].at(-1);
		if (day) this.#last = { rev: rev + 1, day: day[0], entries: day[1] };
		stored();
		return rev;
	}
}

const keyOf = (c: StateChange) => memoryKey(c.next.deck, c.next.fact);

/**
 * `day`'s entries with these records added, or null when they are not all of that day or one of
 * them is there already (the long way then says so, in its order).
 */
function appendedTo(
	day: string,
	entries: readonly unknown[],
	records: readonly LogRecord[]
): unknown[] | null {
	if (records.length === 0 || records.some((r) => dayOf(r.at) !== day)) return null;
	try {
		return withEntries(entries, [...groupByDay(records).values()][0]);
	} catch {
		return null;
	}
}
