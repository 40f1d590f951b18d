import { sampleBase, type TypeSample } from '../shared/sample';
import type { Pairs } from '.';

export const sample: TypeSample<Pairs> = {
	question: {
		...sampleBase('pairs'),
		mode: 'how_many',
		facts: ['a', 'b'],
		columns: ['Country', 'Capital'],
		pairs: [
			{ left: 'India', right: 'New Delhi', fact: 'a', correct: true },
			{ left: 'Japan', right: 'Osaka', fact: 'b', correct: false }
		],
		options: [
			{ text: 'Only one pair', count: 1 },
			{ text: 'Both pairs', count: 2 },
			{ text: 'None of the pairs', count: 0 }
		],
		answer: 0
	},
	right: { kind: 'choices', choices: [0] },
	wrong: { kind: 'choices', choices: [1] },
	wrongFacts: { a: false, b: false }, // A count says nothing about which pairs: every fact counts as missed.
	answerText: '(a) Only one pair',
	printed:
		'Pair Country Capital 1. India New Delhi 2. Japan Osaka How many of the pairs given above are correctly matched? (a) Only one pair (b) Both pairs (c) None of the pairs'
};
