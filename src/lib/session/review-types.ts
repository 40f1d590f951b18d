/** The shapes a review session (review.svelte.ts) takes and gives. */
import type { Deck, Fact, Question } from '$lib/bank/schema';
import type { MemoryState } from '$lib/srs/memory';
import type { QueueEntry, StudyFilter } from '$lib/srs/queue';
import type { SchedulingSettings } from '$lib/srs/settings';

/** Reads a session starts with (see ReviewSession.read). */
export interface SessionReads {
	settings: Promise<SchedulingSettings>;
	states: Promise<Map<string, MemoryState>>;
	/** The day's counts from the day's start `from` (ms), read early (early-reads.ts), if so. */
	counts?: Promise<{ from: number; counts: { newToday: number; reviewsToday: number } } | null>;
}

export interface StudyItem {
	entry: QueueEntry;
	deck: Deck;
	fact: Fact;
	question: Question;
}

export interface SessionSummary {
	reviewed: number;
	correct: number;
	ms: number;
	nextDue: Date | null;
}

export interface ReviewOptions extends StudyFilter {
	/** Study only this deck (all decks when absent). */
	deck?: string;
	now?: () => Date;
	/** Where to remember the question on screen across a reload (sessionStorage in the app). */
	resume?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
	newId?: () => string;
}
