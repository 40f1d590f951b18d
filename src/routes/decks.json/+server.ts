/**
 * The built-in decks as one JSON file (prerendered, and precached by the service worker), without
 * their questions' explanations (routes/decks-explanations.json; see $lib/session/builtin-decks).
 * `/study` fetches it, preloaded from its HTML, rather than carry the decks in its HTML as a
 * script: JSON parses several times faster than a script compiles, which a phone feels on the
 * way to the first question.
 */
import { json } from '@sveltejs/kit';
import { builtinDecks } from '$lib/bank/builtin.server';
import { splitExplanations } from '$lib/session/builtin-decks';

export const prerender = true;

export const GET = () => json(splitExplanations(builtinDecks.map(({ deck }) => deck)).decks);
