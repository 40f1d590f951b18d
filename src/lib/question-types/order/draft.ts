/** A put-in-order draft from three to six facts: one item each, in the order chosen. */
import { draftBase, type DraftInput } from '../shared/draft';
import type { Order } from '.';

export interface OrderDraft {
	/** Each item's text, in the facts' order; the fact's statement by default. */
	items?: readonly string[];
}

export function orderDraft(input: DraftInput & OrderDraft): Order {
	const facts = input.facts.slice(0, 6);
	return {
		...draftBase(
			'order',
			{ ...input, facts },
			'Arrange the following in chronological order, earliest first:'
		),
		items: facts.map((f, i) => ({ text: input.items?.[i] ?? f.statement, fact: f.id }))
	};
}
