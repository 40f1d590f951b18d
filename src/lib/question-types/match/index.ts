/** Match the columns: pair each left item with its right one; each pair names its fact. */
import * as z from 'zod/mini';
import { lazySchema } from '../shared/lazy-schema';
import {
	Columns,
	QuestionBase,
	SlugSchema,
	TEXTS,
	Text,
	blankDraft,
	letteredLines,
	numberedLines,
	placedType,
	scramble,
	typeBase,
	type QuestionTypeDef
} from '../shared';

export const MatchSchema = lazySchema(() =>
	z.strictObject({
		...QuestionBase(),
		type: z.literal('match'),
		columns: Columns(),
		/** The correct pairs; the app shuffles the right-hand column. */
		pairs: z
			.array(z.strictObject({ left: Text(), right: Text(), fact: SlugSchema() }))
			.check(z.minLength(3), z.maxLength(6))
	})
);
export type Match = z.infer<ReturnType<typeof MatchSchema>>;

export const match = {
	...typeBase('match', 'mt', 'Match the columns'),
	schema: MatchSchema,
	...placedType<Match>(
		{
			field: 'pairs',
			// A pair's left item is in the text column, its right item in the right column.
			columns: { left: 'text', right: 'right', fact: 'fact' },
			placed: (r) => (r.kind === 'pairing' ? r.pairing : null),
			distinct: ['left', 'right']
		},
		{ columns: ['columns', TEXTS] }
	),
	answerText: (q) => q.pairs.map((p) => `${p.left} → ${p.right}`).join('; '),
	ankiFront: (q) => [
		`${q.columns[0]}:\n${numberedLines(q.pairs.map((p) => p.left))}`,
		`${q.columns[1]}:\n${letteredLines(
			scramble(
				q.pairs.map((p) => p.right),
				q.id
			)
		)}`
	],
	answer: {
		empty: (q) => ({ ...blankDraft(), pairing: q.pairs.map(() => -1) }),
		complete: (_, d) => d.pairing.every((p) => p >= 0),
		started: (_, d) => d.pairing.some((p) => p >= 0),
		toResponse: (_, d) => ({ kind: 'pairing', pairing: [...d.pairing] })
	}
} satisfies QuestionTypeDef<Match>;
