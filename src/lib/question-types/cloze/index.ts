/** Fill in the blank: the learner types a word; any accepted answer counts. */
import * as z from 'zod/mini';
import {
	QuestionBase,
	TYPED_ANSWER,
	Text,
	noParts,
	normaliseTyped,
	whole,
	type QuestionTypeDef
} from '../shared';

export const ClozeSchema = z.strictObject({
	...QuestionBase,
	type: z.literal('cloze'),
	/** The prompt holds one blank written as `___` (three or more underscores). */
	accepted: z.array(Text).check(z.minLength(1))
});
export type Cloze = z.infer<typeof ClozeSchema>;

export const cloze = {
	id: 'cloze',
	code: 'cz',
	label: 'Fill in the blank',
	schema: ClozeSchema,
	inTests: true,
	grade(q, r) {
		if (r.kind !== 'text') return whole(q, false);
		const typed = normaliseTyped(r.text);
		return whole(q, typed !== '' && q.accepted.some((a) => normaliseTyped(a) === typed));
	},
	answerText: (q) => q.accepted[0],
	parts: noParts,
	ankiFront: () => [],
	answer: TYPED_ANSWER
} satisfies QuestionTypeDef<Cloze>;
