/**
 * The deck CSV's columns and cells: values as text both ways (lists, numbers, booleans, dates,
 * formula guards), and `Cells`, one row being read, which reports a bad value at its row and
 * column. See docs/csv-format.md.
 */

/** The columns in their canonical order (export and template). */
export const CSV_COLUMNS = [
	'kind',
	'id',
	'type',
	'mode',
	'style',
	'text',
	'description',
	'language',
	'version',
	'as_of',
	'source_title',
	'publisher',
	'published',
	'url',
	'statement',
	'answer',
	'tolerance',
	'unit',
	'columns',
	'explanation',
	'facts',
	'fact',
	'topics',
	'quote',
	'volatile',
	'difficulty',
	'correct',
	'right',
	'claims'
] as const;

/** A column name of the deck CSV. */
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** What a row is, as written in its `kind` cell. */
export const ROW_KINDS = ['deck', 'source', 'topic', 'fact', 'question', 'option', 'part'] as const;
export type RowKind = (typeof ROW_KINDS)[number];

/** A problem found reading the file, at its spreadsheet row (and column, when one cell is wrong). */
export interface CsvProblem {
	/** The spreadsheet row (the header is row 1); none for a problem that has no row. */
	row?: number;
	column?: CsvColumn;
	message: string;
}

/** A problem as one line: `row 7, column answer: …`, `row 7: …`, or the message alone. */
export function problemLine({ row, column, message }: CsvProblem): string {
	if (row === undefined) return message;
	return column ? `row ${row}, column ${column}: ${message}` : `row ${row}: ${message}`;
}

/** Problems in spreadsheet order, as lines; problems without a row keep their place at the end. */
export function byRow(problems: readonly CsvProblem[]): string[] {
	return problems
		.map((p, i) => ({ p, i, row: p.row ?? Infinity }))
		.sort((a, b) => a.row - b.row || a.i - b.i)
		.map(({ p }) => problemLine(p));
}

// ---------------------------------------------------------------------------------------------
// Values as text

/** A row as written: the text of each of its cells, by column. */
export type CsvRecord = Partial<Record<CsvColumn, string>>;

const LIST_SEPARATOR = ' | ';
/** A list cell: values joined with ` | `. */
export const list = (values: readonly (string | number)[]) => values.join(LIST_SEPARATOR);
export const bool = (b: boolean) => String(b);

/** The values of a list cell: split on `|`, trimmed, empty values dropped. */
const splitList = (cell: string) =>
	cell
		.split('|')
		.map((v) => v.trim())
		.filter(Boolean);

const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?$/i;
const parseNumber = (s: string) => (NUMBER.test(s) ? Number(s) : undefined);
export const parseWhole = (s: string) => (/^\d+$/.test(s) ? Number(s) : undefined);
const BOOLEANS: Record<string, boolean> = {
	true: true,
	yes: true,
	1: true,
	false: false,
	no: false,
	0: false
};
const parseBool = (s: string) =>
	Object.hasOwn(BOOLEANS, s.toLowerCase()) ? BOOLEANS[s.toLowerCase()] : undefined;
const parseDate = (s: string) => (/^\d{4}-\d{2}-\d{2}$/.test(s) ? s : undefined);
/** `True-False`, `how many` and `TRUE_FALSE` all name `true_false` / `how_many`. */
export const choiceKey = (s: string) => s.toLowerCase().replace(/[\s-]+/g, '_');

/**
 * Spreadsheets run a cell that starts with = + - @ as a formula (a CSV-injection risk, and
 * `- item` shows as an error). The export writes such cells with a leading apostrophe, which
 * spreadsheets hide, and the import removes it. Plain numbers such as -3 are left alone.
 */
