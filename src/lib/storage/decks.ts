/**
 * Decks of the learner's own: stored in the `decks` store, a record per deck, each carrying
 * its source text so that its quotes can be checked again. A deck is validated in full when it
 * is imported (or comes in a backup) and whenever it is read back changed: the record keeps the
 * hash of the deck the validator passed, with the rules' version, so an unchanged deck is not
 * checked again on every page (for a 10 000-fact deck that check takes a second on a phone). A
 * deck that no longer validates is moved aside (quarantine) and reported, never dropped.
 */
import { hashText } from '../srs/keys';
import { IMPORT_RULES, RULES_VERSION, validateDeck } from '../bank/validate';
import type { Deck } from '../bank/schema';
import { memoryKey } from '../srs/keys';
import { StorageError } from './errors';
import { removeDeckEntries } from './log-days';
import type { Read } from './migrate';
import { readRecord, SCHEMA_VERSION, type DeckRecord } from './records';
import type { Repository } from './repository';
import { setAside, sortRows } from './set-aside';

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
		await repo.kv.run(['decks', 'quarantine'], 'readwrite', async (tx) => {
			await setAside(tx, 'decks', bad);
			// Passed in full (written before the hash existed, or under older rules), or stored as
			// objects: rewritten as marked text, so the next read is quick. Only if no other tab
			// replaced the deck meanwhile.
			for (const [, stored] of migrated) {
				const now = (await tx.get('decks', stored.deck.id)) as { importedAt?: unknown } | undefined;
				if (now?.importedAt === stored.importedAt)
					tx.put('decks', stored.deck.id, deckToRecord(stored));
			}
		});
	// ISO times sort as plain text (localeCompare would start ICU, tens of ms on a first call).
	return good
		.map(([, d]) => d)
		.sort((a, b) => (a.importedAt < b.importedAt ? -1 : a.importedAt > b.importedAt ? 1 : 0));
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
	if (reserved.includes(stored.deck.id))
		throw new StorageError(
			`A built-in deck already has the id "${stored.deck.id}": give your deck another id`
		);
	await repo.kv.run(['decks'], 'readwrite', async (tx) =>
		tx.put('decks', stored.deck.id, deckToRecord(stored))
	);
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
	const stores = dropProgress ? (['decks', 'states', 'log'] as const) : (['decks'] as const);
	return repo.kv.run(stores, 'readwrite', async (tx) => {
		tx.delete('decks', id);
		if (!dropProgress) return { states: 0, log: 0 };
		const prefix = memoryKey(id, '');
		const stateKeys = (await tx.keys('states', prefix)).filter((k) => k.startsWith(prefix));
		for (const k of stateKeys) tx.delete('states', k);
		const log = await removeDeckEntries(tx, id);
		return { states: stateKeys.length, log };
	});
}
