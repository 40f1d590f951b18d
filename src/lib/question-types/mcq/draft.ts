/**
 * A multiple-choice draft from one fact: "which statement is correct?", the fact's statement the
 * key among distractors to write, at a place decided by the question's id (never always (a)).
 */
import { seededOrder } from '../../srs/shuffle';
import { draftBase, factAt, wrongOptions, type DraftInput } from '../shared/draft';
import type { Mcq } from '.';

export interface McqDraft {
	/** The right option; the fact's statement by default. */
	key?: string;
	/** The wrong options; three placeholders by default. */
	distractors?: readonly string[];
}

export function mcqDraft(input: DraftInput & McqDraft): Mcq {
	const fact = factAt(input.facts, 0);
	const written = [input.key ?? fact.statement, ...(input.distractors ?? wrongOptions(3))];
	const order = seededOrder(written.length, input.id);
	return {
		...draftBase(
			'mcq',
			{ ...input, facts: [fact] },
			'Which one of the following statements is correct?'
		),
		options: order.map((i) => written[i]),
		answer: order.indexOf(0)
	};
}