export const FORMULA_LIKE = /^(?![-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?$)'*[=+\-@\t\r]/i;

/** Clean one cell: trimmed, Windows line ends made plain, a formula guard removed. */
export function cleanCell(cell: string): string {
	if (!cell) return cell;
	const value = cell.replace(/\r\n?/g, '\n').trim();
	return /^'+[=+\-@]/.test(value) ? value.slice(1) : value;
}

/** Drop the keys whose value is undefined, so that optional fields stay absent. */
export function compact<T extends object>(o: T): T {
	return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

// ---------------------------------------------------------------------------------------------
// One row being read

/**
 * The cells of one row. Every read records the column as used, so that a value in a column the
 * row does not use can be reported instead of being silently dropped; a value that cannot be
 * converted is reported at its row and column and read as undefined.
 */
export class Cells {
	readonly #values: CsvRecord;
	readonly #problems: CsvProblem[];
	readonly #used = new Set<CsvColumn>(['kind']);

	constructor(
		readonly row: number,
		readonly kind: RowKind,
		values: CsvRecord,
		problems: CsvProblem[]
	) {
		this.#values = values;
		this.#problems = problems;
	}

	problem(column: CsvColumn | undefined, message: string): undefined {
		this.#problems.push({ row: this.row, column, message });
		return undefined;
	}

	/** The cell as text ('' when empty); the schema decides whether empty is allowed. */
	text(column: CsvColumn): string {
		this.#used.add(column);
		return this.#values[column] ?? '';
	}

	optional(column: CsvColumn): string | undefined {
		return this.text(column) || undefined;
	}

	list(column: CsvColumn): string[] {
		return splitList(this.text(column));
	}

	/** Convert the cell; empty gives `fallback`, or a problem when the cell is required. */
	convert<T>(
		column: CsvColumn,
		parse: (s: string) => T | undefined,
		expected: string,
		fallback?: T
	): T | undefined {
		const value = this.text(column);
		if (!value)
			return fallback !== undefined ? fallback : this.problem(column, 'must not be empty');
		const out = parse(value);
		return out !== undefined ? out : this.problem(column, `"${value}" ${expected}`);
	}

	/** Convert each value of a list cell, reporting the ones that do not convert. */
	convertList<T>(column: CsvColumn, parse: (s: string) => T | undefined, expected: string): T[] {
		const out: T[] = [];
		for (const value of this.list(column)) {
			const converted = parse(value);
			if (converted === undefined) this.problem(column, `"${value}" ${expected}`);
			else out.push(converted);
		}
		return out;
	}

	bool(column: CsvColumn, fallback?: boolean) {
		return this.convert(column, parseBool, 'is not true or false', fallback);
	}
	number(column: CsvColumn, fallback?: number) {
		return this.convert(column, parseNumber, 'is not a number', fallback);
	}
	whole(column: CsvColumn, fallback?: number) {
		return this.convert(column, parseWhole, 'is not a whole number', fallback);
	}
	date(column: CsvColumn, fallback?: string) {
		return this.convert(column, parseDate, 'is not a date (write it as YYYY-MM-DD)', fallback);
	}
	choice<T extends string>(column: CsvColumn, choices: readonly T[], fallback?: T) {
		const find = (s: string) => choices.find((c) => c === choiceKey(s));
		return this.convert(column, find, `is not one of ${choices.join(', ')}`, fallback);
	}

	/** A 1-based option number, returned 0-based as the bank counts. */
	optionNumber(column: CsvColumn, count: number) {
		return this.convert(column, optionIndex(count), optionExpected(count));
	}
	optionNumbers(column: CsvColumn, count: number) {
		return this.convertList(column, optionIndex(count), optionExpected(count));
	}

	/** Mark every column as used (after a problem that makes the rest of the row meaningless). */
	useAll(): void {
		for (const column of CSV_COLUMNS) this.#used.add(column);
	}

	/** Report each filled cell that the row did not read. */
	reportUnused(what: string): void {
		for (const column of CSV_COLUMNS)
			if (this.#values[column] && !this.#used.has(column))
				this.problem(column, `not used in ${what}`);
	}
}

const optionIndex = (count: number) => (s: string) => {
	const n = parseWhole(s);
	return n !== undefined && n >= 1 && n <= count ? n - 1 : undefined;
};
const optionExpected = (count: number) =>
	`is not an option number (the question has ${count} option${count === 1 ? '' : 's'})`;
