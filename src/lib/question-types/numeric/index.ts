/** A number: the learner types it; within the tolerance counts. */
import * as z from 'zod/mini';
import {
	QuestionBase,
	TYPED_ANSWER,
	Text,
	noParts,
	parseTypedNumber,
	whole,
	type QuestionTypeDef
} from '../shared';

export const NumericSchema = z.strictObject({
	...QuestionBase,
	type: z.literal('numeric'),
	answer: z.number(),
	/** Accepted distance from the answer; 0 asks for the exact figure. */
	tolerance: z.number().check(z.minimum(0)),
	/** Shown beside the input, e.g. "%" or "billion US dollars". */
	unit: z.optional(Text)
});
export type Numeric = z.infer<typeof NumericSchema>;

export const numeric = {
	id: 'numeric',
	code: 'nu',
	label: 'Number',
	schema: NumericSchema,
	inTests: true,
	grade(q, r) {
		const value = r.kind === 'text' ? parseTypedNumber(r.text) : Number.NaN;
		return whole(q, Number.isFinite(value) && Math.abs(value - q.answer) <= q.tolerance);
	},
	answerText: (q) =>
		`${q.answer}${q.unit ? ` ${q.unit}` : ''}${q.tolerance ? ` (± ${q.tolerance})` : ''}`,
	parts: noParts,
	ankiFront: (q) => [q.unit && `Unit: ${q.unit}`],
	answer: TYPED_ANSWER
} satisfies QuestionTypeDef<Numeric>;
