/**
 * Statements and pairs items: parts judged true or false, and options about them — "which are
 * correct" (each option claims a subset) or "how many are correct" (each claims a count).
 */
import * as z from 'zod/mini';
import { CHOICES_ANSWER } from './answer';
import type { ChoicePart, QuestionTypeDef } from './def';
import { CountOption, Index, QuestionBase, WhichOption, judgedParts } from './fields';
import { byPartsMarkedAsWhole, single, whole, type GradeResult, type Response } from './grading';
import { letteredLines } from './text';
import { closingQuestion, lettered } from './upsc';

type Judged = { type: 'statements' | 'pairs'; facts: string[]; answer: number } & (
	| { mode: 'which'; options: Array<{ text: string; claims: number[] }> }
	| { mode: 'how_many'; options: Array<{ text: string; count: number }> }
);

/**
 * The schema of a statements or pairs type: its own `fields` (the parts) between the mode and
 * the options, in "which" and "how many" modes.
 */
export function judgedSchema<T extends string, F extends z.core.$ZodLooseShape>(
	type: T,
	fields: F
) {
	const mode = <M extends z.core.SomeType, O extends z.core.SomeType>(mode: M, option: O) =>
		z.strictObject({
			...QuestionBase,
			type: z.literal(type),
			mode,
			...fields,
			options: judgedParts(option),
			answer: Index
		});
	return z.discriminatedUnion('mode', [
		mode(z.literal('which'), WhichOption),
		mode(z.literal('how_many'), CountOption)
	]);
}

/** Grade the option chosen, and each part by what that option claims of it. */
export function gradeJudged(
	q: Judged,
	parts: ReadonlyArray<{ fact: string; correct: boolean }>,
	r: Response
): GradeResult {
	const choice = single(r);
	if (choice === null || choice >= q.options.length) return whole(q, false);
	// "Only two" says nothing about which two: the answer is right or wrong as a whole.
	if (q.mode === 'how_many') return whole(q, choice === q.answer);
	const claims = q.options[choice].claims;
	return byPartsMarkedAsWhole(
		q,
		parts.map((part, i) => ({ fact: part.fact, right: claims.includes(i + 1) === part.correct })),
		// The exam marks the option, not the parts: the outcome follows the option chosen.
		choice === q.answer
	);
}

/** What a statements or pairs type says of itself (its schema aside); the rest is the same for both. */
interface JudgedType<Q extends Judged> {
	id: Q['type'];
	code: string;
	label: string;
	/** The field that holds the parts ("statements", "pairs") and the parts in it. */
	field: string;
	partsOf(q: Q): ReadonlyArray<{ fact: string; correct: boolean }>;
	/** The parts as the card's front lists them. */
	ankiParts(q: Q): string;
}

/**
 * A statements or pairs type, but for its schema (which the folder adds, so that the bank's
 * union sees its exact type): graded, worded and answered as the exam does both.
 */
export function judgedType<Q extends Judged>(
	t: JudgedType<Q>
): Omit<QuestionTypeDef<Q>, 'schema'> & { choice: ChoicePart<Q> } {
	const options = (q: Q) => q.options.map((o) => o.text);
	return {
		id: t.id,
		code: t.code,
		label: t.label,
		inTests: true,
		grade: (q, r) => gradeJudged(q, t.partsOf(q), r),
		answerText: (q) => lettered(q.answer, q.options[q.answer].text),
		parts: (q) => t.partsOf(q).map((p, i) => ({ field: `${t.field}[${i}]`, fact: p.fact })),
		ankiFront: (q) => [t.ankiParts(q), closingQuestion(q), letteredLines(options(q))],
		answer: CHOICES_ANSWER,
		// The options are the exam's fixed list ("1 only", "Both 1 and 2"…): never shuffled.
		choice: { options, right: (q) => [q.answer], shuffle: false }
	};
}
