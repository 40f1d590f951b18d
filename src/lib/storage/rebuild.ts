/**
 * The log is the source of truth and the fact states are its replay, stored for speed. This
 * module compares the two and makes the states the replay again: after a Replace import (a
 * file's states are never trusted) and on the settings page's "Check and rebuild", which, like
 * Anki's Check Database, reports what it repaired.
 */
import type { MemoryState } from '../srs/memory';
import { stateToRecord } from './convert';
import { StaleRecordError } from './errors';
import type { KvTx } from './kv';
import { readRecord, type StateRecord } from './records';
import type { Repository } from './repository';

/** Facts whose stored state the log did not give: added (missing), changed, removed (no log). */
export interface Repairs {
	added: string[];
	changed: string[];
	removed: string[];
}

export interface CheckReport extends Repairs {
	/** Facts the log gives a state to, and the log entries replayed. */
	facts: number;
	log: number;
	/** Records that could not be read and were moved aside (log entries and fact states). */
	setAside: number;
}

/** JSON with every object's keys in order: two records with the same content compare equal. */
export function canonical(value: unknown): string {
	return JSON.stringify(value, (_, v: unknown) =>
		v && typeof v === 'object' && !Array.isArray(v)
			? Object.fromEntries(
					Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1))
				)
			: v
	);
}

/** How stored state records (raw, by key) differ from the replay's states, and the records to write. */
export function diffStates(
	replayed: ReadonlyMap<string, MemoryState>,
	stored: ReadonlyArray<readonly [string, unknown]>
): Repairs & { records: Map<string, StateRecord> } {
	const records = new Map([...replayed].map(([k, s]) => [k, stateToRecord(s)] as const));
	const storedKeys = new Set<string>();
	const out: Repairs = { added: [], changed: [], removed: [] };
	for (const [key, raw] of stored) {
		storedKeys.add(key);
		const want = records.get(key);
		if (!want) {
			out.removed.push(key);
			continue;
		}
		const read = readRecord('state', raw);
		if (!read.ok || canonical(read.value) !== canonical(want)) out.changed.push(key);
	}
	for (const key of records.keys()) if (!storedKeys.has(key)) out.added.push(key);
	return { ...out, records };
}

/** In a read-write transaction over the states: write the replay's states, return what changed. */
export async function writeReplay(
	tx: KvTx,
	replayed: ReadonlyMap<string, MemoryState>
): Promise<Repairs> {
	const { records, ...repairs } = diffStates(replayed, await tx.entries('states'));
	for (const key of [...repairs.added, ...repairs.changed]) tx.put('states', key, records.get(key));
	for (const key of repairs.removed) tx.delete('states', key);
	return repairs;
}

/**
 * Check every fact state against a replay of the log and repair those that differ. Unreadable
 * records are moved aside first (as every read does); retried if another tab writes the log
 * meanwhile.
 */
export async function checkAndRebuild(repo: Repository): Promise<CheckReport> {
	const { replay } = await import('../srs/memory');
	for (let attempt = 0; attempt < 3; attempt++) {
		const asideBefore = await repo.quarantinedCount();
		await repo.loadStates({ fromRecords: true });
		const { events } = await repo.readLog();
		const setAside = (await repo.quarantinedCount()) - asideBefore;
		const replayed = replay(events);
		try {
			const repairs = await repo.kv.run(['states', 'log'], 'readwrite', async (tx) => {
				if ((await tx.count('log')) !== events.length) throw new StaleRecordError('log');
				return writeReplay(tx, replayed);
			});
			repo.snapshot.forget();
			// What is derived from the decks is derived again too (see deck-summaries.ts).
			await (await import('./decks')).rebuildDerived(repo);
			return { ...repairs, facts: replayed.size, log: events.length, setAside };
		} catch (e) {
			if (!(e instanceof StaleRecordError)) throw e;
		}
	}
	throw new StaleRecordError('log');
}
