/** Put in order: place the items in sequence; each item names its fact. */
import * as z from 'zod/mini';
import { lazySchema } from '../shared/lazy-schema';
import {
	QuestionBase,
	SlugSchema,
	Text,
	blankDraft,
	letteredLines,
	placedType,
	scramble,
	typeBase,
	type QuestionTypeDef
} from '../shared';

export const OrderSchema = lazySchema(() =>
	z.strictObject({
		...QuestionBase(),
		type: z.literal('order'),
		/** The items in their correct order; the app shuffles them. */
		items: z
			.array(z.strictObject({ text: Text(), fact: SlugSchema() }))
			.check(z.minLength(3), z.maxLength(6))
	})
);
export type Order = z.infer<ReturnType<typeof OrderSchema>>;

const texts = (q: Order) => q.items.map((it) => it.text);

export const order = {
	...typeBase('order', 'or', 'Put in order'),
	schema: OrderSchema,
	...placedType<Order>({
		field: 'items',
		columns: { text: 'text', fact: 'fact' },
		placed: (r) => (r.kind === 'sequence' ? r.sequence : null),
		distinct: ['text']
	}),
	answerText: (q) =>
		texts(q)
			.map((text, i) => `${i + 1}. ${text}`)
			.join('  '),
	ankiFront: (q) => [letteredLines(scramble(texts(q), q.id))],
	answer: {
		empty: blankDraft,
		complete: (q, d) => d.sequence.length === q.items.length,
		started: (_, d) => d.sequence.length > 0,
		toResponse: (_, d) => ({ kind: 'sequence', sequence: [...d.sequence] })
	}
} satisfies QuestionTypeDef<Order>;
