/** Match the columns: pair each left item with its right one; each pair names its fact. */
import * as z from 'zod/mini';
import {
	Columns,
	QuestionBase,
	SlugSchema,
	Text,
	blankDraft,
	byParts,
	letteredLines,
	numberedLines,
	scramble,
	whole,
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
	id: 'match',
	code: 'mt',
	label: 'Match the columns',
	schema: MatchSchema,
	inTests: true,
	grade(q, r) {
		if (r.kind !== 'pairing' || r.pairing.length !== q.pairs.length) return whole(q, false);
		return byParts(
			q,
			q.pairs.map((p, i) => ({ fact: p.fact, right: r.pairing[i] === i }))
		);
	},
	answerText: (q) => q.pairs.map((p) => `${p.left} → ${p.right}`).join('; '),
	parts: (q) => q.pairs.map((p, i) => ({ field: `pairs[${i}]`, fact: p.fact })),
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
