import { QUESTION_TYPES } from './question-types';
import type { Deck, QuestionType } from './schema';

export interface DeckSummary {
	facts: number;
	questions: number;
	/** Questions of each type, in the order of QUESTION_TYPES. */
	perType: Record<QuestionType, number>;
	/** Facts tested by at least two questions. */
	factsTestedTwice: number;
	volatileFacts: number;
}

/** Counts of a deck's contents, as `npm run validate` prints them and the deck list shows them. */
export function summarise(deck: Deck): DeckSummary {
	const perType = Object.fromEntries(QUESTION_TYPES.map((t) => [t, 0])) as Record<
		QuestionType,
		number
	>;
	const tests = new Map<string, number>();
	for (const q of deck.questions) {
		perType[q.type]++;
		for (const f of q.facts) tests.set(f, (tests.get(f) ?? 0) + 1);
	}
	return {
		facts: deck.facts.length,
		questions: deck.questions.length,
		perType,
		factsTestedTwice: deck.facts.filter((f) => (tests.get(f.id) ?? 0) >= 2).length,
		volatileFacts: deck.facts.filter((f) => f.volatile).length
	};
}
