import { expect, test } from 'vitest';
import { Rating } from 'ts-fsrs';
import type { Question } from '../bank/schema';
import { chooseQuestion } from './choose';
import { apply, newMemory } from './memory';
import { makeReview } from './test-helpers';

const base = { prompt: 'p', explanation: 'e', difficulty: 1 as const };
const qs: Question[] = [
	{ ...base, id: 'mcq-1', type: 'mcq', facts: ['a'], options: ['x', 'y'], answer: 0 },
	{ ...base, id: 'tf-1', type: 'true_false', facts: ['a'], statement: 's', answer: true },
	{ ...base, id: 'fc-1', type: 'flashcard', facts: ['a'], answer: 'x' },
	{
		...base,
		id: 'st-1',
		type: 'statements',
		mode: 'how_many',
		facts: ['a', 'b'],
		statements: [
			{ text: '1', fact: 'a', correct: true },
			{ text: '2', fact: 'b', correct: true }
		],
		options: [
			{ text: 'Only one', count: 1 },
			{ text: 'Both', count: 2 }
		],
		answer: 1
	}
];

test('a fact never shown starts with the first type of the bank order', () => {
	expect(chooseQuestion('a', qs, undefined, () => true)?.id).toBe('fc-1');
});

test('the type shown least recently for the fact comes next', () => {
	let s = newMemory('d', 'a');
	s = apply(
		s,
		makeReview('2026-01-13T10:00:00Z', Rating.Good, { fact: 'a', questionType: 'flashcard' })
	);
	s = apply(s, makeReview('2026-01-13T10:10:00Z', Rating.Good, { fact: 'a', questionType: 'mcq' }));
	s = apply(
		s,
		makeReview('2026-01-15T10:10:00Z', Rating.Good, { fact: 'a', questionType: 'true_false' })
	);
	// statements never shown: it qualifies when b is due too.
	expect(chooseQuestion('a', qs, s, () => true)?.id).toBe('st-1');
	// Not when b is not due: then the least recently shown of the others, the flashcard.
	expect(chooseQuestion('a', qs, s, (f) => f === 'a')?.id).toBe('fc-1');
});

test('a fact no question tests gets none', () => {
	expect(chooseQuestion('z', qs, undefined, () => true)).toBeUndefined();
});
