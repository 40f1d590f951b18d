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
import { counter, writeInSteps, type ProgressOptions, type Write } from './progress';
import { countEntries } from './log-days';
import { readRecord, type StateRecord } from './records';
import type { Repository } from './repository';
import { weightsInForce } from './settings';

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
	replayed: ReadonlyMap<string, MemoryState>,
	count?: { tick(n?: number): void }
): Promise<Repairs> {
	const { records, ...repairs } = diffStates(replayed, await tx.entries('states'));
	const writes: Write[] = [
		...[...repairs.added, ...repairs.changed].map((key): Write => ({
			op: 'put',
			store: 'states',
			key,
			value: records.get(key)
		})),
		...repairs.removed.map((key): Write => ({ op: 'delete', store: 'states', key }))
	];
	await writeInSteps(tx, writes, count);
	// The states that needed no write count as done too.
	count?.tick(Math.max(0, replayed.size - writes.length));
	return repairs;
}

/**
 * Check every fact state against a replay of the log and repair those that differ. Unreadable
 * records are moved aside first (as every read does); retried if another tab writes the log
 * meanwhile.
 */
export async function checkAndRebuild(
	repo: Repository,
	{ onProgress }: ProgressOptions = {}
): Promise<CheckReport> {
	const { replay } = await import('../srs/memory');
	for (let attempt = 0; attempt < 3; attempt++) {
		const asideBefore = await repo.quarantinedCount();
		onProgress?.(0, 2, 'checking');
		await repo.loadStates({ fromRecords: true });
		onProgress?.(1, 2, 'checking');
		const { events } = await repo.readLog();
		onProgress?.(2, 2, 'checking');
		const setAside = (await repo.quarantinedCount()) - asideBefore;
		onProgress?.(0, 1, 'replaying');
		const replayed = replay(events, await weightsInForce(repo.kv));
		onProgress?.(1, 1, 'replaying');
		try {
			const repairs = await repo.kv.run(['states', 'log'], 'readwrite', async (tx) => {
				if ((await countEntries(tx)) !== events.length) throw new StaleRecordError('log');
				return writeReplay(tx, replayed, counter(onProgress, 'writing', replayed.size));
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
