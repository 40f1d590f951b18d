/**
 * The built-in decks in the browser, from `/decks.json` (see routes/decks.json): checked at
 * build time, so not again here. A page that needs them early preloads the file in its head.
 */
import type { Deck } from '$lib/bank/schema';

export const BUILTIN_DECKS_URL = '/decks.json';

export async function fetchBuiltinDecks(): Promise<Deck[]> {
	const response = await fetch(BUILTIN_DECKS_URL);
	if (!response.ok)
		throw new Error(`The decks could not be loaded (${response.status} ${response.statusText})`);
	return (await response.json()) as Deck[];
}
