/** Multiple choice: one right option among two to six. */
import * as z from 'zod/mini';
import {
	CHOICES_ANSWER,
	Index,
	Options,
	QuestionBase,
	letteredLines,
	lettered,
	noParts,
	single,
	whole,
	type QuestionTypeDef
} from '../shared';

export const McqSchema = z.strictObject({
	...QuestionBase,
	type: z.literal('mcq'),
	options: Options,
	answer: Index
});
export type Mcq = z.infer<typeof McqSchema>;

export const mcq = {
	id: 'mcq',
	code: 'mc',
	label: 'Multiple choice',
	schema: McqSchema,
	inTests: true,
	grade: (q, r) => whole(q, single(r) === q.answer),
	answerText: (q) => lettered(q.answer, q.options[q.answer]),
	parts: noParts,
	ankiFront: (q) => [letteredLines(q.options)],
	answer: CHOICES_ANSWER,
	choice: { options: (q) => q.options, right: (q) => [q.answer], shuffle: true }
} satisfies QuestionTypeDef<Mcq>;
