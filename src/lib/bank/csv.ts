/**
 * The deck's CSV format, for teachers who write decks in a spreadsheet (docs/csv-format.md).
 *
 * "Long form": one row per record, and a `kind` column says what the row is (the deck, a paragraph
 * of the source text, a topic, a fact, a question, or an option or part of the question above).
 * The import reads the rows into a deck and then validates it like a JSON deck; every problem is
 * reported at its spreadsheet row and column, e.g.
 * `row 7, column answer: "5" is not an option number (the question has 4 options)`.
 */
import Papa from 'papaparse';
import { QUESTION_TYPES, type Deck, type Question, type QuestionType } from './schema';
import { validateDeck } from './validate';

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
type RowKind = (typeof ROW_KINDS)[number];

const MODES = ['which', 'how_many'] as const;
const STYLES = ['assertion_reason', 'statement_i_ii'] as const;
const DIFFICULTIES = ['1', '2', '3'] as const;

/** The rows of a question: its own row and the option and part rows below it. */
export interface QuestionRows {
	row: number;
	options: number[];
	parts: number[];
}

/** Which spreadsheet row produced each item of the deck, for reporting validation problems. */
export interface RowIndex {
	deck: number;
	/** One row per paragraph of the source text. */
	source: number[];
	topics: number[];
	facts: number[];
	questions: QuestionRows[];
}

/** The rows read into a raw deck (not yet validated), or the problems found reading them. */
export type ParseResult =
	{ ok: true; raw: unknown; rows: RowIndex } | { ok: false; problems: string[] };
/** A validated deck, or every problem at its row and column. */
export type ImportResult = { ok: true; deck: Deck } | { ok: false; problems: string[] };

/** The start of a problem line: `row 7, column answer: ` or `row 7: `. */
const at = (row: number, column?: string) =>
	column ? `row ${row}, column ${column}: ` : `row ${row}: `;

/** Problems in spreadsheet order; lines without a row keep their place at the end. */
function byRow(problems: string[]): string[] {
	const rowOf = (p: string) => Number(/^row (\d+)/.exec(p)?.[1] ?? Infinity);
	return problems
		.map((p, i) => ({ p, i, row: rowOf(p) }))
		.sort((a, b) => a.row - b.row || a.i - b.i)
		.map(({ p }) => p);
}

// ---------------------------------------------------------------------------------------------
// Cells: values as text, formulas and spreadsheet quirks

/**
 * Spreadsheets run a cell that starts with = + - @ as a formula (a CSV-injection risk, and
 * `- item` shows as an error). The export writes such cells with a leading apostrophe, which
 * spreadsheets hide, and the import removes it. Plain numbers such as -3 are left alone.
 */
