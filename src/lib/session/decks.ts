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
// Static: it comes with the page's first scripts, rather than as a request made once they have
// run, since every page that lists decks reads the summaries first.
import { byImport, readSummaries } from '$lib/storage/deck-summaries';
import { repository } from './storage.svelte';
import { summaryListing, type DeckListing } from './dashboard';
import type { StudyDeck } from './study-source';

export type { StoredDeck };

/** The learner's own decks, as stored. */
export async function ownDecks(): Promise<StoredDeck[]> {
	const repo = await repository();
	const rows = await repo.deckRecords();
	if (!rows.length) return [];
	const { loadDecks } = await import('$lib/storage/decks');
	return loadDecks(repo, rows);
}

/**
 * The listings of the learner's own decks, from their stored summaries: no deck is read or
 * parsed (see storage/deck-summaries.ts), unless a summary must be derived again.
 */
export async function ownListings(): Promise<DeckListing[]> {
	const repo = await repository();
	const read = await readSummaries(repo.kv);
	const list =
		read.stale.length || read.orphans.length
			? await (await import('$lib/storage/decks')).loadSummaries(repo, read)
			: byImport(read.current);
	return list.map(summaryListing);
}

/**
 * The decks /study works with: the built-in ones whole, and the learner's own (`own`, from
 * ownListings) as listings whose questions are read when the session is about to ask them
 * (see study-source.ts).
 */
export function studyDecks(builtin: readonly Deck[], own: readonly DeckListing[]): StudyDeck[] {
	const taken = new Set(builtin.map((d) => d.id));
	return [
		...builtin,
		...own.filter((d) => !taken.has(d.id)).map((d) => ({ ...d, load: () => ownDeck(d.id) }))
	];
}

/** One deck of the learner's own, checked (a bad one is set aside), or null. */
export async function ownDeck(id: string): Promise<Deck | null> {
	const [repo, decks] = await Promise.all([repository(), import('$lib/storage/decks')]);
	return (await decks.loadDeck(repo, id))?.deck ?? null;
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
