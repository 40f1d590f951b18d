/**
 * What "learned" means, everywhere the app counts it (the deck list, the statistics): a fact
 * is learned when the scheduler keeps it in the Review state, that is, it has graduated from its
 * learning steps and is now reviewed days apart; a fact relearning after a lapse is not learned
 * until it graduates again. A fact answered once or twice today is still learning. Pure.
 */
import { State } from './fsrs-enums';
import type { MemoryState } from './memory';

/** Whether a fact with this state (or none: never studied) counts as learned. */
export const isLearned = (state: Pick<MemoryState, 'card'> | undefined): boolean =>
	state?.card.state === State.Review;

/** The definition in the learner's words, shown beside every "Learned" count. */
export const LEARNED_MEANING =
	'Learned: facts past their learning steps, now reviewed days apart; a forgotten fact counts again once relearned.';
