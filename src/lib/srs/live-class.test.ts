import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { MARKING_SCHEMES } from './exam-config';
import {
	answerOf,
	isRight,
	collectAnswers,
	countOptions,
	questionResults,
	resultsCsv,
	studentResults,
	topFive,
	type LiveQuestion
} from './live-class';

const sid = (n: number) => `student-session-${String(n).padStart(4, '0')}`;
const doc = (n: number, question: string, option: number, name = `S${n}`) => ({
	_id: `answer:${sid(n)}:${question}`,
	_rev: '1-x',
	name,
	option
});
const Q: LiveQuestion[] = [
	{ id: 'q1', options: 4, correct: [0] },
	{ id: 'q2', options: 4, correct: [2] },
	{ id: 'q3', options: 4, correct: null }
];
const upsc = MARKING_SCHEMES['upsc-gs1'];
const plain = MARKING_SCHEMES.plain;

describe('reading answer documents', () => {
	test('only well-formed answers count; each student once per question, repeats ignored', () => {
		const docs = [
			doc(1, 'q1', 0),
			doc(1, 'q1', 0),
			{ ...doc(1, 'q1', 3), _rev: '2-y' },
			doc(2, 'q1', 1),
			{ _id: 'state', open: 'q1' },
			{ _id: `student:${sid(3)}`, name: 'S3' },
			{ ...doc(3, 'q1', 1), option: 26 },
			{ ...doc(3, 'q1', 1), name: 'x'.repeat(41) },
			{ ...doc(3, 'q1', 1), _id: 'answer:short:q1' },
			null,
			'answer'
		];
		const answers = collectAnswers(docs);
		expect([...answers.values()]).toEqual([
			{ session: sid(1), question: 'q1', name: 'S1', response: { kind: 'choices', choices: [0] } },
			{ session: sid(2), question: 'q1', name: 'S2', response: { kind: 'choices', choices: [1] } }
		]);
		expect(answerOf({ ...doc(4, 'q2', 1), name: '  Asha ' })?.name).toBe('Asha');
	});

	test('counts per option', () => {
		const answers = collectAnswers([
			doc(1, 'q1', 0),
			doc(2, 'q1', 1),
			doc(3, 'q1', 1),
			doc(4, 'q2', 3),
			doc(5, 'q1', 7)
		]);
		expect(countOptions(answers.values(), Q[0])).toEqual([1, 2, 0, 0]);
		expect(countOptions(answers.values(), Q[1])).toEqual([0, 0, 0, 1]);
	});
});

describe('results', () => {
	const answers = [
		...collectAnswers([
			doc(1, 'q1', 0, 'Asha'),
			doc(1, 'q2', 2, 'Asha'),
			doc(2, 'q1', 1, 'Ravi'),
			doc(2, 'q2', 2, 'Ravi'),
			doc(3, 'q1', 1, 'Mo'),
			doc(3, 'q3', 1, 'Mo'),
			doc(4, 'q2', 0, 'Zed')
		]).values()
	];

	test('scores by UPSC marking and plain, best first, over revealed questions only', () => {
		expect(
			studentResults(answers, Q, upsc).map((s) => [s.name, s.right, s.wrong, s.unanswered, s.score])
		).toEqual([
			['Asha', 2, 0, 0, 4],
			['Ravi', 1, 1, 0, 1.34],
			['Mo', 0, 1, 1, -0.66],
			['Zed', 0, 1, 1, -0.66]
		]);
		expect(studentResults(answers, Q, plain).map((s) => s.score)).toEqual([2, 1, 0, 0]);
	});

	test('top five of many', () => {
		const many = [
			...collectAnswers(Array.from({ length: 9 }, (_, i) => doc(i + 1, 'q1', i % 2))).values()
		];
		const top = topFive(many, Q, plain);
		expect(top).toHaveLength(5);
		expect(top.every((s) => s.score === 1)).toBe(true);
		expect(top.map((s) => s.name)).toEqual(['S1', 'S3', 'S5', 'S7', 'S9']);
	});

	test('per question, hardest first; unrevealed questions left out', () => {
		expect(
			questionResults(answers, Q).map((q) => [q.id, q.answered, q.right, q.shareRight])
		).toEqual([
			['q1', 3, 1, 1 / 3],
			['q2', 3, 2, 2 / 3]
		]);
		expect(questionResults([], Q).map((q) => q.shareRight)).toEqual([null, null]);
	});

	test('CSV: one row per answer given, what was answered, formulas escaped', () => {
		const withFormula = [
			...answers,
			{
				session: sid(9),
				question: 'q1',
				name: '=HYPERLINK("x")',
				response: { kind: 'choices' as const, choices: [0] }
			}
		];
		const csv = resultsCsv(withFormula, Q, upsc);
		const rows = Papa.parse<string[]>(csv).data;
		expect(rows[0]).toEqual(['Student', 'Question', 'Answer', 'Right', 'Marks']);
		expect(rows.slice(1)).toEqual([
			['\'=HYPERLINK("x")', '1', 'A', 'yes', '2'],
			['Asha', '1', 'A', 'yes', '2'],
			['Asha', '2', 'C', 'yes', '2'],
			['Mo', '1', 'B', 'no', '-0.66'],
			['Mo', '3', 'B', '', ''],
			['Ravi', '1', 'B', 'no', '-0.66'],
			['Ravi', '2', 'C', 'yes', '2'],
			['Zed', '2', 'A', 'no', '-0.66']
		]);
	});
});

