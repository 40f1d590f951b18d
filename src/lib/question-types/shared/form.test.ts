/** The forms' pure edits: the answer follows its option, options follow the parts, issues find their field. */
import { describe, expect, test } from 'vitest';
import { issuesUnder, type Issue } from '../../bank/issues';
import { checkJudged } from './judged-check';
import { sample as mcqSample } from '../mcq/sample';
import { sample as multiSample } from '../multi/sample';
import { sample as statementsSample } from '../statements/sample';
import { statementsDraft } from '../statements/draft';
import {
	addOption,
	fieldOf,
	issuesAt,
	issueText,
	markRight,
	moveOption,
	moved,
	movedIndex,
	removeOption,
	unplaced
} from './form';
import {
	addJudgedOption,
	addPart,
	isStandard,
	moveJudgedOption,
	movePart,
	removeJudgedOption,
	removePart,
	setJudgedOption,
	setMode,
	setPart
} from './form-judged';

/** The claims of each option of a "which" item. */
const claimsOf = (q: { options: Array<{ claims: number[] } | { count: number }> }) =>
	q.options.map((o) => ('claims' in o ? o.claims : null));

const mcq = mcqSample.question; // Dairy, Grain, Nuclear (right), Oil
const multi = multiSample.question; // Semiconductors (right), Dairy, AI (right), Textiles

describe('lists', () => {
	test('an item moved, and where every other index goes', () => {
		const list = ['a', 'b', 'c', 'd'];
		for (const [from, to] of [
			[0, 3],
			[3, 0],
			[1, 2],
			[2, 2]
		]) {
			const after = moved(list, from, to);
			list.forEach((x, k) => expect(after[movedIndex(k, from, to)]).toBe(x));
		}
		expect(moved(list, 0, 9)).toEqual(list);
	});
});

describe('mcq and multi options', () => {
	test('moving an option keeps the right one right', () => {
		const q = moveOption(mcq, 2, 0);
		expect(q.options).toEqual(['Nuclear', 'Dairy', 'Grain', 'Oil']);
		expect(q.options[q.answer]).toBe('Nuclear');
		const m = moveOption(multi, 3, 0);
		expect(m.answers.map((a) => m.options[a])).toEqual(['Semiconductors', 'AI']);
		expect(mcq.options).toEqual(['Dairy', 'Grain', 'Nuclear', 'Oil']); // never mutated
	});

	test('removing an option keeps the right one right; removing it marks none', () => {
		const q = removeOption(mcq, 0);
		expect(q.options[q.answer]).toBe('Nuclear');
		expect(removeOption(mcq, 2).answer).toBe(-1);
		const m = removeOption(multi, 0);
		expect(m.answers.map((a) => m.options[a])).toEqual(['AI']);
	});

	test('adding and marking', () => {
		expect(addOption(mcq).options).toEqual([...mcq.options, '']);
		expect(markRight(mcq, 1, true).answer).toBe(1);
		expect(markRight(multi, 1, true).answers).toEqual([0, 1, 2]);
		expect(markRight(multi, 0, false).answers).toEqual([2]);
	});
});

