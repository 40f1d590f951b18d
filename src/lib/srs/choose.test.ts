import { expect, test } from 'vitest';
import { Rating } from 'ts-fsrs';
import type { Question } from '../bank/schema';
import { chooseQuestion } from './choose';
import { apply, newMemory } from './memory';
import { makeReview } from './test-helpers';
import { sample as flashcard } from '../question-types/flashcard/sample';
import { sample as mcq } from '../question-types/mcq/sample';
import { sample as statements } from '../question-types/statements/sample';
import { sample as true_false } from '../question-types/true_false/sample';

/** Three questions on fact a alone, and one on a, b and c. */
const qs: Question[] = [mcq, true_false, flashcard, statements].map((type) => type.question);

test('a fact never shown starts with the first type of the bank order', () => {
	expect(chooseQuestion('a', qs, undefined, () => true)?.id).toBe(flashcard.question.id);
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
	// statements never shown: it qualifies when b and c are due too.
	expect(chooseQuestion('a', qs, s, () => true)?.id).toBe(statements.question.id);
	// Not when they are not: then the least recently shown of the others, the flashcard.
	expect(chooseQuestion('a', qs, s, (f) => f === 'a')?.id).toBe(flashcard.question.id);
});

test('a fact no question tests gets none', () => {
	expect(chooseQuestion('z', qs, undefined, () => true)).toBeUndefined();
});
