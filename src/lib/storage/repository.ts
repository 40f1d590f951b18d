/**
 * The learner's progress in the browser: fact states, the append-only review log, settings.
 *
 * - A key per record: two tabs never overwrite each other's work, and a write that finds a
 *   record changed since it was read refuses (StaleRecordError) instead of overwriting it.
 * - An answer is durable before the next question shows: the new states and their log entries
 *   are written in one transaction.
 * - Records are validated when read; a bad one is moved aside to the quarantine store (never
 *   dropped) and its fact rebuilt from the log, which is the source of truth.
 */
import { State } from '../srs/fsrs-enums';
import * as z from 'zod/mini';
import { hashText, memoryKey } from '../srs/keys';
import type { MemoryEvent, MemoryState } from '../srs/memory';
import { defaultSettings, type ScheduleParams, type SchedulingSettings } from '../srs/settings';
import type { AttemptRecord } from './attempts';
import { deviceTimeZone } from './device-zone';
import { StaleRecordError, StorageError } from './errors';
import {
	indexedDbKv,
	memoryKv,
	notifyingWrites,
	openIndexedDb,
	revOf,
	STATES_REV,
	toStorageError,
	type Kv,
	type KvTx,
	type StoreName
} from './kv';
import {
	eventFromRecord,
	eventToRecord,
	logKey,
	paramsKey,
	paramsToRecord,
	readRecord,
	type ParamsById,
	SCHEMA_VERSION,
	settingsToRecord,
	SnapshotRecordSchema,
	stateFromRecord,
	stateFromRow,
	stateToRecord,
	stateToRow,
	type SnapshotRecord,
	type StateRow
} from './records';

export interface OpenOptions {
	/** Called after each committed read-write transaction, with its stores. */
	onWrite?: (stores: readonly StoreName[]) => void;
}

export interface StorageStatus {
	backend: 'indexeddb' | 'memory';
	/** Why progress is only kept in memory, when it is. */
	problem?: string;
}

/** A record that failed validation, kept aside with the reason. */
export interface QuarantinedRecord {
	store: StoreName;
	key: string;
	error: string;
	record: unknown;
	at: string;
}

/** A fact state to write, with the revision (`lastEvent`) it was computed from. */
export interface StateChange {
	expected: string | null;
	next: MemoryState;
}

/** To undo an answer: the state to restore, expected to still be at the undone answer's revision. */
export interface StateRestore {
	key: string;
	expected: string | null;
	previous: MemoryState | null;
}

const STATE_STORES: StoreName[] = ['states', 'log', 'quarantine'];
/** The states' snapshot's key in the meta store (see SnapshotRecordSchema). */
export const SNAPSHOT = 'states-snapshot';

export class Repository {
	readonly kv: Kv;
	readonly status: StorageStatus;
	/** Ms from the last change of the states to writing their snapshot (answers come in runs). */
	snapshotDelay = 3000;
	/**
	 * The fact states' records as this repository last read or wrote them, at the states'
	 * revision they are at; null when another writer (a tab, an import) may have changed them.
	 */
	#mirror: { rev: number; rows: Map<string, StateRow> } | null = null;
	/** The revision of the stored snapshot, as far as this repository knows. */
	#snapshotRev = -1;
	#snapshotTimer: ReturnType<typeof setTimeout> | undefined;
	/**
	 * When this database was created (its meta record): a database that is newer than the one a
	 * page saw before was emptied in between, which is how the UI notices an eviction.
	 */
	createdAt = '';

	constructor(kv: Kv, status: StorageStatus = { backend: kv.backend }) {
		this.kv = kv;
		this.status = status;
	}

