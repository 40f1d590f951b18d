/** Multiple choice: one right option among two to six. */
import * as z from 'zod/mini';
import { lazySchema } from '../shared/lazy-schema';
import {
	Index,
	Options,
	QuestionBase,
	optionsType,
	single,
	whole,
	typeBase,
	type QuestionTypeDef
} from '../shared';

export const McqSchema = lazySchema(() =>
	z.strictObject({
		...QuestionBase(),
		type: z.literal('mcq'),
		options: Options(),
		answer: Index()
	})
);
export type Mcq = z.infer<ReturnType<typeof McqSchema>>;

export const mcq = {
	...typeBase('mcq', 'mc', 'Multiple choice'),
	...optionsType<Mcq>({
		field: 'answer',
		right: (q) => [q.answer],
		path: () => ['answer'],
		read: (c, n) => c.optionNumber('answer', n),
		write: (q) => String(q.answer + 1)
	}),
	schema: McqSchema,
	grade: (q, r) => whole(q, single(r) === q.answer)
} satisfies QuestionTypeDef<Mcq>;
