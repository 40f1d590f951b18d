/**
 * Memory across an edit of a deck: a fact with reviews whose statement the author changed asks
 * "the same fact, or a new one?". Both answers go through the log, the source of truth, as a
 * `restate` event (memory.ts): `keep` (the same fact: its memory stays, and the queue stops
 * asking it as changed, since the learner's memory is of the fact, not of its wording) or not
 * (a new fact: its memory starts again). A replay gives the same states on every device. Pure.
 */
import { memoryKey, statementHash } from './keys';
import type { MemoryEvent, MemoryState } from './memory';

/** A fact of the deck as published: its id and its statement. */
export interface StatedFact {
	id: string;
	statement: string;
}

/** A fact whose statement changed since the learner last answered it: the question to ask. */
export interface Restatement {
	fact: string;
	/** The statement as published now. */
	statement: string;
	/** How many reviews its memory holds (what a new fact would lose). */
	reviews: number;
}

/**
 * The facts of `deck` with reviews whose statement differs from the one last answered (by its
 * hash, as the queue compares them): each must be decided before the deck is published again.
 */
export function restatements(
	deck: string,
	facts: readonly StatedFact[],
	states: ReadonlyMap<string, MemoryState>
): Restatement[] {
	const out: Restatement[] = [];
	for (const f of facts) {
		const s = states.get(memoryKey(deck, f.id));
		if (!s || s.statementHash === null || s.card.reps === 0) continue;
		if (s.statementHash === statementHash(f.statement)) continue;
		out.push({ fact: f.id, statement: f.statement, reviews: s.card.reps });
	}
	return out;
}

export type RestateChoice = 'same' | 'new';

/**
 * The log events of the author's decisions, one per restated fact with a decision (facts left
 * undecided are returned in `undecided`, and get no event). `newId` gives each event its id.
 */
export function restateEvents(
	deck: string,
	needs: readonly Restatement[],
	choices: ReadonlyMap<string, RestateChoice>,
	at: Date,
	newId: () => string
): { events: Extract<MemoryEvent, { kind: 'restate' }>[]; undecided: string[] } {
	const events: Extract<MemoryEvent, { kind: 'restate' }>[] = [];
	const undecided: string[] = [];
	for (const need of needs) {
		const choice = choices.get(need.fact);
		if (!choice) {
			undecided.push(need.fact);
			continue;
		}
		events.push({
			id: newId(),
			deck,
			fact: need.fact,
			at,
			kind: 'restate',
			statementHash: statementHash(need.statement),
			keep: choice === 'same'
		});
	}
	return { events, undecided };
}
