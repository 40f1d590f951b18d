import { sampleBase, type TypeSample } from '../shared/sample';
import type { Mcq } from '.';

export const sample: TypeSample<Mcq> = {
	question: {
		...sampleBase('mcq'),
		facts: ['a'],
		options: ['Dairy', 'Grain', 'Nuclear', 'Oil'],
		answer: 2
	},
	right: { kind: 'choices', choices: [2] },
	wrong: { kind: 'choices', choices: [2, 1] },
	wrongFacts: { a: false },
	answerText: '(c) Nuclear',
	printed: '(a) Dairy (b) Grain (c) Nuclear (d) Oil'
};
