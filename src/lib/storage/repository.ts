/**
 * The learner's progress in the browser: fact states, the append-only review log, settings.
 *
 * - A key per record (per day for the log, read and written in the writing transaction): two
 *   tabs never overwrite each other's work, and a write that finds a record changed since it
 *   was read refuses (StaleRecordError) instead of overwriting it.
 * - An answer is durable before the next question shows: the new states and their log entries
 *   are written in one transaction.
 * - Records are validated when read; a bad one is moved aside to the quarantine store (never
 *   dropped) and its fact rebuilt from the log, which is the source of truth.
 */
import { memoryKey } from '../srs/keys';
import type { MemoryEvent, MemoryState } from '../srs/memory';
import type { ScheduleParams, SchedulingSettings } from '../srs/settings';
import type { AttemptRecord } from './attempts';
import { takeEarlyOpen, prefetchedKv } from './early-open';
import { StorageError } from './errors';
import {
	indexedDbKv,
	memoryKv,
	notifyingWrites,
	openIndexedDb,
	revOf,
	STATES_REV,
	toStorageError,
	unchanged,
	type Kv,
	type StoreName
} from './kv';
import { stateFromRecord, stateToRecord, stateToRow } from './convert';
import { AnswerWriter, type StateChange } from './commit';
import { clearLog, dayTimes, removeEntries, storedKeys } from './log-days';
import { logKey, readRecord, SCHEMA_VERSION } from './records';
import { setAside, sortRows } from './set-aside';
import type { BadRecord, QuarantinedRecord } from './set-aside';
import * as log from './log';
import * as settings from './settings';
import { markLog, putAttempt } from './sync-outbox';
import { StatesSnapshot } from './snapshot';

export type { QuarantinedRecord, StateChange };

export interface OpenOptions {
	/** Called after each committed read-write transaction, with its stores. */
	onWrite?: (stores: readonly StoreName[]) => void;
	/** Called while the opening waits on another tab holding an older version (see kv.ts). */
	onBlocked?: () => void;
}

export interface StorageStatus {
	backend: 'indexeddb' | 'memory';
	/** Why progress is only kept in memory, when it is. */
	problem?: string;
}

/** To undo an answer: the state to restore, expected to still be at the undone answer's revision. */
export interface StateRestore {
	key: string;
	expected: string | null;
	previous: MemoryState | null;
}

export class Repository {
	readonly kv: Kv;
	readonly status: StorageStatus;
	/** The states' read cache, kept by this repository's own writes (see snapshot.ts). */
	readonly snapshot: StatesSnapshot;
	/** Writes the answers (commit), keeping the day's log record it last wrote. */
	readonly #answers: AnswerWriter;
	/**
	 * When this database was created (its meta record): a database that is newer than the one a
	 * page saw before was emptied in between, which is how the UI notices an eviction.
	 */
	createdAt = '';

	constructor(kv: Kv, status: StorageStatus = { backend: kv.backend }) {
		this.kv = kv;
		this.status = status;
		this.snapshot = new StatesSnapshot(kv);
		this.#answers = new AnswerWriter(kv);
	}

	/**
	 * Open IndexedDB; when it is unavailable (blocked, private mode, an old browser), keep
	 * working in memory and say why, so the UI can warn that progress will not be saved.
	 */
	static async open(dbName?: string, options: OpenOptions = {}): Promise<Repository> {
		const watched = (kv: Kv) => (options.onWrite ? notifyingWrites(kv, options.onWrite) : kv);
		try {
			// Opened already by app.html's script, with the first reads made (early-open.ts)?
			const early = dbName === undefined ? await takeEarlyOpen(options.onBlocked) : null;
			const db = early?.db ?? (await openIndexedDb(dbName, options.onBlocked));
			const kv = indexedDbKv(db);
			const repo = new Repository(watched(early?.stores ? prefetchedKv(kv, early.stores) : kv));
			await repo.ensureMeta();
			return repo;
		} catch (e) {
			const reason = toStorageError(e).message;
			const repo = new Repository(watched(memoryKv()), { backend: 'memory', problem: reason });
			await repo.ensureMeta();
			return repo;
		}
	}

