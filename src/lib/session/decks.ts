/**
 * The decks a page works with: the built-in ones (prerendered with the page) and the learner's
 * own (from IndexedDB), built-in first. Storing and deleting the learner's own go through here.
 *
 * storage/decks.ts brings the deck validator (it checks each stored deck as it is read): it is
 * imported only when there is a deck of the learner's own to read or write, so that the pages of
 * most learners (who have none) do not download it.
 */
import type { Deck } from '$lib/bank/schema';
import type { StoredDeck } from '$lib/storage/decks';
import { repository } from './storage.svelte';

export type { StoredDeck };

/** The learner's own decks, as stored. */
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

/** Store a deck of the learner's own (see storage/decks.ts saveDeck). */
export async function saveDeck(stored: StoredDeck, reserved: readonly string[]): Promise<void> {
	const [repo, decks] = await Promise.all([repository(), import('$lib/storage/decks')]);
	await decks.saveDeck(repo, stored, reserved);
}

/** Delete a deck of the learner's own, and with `dropProgress` its progress too. */
export async function deleteDeck(
	id: string,
	dropProgress: boolean
): Promise<{ states: number; log: number }> {
	const [repo, decks] = await Promise.all([repository(), import('$lib/storage/decks')]);
	return decks.deleteDeck(repo, id, dropProgress);
}
