/**
 * Assertion and reason (or the newer Statement-I / Statement-II): two parts, each true or false,
 * and whether the second explains the first; the four options are the exam's fixed wording.
 */
import * as z from 'zod/mini';
import {
	CHOICES_ANSWER,
	JudgedPart,
	QuestionBase,
	arLabels,
	arOptions,
	byPartsMarkedAsWhole,
	lettered,
	letteredLines,
	single,
	whole,
	type QuestionTypeDef
} from '../shared';

export const AssertionReasonSchema = z.strictObject({
	...QuestionBase,
	type: z.literal('assertion_reason'),
	/** "Assertion (A) / Reason (R)" or the newer "Statement-I / Statement-II" wording. */
	style: z.enum(['assertion_reason', 'statement_i_ii']),
	assertion: JudgedPart,
	reason: JudgedPart,
	/** Whether the reason correctly explains the assertion (only meaningful when both are true). */
	explains: z.boolean()
});
export type AssertionReason = z.infer<typeof AssertionReasonSchema>;

/** The index of the right option (derived from the parts). */
export function arAnswer(q: AssertionReason): number {
	if (q.assertion.correct && q.reason.correct) return q.explains ? 0 : 1;
	return q.assertion.correct ? 2 : 3;
}

/** The judgments each option makes: [A true?, R true?, R explains A?]. */
const AR_JUDGMENTS: ReadonlyArray<[boolean, boolean, boolean]> = [
	[true, true, true],
	[true, true, false],
	[true, false, false],
	[false, true, false]
];

export const assertion_reason = {
	id: 'assertion_reason',
	code: 'ar',
	label: 'Assertion and reason',
	schema: AssertionReasonSchema,
	inTests: true,
	grade(q, r) {
		const choice = single(r);
		if (choice === null || choice > 3) return whole(q, false);
		const [a, reason, explains] = AR_JUDGMENTS[choice];
		// Whether R explains A is a judgment about the reason, so it counts against the reason's fact.
		const explainsRight = !(q.assertion.correct && q.reason.correct) || explains === q.explains;
		return byPartsMarkedAsWhole(
			q,
			[
				{ fact: q.assertion.fact, right: a === q.assertion.correct },
				{ fact: q.reason.fact, right: reason === q.reason.correct && explainsRight }
			],
			choice === arAnswer(q)
		);
	},
	answerText: (q) => lettered(arAnswer(q), arOptions(q.style)[arAnswer(q)]),
	parts: (q) => [
		{ field: 'assertion', fact: q.assertion.fact },
		{ field: 'reason', fact: q.reason.fact }
	],
	ankiFront(q) {
		const [a, r] = arLabels(q.style);
		return [`${a}: ${q.assertion.text}\n${r}: ${q.reason.text}`, letteredLines(arOptions(q.style))];
	},
	answer: CHOICES_ANSWER,
	choice: { options: (q) => arOptions(q.style), right: (q) => [arAnswer(q)], shuffle: false }
} satisfies QuestionTypeDef<AssertionReason>;
