/**
 * Every fact tested by at least two questions (one question is a guess, not recall) and at most
 * six (more, and one fact crowds out the rest of the deck in a session).
 */
import type { Deck } from '../schema';
import { error, warning, type LintFinding } from './types';

export const MIN_QUESTIONS_PER_FACT = 2;
export const MAX_QUESTIONS_PER_FACT = 6;

export function factBalance(deck: Deck): LintFinding[] {
	const count = new Map<string, number>();
	for (const q of deck.questions) for (const f of q.facts) count.set(f, (count.get(f) ?? 0) + 1);
	return deck.facts.flatMap((fact, i): LintFinding[] => {
		const n = count.get(fact.id) ?? 0;
		if (n < MIN_QUESTIONS_PER_FACT)
			return [
				error(
					'fact-balance',
					['facts', i],
					`is tested by ${n} question(s); write at least ${MIN_QUESTIONS_PER_FACT}`
				)
			];
		if (n > MAX_QUESTIONS_PER_FACT)
			return [
				warning(
					'fact-balance',
					['facts', i],
					`is tested by ${n} questions; more than ${MAX_QUESTIONS_PER_FACT} crowd out the other facts`
				)
			];
		return [];
	});
}
