import { sampleBase, type TypeSample } from '../shared/sample';
import type { Order } from '.';

export const sample: TypeSample<Order> = {
	question: {
		...sampleBase('order'),
		facts: ['a', 'b', 'c'],
		items: [
			{ text: 'The call', fact: 'a' },
			{ text: 'The summit', fact: 'b' },
			{ text: 'The deal', fact: 'c' }
		]
	},
	right: { kind: 'sequence', sequence: [0, 1, 2] },
	wrong: { kind: 'sequence', sequence: [1, 0, 2] },
	wrongFacts: { a: false, b: false, c: true },
	answerText: '1. The call  2. The summit  3. The deal',
	printed: 'The call The deal The summit'
};
