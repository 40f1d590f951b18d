/**
 * A composite part (a statement, a pair, the assertion or the reason, an item to order, a row to
 * match) names the fact that supports it, and the app shows that fact's quote after the answer:
 * so its distinctive words (numbers, proper nouns) must occur in that fact's quote or statement.
 * A part marked incorrect twists its fact on purpose (a number changed, a name swapped in), so its
 * numbers are not checked and its names need only occur in some fact of the deck.
 * Words in the deck's and the source's titles (the subject, such as "India") are context, not
 * distinctive.
 */
import type { Deck, Fact, Question } from '../schema';
import type { IssuePath } from '../issues';
import { distinctiveGroups, foldWords, namesIn, occursIn } from './text';
import { error, type LintFinding } from './types';

interface PartText {
	path: IssuePath;
	text: string;
	fact: string;
	correct: boolean;
}

function partTexts(q: Question): PartText[] {
	switch (q.type) {
		case 'statements':
			return q.statements.map((s, i) => ({ path: ['statements', i], ...s }));
		case 'pairs':
			return q.pairs.map((p, i) => ({
				path: ['pairs', i],
				text: `${p.left}. ${p.right}`,
				fact: p.fact,
				correct: p.correct
			}));
		case 'match':
			return q.pairs.map((p, i) => ({
				path: ['pairs', i],
				text: `${p.left}. ${p.right}`,
				fact: p.fact,
				correct: true
			}));
		case 'order':
			return q.items.map((it, i) => ({ path: ['items', i], ...it, correct: true }));
		case 'assertion_reason':
			return [
				{ path: ['assertion'], ...q.assertion },
				{ path: ['reason'], ...q.reason }
			];
		default:
			return [];
	}
}

export function partSupport(deck: Deck): LintFinding[] {
	const facts = new Map<string, Fact>(deck.facts.map((f) => [f.id, f]));
	const known = namesIn(deck.facts.flatMap((f) => [f.quote, f.statement]));
	const everywhere = foldWords(deck.facts.map((f) => `${f.quote} ${f.statement}`).join(' '));
	const context = new Set(distinctiveGroups(`${deck.title} ${deck.source.title}`, known).flat());
	return deck.questions.flatMap((q, n) =>
		partTexts(q).flatMap((part): LintFinding[] => {
			const fact = facts.get(part.fact);
			if (!fact) return []; // the validator reports a missing fact
			const groups = distinctiveGroups(part.text, known).filter(
				(g) => !g.some((w) => context.has(w))
			);
			if (!groups.length) return [];
			const support = foldWords(`${fact.quote} ${fact.statement}`);
			// A part marked incorrect twists its fact (a number changed, a name swapped in from
			// elsewhere): its names must still come from the deck's facts, not from headings.
			const within = part.correct ? support : everywhere;
			const checked = part.correct ? groups : groups.filter((g) => !/^\d/.test(g[0]));
			const missing = checked.filter((g) => !g.some((w) => occursIn(w, within)));
			const bad = missing.length > 0;
			if (!bad) return [];
			const listed = missing.map((g) => `"${g.join(' ')}"`).join(', ');
			return [
				error(
					'part-support',
					['questions', n, ...part.path, 'fact'],
					part.correct
						? `"${part.fact}" does not support this part: ${listed} occur(s) in neither its quote nor its statement`
						: `${listed} occur(s) in no fact of the deck: a part marked incorrect may twist its fact "${part.fact}", but only with words the facts hold`
				)
			];
		})
	);
}
