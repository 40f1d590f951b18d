import { builtinDecks } from '$lib/bank/builtin.server';
import { deckListing } from '$lib/session/dashboard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({
	decks: builtinDecks.map(({ deck }) => deckListing(deck))
});
