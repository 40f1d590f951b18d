/**
 * Decks of the learner's own: stored in the `decks` store, a record per deck, each carrying
 * its source text so that its quotes can be checked again. A deck is validated in full when it
 * is imported (or comes in a backup) and whenever it is read back changed: the record keeps the
 * hash of the deck the validator passed, with the rules' version, so an unchanged deck is not
 * checked again on every page (for a 10 000-fact deck that check takes a second on a phone). A
 * deck that no longer validates is moved aside (quarantine) and reported, never dropped. Every
 * write of a deck writes what is derived from it in the same transaction (deck-summaries.ts).
 */
import { hashText } from '../srs/keys';
import { IMPORT_RULES, RULES_VERSION, validateDeck } from '../bank/validate';
import {
	deleteDerived,
	byImport,
	readSummaries,
	summaryOf,
	type StoredSummaries,
	writeDerived,
	type DeckSummaryRecord
} from './deck-summaries';
import type { Deck } from '../bank/schema';
import { memoryKey } from '../srs/keys';
import { StorageError } from './errors';
import { removeDeckEntries } from './log-days';
import type { KvTx } from './kv';
import type { Read } from './migrate';
import { readRecord, SCHEMA_VERSION, type DeckRecord } from './records';
import type { Repository } from './repository';
import { setAside, sortRows, type BadRecord } from './set-aside';
import { docIds, markChanged } from './sync-outbox';

export interface StoredDeck {
	deck: Deck;
	importedAt: string;
	fileName: string;
	format: DeckRecord['format'];
}

/** The hash that marks a deck (as JSON text) as passed by the validator: these rules, this content. */
export const checkedHash = (deckText: string) => hashText(`${RULES_VERSION}\n${deckText}`);

/** A stored deck's record (its source text inline). `stored.deck` has passed the validator. */
export function deckToRecord(stored: StoredDeck): DeckRecord {
	const { deck, importedAt, fileName, format } = stored;
	const deckText = JSON.stringify(deck);
	return {
		schemaVersion: SCHEMA_VERSION,
		id: deck.id,
		deckText,
		importedAt,
		fileName,
		format,
		checked: checkedHash(deckText)
	};
}

/** A deck record as a backup file carries it: the deck as an object (readable, diffable). */
export function deckRecordForBackup(record: DeckRecord): DeckRecord {
	const { deckText, ...rest } = record;
	if (deckText === undefined) return record;
	try {
		return { ...rest, deck: JSON.parse(deckText) };
	} catch {
		return record; // Damaged: the import will say so.
	}
}

/**
 * Check a deck record as it is read: the record's layout, then the deck itself, in full unless
 * `trustChecked` (a record this app wrote, not a backup file) and the deck is unchanged since
 * the validator passed it. `migrated`: the record is to be written again (as marked text).
 */
export function readDeckRecord(raw: unknown, { trustChecked = false } = {}): Read<StoredDeck> {
	const read = readRecord('deck', raw);
	if (!read.ok) return read;
	const { deck, deckText, importedAt, fileName, format, id, checked } = read.value;
	if ((deck === undefined) === (deckText === undefined))
		return {
			ok: false,
			error: 'the record must hold the deck as deckText or as deck, one of them'
		};
	let value: unknown = deck;
	if (deckText !== undefined)
		try {
			value = JSON.parse(deckText);
		} catch (e) {
			return { ok: false, error: `deckText: not JSON (${(e as Error).message})` };
		}
	// A deck as an object (an older record) is rewritten as text once read.
	if (trustChecked && checked && checked === checkedHash(deckText ?? JSON.stringify(deck)))
		return {
			ok: true,
			value: { deck: value as Deck, importedAt, fileName, format },
			migrated: deckText === undefined
		};
	const valid = validateDeck(value, '', `deck "${id}"`, IMPORT_RULES);
	if (!valid.ok) return { ok: false, error: valid.problems.slice(0, 5).join('; ') };
	if (valid.deck.id !== id)
		return { ok: false, error: `deck.id "${valid.deck.id}" is not the key "${id}"` };
	return { ok: true, value: { deck: valid.deck, importedAt, fileName, format }, migrated: true };
}

/**
 * Every stored deck that validates, oldest import first; bad ones go aside. `rows`: the
 * records, when the caller has read them already (Repository.deckRecords).
 */
export async function loadDecks(
	repo: Repository,
	rows?: Array<[string, unknown]>
): Promise<StoredDeck[]> {
	rows ??= await repo.deckRecords();
	const { good, bad, migrated } = sortRows(rows, (raw) =>
		readDeckRecord(raw, { trustChecked: true })
	);
	if (bad.length || migrated.length)
		await repo.kv.run(DECK_STORES, 'readwrite', (tx) => putChecked(tx, bad, migrated));
	// ISO times sort as plain text (localeCompare would start ICU, tens of ms on a first call).
	return good
		.map(([, d]) => d)
		.sort((a, b) => (a.importedAt < b.importedAt ? -1 : a.importedAt > b.importedAt ? 1 : 0));
}

/** A deck's stores: the deck, what is derived from it, and the quarantine. */
const DECK_STORES = ['decks', 'deck-summaries', 'quarantine'] as const;

/**
 * In a read-write transaction over DECK_STORES: set bad decks aside (their summaries go);
 * write again, with their summaries, the decks that passed in full (`passed`: written before
 * the hash existed, under older rules, or stored as objects), so the next read is quick; and
 * summarise the decks of `summarise`. Only if no other tab replaced the deck meanwhile.
 */
