import { builtinDecks } from '$lib/bank/builtin.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ decks: builtinDecks.map(({ deck }) => deck) });
