/**
 * The built-in decks as one JSON file (prerendered, and precached by the service worker).
 * `/study` fetches it, preloaded from its HTML, rather than carry the decks in its HTML as a
 * script: JSON parses several times faster than a script compiles, which a phone feels on the
 * way to the first question.
 */
import { json } from '@sveltejs/kit';
import { builtinDecks } from '$lib/bank/builtin.server';

export const prerender = true;

export const GET = () => json(builtinDecks.map(({ deck }) => deck));
