/**
 * Reading a deck CSV: the text into records, the header, each row into cells, the rows grouped
 * by kind (options and parts under their question), and the groups into a raw deck (not yet
 * validated), with the row that produced each item (`RowIndex`).
 */
import Papa from 'papaparse';
import { QUESTION_TYPE_DEFS, QUESTION_TYPES, type QuestionTypeId } from '../../question-types';
import {
	byRow,
	problemLine,
	Cells,
	choiceKey,
	cleanCell,
	compact,
	CSV_COLUMNS,
	ROW_KINDS,
	type CsvColumn,
	type CsvProblem,
	type CsvRecord,
	type RowKind
} from './cells';

const DIFFICULTIES = ['1', '2', '3'] as const;

/** The rows of a question: its own row and the option and part rows below it. */
export interface QuestionRows {
	row: number;
	/** The question's type, when its row names a known one (it says where each field is written). */
	type?: QuestionTypeId;
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
	const problems = result.errors.map((e) => ({
		row: (e.row ?? 0) + 1,
		message: PAPA_MESSAGES[e.code] ?? e.message
	}));
	return { records: result.data, problems: [...new Set(problems.map(problemLine))] };
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
function readHeader(
	record: string[],
	row: number,
	problems: CsvProblem[]
): (CsvColumn | undefined)[] {
	const seen = new Set<string>();
	const columns = record.map((cell) => {
		const name = columnKey(cell);
		if (name && !isColumn(name)) problems.push({ row, message: `unknown column "${cell.trim()}"` });
		if (!name || !isColumn(name)) return undefined;
		if (seen.has(name)) problems.push({ row, message: `column "${name}" appears twice` });
		seen.add(name);
		return name;
	});
	if (!seen.has('kind')) problems.push({ row, message: 'missing column "kind"' });
	return columns;
}

/** One record as cells; a value under no column name is a problem. */
function readRow(
	record: string[],
	row: number,
	header: (CsvColumn | undefined)[],
	problems: CsvProblem[]
): Cells | undefined {
	const values: CsvRecord = {};
	record.forEach((cell, i) => {
		const value = cleanCell(cell);
		const column = header[i];
		if (column) values[column] = value;
		else if (value)
			problems.push({
				row,
				message: `cell ${i + 1} ("${value}") has no column name in the header`
			});
	});
	const kind = ROW_KINDS.find((k) => k === choiceKey(values.kind ?? ''));
	if (!kind) {
		const message = values.kind
			? `"${values.kind}" is not one of ${ROW_KINDS.join(', ')}`
			: 'must not be empty';
		problems.push({ row, column: 'kind', message });
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
function group(rows: Cells[]): Groups {
	const groups: Groups = { source: [], topics: [], facts: [], questions: [] };
	const lists = { source: groups.source, topic: groups.topics, fact: groups.facts };
	for (const cells of rows) {
		const question = groups.questions.at(-1);
		switch (cells.kind) {
			case 'deck':
				if (groups.deck)
					cells.problem('kind', `a second deck row (the deck row is row ${groups.deck.row})`);
				else if (cells !== rows[0])
					cells.problem('kind', 'the deck row must come first, right below the header');
				groups.deck ??= cells;
				break;
			case 'question':
				groups.questions.push({ cells, options: [], parts: [] });
				break;
			case 'option':
			case 'part':
				if (question) question[cells.kind === 'option' ? 'options' : 'parts'].push(cells);
				else cells.problem('kind', `${rowName(cells.kind)} must come below its question row`);
				break;
			default:
				lists[cells.kind].push(cells);
		}
	}
	return groups;
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
	const csv = QUESTION_TYPE_DEFS[type].csv;
	const takes = new Set(
		Object.values(csv.fields).map((place) => (typeof place === 'object' ? place.rows : 'cell'))
	);
	for (const sub of [...options, ...parts])
		if (!takes.has(sub.kind === 'option' ? 'options' : 'parts')) {
			sub.problem('kind', `${type} questions take no ${sub.kind} rows`);
			sub.useAll();
		}
	const body = csv.read(c, options, parts);
	c.reportUnused(`a question row of type ${type}`);
	for (const sub of [...options, ...parts])
		sub.reportUnused(`${rowName(sub.kind)} of a question of type ${type}`);
	return { ...base, ...body };
}

/** The rows, grouped, as a deck object (not yet validated) and the row of each item. */
function buildDeck(
	rows: Cells[],
	firstRow: number,
	problems: CsvProblem[]
): { raw: object; rows: RowIndex } {
	const groups = group(rows);
	if (!groups.deck)
		problems.push({
			row: rows[0]?.row ?? firstRow,
			column: 'kind',
			message: 'no deck row: the first row below the header must have kind "deck"'
		});
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
		questions: groups.questions.map((q, i) => ({
			row: q.cells.row,
			type: (raw.questions[i] as { type?: QuestionTypeId }).type,
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
	const records = readRecords(text);
	if (records.problems.length) return { ok: false, problems: records.problems };
	const { records: all } = records;
	const problems: CsvProblem[] = [];
	const headerAt = all.findIndex((r) => !isBlank(r));
	if (headerAt < 0)
		return { ok: false, problems: [problemLine({ row: 1, message: 'the file is empty' })] };
	const header = readHeader(all[headerAt], headerAt + 1, problems);
	if (problems.length) return { ok: false, problems: problems.map(problemLine) };

	const rows = all.flatMap((record, i) =>
		i <= headerAt || isBlank(record) ? [] : (readRow(record, i + 1, header, problems) ?? [])
	);
	const built = buildDeck(rows, headerAt + 2, problems);
	return problems.length ? { ok: false, problems: byRow(problems) } : { ok: true, ...built };
}
