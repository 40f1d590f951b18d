import { sampleBase, type TypeSample } from '../shared/sample';
import type { Multi } from '.';

export const sample: TypeSample<Multi> = {
	question: {
		...sampleBase('multi'),
		facts: ['a', 'b'],
		options: ['Semiconductors', 'Dairy', 'AI', 'Textiles'],
		answers: [0, 2]
	},
	right: { kind: 'choices', choices: [2, 0] },
	wrong: { kind: 'choices', choices: [0] },
	wrongFacts: { a: false, b: false },
	answerText: '(a) Semiconductors; (c) AI',
	printed: '(a) Semiconductors (b) Dairy (c) AI (d) Textiles'
};
