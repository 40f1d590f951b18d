import { sampleBase, type TypeSample } from '../shared/sample';
import type { TrueFalse } from '.';

export const sample: TypeSample<TrueFalse> = {
	question: {
		...sampleBase('true_false'),
		facts: ['a'],
		statement: 'The bill opens the dairy sector.',
		answer: false
	},
	right: { kind: 'boolean', value: false },
	wrong: { kind: 'boolean', value: true },
	wrongFacts: { a: false },
	answerText: 'False',
	printed: 'The bill opens the dairy sector.'
};
