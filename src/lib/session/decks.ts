/**
 * The decks a page works with: the built-in ones (prerendered with the page) and the learner's
 * own (from IndexedDB), built-in first.
 */
import type { Deck } from '$lib/bank/schema';
import type { StoredDeck } from '$lib/storage/decks';
import { repository } from './storage.svelte';

/**
 * The learner's own decks, as stored. Most learners have none: then the deck validator (which
 * checks each stored deck as it is read) is not even downloaded.
 */
export async function ownDecks(): Promise<StoredDeck[]> {
	const repo = await repository();
	const rows = await repo.deckRecords();
	if (!rows.length) return [];
	const { loadDecks } = await import('$lib/storage/decks');
	return loadDecks(repo, rows);
}

export async function allDecks(builtin: readonly Deck[]): Promise<Deck[]> {
	const own = await ownDecks();
	const taken = new Set(builtin.map((d) => d.id));
	return [...builtin, ...own.map((s) => s.deck).filter((d) => !taken.has(d.id))];
}
