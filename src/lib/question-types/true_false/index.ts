/** True or false: judge one statement. */
import * as z from 'zod/mini';
import { lazySchema } from '../shared/lazy-schema';
import { QuestionBase, Text } from '../shared/fields';
import { BOOLEAN, CHOICES_ANSWER, TEXT, cellsCsv, typeBase, whole } from '../shared';
import type { QuestionTypeDef } from '../shared';

export const TrueFalseSchema = lazySchema(() =>
	z.strictObject({
		...QuestionBase(),
		type: z.literal('true_false'),
		/** The statement to judge; the prompt is the instruction. */
		statement: Text(),
		answer: z.boolean()
	})
);
export type TrueFalse = z.infer<ReturnType<typeof TrueFalseSchema>>;

export const true_false = {
	...typeBase('true_false', 'tf', 'True or false'),
	schema: TrueFalseSchema,
	grade: (q, r) => whole(q, r.kind === 'boolean' && r.value === q.answer),
	answerText: (q) => (q.answer ? 'True' : 'False'),
	ankiFront: (q) => [q.statement],
	// Two options, True and False: option 0 answers true.
	answer: {
		...CHOICES_ANSWER,
		toResponse: (_, d) => ({ kind: 'boolean', value: d.choices[0] === 0 })
	},
	choice: { options: () => ['True', 'False'], right: (q) => [q.answer ? 0 : 1], shuffle: false },
	csv: cellsCsv<TrueFalse>({ statement: ['statement', TEXT], answer: ['answer', BOOLEAN] })
} satisfies QuestionTypeDef<TrueFalse>;
