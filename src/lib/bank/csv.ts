/**
 * The deck's CSV format, for teachers who write decks in a spreadsheet (docs/csv-format.md).
 *
 * "Long form": one row per record, and a `kind` column says what the row is (the deck, a paragraph
 * of the source text, a topic, a fact, a question, or an option or part of the question above).
 * The import reads the rows into a deck (csv/read.ts) and then validates it like a JSON deck;
 * every problem is reported at its spreadsheet row and column, found from the issue's path into
 * the deck (csv/place.ts), e.g.
 * `row 7, column answer: "5" is not an option number (the question has 4 options)`.
 * What each question type reads and writes is its own (`csv` in its folder under
 * src/lib/question-types); the export is in csv/write.ts.
 */
import type { Deck } from './schema';
import { formatIssue } from './issues';
import { IMPORT_RULES, validateIssues } from './validate';
import { byRow } from './csv/cells';
import { placeIssue } from './csv/place';
import { parseDeckCsv } from './csv/read';

export { CSV_COLUMNS, ROW_KINDS, type CsvColumn } from './csv/cells';
export { parseDeckCsv, type ParseResult, type QuestionRows, type RowIndex } from './csv/read';
export { placeIssue, type Place } from './csv/place';
export { deckToCsv, sourceParagraphs } from './csv/write';

/** A validated deck, or every problem at its row and column. */
export type ImportResult = { ok: true; deck: Deck } | { ok: false; problems: string[] };

/**
 * Import a deck from CSV: read the rows, validate the deck against its own source text (a
 * teacher's deck is often small: one question per fact is enough), and report every problem at
 * its spreadsheet row and column (`row 12, column text: …`); a problem with no row names the file.
 */
export function importDeckCsv(text: string, file = 'deck.csv'): ImportResult {
	const parsed = parseDeckCsv(text);
	if (!parsed.ok) return parsed;
	const result = validateIssues(parsed.raw, '', IMPORT_RULES);
	if (result.ok) return { ok: true, deck: result.deck };
	const problems = result.issues.map((issue) => {
		const detail = formatIssue(issue, parsed.raw);
		const { row, column } = placeIssue(issue.path, parsed.rows);
		return { row, column, message: row === undefined ? `${file}: ${detail}` : detail };
	});
	return { ok: false, problems: byRow(problems) };
}
