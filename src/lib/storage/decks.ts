/**
 * Decks of the learner's own: stored in the `decks` store, a record per deck, each carrying
 * its source text so that its quotes are checked again whenever it is read. A deck that no
 * longer validates is moved aside (quarantine) and reported, never silently dropped.
 */
import { IMPORT_RULES, validateDeck } from '../bank/validate';
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

/** A stored deck's record (the deck with its source text inline, no file name). */
export function deckToRecord(stored: StoredDeck): DeckRecord {
	return { schemaVersion: SCHEMA_VERSION, id: stored.deck.id, ...stored };
}

/** Check a deck record as it is read: the record's layout, then the deck itself. */
export function readDeckRecord(
	raw: unknown
): { ok: true; value: StoredDeck } | { ok: false; error: string } {
	const read = readRecord('deck', raw);
	if (!read.ok) return read;
	const { deck, importedAt, fileName, format, id } = read.value;
	const checked = validateDeck(deck, '', `deck "${id}"`, IMPORT_RULES);
	if (!checked.ok) return { ok: false, error: checked.problems.slice(0, 5).join('; ') };
	if (checked.deck.id !== id)
		return { ok: false, error: `deck.id "${checked.deck.id}" is not the key "${id}"` };
	return { ok: true, value: { deck: checked.deck, importedAt, fileName, format } };
}

/** Every stored deck that validates, oldest import first; bad ones go aside. */
export async function loadDecks(repo: Repository): Promise<StoredDeck[]> {
	const rows = await repo.kv.run(['decks'], 'readonly', (tx) => tx.entries('decks'));
	const good: StoredDeck[] = [];
	const bad: Array<[string, unknown, string]> = [];
	for (const [key, raw] of rows) {
		const read = readDeckRecord(raw);
		if (read.ok) good.push(read.value);
		else bad.push([key, raw, read.error]);
	}
	if (bad.length)
		await repo.kv.run(['decks', 'quarantine'], 'readwrite', async (tx) => {
			for (const [key, raw, error] of bad) {
				if ((await tx.get('decks', key)) === undefined) continue;
				putQuarantine(tx, 'decks', key, raw, error);
				tx.delete('decks', key);
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
