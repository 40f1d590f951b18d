/**
 * Assertion and reason (or the newer Statement-I / Statement-II): two parts, each true or false,
 * and whether the second explains the first; the four options are the exam's fixed wording.
 */
import * as z from 'zod/mini';
import { lazySchema } from '../shared/lazy-schema';
import {
	JUDGED_COLUMNS,
	JudgedPart,
	QuestionBase,
	about,
	arLabels,
	arOptions,
	byPartsMarkedAsWhole,
	lettered,
	letteredLines,
	bool,
	writePart,
	partRows,
	readPart,
	single,
	whole,
	type Issue,
	typeBase,
	type QuestionTypeDef
} from '../shared';

const STYLES = ['assertion_reason', 'statement_i_ii'] as const;

export const AssertionReasonSchema = lazySchema(() =>
	z.strictObject({
		...QuestionBase(),
		type: z.literal('assertion_reason'),
		/** "Assertion (A) / Reason (R)" or the newer "Statement-I / Statement-II" wording. */
		style: z.enum(STYLES),
		assertion: JudgedPart(),
		reason: JudgedPart(),
		/** Whether the reason correctly explains the assertion (only meaningful when both are true). */
		explains: z.boolean()
	})
);
export type AssertionReason = z.infer<ReturnType<typeof AssertionReasonSchema>>;

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
	...typeBase('assertion_reason', 'ar', 'Assertion and reason'),
	schema: AssertionReasonSchema,
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
	choice: { options: (q) => arOptions(q.style), right: (q) => [arAnswer(q)], shuffle: false },
	csv: {
		// The assertion and the reason are the first and second part rows; whether the reason
		// explains the assertion is in the answer column.
		fields: {
			style: 'style',
			assertion: partRows(JUDGED_COLUMNS, 0, 'correct'),
			reason: partRows(JUDGED_COLUMNS, 1, 'correct'),
			explains: 'answer'
		},
		read(c, _, ps) {
			if (ps.length !== 2)
				c.problem(
					undefined,
					`an assertion_reason question needs exactly two part rows (the assertion, then the reason); it has ${ps.length}`
				);
			return {
				style: c.choice('style', STYLES, 'assertion_reason'),
				assertion: ps[0] && readPart(JUDGED_COLUMNS, ps[0]),
				reason: ps[1] && readPart(JUDGED_COLUMNS, ps[1]),
				explains: c.bool('answer', false)
			};
		},
		write: (q) => ({
			cells: { style: q.style, answer: bool(q.explains) },
			rows: [q.assertion, q.reason].map((p) => writePart(JUDGED_COLUMNS, p))
		})
	},
	check(q) {
		const out: Issue[] = [];
		// Placed at the assertion, which the message opens with.
		if (!q.assertion.correct && !q.reason.correct)
			out.push(
				about(['assertion'], 'and reason are both incorrect: no option of the exam format fits')
			);
		if (q.explains && !(q.assertion.correct && q.reason.correct))
			out.push(about(['explains'], 'is true but the assertion or the reason is incorrect'));
		return out;
	}
} satisfies QuestionTypeDef<AssertionReason>;
