/**
 * Merge what the sync server sent into this device's store, then rebuild the fact states its
 * log entries touch. The log merges as a union by id (an entry here already is skipped, never
 * stored twice); a deck, draft or attempt is the server's unless this device has a change of it
 * still to send (then this device's is sent over it); the settings are the later change's
 * (`updatedAt`), and a change from another device is reported. A document the server sent that
 * did not pass its check (sync/docs.ts) is set aside in the quarantine with why.
 */
import { memoryKey } from '../srs/keys';
import type { MemoryState } from '../srs/memory';
import { deleteDerived } from './deck-summaries';
import { putDeck } from './decks';
import { StaleRecordError } from './errors';
import type { KvTx, StoreName } from './kv';
import { appendEntries, countEntries, dayOf, rawKey, removeEntries, storedKeys } from './log-days';
import {
	logKey,
	paramsKey,
	paramsToRecord,
	readRecord,
	settingsToRecord,
	type LogRecord
} from './records';
import { canonical, checkAndRebuild, diffStates } from './rebuild';
import type { Repository } from './repository';
import { putQuarantine } from './set-aside';
import { SETTINGS_KEY, weightsInForce } from './settings';
import { ALL, docIds, markChanged, markedIds } from './sync-outbox';
import type { IncomingChange } from './sync-records';
import { putSettingsChanged, settingsChanged } from './sync-state';

/** A server document that failed its check: kept aside, with the field at fault. */
export interface RefusedDoc {
	id: string;
	raw: unknown;
	error: string;
}

export interface MergeResult {
	/** Log entries added and removed (undone on another device). */
	logAdded: number;
	logRemoved: number;
	/** Decks, drafts and attempts written or deleted. */
	records: number;
	/** The settings came from another device: which, and when it changed them. */
	settingsFrom: { device: string; at: string } | null;
	/** The facts whose states were rebuilt. */
	rebuilt: number;
	refused: number;
}

const STORES = [
	'log',
	'decks',
	'deck-summaries',
	'drafts',
	'attempts',
	'settings',
	'meta',
	'quarantine',
	'outbox'
] as const;

const storeOf = (id: string): StoreName =>
	id.startsWith('log:')
		? 'log'
		: id.startsWith('deck:')
			? 'decks'
			: id.startsWith('draft:')
				? 'drafts'
				: id.startsWith('attempt:')
					? 'attempts'
					: 'settings';

/** Merge a page of the server's documents; then rebuild the states of the facts it touched. */
export async function mergeIncoming(
	repo: Repository,
	changes: readonly IncomingChange[],
	refused: readonly RefusedDoc[] = []
): Promise<MergeResult> {
	const touched = new Set<string>();
	let weightsChanged = false;
	const result = await repo.kv.run(STORES, 'readwrite', async (tx) => {
		const marked = await markedIds(tx);
		const out: MergeResult = {
			logAdded: 0,
			logRemoved: 0,
			records: 0,
			settingsFrom: null,
			rebuilt: 0,
			refused: refused.length
		};
		for (const r of refused)
			putQuarantine(tx, storeOf(r.id), r.id, r.raw, `from the sync server: ${r.error}`);
		const added: LogRecord[] = [];
		const removed: Array<{ id: string; at: string; key: string }> = [];
		for (const c of changes) {
			if (marked.has(c.id)) continue; // This device's change goes over it.
			// Everything here is to be sent (just signed in): a deck, draft or attempt this device
			// holds is sent over the server's, as if marked.
			if (marked.has(ALL) && (await heldHere(tx, c.id))) continue;
			if (c.deleted) {
				if (c.id.startsWith('log:') && c.at)
					removed.push({ id: c.id.slice(4), at: c.at, key: `${c.at} ${c.id.slice(4)}` });
				else out.records += await deleteRecord(tx, c.id);
				continue;
			}
			const { body } = c;
			if (body.kind === 'log') {
				added.push(body.entry);
				if (body.params && body.entry.kind === 'review') {
					const key = paramsKey(body.entry.paramsId);
					// Stored under its content's id: one stored already is the same set.
					if ((await tx.get('settings', key)) === undefined)
						tx.put('settings', key, paramsToRecord(body.params));
				}
			} else if (body.kind === 'deck') {
				putDeck(tx, body.deck);
				out.records++;
			} else if (body.kind === 'draft') {
				tx.put('drafts', c.id.slice('draft:'.length), body.record);
				out.records++;
			} else if (body.kind === 'attempt') {
				tx.put('attempts', c.id.slice('attempt:'.length), body.record);
				out.records++;
			} else {
				const here = await settingsChanged(tx);
				if (here && here.updatedAt >= body.updatedAt) {
					// This device's are the later: make sure they are sent.
					markChanged(tx, docIds.settings);
					continue;
				}
				const before = readRecord('settings', await tx.get('settings', SETTINGS_KEY));
				const weightsBefore = (before.ok && before.value.settings.weights) || null;
				if (canonical(weightsBefore) !== canonical(body.settings.weights ?? null))
					weightsChanged = true;
				tx.put('settings', SETTINGS_KEY, settingsToRecord(body.settings));
				putSettingsChanged(tx, { updatedAt: body.updatedAt, device: body.device });
				out.settingsFrom = { device: body.device, at: body.updatedAt };
			}
		}
		// The union: entries stored already (by time and id) are skipped.
		const present = await storedKeys(tx, added);
		const fresh = [...new Map(added.map((e) => [logKey(e), e])).values()].filter(
			(e) => !present.has(logKey(e))
		);
		if (fresh.length) await appendEntries(tx, fresh);
		const gone = await factsOf(tx, removed);
		const toRemove = removed.filter((r) => gone.has(r.key));
		if (toRemove.length) await removeEntries(tx, toRemove);
		// Every incoming entry's fact, not only the new ones': a pull cut short after its merge
		// (before the replay, or before its sequence was saved) is read again, and then replayed.
		for (const e of added) touched.add(memoryKey(e.deck, e.fact));
		for (const key of gone.values()) touched.add(key);
		out.logAdded = fresh.length;
		out.logRemoved = toRemove.length;
		return out;
	});
	// Other FSRS weights from another device (a fit applied there): every state is their replay.
	if (weightsChanged) result.rebuilt = (await checkAndRebuild(repo)).changed.length;
	else if (touched.size) result.rebuilt = await rebuildFacts(repo, touched);
	return result;
}

