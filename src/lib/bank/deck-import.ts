/**
 * Reading a deck the learner brings: a JSON file (the bank's schema) or a CSV file (the
 * documented column layout), optionally with the `.txt` source text that a JSON deck's
 * `source.file` names. The whole file is validated; nothing is returned unless all of it is good.
 * A valid deck comes back with its lint findings (lint.ts): shown beside it, never a reason to
 * refuse it, so that nothing a learner brings is lost for style.
 */
import { importDeckCsv } from './csv';
import { importDeckJson } from './deck-json';
import { formatFinding, lintDeck } from './lint';
import type { Deck } from './schema';

/** Files larger than this are refused before they are read. */
export const MAX_DECK_BYTES = 10 * 1024 * 1024;

export interface DeckFile {
	name: string;
	text: string;
}

export type DeckFileImport =
	| {
			ok: true;
			deck: Deck;
			format: 'json' | 'csv';
			fileName: string;
			/** The deck's lint findings, one line each (`error: question "q": …`): advice only. */
			lint: string[];
	  }
	| { ok: false; problems: string[] };

const lintOf = (deck: Deck) => lintDeck(deck).map((f) => formatFinding(f, deck));

const extension = (name: string) => name.slice(name.lastIndexOf('.') + 1).toLowerCase();

/** Which format a file is in, from its name (and, for a name without a clue, its first character). */
export function deckFormat(file: DeckFile): 'json' | 'csv' | 'text' | null {
	const ext = extension(file.name);
	if (ext === 'json') return 'json';
	if (ext === 'csv' || ext === 'tsv') return 'csv';
	if (ext === 'txt') return 'text';
	return null;
}

/** Read the chosen files: exactly one deck (JSON or CSV), and for JSON at most one source text. */
export function importDeckFiles(files: readonly DeckFile[]): DeckFileImport {
	const decks = files.filter((f) => {
		const format = deckFormat(f);
		return format === 'json' || format === 'csv';
	});
	const texts = files.filter((f) => deckFormat(f) === 'text');
	const unknown = files.filter((f) => deckFormat(f) === null);
	if (unknown.length)
		return {
			ok: false,
			problems: unknown.map(
				(f) => `${f.name}: not a deck file (choose a .json or .csv deck, and its .txt source)`
			)
		};
	if (decks.length !== 1)
		return {
			ok: false,
			problems: [
				decks.length
					? `${decks.length} deck files chosen (${decks.map((d) => d.name).join(', ')}): import one at a time`
					: 'No deck file chosen: choose a .json or .csv deck'
			]
		};
	const [file] = decks;
	if (deckFormat(file) === 'csv') {
		const result = importDeckCsv(file.text, file.name);
		return result.ok
			? {
					ok: true,
					deck: result.deck,
					format: 'csv',
					fileName: file.name,
					lint: lintOf(result.deck)
				}
			: { ok: false, problems: result.problems };
	}
	if (texts.length > 1)
		return {
			ok: false,
			problems: ['More than one .txt chosen: choose the one source text the deck names']
		};
	const result = importDeckJson(file.text, file.name, texts[0]?.text);
	return result.ok
		? {
				ok: true,
				deck: result.deck,
				format: 'json',
				fileName: file.name,
				lint: lintOf(result.deck)
			}
		: { ok: false, problems: result.problems };
}
