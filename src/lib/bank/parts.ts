import type { Question } from './schema';

/** A fact-bearing part of a composite question, with the field that holds it. */
export interface Part {
	field: string;
	fact: string;
}

/**
 * The parts of a question that each name their own fact (statements, pairs, the assertion and
 * the reason, items to order or match). Questions without parts return [].
 */
export function partsOf(q: Question): Part[] {
	switch (q.type) {
		case 'statements':
			return q.statements.map((s, i) => ({ field: `statements[${i}]`, fact: s.fact }));
		case 'pairs':
		case 'match':
			return q.pairs.map((p, i) => ({ field: `pairs[${i}]`, fact: p.fact }));
		case 'order':
			return q.items.map((it, i) => ({ field: `items[${i}]`, fact: it.fact }));
		case 'assertion_reason':
			return [
				{ field: 'assertion', fact: q.assertion.fact },
				{ field: 'reason', fact: q.reason.fact }
			];
		default:
			return [];
	}
}
