import { sampleBase, type TypeSample } from '../shared/sample';
import type { Flashcard } from '.';

export const sample: TypeSample<Flashcard> = {
	question: { ...sampleBase('flashcard'), facts: ['a'], answer: 'New Delhi' },
	right: { kind: 'rating', rating: 3 },
	wrong: { kind: 'rating', rating: 1 },
	wrongFacts: { a: false },
	answerText: 'New Delhi',
	printed: ''
};
