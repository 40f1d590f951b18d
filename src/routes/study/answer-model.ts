/**
 * How each question type is answered on the study screen: which options it offers, which are
 * right, and how the learner's draft becomes a gradable Response.
 */
import type { Question } from '$lib/bank/schema';
import type { Response } from '$lib/srs/grade';
import { scrambledOrder } from '$lib/srs/shuffle';

/** The learner's work on the current question, before it is checked. */
export interface Draft {
	choices: number[];
	text: string;
	/** match: for each left item (bank order), the right item chosen (bank index), or -1. */
	pairing: number[];
	/** order: bank indices of the items placed so far, in the learner's order. */
	sequence: number[];
}

export function emptyDraft(q: Question): Draft {
	return {
		choices: [],
		text: '',
		pairing: q.type === 'match' ? q.pairs.map(() => -1) : [],
		sequence: []
	};
}

/** Whether the draft can be checked (everything placed, something typed or chosen). */
export function draftComplete(q: Question, d: Draft): boolean {
	switch (q.type) {
		case 'cloze':
		case 'numeric':
			return d.text.trim() !== '';
		case 'match':
			return d.pairing.every((p) => p >= 0);
		case 'order':
			return d.sequence.length === q.items.length;
		case 'flashcard':
			return true;
		default:
			return d.choices.length > 0;
	}
}

export function toResponse(q: Question, d: Draft): Response {
	switch (q.type) {
		case 'true_false':
			return { kind: 'boolean', value: d.choices[0] === 0 };
		case 'cloze':
		case 'numeric':
			return { kind: 'text', text: d.text };
		case 'match':
			return { kind: 'pairing', pairing: [...d.pairing] };
		case 'order':
			return { kind: 'sequence', sequence: [...d.sequence] };
		default:
			return { kind: 'choices', choices: [...d.choices] };
	}
}

/** The order in which the right column of a match, or the items of an order question, are shown. */
export const displayOrder = (q: Question, n: number) => scrambledOrder(n, q.id);
