/**
 * Pairs: "Consider the following pairs: … Which of the pairs given above is/are correctly
 * matched?" (each option claims a subset) or "How many … are correctly matched?".
 */
import * as z from 'zod/mini';
import {
	Columns,
	SlugSchema,
	Text,
	judgedParts,
	judgedSchema,
	judgedType,
	numberedLines,
	type QuestionTypeDef
} from '../shared';

const PairPart = z.strictObject({
	left: Text,
	right: Text,
	fact: SlugSchema,
	/** Whether the pair as printed is correctly matched. */
	correct: z.boolean()
});

export const PairsSchema = judgedSchema('pairs', {
	columns: Columns,
	pairs: judgedParts(PairPart)
});
export type Pairs = z.infer<typeof PairsSchema>;

export const pairs = {
	...judgedType<Pairs>({
		id: 'pairs',
		code: 'pr',
		label: 'Pairs',
		field: 'pairs',
		partsOf: (q) => q.pairs,
		ankiParts: (q) =>
			`${q.columns[0]} — ${q.columns[1]}\n${numberedLines(q.pairs.map((p) => `${p.left} — ${p.right}`))}`
	}),
	schema: PairsSchema
} satisfies QuestionTypeDef<Pairs>;
