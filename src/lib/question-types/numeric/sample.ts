import { sampleBase, type TypeSample } from '../shared/sample';
import type { Numeric } from '.';

export const sample: TypeSample<Numeric> = {
	question: {
		...sampleBase('numeric'),
		facts: ['a'],
		answer: 50,
		tolerance: 1,
		unit: '%'
	},
	right: { kind: 'text', text: '49 per cent' },
	wrong: { kind: 'text', text: '25' },
	wrongFacts: { a: false },
	answerText: '50 % (± 1)',
	printed: 'Answer in: %'
};
