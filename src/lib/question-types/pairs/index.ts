/**
 * Pairs: "Consider the following pairs: … Which of the pairs given above is/are correctly
 * matched?" (each option claims a subset) or "How many … are correctly matched?".
 */
import * as z from 'zod/mini';
import { Columns, SlugSchema, Text, judgedParts } from '../shared/fields';
import { judgedSchema, judgedType } from '../shared/judged';
import { TEXTS, numberedLines, typeBase, type QuestionTypeDef } from '../shared';

export const PairsSchema = judgedSchema('pairs', () => ({
	columns: Columns(),
	pairs: judgedParts(
		z.strictObject({
			left: Text(),
			right: Text(),
			fact: SlugSchema(),
			/** Whether the pair as printed is correctly matched. */
			correct: z.boolean()
		})
	)
}));
export type Pairs = z.infer<ReturnType<typeof PairsSchema>>;

/** A pair as the card's front and the deck's checks see it. */
const pairText = (p: Pairs['pairs'][number], dash = ' — ') => `${p.left}${dash}${p.right}`;

export const pairs = {
	...typeBase('pairs', 'pr', 'Pairs'),
	schema: PairsSchema,
	...judgedType({
		partsOf: (q: Pairs) => q.pairs,
		field: 'pairs',
		// The same left item with another right one is another pair.
		partKey: (p) => pairText(p, '\u0000'),
		// A pair's left item is in the text column, its right item in the right column.
		columns: { left: 'text', right: 'right', fact: 'fact', correct: 'correct' },
		cells: { columns: ['columns', TEXTS] },
		ankiParts: (q) =>
			`${q.columns[0]} — ${q.columns[1]}\n${numberedLines(q.pairs.map((p) => pairText(p)))}`
	})
} satisfies QuestionTypeDef<Pairs>;
