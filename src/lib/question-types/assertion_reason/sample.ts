import { sampleBase, type TypeSample } from '../shared/sample';
import type { AssertionReason } from '.';

export const sample: TypeSample<AssertionReason> = {
	question: {
		...sampleBase('assertion_reason'),
		type: 'assertion_reason',
		style: 'assertion_reason',
		facts: ['a', 'b'],
		assertion: { text: 'The talks resumed.', fact: 'a', correct: true },
		reason: { text: 'Both sides wanted a deal.', fact: 'b', correct: true },
		explains: true
	},
	right: { kind: 'choices', choices: [0] },
	// "R does not explain A": right about A, wrong about R.
	wrong: { kind: 'choices', choices: [1] },
	wrongFacts: { a: true, b: false },
	answerText: '(a) Both A and R are true, and R is the correct explanation of A'
};
