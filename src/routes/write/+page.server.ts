import { builtinDecks } from '$lib/bank/builtin.server';
import type { PageServerLoad } from './$types';

// The built-in decks with their source text, for "Copy to edit" (?copy=<id>).
export const load: PageServerLoad = () => ({
	builtin: builtinDecks.map(({ deck, sourceText }) => ({ deck, sourceText }))
});