const FORMULA_LIKE = /^(?![-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?$)'*[=+\-@\t\r]/i;

const LIST_SEPARATOR = ' | ';

/** The values of a list cell: split on `|`, trimmed, empty values dropped. */
const splitList = (cell: string) =>
	cell
		.split('|')
		.map((v) => v.trim())
		.filter(Boolean);

const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?$/i;
const parseNumber = (s: string) => (NUMBER.test(s) ? Number(s) : undefined);
const parseWhole = (s: string) => (/^\d+$/.test(s) ? Number(s) : undefined);
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
const choiceKey = (s: string) => s.toLowerCase().replace(/[\s-]+/g, '_');

/** Clean one cell: trimmed, Windows line ends made plain, a formula guard removed. */
function cleanCell(cell: string): string {
	if (!cell) return cell;
	const value = cell.replace(/\r\n?/g, '\n').trim();
	return /^'+[=+\-@]/.test(value) ? value.slice(1) : value;
}

/**
 * The cells of one row. Every read records the column as used, so that a value in a column the
 * row does not use can be reported instead of being silently dropped; a value that cannot be
 * converted is reported at its row and column and read as undefined.
 */
class Cells {
	readonly #values: Partial<Record<CsvColumn, string>>;
	readonly #problems: string[];
	readonly #used = new Set<CsvColumn>(['kind']);

	constructor(
		readonly row: number,
		readonly kind: RowKind,
		values: Partial<Record<CsvColumn, string>>,
		problems: string[]
	) {
		this.#values = values;
		this.#problems = problems;
	}

	problem(column: CsvColumn | undefined, message: string): undefined {
		this.#problems.push(at(this.row, column) + message);
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

// ---------------------------------------------------------------------------------------------
// Records and header

/** papaparse's error codes, in a teacher's words. */
const PAPA_MESSAGES: Record<string, string> = {
	MissingQuotes: 'a quoted cell is never closed (a " is missing)',
	InvalidQuotes: 'a quoted cell has text after its closing quote (write "" for a quote inside it)'
};

/** The delimiter of the header (the first line with a letter): comma, tab or semicolon. */
function guessDelimiter(text: string): string {
	const header = /^.*[a-z].*$/im.exec(text)?.[0] ?? '';
	const counts = [',', '\t', ';'].map((d) => ({ d, n: header.split(d).length }));
	return counts.reduce((best, c) => (c.n > best.n ? c : best)).d;
}

/**
 * Split the text into records. Empty lines are kept (and skipped later) so that a record's
 * index + 1 stays its spreadsheet row number, multi-line quoted cells included.
 */
function readRecords(text: string): { records: string[][]; problems: string[] } {
	const body = text.replace(/^\uFEFF/, '');
	const result = Papa.parse<string[]>(body, {
		delimiter: guessDelimiter(body),
		skipEmptyLines: false
	});
	const problems = result.errors.map(
		(e) => `${at((e.row ?? 0) + 1)}${PAPA_MESSAGES[e.code] ?? e.message}`
	);
	return { records: result.data, problems: [...new Set(problems)] };
}

/** `an option row`, `a part row`, … for messages. */
const rowName = (kind: RowKind) => `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind} row`;

const isBlank = (record: string[]) => record.every((cell) => !cell.trim());

/** Column names as written: `Source title` and `source-title` both name `source_title`. */
const columnKey = (name: string) =>
	name
		.trim()
		.toLowerCase()
		.replace(/[\s-]+/g, '_');
const isColumn = (name: string): name is CsvColumn =>
	(CSV_COLUMNS as readonly string[]).includes(name);

/** The header's columns by position (undefined for an unnamed column), or problems. */
function readHeader(record: string[], row: number, problems: string[]): (CsvColumn | undefined)[] {
	const seen = new Set<string>();
	const columns = record.map((cell) => {
		const name = columnKey(cell);
		if (name && !isColumn(name)) problems.push(`${at(row)}unknown column "${cell.trim()}"`);
		if (!name || !isColumn(name)) return undefined;
		if (seen.has(name)) problems.push(`${at(row)}column "${name}" appears twice`);
		seen.add(name);
		return name;
	});
	if (!seen.has('kind')) problems.push(`${at(row)}missing column "kind"`);
	return columns;
}

/** One record as cells; a value under no column name is a problem. */
function readRow(
	record: string[],
	row: number,
	header: (CsvColumn | undefined)[],
	problems: string[]
): Cells | undefined {
	const values: Partial<Record<CsvColumn, string>> = {};
	record.forEach((cell, i) => {
		const value = cleanCell(cell);
		const column = header[i];
		if (column) values[column] = value;
		else if (value)
			problems.push(`${at(row)}cell ${i + 1} ("${value}") has no column name in the header`);
	});
	const kind = ROW_KINDS.find((k) => k === choiceKey(values.kind ?? ''));
	if (!kind) {
		const message = values.kind
			? `"${values.kind}" is not one of ${ROW_KINDS.join(', ')}`
			: 'must not be empty';
		problems.push(at(row, 'kind') + message);
		return undefined;
	}
	return new Cells(row, kind, values, problems);
}

// ---------------------------------------------------------------------------------------------
// Rows into a deck

interface QuestionGroup {
	cells: Cells;
	options: Cells[];
	parts: Cells[];
}

interface Groups {
	deck?: Cells;
	source: Cells[];
	topics: Cells[];
	facts: Cells[];
	questions: QuestionGroup[];
}

/** Sort the rows by kind; options and parts join the nearest question above them. */
function group(rows: Cells[], problems: string[]): Groups {
	const groups: Groups = { source: [], topics: [], facts: [], questions: [] };
	const lists = { source: groups.source, topic: groups.topics, fact: groups.facts };
	for (const cells of rows) {
		const question = groups.questions.at(-1);
		switch (cells.kind) {
			case 'deck':
				if (groups.deck)
					problems.push(
						`${at(cells.row, 'kind')}a second deck row (the deck row is row ${groups.deck.row})`
					);
				else if (cells !== rows[0])
					problems.push(
						`${at(cells.row, 'kind')}the deck row must come first, right below the header`
					);
				groups.deck ??= cells;
				break;
			case 'question':
				groups.questions.push({ cells, options: [], parts: [] });
				break;
			case 'option':
			case 'part':
				if (question) question[cells.kind === 'option' ? 'options' : 'parts'].push(cells);
				else
					problems.push(
						`${at(cells.row, 'kind')}${rowName(cells.kind)} must come below its question row`
					);
				break;
			default:
				lists[cells.kind].push(cells);
		}
	}
	return groups;
}

/** Drop the keys whose value is undefined, so that optional fields stay absent. */
function compact<T extends object>(o: T): T {
	return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

function readDeckRow(c: Cells, source: Cells[]) {
	const text = source.map((s) => s.text('text'));
	source.forEach((s, i) => {
		if (!text[i]) s.problem('text', 'must not be empty');
		s.reportUnused('a source row');
	});
	if (!source.length)
		c.problem(
			undefined,
			'no source rows: give the source text in rows of kind "source", one paragraph per row'
		);
	const deck = compact({
		id: c.text('id'),
		title: c.text('text'),
		description: c.optional('description'),
		language: c.text('language') || 'en',
		version: c.whole('version', 1),
		asOf: c.date('as_of'),
		source: compact({
			title: c.text('source_title'),
			publisher: c.optional('publisher'),
			published: c.date('published'),
			text: text.join('\n\n'),
			url: c.optional('url')
		})
	});
	c.reportUnused('the deck row');
	return deck;
}

function readTopic(c: Cells) {
	const topic = { id: c.text('id'), label: c.text('text') };
	c.reportUnused('a topic row');
	return topic;
}

function readFact(c: Cells, deckAsOf: string) {
	const fact = {
		id: c.text('id'),
		statement: c.text('text'),
		quote: c.text('quote'),
		topics: c.list('topics'),
		asOf: c.date('as_of', deckAsOf),
		volatile: c.bool('volatile', false)
	};
	c.reportUnused('a fact row');
	return fact;
}

/** Which kinds of rows below it each question type takes. */
const SUB_ROWS: Record<QuestionType, { option: boolean; part: boolean }> = {
	flashcard: { option: false, part: false },
	mcq: { option: true, part: false },
	multi: { option: true, part: false },
	true_false: { option: false, part: false },
	cloze: { option: false, part: false },
	numeric: { option: false, part: false },
	match: { option: false, part: true },
	order: { option: false, part: true },
	statements: { option: true, part: true },
	pairs: { option: true, part: true },
	assertion_reason: { option: false, part: true }
};

const judged = (p: Cells) => ({
	text: p.text('text'),
	fact: p.text('fact'),
	correct: p.bool('correct')
});

/** An option of a statements or pairs question: the statement numbers it claims, or a count. */
function claimOption(o: Cells, mode: (typeof MODES)[number] | undefined) {
	if (mode === 'which')
		return {
			text: o.text('text'),
			claims: o.convertList('claims', parseWhole, 'is not a whole number')
		};
	if (mode === 'how_many') return { text: o.text('text'), count: o.whole('claims') };
	o.useAll(); // the mode is already reported; the claims cannot be read without it
	return { text: o.text('text') };
}

/** The fields of a question that depend on its type. */
function readBody(type: QuestionType, c: Cells, os: Cells[], ps: Cells[]): object {
	switch (type) {
		case 'flashcard':
			return { answer: c.text('answer') };
		case 'mcq':
			return {
				options: os.map((o) => o.text('text')),
				answer: c.optionNumber('answer', os.length)
			};
		case 'multi':
			return {
				options: os.map((o) => o.text('text')),
				answers: c.optionNumbers('answer', os.length)
			};
		case 'true_false':
			return { statement: c.text('statement'), answer: c.bool('answer') };
		case 'cloze':
			return { accepted: c.list('answer') };
		case 'numeric':
			return compact({
				answer: c.number('answer'),
				tolerance: c.number('tolerance', 0),
				unit: c.optional('unit')
			});
		case 'match':
			return {
				columns: c.list('columns'),
				pairs: ps.map((p) => ({
					left: p.text('text'),
					right: p.text('right'),
					fact: p.text('fact')
				}))
			};
		case 'order':
			return { items: ps.map((p) => ({ text: p.text('text'), fact: p.text('fact') })) };
		case 'statements':
		case 'pairs': {
			const mode = c.choice('mode', MODES);
			const parts =
				type === 'statements'
					? { statements: ps.map(judged) }
					: {
							columns: c.list('columns'),
							pairs: ps.map((p) => ({
								left: p.text('text'),
								right: p.text('right'),
								fact: p.text('fact'),
								correct: p.bool('correct')
							}))
						};
			return {
				mode,
				...parts,
				options: os.map((o) => claimOption(o, mode)),
				answer: c.optionNumber('answer', os.length)
			};
		}
		case 'assertion_reason':
			if (ps.length !== 2)
				c.problem(
					undefined,
					`an assertion_reason question needs exactly two part rows (the assertion, then the reason); it has ${ps.length}`
				);
			return {
				style: c.choice('style', STYLES, 'assertion_reason'),
				assertion: ps[0] && judged(ps[0]),
				reason: ps[1] && judged(ps[1]),
				explains: c.bool('answer', false)
			};
	}
}

function readQuestion({ cells: c, options, parts }: QuestionGroup): object {
	const type = c.choice('type', QUESTION_TYPES);
	const base = {
		id: c.text('id'),
		type,
		prompt: c.text('text'),
		explanation: c.text('explanation'),
		facts: c.list('facts'),
		difficulty: Number(c.choice('difficulty', DIFFICULTIES, '2'))
	};
	if (!type) {
		// Without a known type nothing else in the question can be read; say so once.
		for (const cells of [c, ...options, ...parts]) cells.useAll();
		return base;
	}
	for (const sub of [...options, ...parts])
		if (!SUB_ROWS[type][sub.kind as 'option' | 'part']) {
			sub.problem('kind', `${type} questions take no ${sub.kind} rows`);
			sub.useAll();
		}
	const body = readBody(type, c, options, parts);
	c.reportUnused(`a question row of type ${type}`);
	for (const sub of [...options, ...parts])
		sub.reportUnused(`${rowName(sub.kind)} of a question of type ${type}`);
	return { ...base, ...body };
}

/** The rows, grouped, as a deck object (not yet validated) and the row of each item. */
function buildDeck(
	rows: Cells[],
	firstRow: number,
	problems: string[]
): { raw: object; rows: RowIndex } {
	const groups = group(rows, problems);
	if (!groups.deck)
		problems.push(
			`${at(rows[0]?.row ?? firstRow, 'kind')}no deck row: the first row below the header must have kind "deck"`
		);
	const deck = groups.deck ? readDeckRow(groups.deck, groups.source) : {};
	const asOf = (deck as { asOf?: string }).asOf ?? '';
	const raw = {
		...deck,
		topics: groups.topics.map(readTopic),
		facts: groups.facts.map((f) => readFact(f, asOf)),
		questions: groups.questions.map(readQuestion)
	};
	const index: RowIndex = {
		deck: groups.deck?.row ?? firstRow,
		source: groups.source.map((s) => s.row),
		topics: groups.topics.map((t) => t.row),
		facts: groups.facts.map((f) => f.row),
		questions: groups.questions.map((q) => ({
			row: q.cells.row,
			options: q.options.map((o) => o.row),
			parts: q.parts.map((p) => p.row)
		}))
	};
	return { raw, rows: index };
}

/**
 * Read a deck CSV (or TSV) into a plain object in the deck's shape, not yet validated, with the
 * row that produced each item. Problems are one line each: `row N, column C: message`, where N
 * is the spreadsheet row (the header is row 1).
 */
export function parseDeckCsv(text: string): ParseResult {
	const { records, problems } = readRecords(text);
	if (problems.length) return { ok: false, problems };
	const headerAt = records.findIndex((r) => !isBlank(r));
	if (headerAt < 0) return { ok: false, problems: [`${at(1)}the file is empty`] };
	const header = readHeader(records[headerAt], headerAt + 1, problems);
	if (problems.length) return { ok: false, problems };

	const rows = records.flatMap((record, i) =>
		i <= headerAt || isBlank(record) ? [] : (readRow(record, i + 1, header, problems) ?? [])
	);
	const built = buildDeck(rows, headerAt + 2, problems);
	return problems.length ? { ok: false, problems: byRow(problems) } : { ok: true, ...built };
}

// ---------------------------------------------------------------------------------------------
// Validation problems at their rows

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
const QUESTION_FIELDS: Table = {
	id: 'id',
	type: 'type',
	mode: 'mode',
	style: 'style',
	prompt: 'text',
	explanation: 'explanation',
	facts: 'facts',
	difficulty: 'difficulty',
	statement: 'statement',
	answer: 'answer',
	answers: 'answer',
	accepted: 'answer',
	explains: 'answer',
	tolerance: 'tolerance',
	unit: 'unit',
	columns: 'columns'
};
/**
 * Question fields held by the rows below the question: which rows, the fixed index for the
 * assertion and the reason, and the column for a message about the whole option or part.
 */
const SUB_ROW_FIELDS: Partial<
	Record<string, { rows: 'options' | 'parts'; index?: number; column: CsvColumn }>
> = {
	options: { rows: 'options', column: 'text' },
	statements: { rows: 'parts', column: 'text' },
	pairs: { rows: 'parts', column: 'text' },
	items: { rows: 'parts', column: 'text' },
	assertion: { rows: 'parts', index: 0, column: 'correct' },
	reason: { rows: 'parts', index: 1, column: 'correct' }
};
const SUB_ROW_COLUMNS: Table = {
	text: 'text',
	left: 'text',
	right: 'right',
	fact: 'fact',
	correct: 'correct',
	claims: 'claims',
	count: 'claims'
};

function lookup<T>(table: Partial<Record<string, T>>, key: string | undefined): T | undefined {
	return key !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}

interface Segment {
	name: string;
	index?: number;
}

/** The field path a message starts with, `options[3].claims[0] …` → options[3], claims[0]. */
function leadingPath(detail: string): Segment[] {
	const token = /^[\w$]+(?:\[\d+\]|\.[\w$]+)*/.exec(detail)?.[0] ?? '';
	return [...token.matchAll(/([\w$]+)((?:\[\d+\])*)/g)].map(([, name, index]) => ({
		name,
		index: index ? Number(/\d+/.exec(index)?.[0]) : undefined
	}));
}

interface Place {
	row: number | undefined;
	column?: CsvColumn;
}

function placeInQuestion(rows: QuestionRows, path: Segment[]): Place {
	const [head, sub] = path;
	const held = lookup(SUB_ROW_FIELDS, head?.name);
	if (!held) return { row: rows.row, column: lookup(QUESTION_FIELDS, head?.name) };
	const index = held.index ?? head.index;
	if (index === undefined) return { row: rows.row };
	return {
		row: rows[held.rows][index],
		column: sub ? lookup(SUB_ROW_COLUMNS, sub.name) : held.column
	};
}

/**
 * Where a validation message points, e.g. `question "q": options[3] repeats options[1]`: the
 * item (by id, or `#n` in schema messages), then the field path that opens the detail.
 */
function place(detail: string, raw: RawDeck, rows: RowIndex): Place {
	const item = /^(fact|question) (?:"(.*?)"|#(\d+))(?:: |$)/.exec(detail);
	if (item) {
		const [matched, kind, id, number] = item;
		const list = kind === 'fact' ? 'facts' : 'questions';
		// A repeated id names its item twice; the message gives the repeat's index at its end.
		const repeat = new RegExp(`\\(${list}\\[(\\d+)\\]\\)$`).exec(detail)?.[1];
		const index = repeat
			? Number(repeat)
			: number
				? Number(number) - 1
				: (raw[list] ?? []).findIndex((x) => x.id === id);
		const path = leadingPath(detail.slice(matched.length));
		if (list === 'facts')
			return { row: rows.facts[index], column: lookup(FACT_FIELDS, path[0]?.name) };
		return rows.questions[index]
			? placeInQuestion(rows.questions[index], path)
			: { row: undefined };
	}
	const path = leadingPath(detail);
	if (!path.length) return { row: undefined };
	if (path[0].name === 'topics' && path[0].index !== undefined)
		return {
			row: rows.topics[path[0].index],
			column: path[1] ? lookup(TOPIC_FIELDS, path[1].name) : 'id'
		};
	if (path.map((s) => s.name).join('.') === 'source.text')
		return { row: rows.source[0] ?? rows.deck, column: 'text' };
	return { row: rows.deck, column: lookup(DECK_FIELDS, path.map((s) => s.name).join('.')) };
}

type RawDeck = Partial<Record<'facts' | 'questions', Array<{ id?: unknown }>>>;

/** `deck.csv: question "q": …` → `row 12, column text: question "q": …`, where it can be placed. */
function atRow(message: string, file: string, raw: RawDeck, rows: RowIndex): string {
	const prefix = `${file}: `;
	if (!message.startsWith(prefix)) return message;
	const detail = message.slice(prefix.length);
	const { row, column } = place(detail, raw, rows);
	return row === undefined ? message : at(row, column) + detail;
}

/**
 * Import a deck from CSV: read the rows, validate the deck against its own source text, and
 * report every problem at its spreadsheet row and column (`row 12, column text: …`).
 */
export function importDeckCsv(text: string, file = 'deck.csv'): ImportResult {
	const parsed = parseDeckCsv(text);
	if (!parsed.ok) return parsed;
	// A teacher's deck is often small: one question per fact is enough to be useful.
	const result = validateDeck(parsed.raw, '', file, { minQuestionsPerFact: 1, minTypesPerFact: 1 });
	if (result.ok) return { ok: true, deck: result.deck };
	const raw = parsed.raw as RawDeck;
	return {
		ok: false,
		problems: byRow(result.problems.map((p) => atRow(p, file, raw, parsed.rows)))
	};
}

// ---------------------------------------------------------------------------------------------
// Export

type CsvRecord = Partial<Record<CsvColumn, string>>;

const list = (values: readonly (string | number)[]) => values.join(LIST_SEPARATOR);
const bool = (b: boolean) => String(b);

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

const option = (text: string, claims?: string): CsvRecord => ({ kind: 'option', text, claims });
const part = (p: { text: string; fact: string; right?: string; correct?: boolean }): CsvRecord => ({
	kind: 'part',
	text: p.text,
	right: p.right,
	fact: p.fact,
	correct: p.correct === undefined ? undefined : bool(p.correct)
});

/** The question row's type-specific cells and the option and part rows below it. */
function questionBody(q: Question): { cells: CsvRecord; rows: CsvRecord[] } {
	switch (q.type) {
		case 'flashcard':
			return { cells: { answer: q.answer }, rows: [] };
		case 'mcq':
			return { cells: { answer: String(q.answer + 1) }, rows: q.options.map((o) => option(o)) };
		case 'multi':
			return {
				cells: { answer: list(q.answers.map((a) => a + 1)) },
				rows: q.options.map((o) => option(o))
			};
		case 'true_false':
			return { cells: { statement: q.statement, answer: bool(q.answer) }, rows: [] };
		case 'cloze':
			return { cells: { answer: list(q.accepted) }, rows: [] };
		case 'numeric':
			return {
				cells: { answer: String(q.answer), tolerance: String(q.tolerance), unit: q.unit },
				rows: []
			};
		case 'match':
			return {
				cells: { columns: list(q.columns) },
				rows: q.pairs.map((p) => part({ text: p.left, right: p.right, fact: p.fact }))
			};
		case 'order':
			return { cells: {}, rows: q.items.map(part) };
		case 'statements':
		case 'pairs': {
			const parts =
				q.type === 'statements'
					? q.statements.map(part)
					: q.pairs.map((p) => part({ ...p, text: p.left }));
			const options = q.options.map((o) =>
				option(o.text, 'claims' in o ? list(o.claims) : String(o.count))
			);
			const columns = q.type === 'pairs' ? list(q.columns) : undefined;
			return {
				cells: { mode: q.mode, columns, answer: String(q.answer + 1) },
				rows: [...parts, ...options]
			};
		}
		case 'assertion_reason':
			return {
				cells: { style: q.style, answer: bool(q.explains) },
				rows: [part(q.assertion), part(q.reason)]
			};
	}
}

function questionRecords(q: Question): CsvRecord[] {
	const { cells, rows } = questionBody(q);
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
 * Write a deck as CSV (the layout of docs/csv-format.md), with the source text as one `source`
 * row per paragraph. `importDeckCsv` reads it back to the same deck, carrying the source text.
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
