/**
 * Writing a deck as CSV (the layout of docs/csv-format.md), with the source text as one `source`
 * row per paragraph.
 */
import Papa from 'papaparse';
import type { Deck, Question } from '../schema';
import { bool, CSV_COLUMNS, FORMULA_LIKE, list, type CsvRecord } from './cells';
import { defOf } from '../../question-types';

/**
 * The source text as paragraphs (split on blank lines, trimmed, empty ones dropped); joined
 * with a blank line this is the text an imported deck carries.
 */
export function sourceParagraphs(text: string): string[] {
	return text
		.replace(/\r\n?/g, '\n')
		.split(/\n\s*\n/)
		.map((p) => p.trim())
		.filter(Boolean);
}

function deckRecord(deck: Deck): CsvRecord {
	return {
		kind: 'deck',
		id: deck.id,
		text: deck.title,
		description: deck.description,
		language: deck.language,
		version: String(deck.version),
		as_of: deck.asOf,
		source_title: deck.source.title,
		publisher: deck.source.publisher,
		published: deck.source.published,
		url: deck.source.url
	};
}

function questionRecords(q: Question): CsvRecord[] {
	const { cells, rows } = defOf(q).csv.write(q);
	const row: CsvRecord = {
		kind: 'question',
		id: q.id,
		type: q.type,
		text: q.prompt,
		explanation: q.explanation,
		facts: list(q.facts),
		difficulty: String(q.difficulty),
		...cells
	};
	return [row, ...rows];
}

/**
 * Write a deck as CSV, with the source text as one `source` row per paragraph.
 * `importDeckCsv` reads it back to the same deck, carrying the source text.
 */
export function deckToCsv(deck: Deck, sourceText: string): string {
	const records: CsvRecord[] = [
		deckRecord(deck),
		...sourceParagraphs(sourceText).map((text): CsvRecord => ({ kind: 'source', text })),
		...deck.topics.map((t): CsvRecord => ({ kind: 'topic', id: t.id, text: t.label })),
		...deck.facts.map((f): CsvRecord => ({
			kind: 'fact',
			id: f.id,
			text: f.statement,
			quote: f.quote,
			topics: list(f.topics),
			as_of: f.asOf,
			volatile: bool(f.volatile)
		})),
		...deck.questions.flatMap(questionRecords)
	];
	return Papa.unparse(
		{ fields: [...CSV_COLUMNS], data: records.map((r) => CSV_COLUMNS.map((c) => r[c] ?? '')) },
		{ escapeFormulae: FORMULA_LIKE, newline: '\r\n' }
	);
}
