/**
 * ts-fsrs's card states and ratings, as constants that do not load ts-fsrs: the deck list,
 * storage and the first question compare states and name ratings, and the scheduler itself is
 * loaded only when an answer needs it. A unit test proves they equal ts-fsrs's enums.
 */
import type { Rating as FsrsRating, State as FsrsState } from 'ts-fsrs';

export const State = {
	New: 0 as FsrsState.New,
	Learning: 1 as FsrsState.Learning,
	Review: 2 as FsrsState.Review,
	Relearning: 3 as FsrsState.Relearning
} as const;

/** The four grades (ts-fsrs's Rating without Manual). */
export const Rating = {
	Again: 1 as FsrsRating.Again,
	Hard: 2 as FsrsRating.Hard,
	Good: 3 as FsrsRating.Good,
	Easy: 4 as FsrsRating.Easy
} as const;
