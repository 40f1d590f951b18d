/**
 * How a type reads and writes its own columns of the deck CSV (docs/csv-format.md), beyond the
 * columns every question has (id, type, text, explanation, facts, difficulty), and the pieces
 * several types share. The cells are bank/csv/cells.ts's, a module that imports nothing, so
 * the CSV code can walk the registry without a cycle (see docs/ARCHITECTURE.md).
 */
import {
	bool,
	compact,
	list,
	parseWhole,
	type Cells,
	type CsvColumn,
	type CsvRecord
} from '../../bank/csv/cells';

/** A field held by the rows below the question row (its options or its parts). */
export interface SubRows {
	rows: 'options' | 'parts';
	/** The field's one row, for a field held by a fixed row (the assertion, the reason). */
	index?: number;
	/** The column for a problem with a whole option or part. */
	column: CsvColumn;
	/** The column of each field of an option or a part. */
	columns: Partial<Record<string, CsvColumn>>;
}

/** What a type reads from and writes to the deck CSV. */
export interface CsvPart<Q> {
	/**
	 * Where each of the type's own fields is written — a column of the question row, or the
	 * rows below it — so that a problem with the field is reported at that row and column. The
	 * rows below the question that a type takes are the ones named here.
	 */
	fields: Record<string, CsvColumn | SubRows>;
	/** Its own fields, from its question row, its option rows and its part rows (not yet validated). */
	read(c: Cells, options: Cells[], parts: Cells[]): object;
	/** Its own cells of the question row, and the rows below it. */
	write(q: Q): { cells: CsvRecord; rows: CsvRecord[] };
}

/** Rows of kind `option`, one per option. */
export const optionRows = (columns: SubRows['columns'] = { text: 'text' }): SubRows => ({
	rows: 'options',
	column: 'text',
	columns
});

/** Rows of kind `part`, one per part (or the one at `index`). */
export const partRows = (
	columns: SubRows['columns'],
	index?: number,
	column: CsvColumn = 'text'
): SubRows => ({ rows: 'parts', column, columns, ...(index === undefined ? {} : { index }) });

/** The columns of a part judged true or false (a statement, the assertion, the reason). */
export const JUDGED_COLUMNS = { text: 'text', fact: 'fact', correct: 'correct' } as const;

export const optionRow = (text: string, claims?: string): CsvRecord => ({
	kind: 'option',
	text,
	claims
});

export const partRow = (p: {
	text: string;
	fact: string;
	right?: string;
	correct?: boolean;
}): CsvRecord => ({
	kind: 'part',
	text: p.text,
	right: p.right,
	fact: p.fact,
	correct: p.correct === undefined ? undefined : bool(p.correct)
});

/** A part judged true or false, read from its row. */
export const readJudged = (p: Cells) => ({
	text: p.text('text'),
	fact: p.text('fact'),
	correct: p.bool('correct')
});

/** The 1-based option numbers of a list cell, as written (the bank counts from 0). */
export const optionNumbers = (indices: readonly number[]) => list(indices.map((i) => i + 1));

export { bool, compact, list, parseWhole, type Cells, type CsvRecord };
