/** Put in order: place the items in sequence; each item names its fact. */
import * as z from 'zod/mini';
import {
	QuestionBase,
	SlugSchema,
	TYPE_DEFAULTS,
	Text,
	blankDraft,
	checkDistinct,
	gradePlaced,
	indexed,
	letteredLines,
	partRow,
	partRows,
	partsIn,
	scramble,
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

const texts = (q: Order) => q.items.map((it) => it.text);

export const order = {
	...TYPE_DEFAULTS,
	id: 'order',
	code: 'or',
	label: 'Put in order',
	schema: OrderSchema,
	grade: (q, r) => gradePlaced(q, q.items, r.kind === 'sequence' ? r.sequence : null),
	answerText: (q) =>
		texts(q)
			.map((text, i) => `${i + 1}. ${text}`)
			.join('  '),
	parts: (q) => partsIn('items', q.items),
	ankiFront: (q) => [letteredLines(scramble(texts(q), q.id))],
	answer: {
		empty: blankDraft,
		complete: (q, d) => d.sequence.length === q.items.length,
		started: (_, d) => d.sequence.length > 0,
		toResponse: (_, d) => ({ kind: 'sequence', sequence: [...d.sequence] })
	},
	csv: {
		fields: { items: partRows({ text: 'text', fact: 'fact' }) },
		read: (_, __, ps) => ({
			items: ps.map((p) => ({ text: p.text('text'), fact: p.text('fact') }))
		}),
		write: (q) => ({ cells: {}, rows: q.items.map(partRow) })
	},
	check: (q) => checkDistinct(texts(q), indexed('items'))
} satisfies QuestionTypeDef<Order>;
