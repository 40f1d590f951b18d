import { describe, expect, test } from 'vitest';
import { Rating } from 'ts-fsrs';
import type { Question, QuestionOf } from '../bank/schema';
import { grade, normaliseTyped, parseTypedNumber, type Response } from './grade';

const base = { prompt: 'p', explanation: 'e', difficulty: 2 as const };

const mcq: QuestionOf<'mcq'> = {
	...base,
	id: 'mcq',
	type: 'mcq',
	facts: ['a'],
	options: ['w', 'x', 'y', 'z'],
	answer: 2
};
const multi: QuestionOf<'multi'> = {
	...base,
	id: 'multi',
	type: 'multi',
	facts: ['a'],
	options: ['w', 'x', 'y', 'z'],
	answers: [0, 2]
};
const tf: QuestionOf<'true_false'> = {
	...base,
	id: 'tf',
	type: 'true_false',
	facts: ['a'],
	statement: 's',
	answer: false
};
const cloze: QuestionOf<'cloze'> = {
	...base,
	id: 'cloze',
	type: 'cloze',
	facts: ['a'],
	prompt: 'A ___ tariff',
	accepted: ['50%', 'fifty per cent']
};
const numeric: QuestionOf<'numeric'> = {
	...base,
	id: 'num',
	type: 'numeric',
	facts: ['a'],
	answer: 2,
	tolerance: 0,
	unit: 'billion US dollars'
};
const flashcard: QuestionOf<'flashcard'> = {
	...base,
	id: 'fc',
	type: 'flashcard',
	facts: ['a'],
	answer: 'b'
};
const match: QuestionOf<'match'> = {
	...base,
	id: 'match',
	type: 'match',
	facts: ['a', 'b', 'c'],
	columns: ['L', 'R'],
	pairs: [
		{ left: 'A', right: '1', fact: 'a' },
		{ left: 'B', right: '2', fact: 'b' },
		{ left: 'C', right: '3', fact: 'c' }
	]
};
const order: QuestionOf<'order'> = {
	...base,
	id: 'order',
	type: 'order',
	facts: ['a', 'b', 'c'],
	items: [
		{ text: 'first', fact: 'a' },
		{ text: 'second', fact: 'b' },
		{ text: 'third', fact: 'c' }
	]
};
/** Statement 1 (fact a) is correct, statement 2 (fact b) is not: the answer is "1 only". */
const statements: QuestionOf<'statements'> = {
	...base,
	id: 'st',
	type: 'statements',
	mode: 'which',
	facts: ['a', 'b'],
	statements: [
		{ text: 's1', fact: 'a', correct: true },
		{ text: 's2', fact: 'b', correct: false }
	],
	options: [
		{ text: '1 only', claims: [1] },
		{ text: '2 only', claims: [2] },
		{ text: 'Both 1 and 2', claims: [1, 2] },
		{ text: 'Neither 1 nor 2', claims: [] }
	],
	answer: 0
};
const howMany: QuestionOf<'pairs'> = {
	...base,
	id: 'pairs',
	type: 'pairs',
	mode: 'how_many',
	facts: ['a', 'b', 'c'],
	columns: ['L', 'R'],
	pairs: [
		{ left: 'A', right: '1', fact: 'a', correct: true },
		{ left: 'B', right: '2', fact: 'b', correct: true },
		{ left: 'C', right: '4', fact: 'c', correct: false }
	],
	options: [
		{ text: 'Only one', count: 1 },
		{ text: 'Only two', count: 2 },
		{ text: 'All three', count: 3 },
		{ text: 'None', count: 0 }
	],
	answer: 1
};
/** A true, R true, but R does not explain A: the answer is (b). */
const ar: QuestionOf<'assertion_reason'> = {
	...base,
	id: 'ar',
	type: 'assertion_reason',
	style: 'statement_i_ii',
	facts: ['a', 'b'],
	assertion: { text: 'A', fact: 'a', correct: true },
	reason: { text: 'R', fact: 'b', correct: true },
	explains: false
};

const choose = (...choices: number[]): Response => ({ kind: 'choices', choices });

