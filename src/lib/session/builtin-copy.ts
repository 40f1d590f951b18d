/**
 * The built-in decks for `/study`: from this build's copy in storage when it is there (a
 * returning learner: read with the page's first reads, no request), else from `/decks.json`
 * (preloaded by app.html's script for a learner without progress), and then kept in storage for
 * the next visit. The version is the hash of `/decks.json` made at build time (the page's data):
 * after an update the copy is another version, so the file is fetched and kept again.
 */
import type { Deck } from '$lib/bank/schema';
import { readBuiltinCopy, writeBuiltinCopy } from '$lib/storage/builtin-copy';
import type { Repository } from '$lib/storage/repository';
import { mark } from './marks';
import {
	BUILTIN_DECKS_URL,
	explanationless,
	fetchText,
	type UnexplainedDeck
} from './builtin-decks';

export interface BuiltinDecks {
	/** The decks, their explanations empty until `explainDecks` fills them in. */
	decks: Deck[];
	/**
	 * Keep the fetched file in storage, once the first question is on screen (a write before
	 * would end the page's prefetched reads: storage/early-open.ts); nothing when it was read
	 * from there. A failure is harmless: the next visit fetches again.
	 */
	keep: () => Promise<void>;
}

export async function builtinDecks(repo: Repository, version: string): Promise<BuiltinDecks> {
	const stored = await readBuiltinCopy(repo, version);
	mark('decks');
	if (stored) return { decks: explanationless(stored as UnexplainedDeck[]), keep: async () => {} };
	const text = await fetchText(BUILTIN_DECKS_URL, 'decks');
	return {
		decks: explanationless(JSON.parse(text) as UnexplainedDeck[]),
		keep: () => writeBuiltinCopy(repo, version, text).catch(() => {})
	};
}
