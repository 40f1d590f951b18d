import { describe, expect, test } from 'vitest';
import { answerText, answerTextIn } from './format';
import type { QuestionOf } from './schema';

const mcq: QuestionOf<'mcq'> = {
	id: 'q',
	type: 'mcq',
	prompt: 'Which?',
	explanation: 'Because.',
	facts: ['f'],
	difficulty: 1,
	options: ['Alpha', 'Beta', 'Gamma', 'Delta'],
	answer: 1
};

describe('answerTextIn', () => {
	test('letters the answer as the paper shows the options', () => {
		// Position 0 shows bank option 2, position 3 shows bank option 1 (the answer).
		expect(answerTextIn(mcq, [2, 0, 3, 1])).toBe('(d) Beta');
	});

	test('lists a multi question’s answers in the order shown', () => {
		const multi: QuestionOf<'multi'> = { ...mcq, type: 'multi', answers: [0, 3] };
		delete (multi as { answer?: number }).answer;
		expect(answerTextIn(multi, [3, 1, 2, 0])).toBe('(a) Delta; (d) Alpha');
	});

	test('is the bank answer when the options keep their order', () => {
		expect(answerTextIn(mcq, null)).toBe(answerText(mcq));
		expect(answerText(mcq)).toBe('(b) Beta');
	});
});
