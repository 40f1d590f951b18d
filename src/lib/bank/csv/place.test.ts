import { describe, expect, test } from 'vitest';
import { csvTemplate } from '../csv-template';
import { importDeckCsv, parseDeckCsv } from '../csv';
import { placeIssue } from './place';
import type { RowIndex } from './read';

/** A row index as the reader builds it: row 1 is the header. */
const ROWS: RowIndex = {
	deck: 2,
	source: [3, 4],
	topics: [5, 6],
	facts: [7, 8],
	questions: [
		{ row: 9, type: 'multi', options: [10, 11, 12], parts: [] },
		{ row: 13, type: 'statements', options: [17, 18], parts: [14, 15, 16] },
		{ row: 19, type: 'assertion_reason', options: [], parts: [20, 21] },
		{ row: 22, type: 'pairs', options: [26, 27], parts: [23, 24, 25] }
	]
};

describe('placeIssue maps a path alone to its row and column', () => {
	test.each([
		// the deck row
		{ path: ['title'], row: 2, column: 'text' },
		{ path: ['source', 'published'], row: 2, column: 'published' },
		{ path: ['topics'], row: 2, column: undefined },
		// a source row
		{ path: ['source', 'text'], row: 3, column: 'text' },
		// a topic row
		{ path: ['topics', 1], row: 6, column: 'id' },
		{ path: ['topics', 1, 'label'], row: 6, column: 'text' },
		// a fact row
		{ path: ['facts', 1, 'quote'], row: 8, column: 'quote' },
		{ path: ['facts', 0, 'topics', 2], row: 7, column: 'topics' },
		{ path: ['facts', 0], row: 7, column: undefined },
		// a question row
		{ path: ['questions', 0, 'prompt'], row: 9, column: 'text' },
		{ path: ['questions', 0, 'answers', 1], row: 9, column: 'answer' },
		{ path: ['questions', 1, 'mode'], row: 13, column: 'mode' },
		{ path: ['questions', 0, 'options'], row: 9, column: undefined },
		// an option row
		{ path: ['questions', 0, 'options', 2], row: 12, column: 'text' },
		{ path: ['questions', 1, 'options', 1, 'claims', 0], row: 18, column: 'claims' },
		{ path: ['questions', 1, 'options', 0, 'count'], row: 17, column: 'claims' },
		// a part row
		{ path: ['questions', 1, 'statements', 2, 'fact'], row: 16, column: 'fact' },
		{ path: ['questions', 3, 'pairs', 0, 'right'], row: 23, column: 'right' },
		{ path: ['questions', 3, 'pairs', 1, 'left'], row: 24, column: 'text' },
		{ path: ['questions', 3, 'columns'], row: 22, column: 'columns' },
		{ path: ['questions', 2, 'assertion'], row: 20, column: 'correct' },
		{ path: ['questions', 2, 'reason', 'text'], row: 21, column: 'text' }
	])('$path → row $row, column $column', ({ path, row, column }) => {
		expect(placeIssue(path, ROWS)).toEqual({ row, column });
	});

	test('a path to nothing the rows hold has no row', () => {
		expect(placeIssue([], ROWS).row).toBeUndefined();
		expect(placeIssue(['questions', 5, 'prompt'], ROWS).row).toBeUndefined();
		expect(placeIssue(['questions', 0, 'options', 7], ROWS).row).toBeUndefined();
	});

	test('the template: the mcq option and the first fact land on the rows the reader saw', () => {
		const parsed = parseDeckCsv(csvTemplate());
		if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
		expect(placeIssue(['questions', 1, 'options', 3], parsed.rows)).toEqual({
			row: 29,
			column: 'text'
		});
		expect(placeIssue(['facts', 0, 'statement'], parsed.rows)).toEqual({
			row: 12,
			column: 'text'
		});
	});
});

describe('importDeckCsv places problems by path, not by the words of the message', () => {
	test('a problem in the second of two questions with one id is placed at the second', () => {
		const [header, ...rows] = csvTemplate().split('\r\n');
		const mcq = rows.findIndex((r) => r.startsWith('question,panels-mcq,'));
		const multi = rows.findIndex((r) => r.startsWith('question,work-2025-multi,'));
		// The multi question takes the mcq's id and loses its prompt.
		rows[multi] = rows[multi]
			.replace('work-2025-multi', 'panels-mcq')
			.replace('Which steps of the project took place in 2025? Select all that apply.', '');
		const result = importDeckCsv([header, ...rows].join('\r\n'));
		// The message names the question by its id, which both rows share; the row is the multi's.
		expect(result.ok ? [] : result.problems).toContain(
			`row ${multi + 2}, column text: question "panels-mcq": prompt: must not be empty`
		);
		expect(mcq).toBeLessThan(multi);
	});
});
