/**
 * The registry of question types: one line per type folder. Everything that differs by type —
 * schema, grading, answer text, options, parts, Anki text, how a draft becomes a response —
 * is looked up here; a type missing a part, or a type id without a folder, does not compile.
 * The answer widgets are looked up in src/lib/components/answer-inputs.ts (this module loads
 * no Svelte: the bank, srs, storage and scripts import it). See docs/ARCHITECTURE.md.
 */
import type * as z from 'zod/mini';
import { QUESTION_TYPES, type QuestionTypeId } from './ids';
import type { Part, QuestionTypeDef } from './shared';
import { lettered } from './shared';
import { assertion_reason } from './assertion_reason';
import { cloze } from './cloze';
import { flashcard } from './flashcard';
import { match } from './match';
import { mcq } from './mcq';
import { multi } from './multi';
import { numeric } from './numeric';
import { order } from './order';
import { pairs } from './pairs';
import { statements } from './statements';
import { true_false } from './true_false';

export { QUESTION_TYPES, type QuestionTypeId };

export const QUESTION_TYPE_DEFS = {
	flashcard,
	mcq,
	multi,
	true_false,
	cloze,
	numeric,
	match,
	order,
	statements,
	pairs,
	assertion_reason
} satisfies { [K in QuestionTypeId]: QuestionTypeDef<{ type: K; facts: string[] }> };

type Defs = typeof QUESTION_TYPE_DEFS;

/** The question of each type, as its own schema gives it. */
export type QuestionOfType = { [K in QuestionTypeId]: z.infer<ReturnType<Defs[K]['schema']>> };
/** Any question (the same type as the bank's `Question`). */
export type AnyQuestion = QuestionOfType[QuestionTypeId];

/** The types answered by choosing among options. */
export type ChoiceTypeId = {
	[K in QuestionTypeId]: Defs[K] extends { choice: object } ? K : never;
}[QuestionTypeId];
export type ChoiceQuestion = QuestionOfType[ChoiceTypeId];

/** The definition of a question's type, typed for that question. */
export const defOf = <Q extends AnyQuestion>(q: Q) =>
	QUESTION_TYPE_DEFS[q.type] as unknown as QuestionTypeDef<Q>;

/** The schemas of all types (each built now if not yet), in the order of QUESTION_TYPES, for the bank's union. */
export const questionSchemas = () => {
	type Schema = ReturnType<Defs[QuestionTypeId]['schema']>;
	return QUESTION_TYPES.map((t) => QUESTION_TYPE_DEFS[t].schema()) as [Schema, ...Schema[]];
};

export const TYPE_LABELS = Object.fromEntries(
	QUESTION_TYPES.map((t) => [t, QUESTION_TYPE_DEFS[t].label])
) as Record<QuestionTypeId, string>;

/** The types a mock test may hold, in the order of QUESTION_TYPES. */
export const TEST_TYPES = QUESTION_TYPES.filter((t) => QUESTION_TYPE_DEFS[t].inTests);

/** The answer to a question, in words, for answer keys and the deck page. */
export const answerText = (q: AnyQuestion): string => defOf(q).answerText(q);

/** The parts of a question that each name their own fact ([] for a question without parts). */
export const partsOf = (q: AnyQuestion): Part[] => defOf(q).parts(q);

export const isChoice = (q: AnyQuestion): q is ChoiceQuestion => defOf(q).choice !== undefined;

/** The options a choice question offers, in the exam's order (True/False for true_false). */
export const choiceOptions = (q: ChoiceQuestion): string[] => defOf(q).choice!.options(q);

/** The indices of the right options of a choice question. */
export const rightOptions = (q: ChoiceQuestion): number[] => defOf(q).choice!.right(q);

/** How many options a paper shuffles for this question (0: it keeps the exam's order). */
export function shuffledOptions(q: AnyQuestion): number {
	const choice = defOf(q).choice;
	return choice?.shuffle ? choice.options(q).length : 0;
}

/**
 * The answer as a paper shows it, where the options of a shuffled question appear in `order`
 * (the bank index at each position), so the letters match what the class saw.
 */
export function answerTextIn(q: AnyQuestion, order: readonly number[] | null): string {
	const choice = defOf(q).choice;
	if (!order || !choice?.shuffle) return answerText(q);
	const options = choice.options(q);
	return choice
		.right(q)
		.map((i) => order.indexOf(i))
		.sort((a, b) => a - b)
		.map((p) => lettered(p, options[order[p]]))
		.join('; ');
}

/** The type of a share link's code, or undefined for a code no type has. */
export const typeOfCode = (code: string): QuestionTypeId | undefined =>
	QUESTION_TYPES.find((t) => QUESTION_TYPE_DEFS[t].code === code);
