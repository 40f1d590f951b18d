/**
 * The version of `/decks.json` in this build: a hash of its text, made at build time and given
 * to `/study` in its data, so that the page knows whether the copy it kept in storage is this
 * file (builtin-copy.ts) without asking the server.
 */
import { createHash } from 'node:crypto';
import { builtinDecks } from '$lib/bank/builtin.server';
import { splitExplanations } from './builtin-decks';

export const BUILTIN_VERSION = createHash('sha256')
	.update(JSON.stringify(splitExplanations(builtinDecks.map(({ deck }) => deck)).decks))
	.digest('base64url')
	.slice(0, 22);
