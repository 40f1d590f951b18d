import { builtinDecks } from '$lib/bank/builtin.server';
import type { PageServerLoad } from './$types';

// The built-in decks with their source text, so that they can be exported like the learner's own.
export const load: PageServerLoad = () => ({
	builtin: builtinDecks.map(({ deck, sourceText }) => ({ deck, sourceText }))
});
