/**
 * The database opened, and the first reads of /study made, by app.html's inline script, before
 * any module has loaded (session/early-script.ts writes that script from the names here): a
 * returning learner's page then finds its connection open and its first reads answered, instead
 * of opening and reading once the framework has booted (docs/ARCHITECTURE.md, "Storage").
 *
 * The script never creates or upgrades the database: when it would have to (no database yet, or
 * an older version), it aborts the upgrade and leaves the opening to the app (kv.ts), as it does
 * when the opening is blocked or fails. What it read is raw: the repository checks each record
 * as it reads it, as it does from storage. This module imports no code (the inline script's
 * generator is loaded by svelte.config.js), only types.
 */
import type { Kv, KvTx, StoreName } from './kv';

export const DB_NAME = 'current-affairs-recall';
/**
 * 1: states, log, settings, meta, quarantine, decks; 2: + attempts (mock tests); 3: no new
 * store, but the states' revision (STATES_REV) and snapshot, and decks stored as text. An app
 * of version 2 would write the states without the revision (a snapshot would hide its answers)
 * and would set decks stored as text aside as damaged: opening version 3 closes its
 * connections (`onversionchange`), and it can no longer open the database. 4: + deck-summaries,
 * derived from the decks (see deck-summaries.ts); no data moves: a deck without its summary gets
 * one when first listed. 5: the log holds one record per day (log-days.ts), converted from one
 * per entry by the upgrade. 6: + log-times, each day's entry times (what the streak reads),
 * built from the days by the upgrade. 7: + drafts, the decks being written in the app
 * (drafts.ts); no data moves. 8: + outbox, the changes still to send to the sync server
 * (sync-outbox.ts); no data moves: signing in marks everything to send. 9: + builtin, this
 * build's copy of the built-in decks (builtin-copy.ts), which /study reads instead of fetching
 * /decks.json; no data moves.
 */
export const DB_VERSION = 9;

/** The global where the inline script leaves its opening (an EarlyOpening). */
export const EARLY_OPEN = 'recallEarlyOpen';

/** The inline script's opening, as it leaves it. */
export interface EarlyOpening {
	/** The connection and what was read; null when it gave up (the app opens as usual). */
	result: Promise<EarlyOpen | null>;
	/** Waiting on another tab that holds an older version open (then it gives up, once let go). */
	blocked: boolean;
	/** Called when it becomes blocked. */
	onblocked: (() => void) | null;
}

/**
 * What the script reads, in one read-only transaction: each store whole, or its keys only, or
 * (the log) its records from the UTC day `LOG_DAYS_BACK` days before now on, which covers the
 * study day whatever the time zone and the hour it starts (the day's counts read from its day).
 */
export const EARLY_READS = {
	meta: 'all',
	settings: 'all',
	'deck-summaries': 'all',
	decks: 'keys',
	log: 'recent',
	builtin: 'all'
} as const satisfies Partial<Record<StoreName, 'all' | 'keys' | 'recent'>>;
export const LOG_DAYS_BACK = 2;

/** One store as read: its keys in order, and their values unless only the keys were read. */
export interface EarlyStore {
	/** The least key read (the log: from a day on); absent: from the first. */
	from?: string;
	keys: string[];
	values?: unknown[];
}

export interface EarlyOpen {
	db: IDBDatabase;
	/** Null when the reads failed (the connection is still good). */
	stores: Partial<Record<StoreName, EarlyStore>> | null;
}

/**
 * The script's opening, once (a later page of the same load opens as usual); `onBlocked` is
 * told when it waits on another tab (the app's own opening would wait behind it, untold).
 */
export async function takeEarlyOpen(onBlocked?: () => void): Promise<EarlyOpen | null> {
	const g = globalThis as Record<string, unknown>;
	const early = g[EARLY_OPEN] as EarlyOpening | undefined;
	if (!early) return null;
	delete g[EARLY_OPEN];
	if (early.blocked) onBlocked?.();
	else early.onblocked = onBlocked ?? null;
	return early.result;
}

/**
 * `kv`, with read-only transactions answered from what the script read where it read it: each
 * request at most once (asked again, it is read from storage: a later read wants what is stored
 * then), and none after this page's first write. A transaction whose body asks anything else is
 * run again against storage, whole.
 */
export function prefetchedKv(kv: Kv, stores: Partial<Record<StoreName, EarlyStore>>): Kv {
	let read: Partial<Record<StoreName, EarlyStore>> | null = stores;
	const served = new Set<string>();
	class Miss extends Error {}
	/** The rows of `store` from `from` on, if they were read (once per request). */
	const rows = (request: string, store: StoreName, from?: string, values = true) => {
		const s = read?.[store];
		const covered = s && (s.from === undefined || (from !== undefined && from >= s.from));
		if (!covered || (values && !s.values) || served.has(request)) throw new Miss();
		served.add(request);
		const first = from === undefined ? 0 : s.keys.findIndex((k) => k >= from);
		const start = first < 0 ? s.keys.length : first;
		return { keys: s.keys.slice(start), values: s.values?.slice(start) ?? [] };
	};
	/** A transaction's requests answered from what was read; `run.missed` once one was not. */
	const fromRead = (run: { missed: boolean }): KvTx => {
		const answer = <T>(f: () => T): Promise<T> => {
			try {
				return Promise.resolve(f());
			} catch (e) {
				run.missed = true;
				return Promise.reject(e);
			}
		};
		const miss = () => {
			run.missed = true;
			throw new Miss();
		};
		return {
			get: (s, key) =>
				answer(() => {
					const r = rows(`get ${s} ${key}`, s, read?.[s]?.from === undefined ? undefined : key);
					const i = r.keys.indexOf(key);
					return i < 0 ? undefined : r.values[i];
				}),
			entries: (s, from) =>
				answer(() => {
					const r = rows(`entries ${s} ${from}`, s, from);
					return r.keys.map((k, i): [string, unknown] => [k, r.values[i]]);
				}),
			values: (s, from) => answer(() => rows(`values ${s} ${from}`, s, from).values),
			keys: (s, from) => answer(() => rows(`keys ${s} ${from}`, s, from, false).keys),
			count: () => answer(miss),
			put: miss,
			add: miss,
			delete: miss,
			clear: miss
		};
	};
	return {
		backend: kv.backend,
		close: () => kv.close(),
		async run(names, mode, body, options) {
			if (mode === 'readwrite') read = null;
			if (read) {
				const answered = { missed: false };
				try {
					const result = await body(fromRead(answered));
					if (!answered.missed) return result;
				} catch (e) {
					if (!answered.missed) throw e;
				}
			}
			return kv.run(names, mode, body, options);
		}
	};
}
