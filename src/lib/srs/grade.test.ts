/**
 * Grading, type by type, on the registry's sample questions (each folder's sample.ts), changed
 * where a case needs other data: right, wrong, blank and the facts each answer shows known.
 */
import { describe, expect, test } from 'vitest';
import { Rating } from 'ts-fsrs';
import type { Question } from '../bank/schema';
import { sample as ar } from '../question-types/assertion_reason/sample';
import { sample as cloze } from '../question-types/cloze/sample';
import { sample as flashcard } from '../question-types/flashcard/sample';
import { sample as match } from '../question-types/match/sample';
import { sample as mcq } from '../question-types/mcq/sample';
import { sample as multi } from '../question-types/multi/sample';
import { sample as numeric } from '../question-types/numeric/sample';
import { sample as order } from '../question-types/order/sample';
import { sample as pairs } from '../question-types/pairs/sample';
import { sample as statements } from '../question-types/statements/sample';
import { sample as tf } from '../question-types/true_false/sample';
import { grade, normaliseTyped, parseTypedNumber, type Response } from './grade';

const choose = (...choices: number[]): Response => ({ kind: 'choices', choices });
const typed = (text: string): Response => ({ kind: 'text', text });
const pairing = (...pairing: number[]): Response => ({ kind: 'pairing', pairing });
const sequence = (...sequence: number[]): Response => ({ kind: 'sequence', sequence });
const rated = (rating: 1 | 2 | 3 | 4): Response => ({ kind: 'rating', rating });
const judged = (value: boolean): Response => ({ kind: 'boolean', value });

const percent = { ...cloze.question, accepted: ['50%', 'fifty per cent'] };
const billions = { ...numeric.question, answer: 2, tolerance: 0, unit: 'billion US dollars' };
/** Statement-I true, Statement-II true, but II does not explain I: the answer is (b). */
const arB = { ...ar.question, style: 'statement_i_ii', explains: false } as const;

const st = statements.question;

/** A case: the question, the response, the outcome, and the facts it shows known ('ac': a and c). */
type Row = [name: string, q: Question, r: Response, outcome: string, known: string];
const table: Row[] = [
	['mcq right', mcq.question, choose(2), 'correct', 'a'],
	['mcq wrong', mcq.question, choose(1), 'wrong', ''],
	['mcq with two options chosen where one is asked', mcq.question, choose(2, 1), 'wrong', ''],
	['mcq left blank', mcq.question, { kind: 'blank' }, 'blank', ''],
	['multi with exactly the right options', multi.question, choose(2, 0), 'correct', 'ab'],
	['multi missing one right option', multi.question, choose(0), 'wrong', ''],
	['multi with one extra option', multi.question, choose(0, 1, 2), 'wrong', ''],
	['true/false right', tf.question, judged(false), 'correct', 'a'],
	['true/false wrong', tf.question, judged(true), 'wrong', ''],
	['cloze typed with other case and spacing', percent, typed(' 50 % '), 'correct', 'a'],
	['cloze typed as "50 percent"', percent, typed('50 percent'), 'correct', 'a'],
	['cloze typed as an accepted variant', percent, typed('Fifty Per Cent'), 'correct', 'a'],
	['cloze typed wrong', percent, typed('500%'), 'wrong', ''],
	['cloze typed empty', percent, typed('  '), 'wrong', ''],
	['numeric with the unit typed along', billions, typed('$2 billion'), 'correct', 'a'],
	['numeric wrong', billions, typed('25'), 'wrong', ''],
	['numeric with no number', billions, typed('two'), 'wrong', ''],
	['flashcard rated Hard', flashcard.question, rated(Rating.Hard), 'correct', 'a'],
	['flashcard rated Again', flashcard.question, rated(Rating.Again), 'wrong', ''],
	['match all right', match.question, pairing(0, 1, 2), 'correct', 'abc'],
	['match with two swapped', match.question, pairing(0, 2, 1), 'wrong', 'a'],
	['order right', order.question, sequence(0, 1, 2), 'correct', 'abc'],
	['order with the last two swapped', order.question, sequence(0, 2, 1), 'wrong', 'a'],
	['statements: "1 and 3 only" (right)', st, choose(2), 'correct', 'abc'],
	['statements: "1 and 2 only" says 1 rightly, 2 and 3 wrongly', st, choose(0), 'wrong', 'a'],
	['statements: "2 and 3 only" says 3 rightly, 1 and 2 wrongly', st, choose(1), 'wrong', 'c'],
	['statements: "1, 2 and 3" judges 2 wrong', st, choose(3), 'wrong', 'ac'],
	['pairs "how many": right', pairs.question, choose(0), 'correct', 'ab'],
	['pairs "how many": a wrong count is against every fact', pairs.question, choose(1), 'wrong', ''],
	['assertion–reason right (b)', arB, choose(1), 'correct', 'ab'],
	['assertion–reason (a): "R explains A" is against R', arB, choose(0), 'wrong', 'a'],
	['assertion–reason (c): R judged false', arB, choose(2), 'wrong', 'a'],
	['assertion–reason (d): A judged false', arB, choose(3), 'wrong', 'b']
];

describe('grade', () => {
	test.each(table)('%s', (_name, q, r, outcome, known) => {
		const result = grade(q, r);
		expect(result.outcome).toBe(outcome);
		expect(result.correct).toBe(outcome === 'correct');
		expect(result.facts).toEqual(Object.fromEntries(q.facts.map((f) => [f, known.includes(f)])));
	});

	test('the suggested rating is Good when right and Again when wrong or blank', () => {
		expect(grade(mcq.question, choose(2)).suggested).toBe(Rating.Good);
		expect(grade(mcq.question, choose(0)).suggested).toBe(Rating.Again);
		expect(grade(mcq.question, { kind: 'blank' }).suggested).toBe(Rating.Again);
	});

	test("a flashcard suggests the learner's own rating", () => {
		expect(grade(flashcard.question, rated(Rating.Easy)).suggested).toBe(Rating.Easy);
	});

	test('match and order report how many parts were right', () => {
		expect(grade(match.question, pairing(0, 2, 1)).parts).toEqual({ right: 1, total: 3 });
		expect(grade(order.question, sequence(2, 1, 0)).parts).toEqual({ right: 1, total: 3 });
	});
});

test('typed text is compared without case, accents, punctuation or spacing', () => {
	expect(normaliseTyped('  Pax-Silica! ')).toBe('pax silica');
	expect(normaliseTyped('Café')).toBe('cafe');
	expect(parseTypedNumber('1,000 crore')).toBe(1000);
	expect(parseTypedNumber('none')).toBeNaN();
});
