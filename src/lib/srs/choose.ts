/**
 * Which question to ask for a fact: rotate through its question types, so that the learner
 * recalls the fact rather than the wording of one question.
 */
import { QUESTION_TYPES } from '../bank/question-types';
import type { Question } from '../bank/schema';
import type { MemoryState } from './memory';

/**
 * Among the questions that test `fact`, one of the type shown least recently for it (types
 * never shown first, in the bank's order of types). A composite question qualifies only when
 * every fact it tests is due or new (`eligible`), so that its answer updates no fact early.
 */
export function chooseQuestion(
	fact: string,
	questions: readonly Question[],
	state: MemoryState | undefined,
	eligible: (fact: string) => boolean
): Question | undefined {
	const candidates = questions.filter(
		(q) => q.facts.includes(fact) && q.facts.every((f) => f === fact || eligible(f))
	);
	if (candidates.length === 0) return undefined;
	const shown = (t: Question['type']) => state?.lastShown[t]?.getTime() ?? -Infinity;
	const rank = (q: Question) => QUESTION_TYPES.indexOf(q.type);
	const best = [...candidates].sort(
		(a, b) => shown(a.type) - shown(b.type) || rank(a) - rank(b)
	)[0];
	const sameType = candidates.filter((q) => q.type === best.type);
	// Within a type, step through its questions as the fact is seen again.
	return sameType[(state?.events ?? 0) % sameType.length];
}
