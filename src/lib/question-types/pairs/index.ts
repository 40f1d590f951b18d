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
	list,
	numberedLines,
	partRow,
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
	...judgedType({
		id: 'pairs',
		code: 'pr',
		label: 'Pairs',
		field: 'pairs',
		partsOf: (q: Pairs) => q.pairs,
		partKey: (p) => `${p.left}\u0000${p.right}`,
		ankiParts: (q) =>
			`${q.columns[0]} — ${q.columns[1]}\n${numberedLines(q.pairs.map((p) => `${p.left} — ${p.right}`))}`,
		csv: {
			// A pair's left item is in the text column, its right item in the right column.
			fields: { columns: 'columns' },
			columns: { left: 'text', right: 'right', fact: 'fact', correct: 'correct' },
			read: (c, ps) => ({
				columns: c.list('columns'),
				pairs: ps.map((p) => ({
					left: p.text('text'),
					right: p.text('right'),
					fact: p.text('fact'),
					correct: p.bool('correct')
				}))
			}),
			cells: (q) => ({ columns: list(q.columns) }),
			part: (p) => partRow({ ...p, text: p.left })
		}
	}),
	schema: PairsSchema
} satisfies QuestionTypeDef<Pairs>;
