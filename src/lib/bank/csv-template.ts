/**
 * The CSV template teachers download: a small, valid deck about a fictional town with one
 * question of every type (statements and pairs in both modes, assertion–reason in both styles),
 * so that every kind of row can be copied from it. docs/csv-format.md shows the same questions.
 *
 * The deck is data, questions/csv-template.json: a deck in the app's JSON format with its source
 * text inline (JSON, not CSV, because Node's test runners can import JSON but not a text file).
 * csv-template.test.ts checks that it validates.
 */
import template from '#questions/csv-template.json' with { type: 'json' };
import type { Deck } from './schema';
import { deckToCsv } from './csv/write';

const { $schema: _schema, ...file } = template as unknown as Deck;
void _schema;
const { text, ...source } = file.source;

/** The template's source text: a short, fictional news item. */
export const TEMPLATE_SOURCE: string = text ?? '';

/** The template deck (its CSV is `csvTemplate()`), without its source text. */
export const TEMPLATE_DECK: Deck = { ...file, source };

/** A small, valid example deck as CSV, with one question of every type to copy rows from. */
export function csvTemplate(): string {
	return deckToCsv(TEMPLATE_DECK, TEMPLATE_SOURCE);
}
