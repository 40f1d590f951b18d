/**
 * Which question to ask for a fact: rotate through its question types, so that the learner
 * recalls the fact rather than the wording of one question.
 */
import { QUESTION_TYPES } from '../bank/question-types';
import type { Question } from '../bank/schema';
import { State } from './fsrs-enums';
import { memoryKey } from './keys';
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

/**
 * The question to ask for `fact` of `deck`: one whose other facts are all new or due before
 * `dayEnd` (the next study day's start) and not suspended; failing that, any of its questions
 * rather than skipping the fact (the other facts then get an early review).
 */
export function questionFor(
	deck: string,
	fact: string,
	questions: readonly Question[],
	states: ReadonlyMap<string, MemoryState>,
	dayEnd: number
): Question | undefined {
	const state = states.get(memoryKey(deck, fact));
	const eligible = (f: string) => {
		const s = states.get(memoryKey(deck, f));
		if (!s || s.card.state === State.New) return !s?.suspended;
		return !s.suspended && s.card.due.getTime() < dayEnd;
	};
	return (
		chooseQuestion(fact, questions, state, eligible) ??
		chooseQuestion(fact, questions, state, () => true)
	);
}
