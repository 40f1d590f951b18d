/** Match the columns: pair each left item with its right one; each pair names its fact. */
import * as z from 'zod/mini';
import {
	Columns,
	QuestionBase,
	SlugSchema,
	TYPE_DEFAULTS,
	Text,
	blankDraft,
	checkDistinct,
	gradePlaced,
	letteredLines,
	list,
	numberedLines,
	partRow,
	partRows,
	partsIn,
	scramble,
	type QuestionTypeDef
} from '../shared';

export const MatchSchema = z.strictObject({
	...QuestionBase,
	type: z.literal('match'),
	columns: Columns,
	/** The correct pairs; the app shuffles the right-hand column. */
	pairs: z
		.array(z.strictObject({ left: Text, right: Text, fact: SlugSchema }))
		.check(z.minLength(3), z.maxLength(6))
});
export type Match = z.infer<typeof MatchSchema>;

export const match = {
	...TYPE_DEFAULTS,
	id: 'match',
	code: 'mt',
	label: 'Match the columns',
	schema: MatchSchema,
	grade: (q, r) => gradePlaced(q, q.pairs, r.kind === 'pairing' ? r.pairing : null),
	answerText: (q) => q.pairs.map((p) => `${p.left} → ${p.right}`).join('; '),
	parts: (q) => partsIn('pairs', q.pairs),
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
	},
	csv: {
		// A pair's left item is in the text column, its right item in the right column.
		fields: { columns: 'columns', pairs: partRows({ left: 'text', right: 'right', fact: 'fact' }) },
		read: (c, _, ps) => ({
			columns: c.list('columns'),
			pairs: ps.map((p) => ({ left: p.text('text'), right: p.text('right'), fact: p.text('fact') }))
		}),
		write: (q) => ({
			cells: { columns: list(q.columns) },
			rows: q.pairs.map((p) => partRow({ text: p.left, right: p.right, fact: p.fact }))
		})
	},
	check: (q) => [
		...checkDistinct(
			q.pairs.map((p) => p.left),
			(i) => ['pairs', i, 'left']
		),
		...checkDistinct(
			q.pairs.map((p) => p.right),
			(i) => ['pairs', i, 'right']
		)
	]
} satisfies QuestionTypeDef<Match>;
