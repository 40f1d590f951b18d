/**
 * What the projector's answer key shows of a question besides its prompt and answer: the text
 * the prompt refers to, where the prompt is the exam's fixed wording ("True or false?",
 * "Consider the following pairs:") and would not say which question it was. Match and order
 * questions name their parts in the answer itself.
 */
import type { Question } from '$lib/bank/schema';
import { arLabels } from '$lib/bank/format';

export function keyContent(q: Question): string[] {
	switch (q.type) {
		case 'true_false':
			return [q.statement];
		case 'statements':
			return q.statements.map((s, i) => `${i + 1}. ${s.text}`);
		case 'pairs':
			return q.pairs.map((p, i) => `${i + 1}. ${p.left} — ${p.right}`);
		case 'assertion_reason': {
			const [a, r] = arLabels(q.style);
			return [`${a}: ${q.assertion.text}`, `${r}: ${q.reason.text}`];
		}
		default:
			return [];
	}
}
