/**
 * What `/` reads once the page is on screen: the learner's own decks and the day's counts. The
 * page imports this module dynamically (docs/ARCHITECTURE.md, "First-load JS"): storage, the
 * record validators and the counting code are not needed for its first paint.
 */
import { deckListing, loadDashboard, type Dashboard, type DeckListing } from './dashboard';
import { ownDecks } from './decks';
import { repository, storageHealth } from './storage.svelte';

export { storageHealth };

/** The built-in decks, then the learner's own (an own deck with a built-in id is not listed). */
export async function loadHome(
	builtin: readonly DeckListing[]
): Promise<{ decks: DeckListing[]; dash: Dashboard }> {
	const repo = await repository();
	const own = (await ownDecks()).map((s) => deckListing(s.deck, true));
	const decks = [...builtin, ...own.filter((o) => !builtin.some((d) => d.id === o.id))];
	return { decks, dash: await loadDashboard(repo, decks) };
}
