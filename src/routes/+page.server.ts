import { builtinDecks } from '$lib/bank/builtin.server';
import { summarise } from '$lib/bank/summary';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({
	decks: builtinDecks.map(({ deck }) => ({
		id: deck.id,
		title: deck.title,
		description: deck.description,
		asOf: deck.asOf,
		source: deck.source,
		summary: summarise(deck)
	}))
});
