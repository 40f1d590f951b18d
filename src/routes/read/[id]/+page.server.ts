import { error } from '@sveltejs/kit';
import { builtinDecks, findBuiltinDeck } from '$lib/bank/builtin.server';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () => builtinDecks.map(({ deck }) => ({ id: deck.id }));

export const load: PageServerLoad = ({ params }) => {
	const found = findBuiltinDeck(params.id);
	if (!found) error(404, `No deck "${params.id}"`);
	return { deck: found.deck, text: found.sourceText };
};
