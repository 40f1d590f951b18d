/** A flashcard draft from one fact: the fact's statement on the back, a question to write. */
import { draftBase, factAt, toEdit, type DraftInput } from '../shared/draft';
import type { Flashcard } from '.';

export interface FlashcardDraft {
	/** The back of the card; the fact's statement by default. */
	answer?: string;
}

export function flashcardDraft(input: DraftInput & FlashcardDraft): Flashcard {
	const fact = factAt(input.facts, 0);
	return {
		...draftBase(
			'flashcard',
			{ ...input, facts: [fact] },
			toEdit(`ask what the back answers: ${fact.statement}`)
		),
		answer: input.answer ?? fact.statement
	};
}
