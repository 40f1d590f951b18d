/** A small valid deck and its source text, for the bank's tests. */
import type { Deck } from './schema';
import { TEMPLATE_DECK, TEMPLATE_SOURCE } from './csv-template';

export const SOURCE = `Test headline
The SHANTI Bill opens the door for limited “private participation” in the nuclear sector.
Pax Silica is focused on semiconductors,
advanced manufacturing, and AI.`;

/** The exam's options for "which of these two statements are correct?" (a fresh copy each time). */
export const whichOfTwo = () => [
	{ text: '1 only', claims: [1] },
	{ text: '2 only', claims: [2] },
	{ text: 'Both 1 and 2', claims: [1, 2] },
	{ text: 'Neither 1 nor 2', claims: [] }
];

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
				options: whichOfTwo(),
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

/**
 * A deck of `count` facts, each tested by one mcq, over a source text of as many sentences
 * (6000 of each make a CSV of over 5 MB): for import tests at size.
 */
export function bigDeck(count: number): { deck: Deck; sourceText: string } {
	const sentence = (i: number) =>
		`Item ${i}: the committee recorded figure ${i} for district ${i} in its annual survey.`;
	const paragraphs = Array.from({ length: count / 20 }, (_, p) =>
		Array.from({ length: 20 }, (_, k) => sentence(p * 20 + k)).join(' ')
	);
	const base = structuredClone(TEMPLATE_DECK);
	const deck: Deck = {
		...base,
		facts: Array.from({ length: count }, (_, i) => ({
			id: `figure-${i}`,
			statement: `The committee recorded figure ${i} for district ${i}.`,
			quote: `the committee recorded figure ${i} for district ${i}`,
			topics: ['money'],
			asOf: base.asOf,
			volatile: i % 2 === 0
		})),
		questions: Array.from({ length: count }, (_, i) => ({
			id: `figure-${i}-mcq`,
			type: 'mcq' as const,
			prompt: `Which figure did the committee record for district ${i} in its annual survey?`,
			options: [0, 1, 2, 3].map((k) => `Figure ${i + k * count}`),
			answer: 0,
			explanation: `The survey gives figure ${i} for district ${i}; the other figures belong to no district of this survey, and ${'the tempting one is only a distractor. '.repeat(4)}`,
			facts: [`figure-${i}`],
			difficulty: 2 as const
		}))
	};
	return { deck, sourceText: paragraphs.join('\n\n') };
}

/**
 * The CSV template's deck with `markup` appended to every text field (and, as a fact's quote,
 * added to the source text): imported content that must show as text and run nothing.
 */
export function markedDeck(markup: string): { deck: Deck; source: string } {
	const textKeys = new Set([
		...['title', 'description', 'publisher', 'label', 'statement', 'prompt', 'explanation'],
		...['text', 'left', 'right', 'unit', 'columns', 'options', 'accepted']
	]);
	const mark = (value: unknown, key = ''): unknown => {
		if (typeof value === 'string') return textKeys.has(key) ? `${value} ${markup}` : value;
		if (Array.isArray(value)) return value.map((v) => mark(v, key));
		if (value && typeof value === 'object')
			return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mark(v, k)]));
		return value;
	};
	const deck = mark(TEMPLATE_DECK) as Deck;
	const flashcard = deck.questions.find((q) => q.type === 'flashcard');
	if (flashcard?.type === 'flashcard') flashcard.answer += ` ${markup}`;
	deck.facts[0].quote = markup;
	return { deck, source: `${TEMPLATE_SOURCE}\n\n${markup}` };
}
