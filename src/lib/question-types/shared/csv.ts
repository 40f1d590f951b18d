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

/** How a question-row field is read from its cell and written to it. */
export interface CellCodec<T> {
	read(c: Cells, column: CsvColumn): T | undefined;
	write(value: T): string | undefined;
}

export const TEXT: CellCodec<string> = { read: (c, col) => c.text(col), write: (v) => v };
export const OPTIONAL_TEXT: CellCodec<string> = {
	read: (c, col) => c.optional(col),
	write: (v) => v
};
export const TEXTS: CellCodec<string[]> = { read: (c, col) => c.list(col), write: list };
export const BOOLEAN: CellCodec<boolean> = { read: (c, col) => c.bool(col), write: bool };
/** A number; an empty cell reads as `fallback` when there is one. */
export const number = (fallback?: number): CellCodec<number> => ({
	read: (c, col) => c.number(col, fallback),
	write: String
});

/** A codec of any field (the field map below is checked by name only). */
interface AnyCell {
	read(c: Cells, column: CsvColumn): unknown;
	write(value: never): string | undefined;
}

/**
 * The CSV part of a type whose own fields are cells of its question row (the column and codec
 * of each, in the order they are read) and, for some, one list of parts, a part row each.
 */
export function cellsCsv<Q>(
	cells: Partial<Record<keyof Q & string, [CsvColumn, AnyCell]>>,
	parts?: { field: keyof Q & string; rows: SubRows }
): CsvPart<Q> {
	const entries = Object.entries(cells) as Array<[string, [CsvColumn, AnyCell]]>;
	return {
		fields: {
			...Object.fromEntries(entries.map(([field, [column]]) => [field, column])),
			...(parts && { [parts.field]: parts.rows })
		},
		read: (c, _, ps) =>
			compact({
				...Object.fromEntries(entries.map(([f, [col, cell]]) => [f, cell.read(c, col)])),
				...(parts && { [parts.field]: ps.map((p) => readPart(parts.rows.columns, p)) })
			}),
		write: (q) => {
			const values = q as Record<string, unknown>;
			return {
				cells: Object.fromEntries(
					entries.map(([f, [col, cell]]) => [
						col,
						values[f] === undefined ? undefined : cell.write(values[f] as never)
					])
				),
				rows: parts
					? (values[parts.field] as object[]).map((p) => writePart(parts.rows.columns, p))
					: []
			};
		}
	};
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

/** A part read from its row: each field from its column (`correct` as true or false). */
export function readPart(columns: SubRows['columns'], p: Cells): Record<string, unknown> {
	return Object.fromEntries(
		Object.entries(columns).map(([field, col]) => [
			field,
			field === 'correct' ? p.bool(col!) : p.text(col!)
		])
	);
}

/** A part's row: each field in its column. */
export function writePart(columns: SubRows['columns'], part: object): CsvRecord {
	const values = part as Record<string, unknown>;
	return Object.fromEntries([
		['kind', 'part'],
		...Object.entries(columns).map(([field, col]) => {
			const v = values[field];
			return [col, typeof v === 'boolean' ? bool(v) : (v as string | undefined)];
		})
	]);
}

/** The columns of a part judged true or false (a statement, the assertion, the reason). */
export const JUDGED_COLUMNS = { text: 'text', fact: 'fact', correct: 'correct' } as const;

export const optionRow = (text: string, claims?: string): CsvRecord => ({
	kind: 'option',
	text,
	claims
});

/** The 1-based option numbers of a list cell, as written (the bank counts from 0). */
export const optionNumbers = (indices: readonly number[]) => list(indices.map((i) => i + 1));

export { bool, compact, list, parseWhole, type Cells, type CsvRecord };
