import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import {
	CSV_COLUMNS,
	deckToCsv,
	importDeckCsv,
	parseDeckCsv,
	sourceParagraphs,
	type ImportResult
} from './csv';
import { csvTemplate, TEMPLATE_DECK, TEMPLATE_SOURCE } from './csv-template';
import { QUESTION_TYPES, type Deck, type Question } from './schema';
import { bigDeck, markedDeck } from './test-helpers';

const root = new URL('../../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

/**
 * What an imported deck equals: the original without `$schema` and `source.file` (a CSV carries
 * neither), carrying its source text instead. The one normalisation is the source text's layout:
 * paragraphs are split on blank lines (runs of blank lines and Windows line ends collapse), each
 * paragraph is trimmed, and they are joined with one blank line. Line breaks inside a paragraph
 * are kept.
 */
function asImported(deck: Deck & { $schema?: string }, sourceText: string): Deck {
	const { $schema, ...rest } = structuredClone(deck);
	void $schema;
	const { file, ...source } = rest.source;
	void file;
	return { ...rest, source: { ...source, text: sourceParagraphs(sourceText).join('\n\n') } };
}

function deckOf(result: ImportResult): Deck {
	if (!result.ok) throw new Error(`import failed:\n${result.problems.join('\n')}`);
	return result.deck;
}

const problemsOf = (result: ImportResult) => (result.ok ? [] : result.problems);

/** The template deck with some questions replaced (by id). */
function makeDeck(
	change: (q: Question) => Question = (q) => q,
	overrides: Partial<Deck> = {}
): Deck {
	const deck = structuredClone(TEMPLATE_DECK);
	return { ...deck, questions: deck.questions.map(change), ...overrides };
}

describe('deckToCsv and importDeckCsv round-trip', () => {
	test('the bank deck comes back deep-equal, carrying its source text', () => {
		const deck = JSON.parse(read('questions/india-us-2026-01/deck.json'));
		const text = read('questions/india-us-2026-01/source.txt');
		expect(deckOf(importDeckCsv(deckToCsv(deck, text)))).toEqual(asImported(deck, text));
	});

	test('a deck with every type, both modes and both styles comes back deep-equal', () => {
		const types = new Set(TEMPLATE_DECK.questions.map((q) => q.type));
		expect([...types].sort()).toEqual([...QUESTION_TYPES].sort());
		const csv = deckToCsv(TEMPLATE_DECK, TEMPLATE_SOURCE);
		expect(deckOf(importDeckCsv(csv))).toEqual(asImported(TEMPLATE_DECK, TEMPLATE_SOURCE));
	});

	test('awkward values survive: commas, quotes, line breaks, formula-like text, signs and decimals', () => {
		const source = `${TEMPLATE_SOURCE}\r\n\r\n\r\n  =SUM(A1:A2) starts this paragraph, "quoted"\nand this line.  `;
		const deck = makeDeck(
			(q) => {
				if (q.type === 'numeric') return { ...q, answer: -2.75, tolerance: 0.25, unit: undefined };
				if (q.type === 'flashcard')
					return { ...q, prompt: '=1+1, "really"?\nSecond line', answer: "'=quoted formula" };
				if (q.type === 'mcq') return { ...q, options: ['-5 degrees', '+5', '@home', '- a dash'] };
				return q;
			},
			{
				description: undefined,
				source: { ...TEMPLATE_DECK.source, url: 'https://example.org/a?b=1,2' }
			}
		);
		delete deck.description;
		delete (deck.questions.find((q) => q.type === 'numeric') as { unit?: string }).unit;
		deck.facts[0] = { ...deck.facts[0], asOf: '2026-01-01', volatile: true };
		deck.facts[1] = {
			...deck.facts[1],
			quote: '=SUM(A1:A2) starts this paragraph, "quoted" and this'
		};
		const csv = deckToCsv(deck, source);
		// Spreadsheets would run these cells as formulas; the export guards them with an apostrophe.
		expect(csv).toContain(`"'=1+1, ""really""?\nSecond line"`);
		expect(csv).toContain(`'- a dash`);
		expect(csv).toContain(',-2.75,');
		expect(deckOf(importDeckCsv(csv))).toEqual(asImported(deck, source));
	});

	test('the same deck saved as TSV or with semicolons imports the same', () => {
		const rows = Papa.parse<string[]>(csvTemplate()).data;
		const expected = deckOf(importDeckCsv(csvTemplate()));
		for (const delimiter of ['\t', ';'])
			expect(deckOf(importDeckCsv(Papa.unparse(rows, { delimiter })))).toEqual(expected);
	});

	test('a UTF-8 byte order mark, blank rows and capitalised column names are accepted', () => {
		const [header, ...rest] = csvTemplate().split('\r\n');
		const text = `\uFEFF${header.replace('kind', 'Kind').replace('source_title', 'Source Title')}\r\n,,,\r\n${rest.join('\r\n\r\n')}\r\n`;
		expect(deckOf(importDeckCsv(text))).toEqual(deckOf(importDeckCsv(csvTemplate())));
	});

	test('markup in every text field is imported unchanged, as plain text', () => {
		const markup = '<img src=x onerror=alert(1)> <script>alert("x")</script>';
		const { deck, source } = markedDeck(markup);
		const imported = deckOf(importDeckCsv(deckToCsv(deck, source)));
		expect(imported).toEqual(asImported(deck, source));
		expect(imported.questions[0].prompt).toBe(`Who designed the Lakeside solar farm? ${markup}`);
	});

	test('a 5 MB deck of thousands of facts and questions imports', { timeout: 60_000 }, () => {
		const count = 6000;
		const { deck, sourceText } = bigDeck(count);
		const base = TEMPLATE_DECK;
		const csv = deckToCsv(deck, sourceText);
		expect(csv.length).toBeGreaterThan(5_000_000);
		const imported = deckOf(importDeckCsv(csv));
		expect(imported.facts).toHaveLength(count);
		expect(imported.questions).toHaveLength(count);
		expect(imported.topics).toHaveLength(base.topics.length);
	});
});

describe('csvTemplate', () => {
	test('the template imports with no problems and has a question of every type', () => {
		const deck = deckOf(importDeckCsv(csvTemplate()));
		expect(new Set(deck.questions.map((q) => q.type))).toEqual(new Set(QUESTION_TYPES));
	});

	test('the template shows statements and pairs in both modes and both assertion styles', () => {
		const deck = deckOf(importDeckCsv(csvTemplate()));
		const variants = new Set(
			deck.questions.map((q) =>
				'mode' in q ? `${q.type}:${q.mode}` : 'style' in q ? `${q.type}:${q.style}` : q.type
			)
		);
		for (const v of [
			'statements:which',
			'statements:how_many',
			'pairs:which',
			'pairs:how_many',
			'assertion_reason:assertion_reason',
			'assertion_reason:statement_i_ii'
		])
			expect(variants).toContain(v);
	});

	test('the template lists the columns in the canonical order', () => {
		expect(csvTemplate().split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
	});
});

describe('parseDeckCsv', () => {
	test('it remembers the row of every item, option and part', () => {
		const result = parseDeckCsv(csvTemplate());
		if (!result.ok) throw new Error(result.problems.join('\n'));
		const { rows } = result;
		expect(rows.deck).toBe(2);
		expect(rows.source).toEqual([3, 4, 5, 6, 7]);
		expect(rows.topics).toEqual([8, 9, 10, 11]);
		expect(rows.facts[0]).toBe(12);
		// The mcq (row 25) is followed by its four options.
		expect(rows.questions[1]).toEqual({
			row: 25,
			type: 'mcq',
			options: [26, 27, 28, 29],
			parts: []
		});
	});

	test('a row number counts records, not lines, when a quoted cell spans lines', () => {
		const text = 'kind,text\r\ndeck,"A title\r\nover two lines"\r\nsauce,x\r\n';
		expect(problemsOf(importDeckCsv(text))).toContain(
			'row 3, column kind: "sauce" is not one of deck, source, topic, fact, question, option, part'
		);
	});

	test('yes/no and 1/0 are read as booleans, in any case', () => {
		const csv = deckToCsv(TEMPLATE_DECK, TEMPLATE_SOURCE)
			.replace(/,true,/g, ',Yes,')
			.replace(/,false,/g, ',0,');
		expect(deckOf(importDeckCsv(csv))).toEqual(deckOf(importDeckCsv(csvTemplate())));
	});
});

// A small deck written with only the columns it needs, to break one cell at a time.
type Cells = Partial<Record<string, string>>;
const COLUMNS = [
	...['kind', 'id', 'type', 'text', 'statement', 'answer', 'explanation', 'facts'],
	...['topics', 'quote', 'as_of', 'source_title', 'published']
];
const MCQ_OPTIONS = ['Nuclear sector', 'Dairy sector', 'Grain market', 'Oil fields'];
/** Spreadsheet rows 2 to 13 (row 1 is the header). */
const BASE: Cells[] = [
	{ kind: 'deck', id: 'mini', text: 'Mini deck', as_of: '2026-01-13' },
	{ kind: 'source', text: 'The SHANTI Bill opens the door for limited private participation.' },
	{
		kind: 'source',
		text: 'Pax Silica is focused on semiconductors, advanced manufacturing, and AI.'
	},
	{ kind: 'topic', id: 'nuclear', text: 'Nuclear' },
	{
		kind: 'fact',
		id: 'shanti',
		text: 'The SHANTI Bill opens the nuclear sector to private firms.',
		quote: 'opens the door for limited private participation',
		topics: 'nuclear'
	},
	{
		kind: 'fact',
		id: 'pax',
		text: 'Pax Silica focuses on chips, manufacturing and AI.',
		quote: 'focused on semiconductors, advanced manufacturing, and AI',
		topics: 'nuclear'
	},
	{
		kind: 'question',
		id: 'q-mcq',
		type: 'mcq',
		text: 'What does the SHANTI Bill open?',
		answer: '1',
		explanation: 'It opens the nuclear sector.',
		facts: 'shanti'
	},
	...MCQ_OPTIONS.map((text) => ({ kind: 'option', text })),
	{
		kind: 'question',
		id: 'q-tf',
		type: 'true_false',
		text: 'True or false?',
		statement: 'Pax Silica is focused on dairy.',
		answer: 'false',
		explanation: 'It is focused on semiconductors.',
		facts: 'pax'
	}
];
BASE[0] = { ...BASE[0], source_title: 'Mini source', published: '2026-01-13' };

const toCsv = (rows: Cells[], columns = COLUMNS) =>
	Papa.unparse({ fields: columns, data: rows.map((r) => columns.map((c) => r[c] ?? '')) });

type Edit = (rows: Cells[]) => Cells[];
/** Change cells of the row at spreadsheet row `row`. */
const change =
	(row: number, cells: Cells): Edit =>
	(rows) =>
		rows.map((r, i) => (i + 2 === row ? { ...r, ...cells } : r));
/** Insert a row so that it becomes spreadsheet row `row`. */
const insert =
	(row: number, cells: Cells): Edit =>
	(rows) => [...rows.slice(0, row - 2), cells, ...rows.slice(row - 2)];
const remove =
	(row: number): Edit =>
	(rows) =>
		rows.filter((_, i) => i + 2 !== row);

/**
 * One cell made wrong: [what, spreadsheet row, the cells changed there, the problem reported at
 * that row and the first cell's column]. The other cells change with it to reach the case.
 */
const BROKEN_CELLS: Array<[string, number, Cells, string]> = [
	[
		'a kind that does not exist',
		6,
		{ kind: 'facts' },
		'"facts" is not one of deck, source, topic, fact, question, option, part'
	],
	[
		'an mcq answer beyond its options',
		8,
		{ answer: '5' },
		'"5" is not an option number (the question has 4 options)'
	],
	[
		'an answer that is not a number',
		8,
		{ answer: 'b' },
		'"b" is not an option number (the question has 4 options)'
	],
	[
		'a numeric answer that is not a number',
		13,
		{ answer: 'fifty', type: 'numeric', statement: '' },
		'"fifty" is not a number'
	],
	['a boolean that is not true or false', 13, { answer: 'maybe' }, '"maybe" is not true or false'],
	['an empty required answer', 13, { answer: '' }, 'must not be empty'],
	[
		'a date not written as YYYY-MM-DD',
		2,
		{ as_of: '13/01/2026' },
		'"13/01/2026" is not a date (write it as YYYY-MM-DD)'
	],
	[
		'a date that does not exist',
		2,
		{ published: '2026-02-30' },
		'source.published: Invalid ISO date'
	],
	[
		'an id that is not a slug',
		8,
		{ id: 'Q MCQ' },
		'question "Q MCQ": id: must be a kebab-case slug (a-z, 0-9, single hyphens)'
	],
	[
		'a fact with an unknown topic',
		6,
		{ topics: 'nuclear | space' },
		`fact "shanti": topics[1] "space" is not one of the deck's topics`
	],
	[
		'a question naming an unknown fact',
		8,
		{ facts: 'shanti | shanty' },
		'question "q-mcq": facts[1] "shanty" is not a fact of this deck'
	],
	[
		'a quote that is not in the source',
		7,
		{ quote: 'focused on semiconductors and AI' },
		'fact "pax": quote does not occur verbatim in the source text (source.text)'
	],
	[
		'a repeated question id',
		13,
		{ id: 'q-mcq' },
		'question "q-mcq": id repeats questions[0] (questions[1])'
	],
	[
		'a repeated option',
		12,
		{ text: ' dairy  sector' },
		'question "q-mcq": options[3] repeats options[1]'
	],
	['an empty prompt', 8, { text: '' }, 'question "q-mcq": prompt: must not be empty'],
	['a value in a column the row does not use', 5, { answer: 'x' }, 'not used in a topic row']
];

/** How a CSV is broken: its rows edited, its columns renamed, or its text changed. */
interface Breakage {
	edit?: Edit;
	columns?: string[];
	text?: (csv: string) => string;
}
/** The rest: [what, how the CSV is broken, the problems reported]. */
const BROKEN: Array<[string, Breakage, string[]]> = [
	[
		'an unknown column',
		{ columns: COLUMNS.map((c) => (c === 'answer' ? 'anwser' : c)) },
		['row 1: unknown column "anwser"']
	],
	[
		'no kind column',
		{ columns: COLUMNS.filter((c) => c !== 'kind') },
		['row 1: missing column "kind"']
	],
	[
		'two deck rows',
		{ edit: insert(14, { kind: 'deck', id: 'again', text: 'Again' }) },
		['row 14, column kind: a second deck row (the deck row is row 2)']
	],
	[
		'no deck row',
		{ edit: remove(2) },
		['row 2, column kind: no deck row: the first row below the header must have kind "deck"']
	],
	[
		'no source rows',
		{ edit: (rows) => remove(3)(remove(3)(rows)) },
		['row 2: no source rows: give the source text in rows of kind "source", one paragraph per row']
	],
	[
		'an option before any question',
		{ edit: insert(8, { kind: 'option', text: 'Stray option' }) },
		['row 8, column kind: an option row must come below its question row']
	],
	[
		'an option below a question type that has none',
		{ edit: insert(14, { kind: 'option', text: 'Maybe' }) },
		['row 14, column kind: true_false questions take no option rows']
	],
	[
		'a fact no question tests',
		{
			edit: insert(14, {
				kind: 'fact',
				id: 'orphan',
				text: 'Orphan.',
				quote: 'Pax Silica',
				topics: 'nuclear'
			})
		},
		['row 14: fact "orphan": tested by 0 question(s); at least 1 required']
	],
	[
		'a cell below no column name',
		{
			text: (csv) =>
				csv.replace(
					'\r\ntopic,nuclear,,Nuclear,,,,,,,,,',
					'\r\ntopic,nuclear,,Nuclear,,,,,,,,,,extra'
				)
		},
		['row 5: cell 14 ("extra") has no column name in the header']
	],
	[
		'an unclosed quoted cell',
		{ text: (csv) => `${csv}\r\ntopic,"oops,Oops` },
		['row 14: a quoted cell is never closed (a " is missing)']
	],
	[
		'several problems at once, listed in row order',
		{ edit: (rows) => change(13, { answer: 'maybe' })(change(2, { as_of: 'soon' })(rows)) },
		[
			'row 2, column as_of: "soon" is not a date (write it as YYYY-MM-DD)',
			'row 13, column answer: "maybe" is not true or false'
		]
	]
];

describe('importDeckCsv problems', () => {
	test('the unbroken small deck imports', () => {
		expect(problemsOf(importDeckCsv(toCsv(BASE)))).toEqual([]);
	});

	test.each(BROKEN_CELLS)('%s is reported at its row and column', (_, row, cells, problem) => {
		const column = Object.keys(cells)[0];
		expect(problemsOf(importDeckCsv(toCsv(change(row, cells)(BASE))))).toEqual([
			`row ${row}, column ${column}: ${problem}`
		]);
	});

	test.each(BROKEN)('%s is reported where it is', (_, broken, problems) => {
		const csv = toCsv(broken.edit ? broken.edit(BASE) : BASE, broken.columns);
		expect(problemsOf(importDeckCsv(broken.text ? broken.text(csv) : csv))).toEqual(problems);
	});

	test('a problem with the deck as a whole is reported at the deck row', () => {
		expect(problemsOf(importDeckCsv(toCsv(remove(5)(BASE))))).toEqual([
			'row 2: topics: Too small: expected array to have >=1 items'
		]);
	});
});

describe('docs/csv-format.md', () => {
	/** The rows of every ```csv block of the docs, as cells by column. */
	function docRows(): Cells[] {
		const blocks = [...read('docs/csv-format.md').matchAll(/```csv\n([\s\S]*?)```/g)];
		expect(blocks.length).toBeGreaterThan(QUESTION_TYPES.length);
		return blocks.flatMap(([, block]) => {
			const parsed = Papa.parse<Cells>(block, { header: true, skipEmptyLines: 'greedy' });
			// Rows may stop after their last filled cell; that is fine in the importer too.
			expect(parsed.errors.filter((e) => e.type !== 'FieldMismatch')).toEqual([]);
			return parsed.data;
		});
	}

	test('the example rows are the template rows, and the question examples import', () => {
		const template = Papa.parse<Cells>(csvTemplate(), { header: true }).data;
		const rows = docRows();
		const [questions, others] = [
			rows.filter((r) => ['question', 'option', 'part'].includes(r.kind ?? '')),
			rows.filter((r) => !['question', 'option', 'part'].includes(r.kind ?? ''))
		];
		// Each deck, source, topic and fact example is a template row shown with fewer columns.
		for (const row of others)
			expect(template.some((t) => Object.entries(row).every(([k, v]) => t[k] === v))).toBe(true);
		const base = template.filter((t) => !['question', 'option', 'part'].includes(t.kind ?? ''));
		const deck = deckOf(importDeckCsv(toCsv([...base, ...questions], [...CSV_COLUMNS])));
		expect(new Set(deck.questions.map((q) => q.type))).toEqual(new Set(QUESTION_TYPES));
	});
});
