/** Fill in the blank: the learner types a word; any accepted answer counts. */
import * as z from 'zod/mini';
import { lazySchema } from '../shared/lazy-schema';
import {
	QuestionBase,
	TEXTS,
	TYPED_ANSWER,
	Text,
	about,
	cellsCsv,
	checkDistinct,
	indexed,
	normaliseTyped,
	typeBase,
	whole,
	type QuestionTypeDef
} from '../shared';

export const ClozeSchema = lazySchema(() =>
	z.strictObject({
		...QuestionBase(),
		type: z.literal('cloze'),
		/** The prompt holds one blank written as `___` (three or more underscores). */
		accepted: z.array(Text()).check(z.minLength(1))
	})
);
export type Cloze = z.infer<ReturnType<typeof ClozeSchema>>;

export const cloze = {
	...typeBase('cloze', 'cz', 'Fill in the blank'),
	schema: ClozeSchema,
	grade(q, r) {
		if (r.kind !== 'text') return whole(q, false);
		const typed = normaliseTyped(r.text);
		return whole(q, typed !== '' && q.accepted.some((a) => normaliseTyped(a) === typed));
	},
	answerText: (q) => q.accepted[0],
	answer: TYPED_ANSWER,
	csv: cellsCsv<Cloze>({ accepted: ['answer', TEXTS] }),
	check(q) {
		const blanks = (q.prompt.match(/_{3,}/g) ?? []).length;
		return [
			...(blanks === 0 ? [about(['prompt'], 'has no blank (write it as ___)')] : []),
			...(blanks > 1 ? [about(['prompt'], 'has more than one blank')] : []),
			...checkDistinct(q.accepted, indexed('accepted'))
		];
	}
} satisfies QuestionTypeDef<Cloze>;
