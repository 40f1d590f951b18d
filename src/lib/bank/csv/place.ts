/**
 * Where a validation issue is in the spreadsheet: its path into the deck (`['questions', 3,
 * 'options', 2, 'claims']`) mapped to a row through the row index the reader built, and to a
 * column through the tables below and, for a question's own fields, its type's (`csv.fields`
 * in its folder under question-types). The message's wording plays no part.
 */
import { QUESTION_TYPE_DEFS, type QuestionTypeId } from '../../question-types';
import type { CsvPart } from '../../question-types/shared';
import type { IssuePath } from '../issues';
import type { CsvColumn } from './cells';
import type { QuestionRows, RowIndex } from './read';

type Table = Partial<Record<string, CsvColumn>>;

const DECK_FIELDS: Table = {
	id: 'id',
	title: 'text',
	description: 'description',
	language: 'language',
	version: 'version',
	asOf: 'as_of',
	'source.title': 'source_title',
	'source.publisher': 'publisher',
	'source.published': 'published',
	'source.url': 'url'
};
const TOPIC_FIELDS: Table = { id: 'id', label: 'text' };
const FACT_FIELDS: Table = {
	id: 'id',
	statement: 'text',
	quote: 'quote',
	topics: 'topics',
	asOf: 'as_of',
	volatile: 'volatile'
};
/** The fields every question has; each type names where its own fields are (`csv.fields`). */
const QUESTION_FIELDS: Table = {
	id: 'id',
	type: 'type',
	prompt: 'text',
	explanation: 'explanation',
	facts: 'facts',
	difficulty: 'difficulty'
};

function lookup<T>(table: Partial<Record<string, T>>, key: string | undefined): T | undefined {
	return key !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}

/** A field name and the index that follows it, if any: `options, 3`. */
interface Segment {
	name: string;
	index?: number;
}

/** `['options', 3, 'claims', 0]` → options[3], claims[0]. */
function segments(path: IssuePath): Segment[] {
	const out: Segment[] = [];
	for (const key of path) {
		const last = out.at(-1);
		if (typeof key === 'string') out.push({ name: key });
		else if (!last) out.push({ name: '', index: key });
		else last.index ??= key;
	}
	return out;
}

/** A spreadsheet row, and the column when the issue is about one cell. */
export interface Place {
	row: number | undefined;
	column?: CsvColumn;
}

const fieldsOf = (type: QuestionTypeId): CsvPart<unknown>['fields'] =>
	QUESTION_TYPE_DEFS[type].csv.fields;

function placeInQuestion(rows: QuestionRows, path: Segment[]): Place {
	const [head, sub] = path;
	const own = rows.type && lookup(fieldsOf(rows.type), head?.name);
	if (typeof own !== 'object')
		return { row: rows.row, column: lookup(QUESTION_FIELDS, head?.name) ?? own };
	const index = own.index ?? head.index;
	if (index === undefined) return { row: rows.row };
	return {
		row: rows[own.rows][index],
		column: sub ? lookup(own.columns, sub.name) : own.column
	};
}

/**
 * The row and column of an issue at `path`. A path that names no row the reader saw (the
 * deck as a whole, or an item the rows do not have) gives `row: undefined`.
 */
export function placeIssue(path: IssuePath, rows: RowIndex): Place {
	const [list, index, ...rest] = path;
	if (list === 'facts' && typeof index === 'number')
		return { row: rows.facts[index], column: lookup(FACT_FIELDS, segments(rest)[0]?.name) };
	if (list === 'questions' && typeof index === 'number')
		return rows.questions[index]
			? placeInQuestion(rows.questions[index], segments(rest))
			: { row: undefined };
	if (!path.length) return { row: undefined };
	if (list === 'topics' && typeof index === 'number') {
		const field = segments(rest)[0]?.name;
		return { row: rows.topics[index], column: field ? lookup(TOPIC_FIELDS, field) : 'id' };
	}
	const names = segments(path)
		.map((s) => s.name)
		.join('.');
	if (names === 'source.text') return { row: rows.source[0] ?? rows.deck, column: 'text' };
	return { row: rows.deck, column: lookup(DECK_FIELDS, names) };
}
