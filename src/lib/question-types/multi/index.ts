/** Select all that apply: the learner must choose exactly the right options. */
import * as z from 'zod/mini';
import {
	CHOICES_ANSWER,
	Index,
	Options,
	QuestionBase,
	letteredLines,
	lettered,
	noParts,
	whole,
	type QuestionTypeDef
} from '../shared';

export const MultiSchema = z.strictObject({
	...QuestionBase,
	type: z.literal('multi'),
	options: Options.check(z.minLength(3)),
	/** Every correct option; the learner must select exactly these. */
	answers: z.array(Index).check(z.minLength(1))
});
export type Multi = z.infer<typeof MultiSchema>;

export const multi = {
	id: 'multi',
	code: 'ms',
	label: 'Select all that apply',
	schema: MultiSchema,
	inTests: true,
	grade(q, r) {
		if (r.kind !== 'choices') return whole(q, false);
		const chosen = new Set(r.choices);
		return whole(q, chosen.size === q.answers.length && q.answers.every((a) => chosen.has(a)));
	},
	answerText: (q) => q.answers.map((i) => lettered(i, q.options[i])).join('; '),
	parts: noParts,
	ankiFront: (q) => [letteredLines(q.options)],
	answer: CHOICES_ANSWER,
	choice: { options: (q) => q.options, right: (q) => q.answers, shuffle: true }
} satisfies QuestionTypeDef<Multi>;