/** The stored entries among these (by key), with the memory key of the fact each is about. */
async function factsOf(
	tx: KvTx,
	entries: ReadonlyArray<{ at: string; key: string }>
): Promise<Map<string, string>> {
	const keys = new Set(entries.map((e) => e.key));
	const out = new Map<string, string>();
	for (const day of new Set(entries.map((e) => dayOf(e.at)))) {
		const raw = (await tx.get('log', day)) as { entries?: unknown[] } | undefined;
		for (const e of raw?.entries ?? []) {
			const key = rawKey(e);
			const { deck, fact } = e as { deck?: unknown; fact?: unknown };
			if (key && keys.has(key) && typeof deck === 'string' && typeof fact === 'string')
				out.set(key, memoryKey(deck, fact));
		}
	}
	return out;
}

/** The store and key of a deck's, draft's or attempt's document (null for the others). */
function recordOf(id: string): [StoreName, string] | null {
	for (const [prefix, store] of [
		['deck:', 'decks'],
		['draft:', 'drafts'],
		['attempt:', 'attempts']
	] as const)
		if (id.startsWith(prefix)) return [store, id.slice(prefix.length)];
	return null;
}

async function heldHere(tx: KvTx, id: string): Promise<boolean> {
	const at = recordOf(id);
	return at !== null && (await tx.get(at[0], at[1])) !== undefined;
}

async function deleteRecord(tx: KvTx, id: string): Promise<number> {
	const at = recordOf(id);
	if (!at || (await tx.get(at[0], at[1])) === undefined) return 0;
	const [store, key] = at;
	tx.delete(store, key);
	// A deck deleted elsewhere: its reviews stay in the log, as on the device that deleted it.
	if (store === 'decks') deleteDerived(tx, key);
	return 1;
}

/**
 * Make the states of these facts (memory keys) the replay of their log entries again, as
 * rebuild.ts does for every fact; retried if another tab writes the log meanwhile.
 */
export async function rebuildFacts(repo: Repository, keys: ReadonlySet<string>): Promise<number> {
	const { replay } = await import('../srs/memory');
	for (let attempt = 0; attempt < 3; attempt++) {
		const { events } = await repo.readLog();
		const replayed: Map<string, MemoryState> = replay(
			events.filter((e) => keys.has(memoryKey(e.deck, e.fact))),
			await weightsInForce(repo.kv)
		);
		try {
			const n = await repo.kv.run(['states', 'log'], 'readwrite', async (tx) => {
				if ((await countEntries(tx)) !== events.length) throw new StaleRecordError('log');
				const stored = await Promise.all(
					[...keys].map(async (k) => [k, await tx.get('states', k)] as const)
				);
				const { records, added, changed, removed } = diffStates(
					replayed,
					stored.filter(([, v]) => v !== undefined)
				);
				for (const k of [...added, ...changed]) tx.put('states', k, records.get(k));
				for (const k of removed) tx.delete('states', k);
				return added.length + changed.length + removed.length;
			});
			repo.snapshot.forget();
			return n;
		} catch (e) {
			if (!(e instanceof StaleRecordError)) throw e;
		}
	}
	throw new StaleRecordError('log');
}
