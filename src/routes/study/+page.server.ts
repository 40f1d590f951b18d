import { builtinDecks } from '$lib/bank/builtin.server';
import type { PageServerLoad } from './$types';

// The decks travel with the page (prerendered), so a session works offline once loaded.
export const load: PageServerLoad = () => ({ decks: builtinDecks.map(({ deck }) => deck) });
