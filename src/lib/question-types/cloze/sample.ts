import { sampleBase, type TypeSample } from '../shared/sample';
import type { Cloze } from '.';

export const sample: TypeSample<Cloze> = {
	question: {
		...sampleBase('cloze'),
		prompt: 'Pax Silica focuses on ___, advanced manufacturing and AI.',
		facts: ['a'],
		accepted: ['semiconductors', 'chips']
	},
	right: { kind: 'text', text: ' Chips. ' },
	wrong: { kind: 'text', text: 'steel' },
	wrongFacts: { a: false },
	answerText: 'semiconductors',
	printed: ''
};
