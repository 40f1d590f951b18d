import { sampleBase, type TypeSample } from '../shared/sample';
import type { Statements } from '.';

export const sample: TypeSample<Statements> = {
	question: {
		...sampleBase('statements'),
		type: 'statements',
		mode: 'which',
		facts: ['a', 'b'],
		statements: [
			{ text: 'SHANTI opens the nuclear sector.', fact: 'a', correct: true },
			{ text: 'Pax Silica focuses on dairy.', fact: 'b', correct: false }
		],
		options: [
			{ text: '1 only', claims: [1] },
			{ text: '2 only', claims: [2] },
			{ text: 'Both 1 and 2', claims: [1, 2] },
			{ text: 'Neither 1 nor 2', claims: [] }
		],
		answer: 0
	},
	right: { kind: 'choices', choices: [0] },
	// "Both" judges statement 1 rightly and statement 2 wrongly.
	wrong: { kind: 'choices', choices: [2] },
	wrongFacts: { a: true, b: false },
	answerText: '(a) 1 only'
};
