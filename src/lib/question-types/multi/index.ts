/** Select all that apply: the learner must choose exactly the right options. */
import * as z from 'zod/mini';
import { lazySchema } from '../shared/lazy-schema';
import {
	Index,
	Options,
	QuestionBase,
	indexed,
	optionNumbers,
	optionsType,
	whole,
	typeBase,
	type QuestionTypeDef
} from '../shared';

export const MultiSchema = lazySchema(() =>
	z.strictObject({
		...QuestionBase(),
		type: z.literal('multi'),
		options: Options().check(z.minLength(3)),
		/** Every correct option; the learner must select exactly these. */
		answers: z.array(Index()).check(z.minLength(1))
	})
);
export type Multi = z.infer<ReturnType<typeof MultiSchema>>;

export const multi = {
	...typeBase('multi', 'ms', 'Select all that apply'),
	...optionsType<Multi>({
		field: 'answers',
		right: (q) => q.answers,
		path: indexed('answers'),
		read: (c, n) => c.optionNumbers('answer', n),
		write: (q) => optionNumbers(q.answers)
	}),
	schema: MultiSchema,
	grade(q, r) {
		if (r.kind !== 'choices') return whole(q, false);
		const chosen = new Set(r.choices);
		return whole(q, chosen.size === q.answers.length && q.answers.every((a) => chosen.has(a)));
	}
} satisfies QuestionTypeDef<Multi>;
