/**
 * A fact's memory: its ts-fsrs card plus the learner's flags, and the one transition function
 * `apply(state, event)` that both a live answer and a replay of the log go through, so that a
 * rebuild from the log equals the stored states by construction.
 */
import {
	createEmptyCard,
	fsrs,
	generatorParameters,
	State,
	type Card,
	type FSRS,
	type Grade
} from 'ts-fsrs';
import type { QuestionType } from '../bank/schema';
import { fromVirtual, toVirtual } from './day';
import { memoryKey } from './keys';
import type { ScheduleParams } from './settings';

export type Source = 'review' | 'test' | 'classroom';

interface EventBase {
	/** Globally unique (a UUID): merging two logs is their union by id. */
	id: string;
	deck: string;
	fact: string;
	at: Date;
}

/** One entry of the append-only review log: everything a replay needs. */
export type MemoryEvent =
	| (EventBase & {
			kind: 'review';
			rating: Grade;
			correct: boolean;
			question: string;
			questionType: QuestionType;
			durationMs: number;
			source: Source;
			params: ScheduleParams;
			/** Hash of the fact's statement when it was answered: a later change asks for a fresh look. */
			statementHash: string;
			/** The card's state before this answer (a review of a Review card counts against the daily limit). */
			stateBefore: State;
	  })
	| (EventBase & { kind: 'reset' })
	/**
	 * The fact's statement was edited and its deck published again (srs/restate.ts): the author
	 * said it is the same fact (`keep`: its memory stays, and the queue no longer asks it as
	 * changed) or a new one (its memory starts again, as after a reset).
	 */
	| (EventBase & { kind: 'restate'; statementHash: string; keep: boolean })
	| (EventBase & { kind: 'suspend' })
	| (EventBase & { kind: 'unsuspend' })
	| (EventBase & { kind: 'bury'; until: Date });

export interface MemoryState {
	deck: string;
	fact: string;
	card: Card;
	suspended: boolean;
	/** Hidden from the queue until this instant (the next study day). */
	buriedUntil: Date | null;
	/** When the fact was first reviewed (counts against the day's new limit). */
	introduced: Date | null;
	statementHash: string | null;
	/** When each question type was last shown for this fact: the next question rotates types. */
	lastShown: Partial<Record<QuestionType, Date>>;
	/** Id of the last event applied: the revision that cross-tab writes compare. */
	lastEvent: string | null;
	/** Number of events applied. */
	events: number;
}

/** The state of a fact never seen. */
export function newMemory(deck: string, fact: string, now = new Date(0)): MemoryState {
	return {
		deck,
		fact,
		card: createEmptyCard(now),
		suspended: false,
		buriedUntil: null,
		introduced: null,
		statementHash: null,
		lastShown: {},
		lastEvent: null,
		events: 0
	};
}

const schedulers = new Map<string, FSRS>();

/** The ts-fsrs scheduler for these parameters (cached: settings rarely change). */
export function schedulerFor(p: ScheduleParams): FSRS {
	const key = JSON.stringify([
		p.desiredRetention,
		p.maximumInterval,
		p.fuzz,
		p.learningSteps,
		p.relearningSteps,
		p.weights ?? null
	]);
	let f = schedulers.get(key);
	if (!f) {
		f = fsrs(
			generatorParameters({
				request_retention: p.desiredRetention,
				maximum_interval: p.maximumInterval,
				enable_fuzz: p.fuzz,
				enable_short_term: true,
				learning_steps: p.learningSteps as `${number}${'m' | 'h' | 'd'}`[],
				relearning_steps: p.relearningSteps as `${number}${'m' | 'h' | 'd'}`[],
				...(p.weights ? { w: [...p.weights] } : {})
			})
		);
		schedulers.set(key, f);
	}
	return f;
}

/** Move a card to the virtual clock (see day.ts) or back. */
function shiftCard(card: Card, shift: (d: Date) => Date): Card {
	return {
		...card,
		due: shift(card.due),
		last_review: card.last_review ? shift(card.last_review) : undefined
	};
}

