/**
 * The storage's key-value layer: named stores, and transactions over several of them that
 * commit all or nothing. Two implementations share one repository: IndexedDB (through
 * idb-keyval's helpers, the only importer of idb-keyval) and memory (the fallback when
 * IndexedDB is unavailable, and the same semantics for tests).
 */
import { promisifyRequest } from 'idb-keyval';
import { StaleRecordError, StorageError } from './errors';
import { DB_NAME, DB_VERSION } from './early-open';
import { logToDays, timesFromDays } from './log-days';

export const STORES = [
	'states',
	'log',
	'settings',
	'meta',
	'quarantine',
	'decks',
	'attempts',
	'deck-summaries',
	'log-times',
	'drafts',
	'outbox',
	'builtin'
] as const;
export type StoreName = (typeof STORES)[number];

export interface KvTx {
	get(store: StoreName, key: string): Promise<unknown>;
	/** Every [key, value] of a store in key order, optionally from a key on. */
	entries(store: StoreName, from?: string): Promise<Array<[string, unknown]>>;
	/**
	 * Every value of a store in key order, optionally from a key on and at most `count` of them,
	 * without the keys (one request: the cheapest read).
	 */
	values(store: StoreName, from?: string, count?: number): Promise<unknown[]>;
	count(store: StoreName): Promise<number>;
	/** The keys of a store in order, optionally from a key on (cheaper than entries). */
	keys(store: StoreName, from?: string): Promise<string[]>;
	put(store: StoreName, key: string, value: unknown): void;
	/** Insert; the transaction fails if the key exists (the log is append-only). */
	add(store: StoreName, key: string, value: unknown): void;
	delete(store: StoreName, key: string): void;
	clear(store: StoreName): void;
}

export interface Kv {
	readonly backend: 'indexeddb' | 'memory';
	/**
	 * Run `body` in one transaction. If it throws, nothing is written and the error is rethrown.
	 * In IndexedDB, `body` must await only this transaction's requests (or it auto-commits).
	 */
	run<T>(
		stores: readonly StoreName[],
		mode: IDBTransactionMode,
		body: (tx: KvTx) => Promise<T>,
		options?: RunOptions
	): Promise<T>;
	close(): void;
}

export interface RunOptions {
	/**
	 * The states' revision (STATES_REV) the body's writes were prepared at: its bump is written
	 * with the body's first requests instead of after reading it (no round trip waits on it),
	 * and if the stored revision is another, the transaction is aborted, nothing of it written,
	 * and StaleRecordError(STATES_REV) thrown (after any error of the body's own).
	 */
	rev?: number;
	/**
	 * Commit as soon as the body has returned (and the revision is checked), instead of once the
	 * answers to every write have come back to the page: the writes still all land, or none.
	 * Only for a body that makes no request after it returns.
	 */
	commitEarly?: boolean;
}

/**
 * The fact states' and the log's revision, in the meta store: every read-write transaction over
 * `states` or `log` adds one to it in the same transaction (here, so that no writer can forget).
 * A copy made at revision r (the states' snapshot, see snapshot.ts; the repository's copy of the
 * log's day) is current exactly while it is still r.
 */
export const STATES_REV = 'states-rev';

/** The revision stored under STATES_REV (0 before the first write). */
export const revOf = (raw: unknown): number =>
	typeof raw === 'number' && Number.isSafeInteger(raw) && raw >= 0 ? raw : 0;

const bumpsRev = (stores: readonly StoreName[], mode: IDBTransactionMode) =>
	mode === 'readwrite' && (stores.includes('states') || stores.includes('log'));

/** The stores whose records sync across devices (see sync-outbox.ts). */
const SYNCED: readonly StoreName[] = ['log', 'decks', 'drafts', 'settings', 'attempts'];

/**
 * A transaction's stores, with `meta` added when it may write the states (for STATES_REV),
 * `log-times` whenever it has the log (the days' times are written with their day: log-days.ts),
 * and `outbox` when it may write a store that syncs (a change is marked to send in the
 * transaction that makes it: sync-outbox.ts).
 */
function scopeOf(stores: readonly StoreName[], mode: IDBTransactionMode): StoreName[] {
	const scope = [...stores];
	if (bumpsRev(stores, mode) && !scope.includes('meta')) scope.push('meta');
	if (scope.includes('log') && !scope.includes('log-times')) scope.push('log-times');
	if (mode === 'readwrite' && !scope.includes('outbox') && scope.some((s) => SYNCED.includes(s)))
		scope.push('outbox');
	return scope;
}

// The database's name and version (its history beside it) live in early-open.ts, where
// app.html's inline script reads them too.
export { DB_NAME, DB_VERSION };