	/**
	 * Open IndexedDB; when it is unavailable (blocked, private mode, an old browser), keep
	 * working in memory and say why, so the UI can warn that progress will not be saved.
	 */
	static async open(dbName?: string, options: OpenOptions = {}): Promise<Repository> {
		const watched = (kv: Kv) => (options.onWrite ? notifyingWrites(kv, options.onWrite) : kv);
		try {
			const db = await openIndexedDb(dbName);
			const repo = new Repository(watched(indexedDbKv(db)));
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
		const fromSnapshot = await this.kv.run(['meta'], 'readonly', async (tx) => {
			if (fromRecords) return null;
			const [rev, snapshot] = await Promise.all([
				tx.get('meta', STATES_REV),
				tx.get('meta', SNAPSHOT)
			]);
			return snapshotRecords(snapshot, revOf(rev));
		});
		const decoded = fromSnapshot && decodeRows(fromSnapshot.rows);
		if (fromSnapshot && decoded) {
			this.#mirror = { rev: fromSnapshot.rev, rows: decoded.rows };
			this.#snapshotRev = fromSnapshot.rev;
			return decoded.states;
		}
		// One getAll, without the keys: a state is stored under memoryKey(deck, fact), so the
		// records name their keys. A damaged record cannot, and then the keys are read too.
		const [rev, values] = await this.kv.run(['states', 'meta'], 'readonly', (tx) =>
			Promise.all([tx.get('meta', STATES_REV).then(revOf), tx.values('states')])
		);
		const states = new Map<string, MemoryState>();
		const rows = new Map<string, StateRow>();
		const migrated: Array<[string, unknown]> = [];
		for (const raw of values) {
			const read = readRecord('state', raw);
			if (!read.ok) {
				this.#mirror = null;
				return this.loadStatesByKey();
			}
			const key = memoryKey(read.value.deck, read.value.fact);
			const state = stateFromRecord(read.value);
			states.set(key, state);
			rows.set(key, stateToRow(state));
			if (read.migrated) migrated.push([key, read.value]);
		}
		if (migrated.length) {
			// Rewritten in the current layout; the snapshot waits for the next read.
			this.#mirror = null;
			await this.kv.run(['states'], 'readwrite', async (tx) => {
				for (const [k, r] of migrated) tx.put('states', k, r);
			});
		} else {
			this.#mirror = { rev, rows };
			this.#scheduleSnapshot();
		}
		return states;
	}

	/**
	 * Write the snapshot of the states as this repository knows them, if they are still the
	 * stored ones (no other tab or import has changed them since). A cache: a failure is
	 * ignored. Called a moment after the states change, and when the page is hidden.
	 */
	async saveSnapshot(): Promise<boolean> {
		clearTimeout(this.#snapshotTimer);
		const mirror = this.#mirror;
		if (!mirror || mirror.rev === this.#snapshotRev) return false;
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
			const saved = await this.kv.run(['meta'], 'readwrite', async (tx) => {
				if (revOf(await tx.get('meta', STATES_REV)) !== snapshot.rev) return false;
				tx.put('meta', SNAPSHOT, snapshot);
				return true;
			});
			if (saved) this.#snapshotRev = snapshot.rev;
			return saved;
		} catch {
			return false;
		}
	}

	#scheduleSnapshot(delay = this.snapshotDelay) {
		clearTimeout(this.#snapshotTimer);
		if (this.#mirror && this.#mirror.rev !== this.#snapshotRev)
			this.#snapshotTimer = setTimeout(() => void this.saveSnapshot(), delay);
	}

	/**
	 * After this repository's own write of the states at revision `rev` (read in its
	 * transaction, which then became rev + 1): the mirror follows if it was at `rev`, else some
	 * other writer came between and the mirror is dropped.
	 */
	#advanceMirror(rev: number, change: (rows: Map<string, StateRow>) => void) {
		if (this.#mirror?.rev !== rev) {
			this.#mirror = null;
			return;
		}
		change(this.#mirror.rows);
		this.#mirror.rev = rev + 1;
		this.#scheduleSnapshot();
	}

	/** loadStates, reading each record with its key, for a store that holds a damaged record. */
	private async loadStatesByKey(): Promise<Map<string, MemoryState>> {
		const { good, bad, migrated } = await this.kv.run(['states'], 'readonly', async (tx) =>
			sortRecords('states', await tx.entries('states'))
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
	private async quarantineStates(
		bad: Array<[string, unknown, string]>
	): Promise<Map<string, MemoryState>> {
		const { events } = await this.readLog();
		const keys = new Set(bad.map(([k]) => k));
		const { replay } = await loadScheduler();
		const rebuilt = replay(events.filter((e) => keys.has(memoryKey(e.deck, e.fact))));
		await this.kv.run(STATE_STORES, 'readwrite', async (tx) => {
			for (const [key, record, error] of bad) {
				// Another tab may have handled it already: only act on what is still there.
				if ((await tx.get('states', key)) === undefined) continue;
				putQuarantine(tx, 'states', key, record, error);
				const s = rebuilt.get(key);
				if (s) tx.put('states', key, stateToRecord(s));
				else tx.delete('states', key);
			}
		});
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
	 * nothing at all is written and StaleRecordError says which fact changed.
	 */
	async commit(changes: readonly StateChange[], events: readonly MemoryEvent[]): Promise<void> {
		const records = changes.map((c) => [keyOf(c.next), stateToRecord(c.next)] as const);
		const rev = await this.kv.run(
			['states', 'log', 'settings', 'meta'],
			'readwrite',
			async (tx) => {
				const [rev, ...current] = await Promise.all([
					tx.get('meta', STATES_REV),
					...records.map(([key]) => tx.get('states', key))
				]);
				changes.forEach((c, i) => {
					const stored = current[i] as { lastEvent?: unknown } | undefined;
					if ((stored?.lastEvent ?? null) !== c.expected) throw new StaleRecordError(keyOf(c.next));
				});
				for (const [key, record] of records) tx.put('states', key, record);
				for (const e of events) {
					const record = eventToRecord(e);
					if (e.kind === 'review' && record.kind === 'review')
						tx.put('settings', paramsKey(record.paramsId), paramsToRecord(e.params));
					tx.add('log', logKey(e), record);
				}
				return revOf(rev);
			}
		);
		this.#advanceMirror(rev, (m) => {
			for (const c of changes) m.set(keyOf(c.next), stateToRow(c.next));
		});
	}

	/** Undo answers: restore the previous states and remove their log entries, all or nothing. */
	async undo(restores: readonly StateRestore[], events: readonly MemoryEvent[]): Promise<void> {
		const records = restores.map((r) => [r.key, r.previous && stateToRecord(r.previous)] as const);
		const rev = await this.kv.run(['states', 'log', 'meta'], 'readwrite', async (tx) => {
			const [rev, ...current] = await Promise.all([
				tx.get('meta', STATES_REV),
				...restores.map((r) => tx.get('states', r.key))
			]);
			restores.forEach((r, i) => {
				const stored = current[i] as { lastEvent?: unknown } | undefined;
				if ((stored?.lastEvent ?? null) !== r.expected) throw new StaleRecordError(r.key);
			});
			for (const [key, record] of records) {
				if (record) tx.put('states', key, record);
				else tx.delete('states', key);
			}
			for (const e of events) tx.delete('log', logKey(e));
			return revOf(rev);
		});
		this.#advanceMirror(rev, (m) => {
			for (const r of restores) {
				if (r.previous) m.set(r.key, stateToRow(r.previous));
				else m.delete(r.key);
			}
		});
	}

	/** New facts introduced and reviews done since `dayStart` (for the daily limits). */
	async todayCounts(dayStart: Date): Promise<{ newToday: number; reviewsToday: number }> {
		const rows = await this.kv.run(['log'], 'readonly', (tx) =>
			tx.entries('log', dayStart.toISOString())
		);
		let newToday = 0;
		let reviewsToday = 0;
		for (const [, raw] of rows) {
			const r = raw as { kind?: unknown; stateBefore?: unknown; source?: unknown };
			if (r.kind !== 'review') continue;
			if (r.stateBefore === State.New) newToday++;
			else if (r.stateBefore === State.Review && r.source === 'review') reviewsToday++;
		}
		return { newToday, reviewsToday };
	}

	/** Every stored set of scheduling parameters, by id (bad ones are skipped: their entries go aside). */
	async loadParams(): Promise<Map<string, ScheduleParams>> {
		const rows = await this.kv.run(['settings'], 'readonly', (tx) =>
			tx.entries('settings', 'params:')
		);
		const out = new Map<string, ScheduleParams>();
		for (const [key, raw] of rows) {
			if (!key.startsWith('params:')) continue;
			const read = readRecord('params', raw);
			if (read.ok) out.set(key.slice('params:'.length), read.value.params);
		}
		return out;
	}

	/** When each logged event happened, oldest first (from the log's keys alone: cheap). */
	async logTimes(): Promise<Date[]> {
		const keys = await this.kv.run(['log'], 'readonly', (tx) => tx.keys('log'));
		return keys.map((k) => new Date(k.slice(0, k.indexOf(' '))));
	}

	/** The whole log in key (time) order; bad entries are moved aside and reported in `bad`. */
	async readLog(): Promise<{ events: MemoryEvent[]; bad: number }> {
		const params = await this.loadParams();
		const { good, bad, migrated } = await this.kv.run(['log'], 'readonly', async (tx) =>
			sortRecords('log', await tx.entries('log'))
		);
		const events: MemoryEvent[] = [];
		for (const [key, record] of good) {
			const event = toEvent(record, params);
			if (typeof event === 'string') bad.push([key, record, event]);
			else events.push(event);
		}
		if (bad.length || migrated.length)
			await this.kv.run(['log', 'quarantine'], 'readwrite', async (tx) => {
				for (const [key, record, error] of bad) {
					if ((await tx.get('log', key)) === undefined) continue;
					putQuarantine(tx, 'log', key, record, error);
					tx.delete('log', key);
				}
				for (const [key, r] of migrated) tx.put('log', key, r);
			});
		return { events, bad: bad.length };
	}

	/** The states the log alone gives: what a backup merge or another device would compute. */
	async rebuildFromLog(): Promise<Map<string, MemoryState>> {
		const { replay } = await loadScheduler();
		return replay((await this.readLog()).events);
	}

	async loadSettings(): Promise<SchedulingSettings> {
		// Asked even when settings are stored: it also tells srs/day.ts the device's zone.
		const zone = deviceTimeZone();
		const raw = await this.kv.run(['settings'], 'readonly', (tx) =>
			tx.get('settings', 'scheduling')
		);
		if (raw === undefined) return defaultSettings(zone);
		const read = readRecord('settings', raw);
		if (read.ok) return read.value.settings;
		await this.kv.run(['settings', 'quarantine'], 'readwrite', async (tx) => {
			putQuarantine(tx, 'settings', 'scheduling', raw, read.error);
			tx.delete('settings', 'scheduling');
		});
		return defaultSettings(zone);
	}

	async saveSettings(settings: SchedulingSettings): Promise<void> {
		await this.kv.run(['settings'], 'readwrite', async (tx) =>
			tx.put('settings', 'scheduling', settingsToRecord(settings))
		);
	}

	/** Records kept aside because they failed validation, for the UI to report. */
	async quarantined(): Promise<QuarantinedRecord[]> {
		const rows = await this.kv.run(['quarantine'], 'readonly', (tx) => tx.entries('quarantine'));
		return rows.map(([, v]) => v as QuarantinedRecord);
	}

	async counts(): Promise<{ states: number; log: number; quarantined: number }> {
		return this.kv.run(['states', 'log', 'quarantine'], 'readonly', async (tx) => {
			const [states, log, quarantined] = await Promise.all([
				tx.count('states'),
				tx.count('log'),
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
		await this.kv.run(['attempts'], 'readwrite', async (tx) => tx.put('attempts', a.id, a));
	}

	/** Every valid attempt, oldest first; damaged ones are moved aside. */
	async attempts(): Promise<AttemptRecord[]> {
		const rows = await this.kv.run(['attempts'], 'readonly', (tx) => tx.entries('attempts'));
		const { readAttempt } = await import('./attempts');
		const good: AttemptRecord[] = [];
		const bad: Array<[string, unknown, string]> = [];
		for (const [key, raw] of rows) {
			const read = readAttempt(raw);
			if (read.ok) good.push(read.value);
			else bad.push([key, raw, read.error]);
		}
		if (bad.length)
			await this.kv.run(['attempts', 'quarantine'], 'readwrite', async (tx) => {
				for (const [key, raw, error] of bad) {
					putQuarantine(tx, 'attempts', key, raw, error);
					tx.delete('attempts', key);
				}
			});
		return good.sort((a, b) =>
			a.startedAt < b.startedAt ? -1 : a.startedAt > b.startedAt ? 1 : 0
		);
	}

	/** Forget all progress (states, log and test attempts); settings stay. */
	async resetProgress(): Promise<void> {
		await this.kv.run(['states', 'log', 'attempts'], 'readwrite', async (tx) => {
			tx.clear('states');
			tx.clear('log');
			tx.clear('attempts');
		});
	}

	/**
	 * Which of these log entries (by time and id, the log's key) are in the log already: an
	 * answer whose events are there was committed before (a test's results fed twice).
	 */
	async logged(entries: ReadonlyArray<{ at: Date; id: string }>): Promise<Set<string>> {
		const found = await this.kv.run(['log'], 'readonly', (tx) =>
			Promise.all(entries.map((e) => tx.get('log', logKey(e))))
		);
		return new Set(entries.filter((_, i) => found[i] !== undefined).map((e) => e.id));
	}
}

/**
 * The scheduler (ts-fsrs), loaded only when a fact must be rebuilt from the log: the pages
 * that only read progress (the deck list) do not download it.
 */
const loadScheduler = () => import('../srs/memory');

const keyOf = (s: MemoryState) => memoryKey(s.deck, s.fact);

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
 * The records of a stored snapshot, if it is one, is at revision `rev` (current) and its text
 * still has its hash (unchanged since it was written from checked records); else null.
 */
function snapshotRecords(raw: unknown, rev: number): { rev: number; rows: StateRow[] } | null {
	const parsed = z.safeParse(SnapshotRecordSchema, raw);
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

/** The event of a valid log record, or the reason it cannot be replayed. */
function toEvent(
	record: Parameters<typeof eventFromRecord>[0],
	params: ParamsById
): MemoryEvent | string {
	try {
		return eventFromRecord(record, params);
	} catch (e) {
		return (e as Error).message;
	}
}

export function putQuarantine(
	tx: KvTx,
	store: StoreName,
	key: string,
	record: unknown,
	error: string
) {
	const at = new Date().toISOString();
	const entry: QuarantinedRecord = { store, key, error, record, at };
	tx.put('quarantine', `${store}:${key}:${at}`, entry);
}

type Sorted<K extends 'states' | 'log'> = {
	good: Array<
		[
			string,
			K extends 'states' ? ReturnType<typeof stateToRecord> : ReturnType<typeof eventToRecord>
		]
	>;
	bad: Array<[string, unknown, string]>;
	migrated: Array<[string, unknown]>;
};

/** Split raw rows into valid records (migrated where needed) and bad ones with their error. */
function sortRecords<K extends 'states' | 'log'>(
	store: K,
	rows: Array<[string, unknown]>
): Sorted<K> {
	const out = { good: [], bad: [], migrated: [] } as unknown as Sorted<K>;
	const kind = store === 'states' ? 'state' : 'log';
	for (const [key, raw] of rows) {
		const read = readRecord(kind, raw);
		if (!read.ok) out.bad.push([key, raw, read.error]);
		else {
			out.good.push([key, read.value] as Sorted<K>['good'][number]);
			if (read.migrated) out.migrated.push([key, read.value]);
		}
	}
	return out;
}
