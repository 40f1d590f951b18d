/**
 * The built-in decks' explanations, which `/study` reads once its first question is on screen
 * (see $lib/session/builtin-decks): prerendered, and precached by the service worker.
 */
import { json } from '@sveltejs/kit';
import { builtinDecks } from '$lib/bank/builtin.server';
import { splitExplanations } from '$lib/session/builtin-decks';

export const prerender = true;

export const GET = () => json(splitExplanations(builtinDecks.map(({ deck }) => deck)).explanations);
