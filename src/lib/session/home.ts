/**
 * What `/` reads once the page is on screen: the learner's own decks and the day's counts. The
 * page imports this module dynamically (docs/ARCHITECTURE.md, "First-load JS"): storage, the
 * record validators and the counting code are not needed for its first paint. It asks for the
 * module as its script first runs, and `startHome` begins the reads (early-reads.ts) at once.
 */
import { loadDashboard, type Dashboard, type DeckListing } from './dashboard';
import { ownListings } from './decks';
import { earlyReads, type EarlyReads } from './early-reads';
import { repository, storageHealth } from './storage.svelte';

export { storageHealth };

let early: EarlyReads | null = null;

/** Begin the page's IndexedDB reads (on the first page of this load; later visits read afresh). */
export function startHome(): void {
	early = earlyReads();
}

/** The built-in decks, then the learner's own (an own deck with a built-in id is not listed). */
export async function loadHome(
	builtin: readonly DeckListing[]
): Promise<{ decks: DeckListing[]; dash: Dashboard }> {
	const reads = early;
	early = null;
	const repo = await (reads?.repo ?? repository());
	const own = await (reads?.own ?? ownListings());
	const decks = [...builtin, ...own.filter((o) => !builtin.some((d) => d.id === o.id))];
	return { decks, dash: await loadDashboard(repo, decks, new Date(), reads ?? {}) };
}