	/** How many fact states are stored (one count, nothing read). */
	stateCount(): Promise<number> {
		return this.kv.run(['states'], 'readonly', (tx) => tx.count('states'));
	}

	/** Write the meta record (schema version) on first use; refuse data from a newer app. */
	private async ensureMeta(): Promise<void> {
		// Read first: a page opening storage writes nothing when the record is there and current
		// (a read-only transaction: nothing to commit).
		const stored = await this.kv.run(['meta'], 'readonly', (tx) => tx.get('meta', 'meta'));
		if (stored !== undefined) {
			const read = readRecord('meta', stored);
			if (read.ok && !read.migrated) {
				this.createdAt = read.value.createdAt;
				return;
			}
		}
		this.createdAt = await this.kv.run(['meta'], 'readwrite', async (tx) => {
			const raw = await tx.get('meta', 'meta');
			if (raw === undefined) {
				const createdAt = new Date().toISOString();
				tx.put('meta', 'meta', { schemaVersion: SCHEMA_VERSION, createdAt });
				return createdAt;
			}
			const read = readRecord('meta', raw);
			if (!read.ok) throw new StorageError(`The stored data cannot be read: meta ${read.error}`);
			if (read.migrated) tx.put('meta', 'meta', read.value);
			return read.value.createdAt;
		});
	}

	/**
	 * Every fact state, validated; bad records are moved aside and their facts rebuilt from the
	 * log. From the snapshot when it is current (one read), else record by record; `fromRecords`
	 * reads the records whatever the snapshot (the settings page's check of every record).
	 */
	async loadStates({ fromRecords = false } = {}): Promise<Map<string, MemoryState>> {
		const cached = fromRecords ? null : await this.snapshot.read();
		if (cached) return cached;
		// One getAll, without the keys: a state is stored under memoryKey(deck, fact), so the
		// records name their keys. A damaged record cannot, and then the keys are read too.
		const [rev, values] = await this.kv.run(['states', 'meta'], 'readonly', (tx) =>
			Promise.all([tx.get('meta', STATES_REV).then(revOf), tx.values('states')])
		);
		const { good, bad, migrated } = sortRows(
			values.map((v) => ['', v]),
			readState
		);
		if (bad.length) {
			this.snapshot.forget();
			return this.loadStatesByKey();
		}
		const states = new Map<string, MemoryState>();
		for (const [, record] of good)
			states.set(memoryKey(record.deck, record.fact), stateFromRecord(record));
		if (migrated.length) {
			// Rewritten in the current layout; the snapshot waits for the next read.
			this.snapshot.forget();
			await this.kv.run(['states'], 'readwrite', async (tx) => {
				for (const [, r] of migrated) tx.put('states', memoryKey(r.deck, r.fact), r);
			});
		} else this.snapshot.readRecords(rev, states);
		return states;
	}

	/**
	 * Write the snapshot of the states as this repository knows them, if they are still the
	 * stored ones. Called a moment after the states change, and when the page is hidden.
	 */
	saveSnapshot(): Promise<boolean> {
		return this.snapshot.save();
	}

	/** loadStates, reading each record with its key, for a store that holds a damaged record. */
	private async loadStatesByKey(): Promise<Map<string, MemoryState>> {
		const { good, bad, migrated } = await this.kv.run(['states'], 'readonly', async (tx) =>
			sortRows(await tx.entries('states'), readState)
		);
		const states = new Map(good.map(([k, r]) => [k, stateFromRecord(r)] as const));
		if (migrated.length)
			await this.kv.run(['states'], 'readwrite', async (tx) => {
				for (const [k, r] of migrated) tx.put('states', k, r);
			});
		if (bad.length) {
			const rebuilt = await this.quarantineStates(bad);
			for (const [k, s] of rebuilt) states.set(k, s);
		}
		return states;
	}