async function putChecked(
	tx: KvTx,
	bad: readonly BadRecord[],
	passed: ReadonlyArray<[string, StoredDeck]>,
	summarise: ReadonlyArray<[string, StoredDeck]> = []
): Promise<void> {
	await setAside(tx, 'decks', bad);
	for (const [key] of bad) deleteDerived(tx, key);
	const rewrite = new Set(passed.map(([, s]) => s));
	for (const [, stored] of [...passed, ...summarise.filter(([, s]) => !rewrite.has(s))]) {
		const now = (await tx.get('decks', stored.deck.id)) as { importedAt?: unknown } | undefined;
		if (now?.importedAt !== stored.importedAt) continue;
		const record = deckToRecord(stored);
		if (rewrite.has(stored)) tx.put('decks', stored.deck.id, record);
		writeDerived(tx, record, stored.deck);
	}
}

/**
 * The summaries of the learner's own decks, oldest import first (see deck-summaries.ts): no
 * deck is read, except those whose summary is missing, damaged or derived under other rules,
 * which are checked as loadDecks does and summarised again (or set aside). `read`: the
 * summaries, when the caller has read them already (to load this module only when needed).
 */
export async function loadSummaries(
	repo: Repository,
	read?: StoredSummaries
): Promise<DeckSummaryRecord[]> {
	const { current, stale, orphans } = read ?? (await readSummaries(repo.kv));
	if (stale.length || orphans.length) {
		const rows = await repo.kv.run(['decks'], 'readonly', (tx) =>
			Promise.all(stale.map(async (id) => [id, await tx.get('decks', id)] as [string, unknown]))
		);
		const { good, bad, migrated } = sortRows(
			rows.filter(([, raw]) => raw !== undefined),
			(raw) => readDeckRecord(raw, { trustChecked: true })
		);
		await repo.kv.run(DECK_STORES, 'readwrite', async (tx) => {
			for (const id of orphans)
				if ((await tx.get('decks', id)) === undefined) deleteDerived(tx, id);
			await putChecked(tx, bad, migrated, good);
		});
		for (const [, stored] of good)
			current.set(stored.deck.id, summaryOf(deckToRecord(stored), stored.deck));
	}
	return byImport(current);
}

/**
 * One deck of the learner's own, checked as loadDecks checks it (a bad one is set aside), or
 * null when there is none by that id: what /study reads for the questions it is about to ask.
 */
export async function loadDeck(repo: Repository, id: string): Promise<StoredDeck | null> {
	const raw = await repo.kv.run(['decks'], 'readonly', (tx) => tx.get('decks', id));
	if (raw === undefined) return null;
	const { good, bad, migrated } = sortRows([[id, raw]], (r) =>
		readDeckRecord(r, { trustChecked: true })
	);
	if (bad.length || migrated.length)
		await repo.kv.run(DECK_STORES, 'readwrite', (tx) => putChecked(tx, bad, migrated));
	return good[0]?.[1] ?? null;
}

/**
 * Derive every deck's summary again (the settings page's "Check and rebuild"): each deck is
 * read and checked (bad ones set aside), and the summaries are written afresh. Returns how many
 * decks were summarised.
 */
export async function rebuildDerived(repo: Repository): Promise<number> {
	const rows = await repo.deckRecords();
	const { good, bad, migrated } = sortRows(rows, (raw) =>
		readDeckRecord(raw, { trustChecked: true })
	);
	await repo.kv.run(DECK_STORES, 'readwrite', async (tx) => {
		tx.clear('deck-summaries');
		await putChecked(tx, bad, migrated, good);
	});
	return good.length;
}

/**
 * Store a deck (a new one, or a new version of one of the learner's decks: progress is kept
 * by fact id). `reserved` holds the built-in decks' ids, which an import may not take.
 */
export async function saveDeck(
	repo: Repository,
	stored: StoredDeck,
	reserved: readonly string[]
): Promise<void> {
	refuseReserved(stored.deck.id, reserved);
	await repo.kv.run(['decks', 'deck-summaries'], 'readwrite', async (tx) => {
		putDeck(tx, stored);
		markChanged(tx, docIds.deck(stored.deck.id));
	});
}

/** Refuse (StorageError) a deck id that a built-in deck has. */
export function refuseReserved(id: string, reserved: readonly string[]): void {
	if (reserved.includes(id))
		throw new StorageError(`A built-in deck already has the id "${id}": give your deck another id`);
}

/**
 * In a read-write transaction over the decks and their summaries: store a deck and what is
 * derived from it (an import's save, and a deck published from the editor, storage/drafts.ts).
 */
export function putDeck(tx: KvTx, stored: StoredDeck): void {
	const record = deckToRecord(stored);
	tx.put('decks', stored.deck.id, record);
	writeDerived(tx, record, stored.deck);
}

/**
 * Delete one of the learner's decks. With `dropProgress`, its fact states and its log entries
 * go too (all in one transaction); without, they stay, and come back if the deck is imported again.
 */
export async function deleteDeck(
	repo: Repository,
	id: string,
	dropProgress: boolean
): Promise<{ states: number; log: number }> {
	const stores = dropProgress
		? (['decks', 'deck-summaries', 'states', 'log'] as const)
		: (['decks', 'deck-summaries'] as const);
	return repo.kv.run(stores, 'readwrite', async (tx) => {
		tx.delete('decks', id);
		deleteDerived(tx, id);
		markChanged(tx, docIds.deck(id));
		if (!dropProgress) return { states: 0, log: 0 };
		const prefix = memoryKey(id, '');
		const stateKeys = (await tx.keys('states', prefix)).filter((k) => k.startsWith(prefix));
		for (const k of stateKeys) tx.delete('states', k);
		const log = await removeDeckEntries(tx, id);
		return { states: stateKeys.length, log };
	});
}
