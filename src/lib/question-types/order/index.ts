/** Put in order: place the items in sequence; each item names its fact. */
import * as z from 'zod/mini';
import {
	QuestionBase,
	SlugSchema,
	Text,
	blankDraft,
	byParts,
	letteredLines,
	scramble,
	whole,
	type QuestionTypeDef
} from '../shared';

export const OrderSchema = z.strictObject({
	...QuestionBase,
	type: z.literal('order'),
	/** The items in their correct order; the app shuffles them. */
	items: z
		.array(z.strictObject({ text: Text, fact: SlugSchema }))
		.check(z.minLength(3), z.maxLength(6))
});
export type Order = z.infer<typeof OrderSchema>;

export const order = {
	id: 'order',
	code: 'or',
	label: 'Put in order',
	schema: OrderSchema,
	inTests: true,
	grade(q, r) {
		if (r.kind !== 'sequence' || r.sequence.length !== q.items.length) return whole(q, false);
		return byParts(
			q,
			q.items.map((it, i) => ({ fact: it.fact, right: r.sequence[i] === i }))
		);
	},
	answerText: (q) => q.items.map((it, i) => `${i + 1}. ${it.text}`).join('  '),
	parts: (q) => q.items.map((it, i) => ({ field: `items[${i}]`, fact: it.fact })),
	ankiFront: (q) => [
		letteredLines(
			scramble(
				q.items.map((it) => it.text),
				q.id
			)
		)
	],
	answer: {
		empty: blankDraft,
		complete: (q, d) => d.sequence.length === q.items.length,
		started: (_, d) => d.sequence.length > 0,
		toResponse: (_, d) => ({ kind: 'sequence', sequence: [...d.sequence] })
	}
} satisfies QuestionTypeDef<Order>;
