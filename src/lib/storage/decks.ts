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
import { readRecord, SCHEMA_VERSION, type DeckRecord } from './records';
import { putQuarantine, type Repository } from './repository';

export interface StoredDeck {
	deck: Deck;
	importedAt: string;
	fileName: string;
	format: DeckRecord['format'];
}

/** The hash that marks a deck as passed by the validator (these rules, this content). */
export const checkedHash = (deck: unknown) => hashText(`${RULES_VERSION}\n${JSON.stringify(deck)}`);

/** A stored deck's record (its source text inline). `stored.deck` has passed the validator. */
export function deckToRecord(stored: StoredDeck): DeckRecord {
	const { deck, importedAt, fileName, format } = stored;
	return {
		schemaVersion: SCHEMA_VERSION,
		id: deck.id,
		deck,
		importedAt,
		fileName,
		format,
		checked: checkedHash(deck)
	};
}

/**
 * Check a deck record as it is read: the record's layout, then the deck itself, in full unless
 * `trustChecked` (a record this app wrote, not a backup file) and the deck is unchanged since
 * the validator passed it.
 */
export function readDeckRecord(
	raw: unknown,
	{ trustChecked = false } = {}
): { ok: true; value: StoredDeck; rechecked: boolean } | { ok: false; error: string } {
	const read = readRecord('deck', raw);
	if (!read.ok) return read;
	const { deck, importedAt, fileName, format, id } = read.value;
	if (trustChecked && read.value.checked && read.value.checked === checkedHash(deck))
		return {
			ok: true,
			value: { deck: deck as Deck, importedAt, fileName, format },
			rechecked: false
		};
	const checked = validateDeck(deck, '', `deck "${id}"`, IMPORT_RULES);
	if (!checked.ok) return { ok: false, error: checked.problems.slice(0, 5).join('; ') };
	if (checked.deck.id !== id)
		return { ok: false, error: `deck.id "${checked.deck.id}" is not the key "${id}"` };
	return { ok: true, value: { deck: checked.deck, importedAt, fileName, format }, rechecked: true };
}

/** Every stored deck that validates, oldest import first; bad ones go aside. */
export async function loadDecks(repo: Repository): Promise<StoredDeck[]> {
	const rows = await repo.kv.run(['decks'], 'readonly', (tx) => tx.entries('decks'));
	const good: StoredDeck[] = [];
	const bad: Array<[string, unknown, string]> = [];
	const rechecked: StoredDeck[] = [];
	for (const [key, raw] of rows) {
		const read = readDeckRecord(raw, { trustChecked: true });
		if (!read.ok) bad.push([key, raw, read.error]);
		else {
			good.push(read.value);
			if (read.rechecked) rechecked.push(read.value);
		}
	}
	if (bad.length || rechecked.length)
		await repo.kv.run(['decks', 'quarantine'], 'readwrite', async (tx) => {
			for (const [key, raw, error] of bad) {
				if ((await tx.get('decks', key)) === undefined) continue;
				putQuarantine(tx, 'decks', key, raw, error);
				tx.delete('decks', key);
			}
			// Passed in full (written before the hash existed, or under older rules): marked, so
			// the next read is quick. Only if no other tab replaced the deck meanwhile.
			for (const stored of rechecked) {
				const now = (await tx.get('decks', stored.deck.id)) as { importedAt?: unknown } | undefined;
				if (now?.importedAt === stored.importedAt)
					tx.put('decks', stored.deck.id, deckToRecord(stored));
			}
		});
	return good.sort((a, b) => a.importedAt.localeCompare(b.importedAt));
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
		const log = (await tx.entries('log')).filter(
			([, v]) => (v as { deck?: unknown } | undefined)?.deck === id
		);
		for (const k of stateKeys) tx.delete('states', k);
		for (const [k] of log) tx.delete('log', k);
		return { states: stateKeys.length, log: log.length };
	});
}
