/** A small valid deck and its source text, for the bank's tests. */
import type { Deck } from './schema';

export const SOURCE = `Test headline
The SHANTI Bill opens the door for limited “private participation” in the nuclear sector.
Pax Silica is focused on semiconductors,
advanced manufacturing, and AI.`;

/** A small valid deck: two facts, each tested by two questions of different types. */
export function makeDeck(overrides: Partial<Deck> = {}): Deck {
	return {
		id: 'test',
		title: 'Test deck',
		language: 'en',
		version: 1,
		asOf: '2026-01-13',
		source: { title: 'Test headline', published: '2026-01-13', file: 'source.txt' },
		topics: [{ id: 'nuclear', label: 'Nuclear' }],
		facts: [
			{
				id: 'shanti',
				statement: 'The SHANTI Bill opens the nuclear sector to limited private participation.',
				quote: 'opens the door for limited "private participation" in the nuclear sector',
				topics: ['nuclear'],
				asOf: '2026-01-13',
				volatile: false
			},
			{
				id: 'pax',
				statement: 'Pax Silica focuses on semiconductors, advanced manufacturing and AI.',
				quote: 'focused on semiconductors, advanced manufacturing, and AI',
				topics: ['nuclear'],
				asOf: '2026-01-13',
				volatile: false
			}
		],
		questions: [
			{
				id: 'q-mcq',
				type: 'mcq',
				prompt: 'What does the SHANTI Bill open?',
				explanation: 'It opens the nuclear sector.',
				facts: ['shanti'],
				difficulty: 1,
				options: ['Nuclear sector', 'Dairy sector', 'Grain market', 'Oil fields'],
				answer: 0
			},
			{
				id: 'q-statements',
				type: 'statements',
				mode: 'which',
				prompt: 'Consider the following statements:',
				explanation: 'Both are stated.',
				facts: ['shanti', 'pax'],
				difficulty: 2,
				statements: [
					{ text: 'SHANTI opens the nuclear sector.', fact: 'shanti', correct: true },
					{ text: 'Pax Silica focuses on dairy.', fact: 'pax', correct: false }
				],
				options: [
					{ text: '1 only', claims: [1] },
					{ text: '2 only', claims: [2] },
					{ text: 'Both 1 and 2', claims: [1, 2] },
					{ text: 'Neither 1 nor 2', claims: [] }
				],
				answer: 0
			},
			{
				id: 'q-cloze',
				type: 'cloze',
				prompt: 'Pax Silica focuses on ___, advanced manufacturing and AI.',
				explanation: 'Semiconductors.',
				facts: ['pax'],
				difficulty: 2,
				accepted: ['semiconductors', 'chips']
			}
		],
		...overrides
	};
}
