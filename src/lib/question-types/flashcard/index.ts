/** A flashcard: the learner recalls the back and rates themself. */
import * as z from 'zod/mini';
import { lazySchema } from '../shared/lazy-schema';
import { Rating } from '../../srs/fsrs-enums';
import { QuestionBase, Text } from '../shared/fields';
import { CHOICES_ANSWER, TEXT, cellsCsv, typeBase, whole } from '../shared';
import type { QuestionTypeDef } from '../shared';

export const FlashcardSchema = lazySchema(() =>
	z.strictObject({
		...QuestionBase(),
		type: z.literal('flashcard'),
		/** The back of the card. */
		answer: Text()
	})
);
export type Flashcard = z.infer<ReturnType<typeof FlashcardSchema>>;

export const flashcard = {
	...typeBase('flashcard', 'fc', 'Flashcard'),
	schema: FlashcardSchema,
	inTests: false,
	grade(q, r) {
		if (r.kind !== 'rating') return whole(q, false);
		return { ...whole(q, r.rating !== Rating.Again), suggested: r.rating };
	},
	answerText: (q) => q.answer,
	// Nothing to fill in: the learner shows the back when ready, then rates.
	answer: { ...CHOICES_ANSWER, complete: () => true, started: () => false },
	csv: cellsCsv<Flashcard>({ answer: ['answer', TEXT] })
} satisfies QuestionTypeDef<Flashcard>;
