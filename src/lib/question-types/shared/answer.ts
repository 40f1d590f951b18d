/**
 * How a question is answered on screen: the learner's draft, and how each kind of input turns
 * it into a gradable Response. Every screen that answers questions (study, test, classroom)
 * goes through these, and through the type's input widget (src/lib/components/answer-inputs.ts).
 */
import { scrambledOrder } from '../../srs/shuffle';
import type { Response } from './grading';

/** The learner's work on the current question, before it is checked. */
export interface Draft {
	choices: number[];
	text: string;
	/** match: for each left item (bank order), the right item chosen (bank index), or -1. */
	pairing: number[];
	/** order: bank indices of the items placed so far, in the learner's order. */
	sequence: number[];
}

/** A draft with nothing in it. */
export const blankDraft = (): Draft => ({ choices: [], text: '', pairing: [], sequence: [] });

/** How a type's draft starts, when it can be checked, and the Response it gives. */
export interface AnswerModel<Q> {
	empty(q: Q): Draft;
	/** Whether the draft can be checked (everything placed, something typed or chosen). */
	complete(q: Q, d: Draft): boolean;
	/** Whether the learner has begun (a test stores a partial answer). */
	started(q: Q, d: Draft): boolean;
	toResponse(q: Q, d: Draft): Response;
}

/** Tap one option, or several for select-all. */
export const CHOICES_ANSWER: AnswerModel<unknown> = {
	empty: blankDraft,
	complete: (_, d) => d.choices.length > 0,
	started: (_, d) => d.choices.length > 0,
	toResponse: (_, d) => ({ kind: 'choices', choices: [...d.choices] })
};

/** Type the answer. */
export const TYPED_ANSWER: AnswerModel<unknown> = {
	empty: blankDraft,
	complete: (_, d) => d.text.trim() !== '',
	started: (_, d) => d.text.trim() !== '',
	toResponse: (_, d) => ({ kind: 'text', text: d.text })
};

/** The props every answer widget takes, so a screen can show any type's widget the same way. */
export interface AnswerInputProps<Q> {
	question: Q;
	/** The learner's work (bindable: the widget writes into it). */
	draft: Draft;
	/** Checked: the widget shows what was right and wrong and takes no more input. */
	answered: boolean;
	/** An answer already given, shown in place of the draft's choices (after a check, or stored). */
	given?: Response | null;
	/** A paper's option order: the bank index of the option shown at each position. */
	order?: readonly number[] | null;
	/** An option tapped (its position as shown). */
	onpick?: (index: number) => void;
	/** Enter pressed in a typed answer. */
	onsubmit?: () => void;
	/** A typed answer changed. */
	onchange?: () => void;
}

/** Option positions shown as chosen: the answer given if any, else the draft's. */
export function chosenOf(given: Response | null | undefined, draft: Draft): number[] {
	if (given?.kind === 'choices') return given.choices;
	if (given?.kind === 'boolean') return [given.value ? 0 : 1];
	return draft.choices;
}

/** A draft that shows a stored response again (returning to a question of a test). */
export function draftFrom(empty: Draft, r: Response | null | undefined): Draft {
	const d = { ...empty };
	if (r?.kind === 'choices') d.choices = [...r.choices];
	if (r?.kind === 'boolean') d.choices = [r.value ? 0 : 1];
	if (r?.kind === 'text') d.text = r.text;
	if (r?.kind === 'pairing') d.pairing = [...r.pairing];
	if (r?.kind === 'sequence') d.sequence = [...r.sequence];
	return d;
}

/** The order in which the right column of a match, or the items of an order question, are shown. */
export const displayOrder = (q: { id: string }, n: number) => scrambledOrder(n, q.id);
