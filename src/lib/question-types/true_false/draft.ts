/** A true/false draft from one fact: its statement (true), or a false variant to edit. */
import { draftBase, factAt, falseVariant, type DraftInput } from '../shared/draft';
import type { TrueFalse } from '.';

export interface TrueFalseDraft {
	/** Whether the statement is true (the fact's own) or false (a variant); true by default. */
	answer?: boolean;
	/** The statement as written; by default the fact's, or for false a marked variant to edit. */
	statement?: string;
}

export function trueFalseDraft(input: DraftInput & TrueFalseDraft): TrueFalse {
	const fact = factAt(input.facts, 0);
	const answer = input.answer ?? true;
	return {
		...draftBase('true_false', { ...input, facts: [fact] }, 'True or false?'),
		statement: input.statement ?? (answer ? fact.statement : falseVariant(fact.statement)),
		answer
	};
}