/**
 * The upgrade, one step per old version, in order: each step brings the database from the
 * version before it up. Creating the stores of STORES that are missing covers every step so
 * far; a step that must convert data is added here as `if (oldVersion < n) …`.
 */
function upgrade(db: IDBDatabase, oldVersion: number, tx: IDBTransaction | null): void {
	for (const store of STORES) if (!db.objectStoreNames.contains(store)) db.createObjectStore(store);
	// 5: the log's per-entry records become one record per UTC day.
	if (oldVersion > 0 && oldVersion < 5 && tx) logToDays(tx);
	// 6: each day's entry times, beside the day (after step 5, whose writes queue before it).
	else if (oldVersion === 5 && tx) timesFromDays(tx);
}

/**
 * Open (and create or upgrade) the app's database. `onBlocked` is called when the opening
 * waits on another tab that holds an older version open (an app from before the upgrade, which
 * does not let go): the page must say so, as the opening resumes only once that tab closes.
 */
export function openIndexedDb(name = DB_NAME, onBlocked?: () => void): Promise<IDBDatabase> {
	if (typeof indexedDB === 'undefined')
		return Promise.reject(new StorageError('IndexedDB is not available in this browser'));
	const request = indexedDB.open(name, DB_VERSION);
	request.onupgradeneeded = (event) =>
		upgrade(request.result, event.oldVersion, request.transaction);
	request.onblocked = () => onBlocked?.();
	return promisifyRequest(request).then((db) => {
		// A newer version of the app opened in another tab: let it upgrade.
		db.onversionchange = () => db.close();
		return db;
	});
}

export function indexedDbKv(db: IDBDatabase): Kv {
	return {
		backend: 'indexeddb',
		async run<T>(
			stores: readonly StoreName[],
			mode: IDBTransactionMode,
			body: (tx: KvTx) => Promise<T>,
			options: RunOptions = {}
		): Promise<T> {
			const tx = db.transaction(scopeOf(stores, mode), mode);
			const done = promisifyRequest(tx as unknown as IDBRequest);
			// Handled here as well as awaited below: a transaction that aborts while the body (or
			// the revision's bump) is still settling must not count as an unhandled rejection.
			done.catch(() => {});
			const os = (s: StoreName) => tx.objectStore(s);
			const api: KvTx = {
				get: (s, key) => promisifyRequest(os(s).get(key)),
				async entries(s, from) {
					const range = from === undefined ? undefined : IDBKeyRange.lowerBound(from);
					const [keys, values] = await Promise.all([
						promisifyRequest(os(s).getAllKeys(range)),
						promisifyRequest(os(s).getAll(range))
					]);
					return keys.map((k, i) => [String(k), values[i]]);
				},
				values: (s, from, count) =>
					promisifyRequest(
						os(s).getAll(from === undefined ? undefined : IDBKeyRange.lowerBound(from), count)
					),
				count: (s) => promisifyRequest(os(s).count()),
				keys: async (s, from) =>
					(
						await promisifyRequest(
							os(s).getAllKeys(from === undefined ? undefined : IDBKeyRange.lowerBound(from))
						)
					).map(String),
				put: (s, key, value) => void os(s).put(value, key),
				add: (s, key, value) => void os(s).add(value, key),
				delete: (s, key) => void os(s).delete(key),
				clear: (s) => void os(s).clear()
			};
			// The revision to bump, read first: its answer comes with the body's first reads, not
			// in a round trip of its own after them.
			const rev = bumpsRev(stores, mode) ? api.get('meta', STATES_REV) : null;
			rev?.catch(() => {});
			const expected = rev ? options.rev : undefined;
			if (expected !== undefined) api.put('meta', STATES_REV, expected + 1);
			let result: T;
			try {
				result = await body(api);
				if (expected !== undefined && revOf(await rev) !== expected)
					throw new StaleRecordError(STATES_REV);
			} catch (e) {
				try {
					tx.abort();
				} catch {
					// Already finished or aborted: the error below is the one that matters.
				}
				// A write that failed while the body waited on a later request (a restore's step,
				// see progress.ts) aborted the transaction: the body saw only "aborted"; the
				// transaction's error says why.
				if ((e as DOMException | null)?.name === 'AbortError' && tx.error)
					throw toStorageError(tx.error);
				throw e;
			}
			try {
				if (rev && expected === undefined) api.put('meta', STATES_REV, revOf(await rev) + 1);
				if (options.commitEarly) tx.commit();
				await done;
			} catch (e) {
				// A write of the body's that failed (a duplicate key) aborts the transaction: its
				// error says why, better than the aborted request's.
				throw toStorageError(tx.error ?? e);
			}
			return result;
		},
		close: () => db.close()
	};
}

