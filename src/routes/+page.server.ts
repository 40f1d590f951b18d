import { builtinDecks } from '$lib/bank/builtin.server';
import { summarise } from '$lib/bank/summary';
import { statementHash } from '$lib/srs/memory';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({
	decks: builtinDecks.map(({ deck }) => ({
		id: deck.id,
		title: deck.title,
		description: deck.description,
		asOf: deck.asOf,
		source: deck.source,
		summary: summarise(deck),
		// What the dashboard needs to count due facts, without the whole deck.
		facts: deck.facts.map((f) => ({
			deck: deck.id,
			fact: f.id,
			statementHash: statementHash(f.statement)
		}))
	}))
});
