/**
 * ts-fsrs's card states and ratings, as constants that do not load ts-fsrs: the deck list,
 * storage and the first question compare states and name ratings, and the scheduler itself is
 * loaded only when an answer needs it. A unit test proves they equal ts-fsrs's enums.
 */
import type { Rating as FsrsRating, State as FsrsState } from 'ts-fsrs';

/**
 * Members `K` of a ts-fsrs enum (`Enum` its object, `Values` its type), each as that member:
 * the compiler checks each number here against ts-fsrs's.
 */
type Members<Enum, Values, K extends keyof Enum> = { readonly [N in K]: Extract<Values, Enum[N]> };

export const State = { New: 0, Learning: 1, Review: 2, Relearning: 3 } as const satisfies Members<
	typeof FsrsState,
	FsrsState,
	keyof typeof FsrsState
>;

/** The four grades (ts-fsrs's Rating without Manual). */
export const Rating = { Again: 1, Hard: 2, Good: 3, Easy: 4 } as const satisfies Members<
	typeof FsrsRating,
	FsrsRating,
	'Again' | 'Hard' | 'Good' | 'Easy'
>;