	/** Move bad state records aside and rebuild those facts from the log, in one transaction. */
	private async quarantineStates(bad: BadRecord[]): Promise<Map<string, MemoryState>> {
		const { events } = await this.readLog();
		const keys = new Set(bad.map(([k]) => k));
		const { replay } = await loadScheduler();
		const rebuilt = replay(
			events.filter((e) => keys.has(memoryKey(e.deck, e.fact))),
			await settings.weightsInForce(this.kv)
		);
		await this.kv.run(['states', 'log', 'quarantine'], 'readwrite', (tx) =>
			setAside(tx, 'states', bad, (key) => {
				const s = rebuilt.get(key);
				return s && stateToRecord(s);
			})
		);
		return rebuilt;
	}

	/** One fact's state, or undefined if it has none (or its record is bad). */
	async loadState(key: string): Promise<MemoryState | undefined> {
		const raw = await this.kv.run(['states'], 'readonly', (tx) => tx.get('states', key));
		if (raw === undefined) return undefined;
		const read = readRecord('state', raw);
		return read.ok ? stateFromRecord(read.value) : undefined;
	}

	/**
	 * Write new fact states and their log entries in one transaction. Each state is written only
	 * if the stored one is still at `expected` (the revision it was computed from); otherwise
	 * nothing at all is written and StaleRecordError says which fact changed (see commit.ts).
	 */
	async commit(changes: readonly StateChange[], events: readonly MemoryEvent[]): Promise<void> {
		const rev = await this.#answers.write(changes, events);
		this.snapshot.advance(rev, (m) => {
			for (const c of changes) m.set(keyOf(c.next), stateToRow(c.next));
		});
	}

	/** Undo answers: restore the previous states and remove their log entries, all or nothing. */
	async undo(restores: readonly StateRestore[], events: readonly MemoryEvent[]): Promise<void> {
		const records = restores.map((r) => [r.key, r.previous && stateToRecord(r.previous)] as const);
		this.#answers.forget();
		const rev = await this.kv.run(['states', 'log', 'meta'], 'readwrite', async (tx) => {
			const rev = await unchanged(
				tx,
				restores.map((r) => [r.key, r.expected])
			);
			for (const [key, record] of records) {
				if (record) tx.put('states', key, record);
				else tx.delete('states', key);
			}
			await removeEntries(tx, events);
			markLog(tx, events, 'delete');
			return rev;
		});
		this.snapshot.advance(rev, (m) => {
			for (const r of restores) {
				if (r.previous) m.set(r.key, stateToRow(r.previous));
				else m.delete(r.key);
			}
		});
	}

	/** New facts introduced and reviews done since `dayStart` (for the daily limits). */
	todayCounts(dayStart: Date): Promise<{ newToday: number; reviewsToday: number }> {
		return log.todayCounts(this.kv, dayStart);
	}

	/** Every stored set of scheduling parameters, by id. */
	loadParams(): Promise<Map<string, ScheduleParams>> {
		return log.loadParams(this.kv);
	}

	/** When each logged event happened, oldest first, from `from` on if given (unchecked: cheap). */
	logTimes(from?: Date): Promise<Date[]> {
		return log.logTimes(this.kv, from);
	}

	/** The whole log in key (time) order; bad entries are moved aside and reported in `bad`. */
	readLog(): Promise<{ events: MemoryEvent[]; bad: number }> {
		return log.readLog(this.kv);
	}

	/** The states the log alone gives: what a backup merge or another device would compute. */
	async rebuildFromLog(): Promise<Map<string, MemoryState>> {
		const { replay } = await loadScheduler();
		return replay((await this.readLog()).events, await settings.weightsInForce(this.kv));
	}

	/**
	 * The scheduling settings (defaults when none are stored); a stored time zone the platform
	 * does not know is replaced by the device's (see settings.ts and unknownTimeZone).
	 */
	loadSettings(): Promise<SchedulingSettings> {
		return settings.loadSettings(this.kv);
	}

