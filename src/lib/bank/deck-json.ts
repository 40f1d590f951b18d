/**
 * A deck as one JSON file: the bank's schema, with the source text inline (`source.text`), so
 * that the file alone is enough to check every quote. This is what "Export as JSON" writes and
 * what an import reads; a bank deck whose text sits in a file beside it can come with that file.
 */
import { IMPORT_RULES, validateDeck } from './validate';
import type { Deck } from './schema';

export type DeckImport = { ok: true; deck: Deck } | { ok: false; problems: string[] };

/** Where a JSON syntax error is, as "line L, column C", from the parser's message. */
export function jsonErrorAt(text: string, message: string): string {
	if (/line \d+/i.test(message)) return message;
	const at = /position (\d+)/.exec(message);
	if (!at) return message;
	const before = text.slice(0, Number(at[1]));
	const line = before.split('\n').length;
	const column = before.length - before.lastIndexOf('\n');
	return `line ${line}, column ${column}: ${message}`;
}

/** The deck with its source text inline and no file name: a self-contained deck. */
export function withSourceText(deck: Deck, text: string): Deck {
	const { file: _file, ...source } = deck.source;
	void _file;
	return { ...deck, source: { ...source, text } };
}

/**
 * Read a deck file. `sourceText` is the text of a `.txt` chosen with it, used when the deck
 * names a `source.file` instead of carrying `source.text`.
 */
export function importDeckJson(text: string, fileName: string, sourceText?: string): DeckImport {
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch (e) {
		return {
			ok: false,
			problems: [`${fileName}: not valid JSON: ${jsonErrorAt(text, (e as Error).message)}`]
		};
	}
	if (typeof raw === 'object' && raw !== null && 'format' in raw && 'log' in raw)
		return {
			ok: false,
			problems: [`${fileName}: this is a backup file, not a deck: import it on the Settings page`]
		};
	const result = validateDeck(raw, sourceText ?? '', fileName, IMPORT_RULES);
	if (!result.ok) return result;
	const { $schema: _schema, ...deck } = result.deck;
	void _schema;
	return { ok: true, deck: withSourceText(deck, deck.source.text ?? sourceText ?? '') };
}

/** The deck as a JSON file (pretty, with its source text inline). */
export function deckToJson(deck: Deck, sourceText: string): string {
	return `${JSON.stringify(withSourceText(deck, sourceText), null, '\t')}\n`;
}
