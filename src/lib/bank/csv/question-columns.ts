/**
 * What each question type reads from and writes to the deck CSV, beyond the columns every
 * question has (id, type, text, explanation, facts, difficulty):
 * - `SUB_ROWS`: which rows below its question row it takes (options, parts);
 * - `readQuestionColumns`: its own fields, from its question row, option rows and part rows;
 * - `writeQuestionColumns`: its own cells of the question row, and the rows below it;
 * - `QUESTION_ROW_FIELDS`, `SUB_ROW_FIELDS`, `SUB_ROW_COLUMNS`: where each of its fields is
 *   written, so that a problem with the field is reported at that row and column.
 * One switch per type; the rest of the CSV code knows no type.
 */
import type { Question, QuestionType } from '../schema';
import {
	bool,
	compact,
	list,
	parseWhole,
	type Cells,
	type CsvColumn,
	type CsvRecord
} from './cells';

const MODES = ['which', 'how_many'] as const;
const STYLES = ['assertion_reason', 'statement_i_ii'] as const;

/** Which kinds of rows below it each question type takes. */
export const SUB_ROWS: Record<QuestionType, { option: boolean; part: boolean }> = {
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

// ---------------------------------------------------------------------------------------------
// Reading

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

/**
 * The fields of a question that depend on its type, read from its question row `c`, its option
 * rows `os` and its part rows `ps` (not yet validated: the schema checks them).
 */
export function readQuestionColumns(
	type: QuestionType,
	c: Cells,
	os: Cells[],
	ps: Cells[]
): object {
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

// ---------------------------------------------------------------------------------------------
// Writing

const option = (text: string, claims?: string): CsvRecord => ({ kind: 'option', text, claims });
const part = (p: { text: string; fact: string; right?: string; correct?: boolean }): CsvRecord => ({
	kind: 'part',
	text: p.text,
	right: p.right,
	fact: p.fact,
	correct: p.correct === undefined ? undefined : bool(p.correct)
});

/** The question row's type-specific cells and the option and part rows below it. */
export function writeQuestionColumns(q: Question): { cells: CsvRecord; rows: CsvRecord[] } {
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

// ---------------------------------------------------------------------------------------------
// Where each field is written

/** The types' fields written in a column of the question row. */
export const QUESTION_ROW_FIELDS: Partial<Record<string, CsvColumn>> = {
	mode: 'mode',
	style: 'style',
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
 * The types' fields held by the rows below the question: which rows, the fixed index for the
 * assertion and the reason, and the column for a problem with the whole option or part.
 */
export const SUB_ROW_FIELDS: Partial<
	Record<string, { rows: 'options' | 'parts'; index?: number; column: CsvColumn }>
> = {
	options: { rows: 'options', column: 'text' },
	statements: { rows: 'parts', column: 'text' },
	pairs: { rows: 'parts', column: 'text' },
	items: { rows: 'parts', column: 'text' },
	assertion: { rows: 'parts', index: 0, column: 'correct' },
	reason: { rows: 'parts', index: 1, column: 'correct' }
};

/** The column of each field of an option or a part. */
export const SUB_ROW_COLUMNS: Partial<Record<string, CsvColumn>> = {
	text: 'text',
	left: 'text',
	right: 'right',
	fact: 'fact',
	correct: 'correct',
	claims: 'claims',
	count: 'claims'
};