/**
 * The same store, calling `onWrite` with a transaction's stores after each read-write
 * transaction that committed (for caches kept outside the database, such as whether /study may
 * show its prerendered first question).
 */
export function notifyingWrites(kv: Kv, onWrite: (stores: readonly StoreName[]) => void): Kv {
	return {
		backend: kv.backend,
		async run(stores, mode, body, options) {
			const result = await kv.run(stores, mode, body, options);
			if (mode === 'readwrite') onWrite(stores);
			return result;
		},
		close: () => kv.close()
	};
}

/** Explain an IndexedDB failure in words a learner can act on. */
export function toStorageError(e: unknown): StorageError {
	if (e instanceof StorageError) return e;
	const name = (e as DOMException | null)?.name ?? '';
	if (name === 'QuotaExceededError')
		return new StorageError('The browser refused to store more: storage is full', { cause: e });
	if (name === 'ConstraintError')
		return new StorageError('A record with this key already exists', { cause: e });
	return new StorageError(`The browser's storage failed: ${String((e as Error)?.message ?? e)}`, {
		cause: e
	});
}

/**
 * In-memory stores with the same all-or-nothing transactions (copy on write; transactions run
 * one at a time). Used when IndexedDB is unavailable, so that the app keeps working.
 */
export function memoryKv(): Kv {
	const data = new Map<StoreName, Map<string, unknown>>(STORES.map((s) => [s, new Map()]));
	let queue: Promise<unknown> = Promise.resolve();
	const clone = <V>(v: V): V => (v === undefined ? v : structuredClone(v));
	return {
		backend: 'memory',
		run<T>(
			stores: readonly StoreName[],
			mode: IDBTransactionMode,
			body: (tx: KvTx) => Promise<T>,
			options: RunOptions = {}
		): Promise<T> {
			const scope = scopeOf(stores, mode);
			const job = queue.then(async () => {
				const work = new Map<StoreName, Map<string, unknown>>();
				const store = (s: StoreName) => {
					if (!scope.includes(s)) throw new StorageError(`store "${s}" is not in this transaction`);
					let m = work.get(s);
					if (!m) work.set(s, (m = new Map(data.get(s))));
					return m;
				};
				const write = (s: StoreName) => {
					if (mode !== 'readwrite') throw new StorageError('write in a read-only transaction');
					return store(s);
				};
				const api: KvTx = {
					get: async (s, key) => clone(store(s).get(key)),
					entries: async (s, from) =>
						[...store(s).entries()]
							.filter(([k]) => from === undefined || k >= from)
							.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
							.map(([k, v]) => [k, clone(v)] as [string, unknown]),
					values: async (s, from, count) =>
						[...store(s).entries()]
							.filter(([k]) => from === undefined || k >= from)
							.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
							.slice(0, count)
							.map(([, v]) => clone(v)),
					count: async (s) => store(s).size,
					keys: async (s, from) =>
						[...store(s).keys()].filter((k) => from === undefined || k >= from).sort(),
					put: (s, key, value) => void write(s).set(key, clone(value)),
					add: (s, key, value) => {
						const m = write(s);
						if (m.has(key)) throw new StorageError(`A record with key "${key}" already exists`);
						m.set(key, clone(value));
					},
					delete: (s, key) => void write(s).delete(key),
					clear: (s) => void write(s).clear()
				};
				const result = await body(api);
				if (bumpsRev(stores, mode)) {
					const rev = revOf(data.get('meta')?.get(STATES_REV));
					if (options.rev !== undefined && rev !== options.rev)
						throw new StaleRecordError(STATES_REV);
					api.put('meta', STATES_REV, rev + 1);
				}
				if (mode === 'readwrite') for (const [s, m] of work) data.set(s, m);
				return result;
			});
			queue = job.catch(() => {});
			return job;
		},
		close() {}
	};
}

type Expected = ReadonlyArray<readonly [key: string, lastEvent: string | null]>;

/**
 * In a write of the states: refuse it (StaleRecordError) unless each fact's stored state is at
 * the revision (`lastEvent`) expected, and return the states' revision it started from.
 */
export async function unchanged(tx: KvTx, expected: Expected): Promise<number> {
	const [rev] = await Promise.all([tx.get('meta', STATES_REV), statesAt(tx, expected)]);
	return revOf(rev);
}

/** unchanged, without reading the revision (a write given it: RunOptions.rev). */
export async function statesAt(tx: KvTx, expected: Expected): Promise<void> {
	const current = await Promise.all(expected.map(([key]) => tx.get('states', key)));
	expected.forEach(([key, lastEvent], i) => {
		const stored = current[i] as { lastEvent?: unknown } | undefined;
		if ((stored?.lastEvent ?? null) !== lastEvent) throw new StaleRecordError(key);
	});
}