/** The card after answering with `rating` at `at`, counting days as local study days. */
export function nextCard(card: Card, at: Date, rating: Grade, p: ScheduleParams): Card {
	const toV = (d: Date) => toVirtual(d, p.timeZone, p.dayStartHour);
	const fromV = (d: Date) => fromVirtual(d, p.timeZone, p.dayStartHour);
	const { card: next } = schedulerFor(p).next(shiftCard(card, toV), toV(at), rating);
	return shiftCard(next, fromV);
}

/** The card after each of the four ratings: the intervals shown on the rating buttons. */
export function previewCards(card: Card, at: Date, p: ScheduleParams): Record<Grade, Card> {
	const toV = (d: Date) => toVirtual(d, p.timeZone, p.dayStartHour);
	const fromV = (d: Date) => fromVirtual(d, p.timeZone, p.dayStartHour);
	const preview = schedulerFor(p).repeat(shiftCard(card, toV), toV(at));
	const out = {} as Record<Grade, Card>;
	for (const item of preview) out[item.log.rating as Grade] = shiftCard(item.card, fromV);
	return out;
}

/** Apply one log event. Pure: never mutates `state`. */
export function apply(state: MemoryState, e: MemoryEvent): MemoryState {
	const next: MemoryState = { ...state, lastEvent: e.id, events: state.events + 1 };
	switch (e.kind) {
		case 'review':
			next.card = nextCard(state.card, e.at, e.rating, e.params);
			next.introduced = state.introduced ?? e.at;
			next.statementHash = e.statementHash;
			next.lastShown = { ...state.lastShown, [e.questionType]: e.at };
			next.buriedUntil = null;
			return next;
		case 'reset':
			return { ...next, card: createEmptyCard(e.at), introduced: null, buriedUntil: null };
		case 'restate':
			return e.keep
				? { ...next, statementHash: e.statementHash }
				: {
						...next,
						card: createEmptyCard(e.at),
						introduced: null,
						buriedUntil: null,
						statementHash: e.statementHash,
						lastShown: {}
					};
		case 'suspend':
			return { ...next, suspended: true };
		case 'unsuspend':
			return { ...next, suspended: false };
		case 'bury':
			return { ...next, buriedUntil: e.until };
	}
}

/** Log order: by time, then by id, so that every device replays a merged log alike. */
export function compareEvents(a: MemoryEvent, b: MemoryEvent): number {
	return a.at.getTime() - b.at.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * An event under other FSRS weights: a review keeps every parameter it names but the weights
 * (`null`: ts-fsrs's defaults). `undefined` leaves the event as it is.
 */
export function withWeights(
	e: MemoryEvent,
	weights: readonly number[] | null | undefined
): MemoryEvent {
	if (weights === undefined || e.kind !== 'review') return e;
	const { weights: _old, ...rest } = e.params;
	return { ...e, params: weights ? { ...rest, weights: [...weights] } : rest };
}

/**
 * Rebuild every fact's state from the log alone. Keyed by `memoryKey(deck, fact)`. With
 * `weights`, every review is replayed under those FSRS weights (a fit applied: srs/fit.ts).
 */
export function replay(
	events: readonly MemoryEvent[],
	weights?: readonly number[] | null
): Map<string, MemoryState> {
	const states = new Map<string, MemoryState>();
	for (const e of [...events].sort(compareEvents)) {
		const key = memoryKey(e.deck, e.fact);
		states.set(key, apply(states.get(key) ?? newMemory(e.deck, e.fact), withWeights(e, weights)));
	}
	return states;
}

export function isLeech(state: MemoryState, leechThreshold: number): boolean {
	return state.card.lapses >= leechThreshold;
}

export function isNew(state: MemoryState | undefined): boolean {
	return !state || state.card.state === State.New;
}

/** Probability of recall now (0–1), or null for a fact never reviewed. */
export function retrievability(state: MemoryState, now: Date, p: ScheduleParams): number | null {
	if (state.card.state === State.New) return null;
	const toV = (d: Date) => toVirtual(d, p.timeZone, p.dayStartHour);
	return schedulerFor(p).get_retrievability(shiftCard(state.card, toV), toV(now), false);
}

export { hashText, memoryKey, paramsId, statementHash } from './keys';