type Row = [
	name: string,
	q: Question,
	r: Response,
	outcome: string,
	facts: Record<string, boolean>
];
const table: Row[] = [
	['mcq right', mcq, choose(2), 'correct', { a: true }],
	['mcq wrong', mcq, choose(1), 'wrong', { a: false }],
	['mcq with two options chosen where one is asked', mcq, choose(2, 1), 'wrong', { a: false }],
	['mcq left blank', mcq, { kind: 'blank' }, 'blank', { a: false }],
	['multi with exactly the right options', multi, choose(2, 0), 'correct', { a: true }],
	['multi missing one right option', multi, choose(0), 'wrong', { a: false }],
	['multi with one extra option', multi, choose(0, 1, 2), 'wrong', { a: false }],
	['true/false right', tf, { kind: 'boolean', value: false }, 'correct', { a: true }],
	['true/false wrong', tf, { kind: 'boolean', value: true }, 'wrong', { a: false }],
	[
		'cloze typed with other case and spacing',
		cloze,
		{ kind: 'text', text: ' 50 % ' },
		'correct',
		{ a: true }
	],
	[
		'cloze typed as "50 percent"',
		cloze,
		{ kind: 'text', text: '50 percent' },
		'correct',
		{ a: true }
	],
	[
		'cloze typed as an accepted variant',
		cloze,
		{ kind: 'text', text: 'Fifty Per Cent' },
		'correct',
		{ a: true }
	],
	['cloze typed wrong', cloze, { kind: 'text', text: '500%' }, 'wrong', { a: false }],
	['cloze typed empty', cloze, { kind: 'text', text: '  ' }, 'wrong', { a: false }],
	[
		'numeric with the unit typed along',
		numeric,
		{ kind: 'text', text: '$2 billion' },
		'correct',
		{ a: true }
	],
	['numeric wrong', numeric, { kind: 'text', text: '25' }, 'wrong', { a: false }],
	['numeric with no number', numeric, { kind: 'text', text: 'two' }, 'wrong', { a: false }],
	[
		'flashcard rated Hard',
		flashcard,
		{ kind: 'rating', rating: Rating.Hard },
		'correct',
		{ a: true }
	],
	[
		'flashcard rated Again',
		flashcard,
		{ kind: 'rating', rating: Rating.Again },
		'wrong',
		{ a: false }
	],
	[
		'match all right',
		match,
		{ kind: 'pairing', pairing: [0, 1, 2] },
		'correct',
		{ a: true, b: true, c: true }
	],
	[
		'match with two swapped',
		match,
		{ kind: 'pairing', pairing: [0, 2, 1] },
		'wrong',
		{ a: true, b: false, c: false }
	],
	[
		'order right',
		order,
		{ kind: 'sequence', sequence: [0, 1, 2] },
		'correct',
		{ a: true, b: true, c: true }
	],
	[
		'order with the last two swapped',
		order,
		{ kind: 'sequence', sequence: [0, 2, 1] },
		'wrong',
		{ a: true, b: false, c: false }
	],
	['statements: "1 only" (right)', statements, choose(0), 'correct', { a: true, b: true }],
	[
		'statements: "Both 1 and 2" judges 1 right and 2 wrong',
		statements,
		choose(2),
		'wrong',
		{ a: true, b: false }
	],
	[
		'statements: "2 only" judges both wrong',
		statements,
		choose(1),
		'wrong',
		{ a: false, b: false }
	],
	[
		'statements: "Neither" judges 1 wrong and 2 right',
		statements,
		choose(3),
		'wrong',
		{ a: false, b: true }
	],
	['pairs "how many": right', howMany, choose(1), 'correct', { a: true, b: true, c: true }],
	[
		'pairs "how many": a wrong count counts against every fact',
		howMany,
		choose(2),
		'wrong',
		{ a: false, b: false, c: false }
	],
	['assertion–reason right (b)', ar, choose(1), 'correct', { a: true, b: true }],
	[
		'assertion–reason (a): R wrongly said to explain A, counted against R',
		ar,
		choose(0),
		'wrong',
		{ a: true, b: false }
	],
	['assertion–reason (c): R judged false', ar, choose(2), 'wrong', { a: true, b: false }],
	['assertion–reason (d): A judged false', ar, choose(3), 'wrong', { a: false, b: true }]
];

describe('grade', () => {
	test.each(table)('%s', (_name, q, r, outcome, facts) => {
		const result = grade(q, r);
		expect(result.outcome).toBe(outcome);
		expect(result.correct).toBe(outcome === 'correct');
		expect(result.facts).toEqual(facts);
	});

	test('the suggested rating is Good when right and Again when wrong or blank', () => {
		expect(grade(mcq, choose(2)).suggested).toBe(Rating.Good);
		expect(grade(mcq, choose(0)).suggested).toBe(Rating.Again);
		expect(grade(mcq, { kind: 'blank' }).suggested).toBe(Rating.Again);
	});

	test("a flashcard suggests the learner's own rating", () => {
		expect(grade(flashcard, { kind: 'rating', rating: Rating.Easy }).suggested).toBe(Rating.Easy);
	});

	test('match and order report how many parts were right', () => {
		expect(grade(match, { kind: 'pairing', pairing: [0, 2, 1] }).parts).toEqual({
			right: 1,
			total: 3
		});
		expect(grade(order, { kind: 'sequence', sequence: [2, 1, 0] }).parts).toEqual({
			right: 1,
			total: 3
		});
	});
});

test('typed text is compared without case, accents, punctuation or spacing', () => {
	expect(normaliseTyped('  Pax-Silica! ')).toBe('pax silica');
	expect(normaliseTyped('Café')).toBe('cafe');
	expect(parseTypedNumber('1,000 crore')).toBe(1000);
	expect(parseTypedNumber('none')).toBeNaN();
});
