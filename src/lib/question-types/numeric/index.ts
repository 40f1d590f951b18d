/** A number: the learner types it; within the tolerance counts. */
import * as z from 'zod/mini';
import { lazySchema } from '../shared/lazy-schema';
import {
	OPTIONAL_TEXT,
	QuestionBase,
	TYPED_ANSWER,
	Text,
	about,
	cellsCsv,
	number,
	parseTypedNumber,
	typeBase,
	whole,
	type QuestionTypeDef
} from '../shared';

export const NumericSchema = lazySchema(() =>
	z.strictObject({
		...QuestionBase(),
		type: z.literal('numeric'),
		answer: z.number(),
		/** Accepted distance from the answer; 0 asks for the exact figure. */
		tolerance: z.number().check(z.minimum(0)),
		/** Shown beside the input, e.g. "%" or "billion US dollars". */
		unit: z.optional(Text())
	})
);
export type Numeric = z.infer<ReturnType<typeof NumericSchema>>;

export const numeric = {
	...typeBase('numeric', 'nu', 'Number'),
	schema: NumericSchema,
	grade(q, r) {
		const value = r.kind === 'text' ? parseTypedNumber(r.text) : Number.NaN;
		return whole(q, Number.isFinite(value) && Math.abs(value - q.answer) <= q.tolerance);
	},
	answerText: (q) =>
		`${q.answer}${q.unit ? ` ${q.unit}` : ''}${q.tolerance ? ` (± ${q.tolerance})` : ''}`,
	ankiFront: (q) => [q.unit && `Unit: ${q.unit}`],
	answer: TYPED_ANSWER,
	csv: cellsCsv<Numeric>({
		answer: ['answer', number()],
		tolerance: ['tolerance', number(0)],
		unit: ['unit', OPTIONAL_TEXT]
	}),
	check: (q) => (Number.isFinite(q.answer) ? [] : [about(['answer'], 'must be a finite number')])
} satisfies QuestionTypeDef<Numeric>;
