/**
 * Exactly one defensible option. In a statements or pairs item, an option's words ("1 and 3
 * only", "Only two") must say what its claims or count say, and only one option may fit the
 * parts' truth values. In an assertion–reason item with both parts true, whether R explains A
 * decides between (a) and (b): when both parts restate the same fact, that is a reading of one
 * sentence rather than a fact the deck holds, and both options are defensible.
 */
import type { Deck, Question } from '../schema';
import { error, type LintFinding } from './types';

const NUMBER_WORDS = ['none', 'one', 'two', 'three', 'four', 'five', 'six'];

/** The parts an option's words claim ("1 and 3 only" → [1, 3]), or null when not in that form. */
export function claimsOfText(text: string, parts: number): number[] | null {
	const t = text.trim().toLowerCase();
	if (/^(none|neither\b.*)$/.test(t)) return [];
	if (/^all\b/.test(t)) return Array.from({ length: parts }, (_, i) => i + 1);
	const m = /^(?:both\s+)?(\d+(?:\s*(?:,|and)\s*\d+)*)(?:\s+only)?$/.exec(t);
	if (!m) return null;
	return [...m[1].matchAll(/\d+/g)].map((d) => Number(d[0])).sort((a, b) => a - b);
}

/** The count an option's words claim ("Only two" → 2, "All three" → 3, "None" → 0), or null. */
export function countOfText(text: string): number | null {
	const t = text.trim().toLowerCase();
	if (t === 'none' || t === 'none of them') return 0;
	const m = /^(?:only|all|exactly)\s+(\w+)$/.exec(t) ?? /^(\w+)\s+only$/.exec(t);
	if (!m) return null;
	const n = NUMBER_WORDS.indexOf(m[1]);
	return n > 0 ? n : /^\d+$/.test(m[1]) ? Number(m[1]) : null;
}

const same = (a: readonly number[], b: readonly number[]) =>
	a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);

function judged(q: Extract<Question, { type: 'statements' | 'pairs' }>, n: number): LintFinding[] {
	const parts: ReadonlyArray<{ correct: boolean }> =
		q.type === 'statements' ? q.statements : q.pairs;
	const truth = parts.flatMap((p, i) => (p.correct ? [i + 1] : []));
	const out: LintFinding[] = [];
	const fits: number[] = [];
	q.options.forEach((o, i) => {
		const at = ['questions', n, 'options', i, 'text'];
		if ('claims' in o) {
			const said = claimsOfText(o.text, parts.length);
			if (said && !same(said, o.claims))
				out.push(
					error('one-answer', at, `says [${said.join(', ')}] but claims [${o.claims.join(', ')}]`)
				);
			if (same(o.claims, truth) || (said && same(said, truth))) fits.push(i);
		} else {
			const said = countOfText(o.text);
			if (said !== null && said !== o.count)
				out.push(error('one-answer', at, `says ${said} but its count is ${o.count}`));
			if (o.count === truth.length || said === truth.length) fits.push(i);
		}
	});
	if (fits.length > 1)
		out.push(
			error(
				'one-answer',
				['questions', n],
				`${fits.length} options fit the parts' truth values (options ${fits.join(', ')}): exactly one must`
			)
		);
	return out;
}

export function oneAnswer(deck: Deck): LintFinding[] {
	return deck.questions.flatMap((q, n): LintFinding[] => {
		if (q.type === 'statements' || q.type === 'pairs') return judged(q, n);
		if (
			q.type === 'assertion_reason' &&
			q.assertion.correct &&
			q.reason.correct &&
			q.assertion.fact === q.reason.fact
		)
			return [
				error(
					'one-answer',
					['questions', n, 'reason', 'fact'],
					`is the assertion's fact too: with both parts true and restating "${q.reason.fact}", whether R explains A is a reading of one sentence, so two options are defensible (name separate facts, or make one part false)`
				)
			];
		return [];
	});
}
