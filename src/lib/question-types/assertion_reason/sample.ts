import { sampleBase, type TypeSample } from '../shared/sample';
import type { AssertionReason } from '.';

export const sample: TypeSample<AssertionReason> = {
	question: {
		...sampleBase('assertion_reason'),
		style: 'assertion_reason',
		facts: ['a', 'b'],
		assertion: { text: 'The talks resumed.', fact: 'a', correct: true },
		reason: { text: 'Both sides wanted a deal.', fact: 'b', correct: true },
		explains: true
	},
	right: { kind: 'choices', choices: [0] },
	wrong: { kind: 'choices', choices: [1] },
	wrongFacts: { a: true, b: false }, // "R does not explain A": right about A, wrong about R.
	answerText: '(a) Both A and R are true, and R is the correct explanation of A',
	printed:
		'Assertion (A): The talks resumed. Reason (R): Both sides wanted a deal. Which one of the following is correct in respect of the above statements? (a) Both A and R are true, and R is the correct explanation of A (b) Both A and R are true, but R is not the correct explanation of A (c) A is true, but R is false (d) A is false, but R is true'
};