	/** The stored settings' time zone if the platform does not know it (the pages say so). */
	unknownTimeZone(): Promise<string | null> {
		return settings.unknownTimeZone(this.kv);
	}

	/** Store the settings; refuses (StorageError) a time zone the platform does not know. */
	saveSettings(next: SchedulingSettings): Promise<void> {
		return settings.saveSettings(this.kv, next);
	}

	/** Records kept aside because they failed validation, for the UI to report. */
	async quarantined(): Promise<QuarantinedRecord[]> {
		const rows = await this.kv.run(['quarantine'], 'readonly', (tx) => tx.entries('quarantine'));
		return rows.map(([, v]) => v as QuarantinedRecord);
	}

	/**
	 * The log's entries are counted from the days' times (a few kilobytes at a year's scale, where
	 * reading every day takes seconds); an entry without a readable time is not counted.
	 */
	async counts(): Promise<{ states: number; log: number; quarantined: number }> {
		return this.kv.run(['states', 'log', 'quarantine'], 'readonly', async (tx) => {
			const [states, log, quarantined] = await Promise.all([
				tx.count('states'),
				dayTimes(tx).then((times) => times.length),
				tx.count('quarantine')
			]);
			return { states, log, quarantined };
		});
	}

	/** How many records are kept aside (one count: what every page's banner needs). */
	async quarantinedCount(): Promise<number> {
		return this.kv.run(['quarantine'], 'readonly', (tx) => tx.count('quarantine'));
	}

	/**
	 * The records of the learner's own decks, unchecked: storage/decks.ts checks them. One read,
	 * as cheap as a count when there are none (most learners).
	 */
	async deckRecords(): Promise<Array<[string, unknown]>> {
		return this.kv.run(['decks'], 'readonly', (tx) => tx.entries('decks'));
	}

	/** Save a mock test's attempt (each change, so a reload resumes it). */
	async saveAttempt(a: AttemptRecord): Promise<void> {
		await this.kv.run(['attempts'], 'readwrite', async (tx) => putAttempt(tx, a));
	}

	/** Every valid attempt, oldest first; damaged ones are moved aside. */
	async attempts(): Promise<AttemptRecord[]> {
		const rows = await this.kv.run(['attempts'], 'readonly', (tx) => tx.entries('attempts'));
		const { readAttempt } = await import('./attempts');
		const { good, bad } = sortRows(rows, readAttempt);
		if (bad.length)
			await this.kv.run(['attempts', 'quarantine'], 'readwrite', (tx) =>
				setAside(tx, 'attempts', bad)
			);
		return good
			.map(([, a]) => a)
			.sort((a, b) => (a.startedAt < b.startedAt ? -1 : a.startedAt > b.startedAt ? 1 : 0));
	}

	/** Forget all progress (states, log and test attempts); settings stay. */
	async resetProgress(): Promise<void> {
		await this.kv.run(['states', 'log', 'attempts'], 'readwrite', async (tx) => {
			tx.clear('states');
			clearLog(tx);
			tx.clear('attempts');
		});
	}

	/**
	 * Which of these log entries (by time and id, the log's key) are in the log already: an
	 * answer whose events are there was committed before (a test's results fed twice).
	 */
	async logged(entries: ReadonlyArray<{ at: Date; id: string }>): Promise<Set<string>> {
		const found = await this.kv.run(['log'], 'readonly', (tx) => storedKeys(tx, entries));
		return new Set(entries.filter((e) => found.has(logKey(e))).map((e) => e.id));
	}
}

/**
 * The scheduler (ts-fsrs), loaded only when a fact must be rebuilt from the log: the pages
 * that only read progress (the deck list) do not download it.
 */
const loadScheduler = () => import('../srs/memory');

const keyOf = (s: MemoryState) => memoryKey(s.deck, s.fact);

const readState = (raw: unknown) => readRecord('state', raw);
