import { sampleBase, type TypeSample } from '../shared/sample';
import type { Statements } from '.';

export const sample: TypeSample<Statements> = {
	question: {
		...sampleBase('statements'),
		mode: 'which',
		facts: ['a', 'b', 'c'],
		statements: [
			{ text: 'The bill opens the nuclear sector.', fact: 'a', correct: true },
			{ text: 'The initiative is about dairy.', fact: 'b', correct: false },
			{ text: 'The talks resumed in January.', fact: 'c', correct: true }
		],
		options: ['1 and 2 only', '2 and 3 only', '1 and 3 only', '1, 2 and 3'].map((text) => ({
			text,
			claims: text.match(/\d/g)!.map(Number)
		})),
		answer: 2
	},
	right: { kind: 'choices', choices: [2] },
	wrong: { kind: 'choices', choices: [0] },
	wrongFacts: { a: true, b: false, c: false }, // "1 and 2 only" judges statement 1 rightly, 2 and 3 wrongly.
	answerText: '(c) 1 and 3 only',
	printed:
		'The bill opens the nuclear sector. The initiative is about dairy. The talks resumed in January. Which of the statements given above is/are correct? (a) 1 and 2 only (b) 2 and 3 only (c) 1 and 3 only (d) 1, 2 and 3'
};