describe('answers that are not one option', () => {
	const R = (n: number, question: string, response: unknown, name = `S${n}`) => ({
		_id: `answer:${sid(n)}:${question}`,
		name,
		response
	});
	// q1: select all (A and C right); q2: a typed answer graded by its question; q3: an order.
	const Q2: LiveQuestion[] = [
		{ id: 'q1', options: 4, correct: [0, 2] },
		{ id: 'q2', options: 0, correct: [], grade: (r) => r.kind === 'text' && r.text === 'Delhi' },
		{
			id: 'q3',
			options: 0,
			correct: [],
			grade: (r) => r.kind === 'sequence' && r.sequence.join() === '0,1,2'
		}
	];
	const answers = [
		...collectAnswers([
			R(1, 'q1', { kind: 'choices', choices: [0, 2] }),
			R(2, 'q1', { kind: 'choices', choices: [2] }),
			R(1, 'q2', { kind: 'text', text: 'Delhi' }),
			R(2, 'q2', { kind: 'text', text: 'Mumbai' }),
			R(1, 'q3', { kind: 'sequence', sequence: [0, 1, 2] }),
			R(2, 'q3', { kind: 'pairing', pairing: [2, 1, 0] }),
			// Refused shapes: unknown kind, a field too many, too long, out of bounds, empty text.
			R(3, 'q1', { kind: 'rating', rating: 3 }),
			R(3, 'q1', { kind: 'choices', choices: [1], extra: 1 }),
			R(3, 'q2', { kind: 'text', text: 'x'.repeat(201) }),
			R(3, 'q3', { kind: 'sequence', sequence: Array(27).fill(0) }),
			R(4, 'q1', { kind: 'choices', choices: [26] }),
			R(4, 'q2', { kind: 'text', text: '' }),
			{ ...R(4, 'q3', { kind: 'sequence', sequence: [0] }), option: 1 }
		]).values()
	];

	test('well-formed responses of every kind are read, others skipped', () => {
		expect(answers.map((a) => `${a.session.slice(-1)}${a.question}:${a.response.kind}`)).toEqual([
			'1q1:choices',
			'2q1:choices',
			'1q2:text',
			'2q2:text',
			'1q3:sequence',
			'2q3:pairing'
		]);
	});

	test('counts per option for select-all; right and wrong by the question for the rest', () => {
		expect(countOptions(answers, Q2[0])).toEqual([1, 0, 2, 0]);
		expect(countOptions(answers, Q2[1])).toEqual([]);
		expect(isRight(Q2[0], answers[1].response)).toBe(false);
		expect(isRight({ ...Q2[0], correct: null }, answers[0].response)).toBeNull();
		expect(questionResults(answers, Q2).map((q) => [q.id, q.answered, q.right, q.counts])).toEqual([
			['q1', 2, 1, [1, 0, 2, 0]],
			['q2', 2, 1, []],
			['q3', 2, 1, []]
		]);
		expect(studentResults(answers, Q2, plain).map((s) => [s.name, s.right, s.wrong])).toEqual([
			['S1', 3, 0],
			['S2', 0, 3]
		]);
	});

	test('the CSV says what was answered, in words', () => {
		const rows = Papa.parse<string[]>(resultsCsv(answers, Q2, plain)).data.slice(1);
		expect(rows).toEqual([
			['S1', '1', 'A C', 'yes', '1'],
			['S1', '2', 'Delhi', 'yes', '1'],
			['S1', '3', '1 2 3', 'yes', '1'],
			['S2', '1', 'C', 'no', '0'],
			['S2', '2', 'Mumbai', 'no', '0'],
			['S2', '3', '1C 2B 3A', 'no', '0']
		]);
	});
});
