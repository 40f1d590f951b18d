/**
 * A select-all draft from one or more facts: each fact's statement a right option, among wrong
 * ones to write (at least one, and four options in all), in an order decided by the id.
 */
import { seededOrder } from '../../srs/shuffle';
import { draftBase, wrongOptions, type DraftInput } from '../shared/draft';
import type { Multi } from '.';

export interface MultiDraft {
	/** The right options; the facts' statements by default. */
	keys?: readonly string[];
	/** The wrong options; placeholders by default. */
	distractors?: readonly string[];
}

export function multiDraft(input: DraftInput & MultiDraft): Multi {
	const facts = input.facts.slice(0, 5);
	const keys = input.keys ?? facts.map((f) => f.statement);
	const wrong = input.distractors ?? wrongOptions(Math.max(1, 4 - keys.length));
	const written = [...keys, ...wrong].slice(0, 6);
	const order = seededOrder(written.length, input.id);
	return {
		...draftBase(
			'multi',
			{ ...input, facts },
			'Which of the following statements are correct? Select all that apply.'
		),
		options: order.map((i) => written[i]),
		answers: keys.map((_, k) => order.indexOf(k)).sort((a, b) => a - b)
	};
}