describe('statements and pairs', () => {
	const facts = ['a', 'b', 'c'].map((id) => ({ id, statement: `Fact ${id}.` }));
	const draft = statementsDraft({ id: 'q', facts, truth: [true, false, true] });
	const clean = (q: typeof draft) => checkJudged(q, 'statements', q.statements, (s) => s.text);

	test('with the standard options, marking a part false gives the new set and answer', () => {
		expect(isStandard(draft, draft.statements)).toBe(true);
		const q = setPart(draft, 'statements', 2, { ...draft.statements[2], correct: false });
		expect(q.options[q.answer].text).toBe('1 only');
		expect(isStandard(q, q.statements)).toBe(true);
		expect(clean(q)).toEqual([]);
	});

	test('adding, moving and removing parts keeps the facts, options and answer right', () => {
		let q = addPart(draft, 'statements', { text: 'Fact d.', fact: 'd', correct: true });
		expect(q.facts).toEqual(['a', 'b', 'c', 'd']);
		expect(claimsOf(q)[q.answer]).toEqual([1, 3, 4]);
		q = movePart(q, 'statements', 3, 0);
		expect(claimsOf(q)[q.answer]).toEqual([1, 2, 4]);
		q = removePart(q, 'statements', 1);
		expect(q.facts).toEqual(['d', 'b', 'c']);
		expect(clean(q)).toEqual([]);
	});

	test("the author's options are kept and renumbered with the parts", () => {
		// 1, 2 and 3 / 1 and 3 (right) / 2 and 3 / 1 and 2: the exam's words, not its order.
		const sample = statementsSample.question;
		if (sample.mode !== 'which') throw new Error('the sample asks "which"');
		const mine = { ...sample, options: [...sample.options].reverse(), answer: 1 };
		expect(isStandard(mine, mine.statements)).toBe(false);
		const q = movePart(mine, 'statements', 0, 2); // b, c, a: right is now 2 and 3
		expect(claimsOf(q)).toEqual([
			[3, 1, 2],
			[3, 2],
			[1, 2],
			[3, 1]
		]);
		expect(q.options[q.answer].text).toBe('1 and 3 only'); // the words are the author's to fix
		expect(q.answer).toBe(1);
		const r = removePart(mine, 'statements', 1);
		expect(claimsOf(r)).toEqual([[1, 2], [1, 2], [2], [1]]);
	});

	test('options: edited, moved, removed, added; the answer follows', () => {
		let q = moveJudgedOption(draft, draft.answer, 0);
		expect(q.answer).toBe(0);
		q = setJudgedOption(q, 'statements', 1, { text: '1 and 3 only', claims: [1, 3] });
		expect(q.answer).toBe(0); // the first that fits
		q = removeJudgedOption(q, 'statements', 0);
		expect(q.answer).toBe(0);
		q = addJudgedOption(q);
		expect(q.options.at(-1)).toEqual({ text: '', claims: [] });
	});

	test('another mode: its standard options', () => {
		const q = setMode(draft, 'statements', 'how_many');
		expect(q.options.map((o) => o.text)).toEqual(['Only one', 'Only two', 'All three', 'None']);
		expect(q.answer).toBe(1);
	});
});

describe('where issues are shown', () => {
	const issue = (...path: (string | number)[]): Issue => ({ path, message: 'x' });

	test('at the field the path starts with, when the question holds it', () => {
		expect(fieldOf(mcq, ['options', 2])).toEqual(['options', 2]);
		expect(fieldOf(mcq, ['options', 7])).toEqual(['options']);
		expect(fieldOf(mcq, ['facts', 0])).toEqual(['facts']);
		expect(fieldOf(draft(), ['statements', 1, 'fact'])).toEqual(['statements', 1, 'fact']);
		expect(fieldOf(draft(), ['options', 1, 'claims', 0])).toEqual(['options', 1]);
		expect(fieldOf(mcq, [])).toBeNull();
		expect(fieldOf(mcq, ['id'])).toBeNull();
	});

	test('each issue shown once: beside a field or at the top', () => {
		const issues = [issue('options', 1), issue(), issue('answer'), issue('id')];
		expect(issuesAt(mcq, issues, ['options', 1])).toEqual([issues[0]]);
		expect(issuesAt(mcq, issues, ['answer'])).toEqual([issues[2]]);
		expect(unplaced(mcq, issues)).toEqual([issues[1], issues[3]]);
	});

	test("a deck's issues and lint findings, as the question's", () => {
		const deck = [
			{ path: ['questions', 2, 'options', 1], message: 'repeats options[0]', continuesField: true },
			{ path: ['questions', 3, 'prompt'], message: 'x' },
			{ path: ['facts', 2], message: 'y' }
		];
		expect(issuesUnder(deck, ['questions', 2])).toEqual([
			{ path: ['options', 1], message: 'repeats options[0]', continuesField: true }
		]);
		const lint = [
			{
				path: ['questions', 0, 'prompt'],
				message: 'says "today"',
				severity: 'warning',
				continuesField: true
			}
		];
		const [finding] = issuesUnder(lint, ['questions', 0]);
		expect(finding.severity).toBe('warning');
		expect(issueText(finding)).toBe('Warning: prompt says "today"');
		expect(issueText(issuesUnder(deck, ['questions', 3])[0])).toBe('prompt: x');
	});

	function draft() {
		return statementsDraft({
			id: 'q',
			facts: [
				{ id: 'a', statement: 'A.' },
				{ id: 'b', statement: 'B.' }
			]
		});
	}
});
