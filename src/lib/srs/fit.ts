/**
 * Personal FSRS parameters: the learner's review log as the optimizer's training items, the
 * split of the log by time into reviews to fit on and reviews held out, and how well a set of
 * weights predicts the held-out reviews (log loss and RMSE). Pure: the optimizer itself
 * (fsrs-browser, WebAssembly) runs in session/fit.worker.ts; docs/fitting.md explains the whole.
 */
import { Rating, State } from './fsrs-enums';
import { daysBetween, studyDay } from './day';
import { apply, compareEvents, newMemory, retrievability, withWeights } from './memory';
import type { MemoryEvent, MemoryState } from './memory';
import { memoryKey } from './keys';

/**
 * Reviews the log needs before Settings offers a fit. fsrs-rs (the optimizer inside
 * fsrs-browser) returns the default parameters for very small sets, and the FSRS authors advise
 * optimizing once a collection has a few hundred reviews or more (Anki's manual: 1 000 for
 * reliable results). 400 long-term reviews is this app's line, stated on the settings page.
 */
export const FIT_MIN_REVIEWS = 400;

/** The share of the log (its latest reviews by time) held out to judge a fit. */
export const HELD_OUT_SHARE = 0.2;

/** The optimizer's input: each item one fact's review history, flattened (fsrs-browser's format). */
export interface FitItems {
	ratings: number[];
	/** Study days since the fact's previous review (0 for the first, and the same day). */
	deltas: number[];
	/** Reviews in each item. */
	lengths: number[];
}

type Review = Extract<MemoryEvent, { kind: 'review' }>;

/** Each fact's histories of reviews: a new one after a reset or a restate as a new fact. */
function histories(events: readonly MemoryEvent[]): Review[][] {
	const byFact = new Map<string, Review[]>();
	const ended: Review[][] = [];
	for (const e of [...events].sort(compareEvents)) {
		const key = memoryKey(e.deck, e.fact);
		const list = byFact.get(key);
		if (e.kind === 'review') {
			if (list) list.push(e);
			else byFact.set(key, [e]);
		} else if (list && (e.kind === 'reset' || (e.kind === 'restate' && !e.keep))) {
			ended.push(list);
			byFact.delete(key);
		}
	}
	return [...ended, ...byFact.values()];
}

/**
 * The training items of fsrs-rs: for every fact, each prefix of its history that ends on a
 * review a study day or more after the one before it (what fsrs-rs's own conversion of Anki's
 * log keeps: the optimizer learns from the recall of a later day; an item that ends on a
 * same-day review made fsrs-browser 5.2's loss NaN). Earlier reviews of the prefix, same-day
 * learning steps included, are the history the item's memory state is built from. Days are the
 * learner's study days (time zone and day start of each answer's parameters).
 */
export function fitItems(events: readonly MemoryEvent[]): FitItems {
	const out: FitItems = { ratings: [], deltas: [], lengths: [] };
	for (const history of histories(events)) {
		const ratings: number[] = [];
		const deltas: number[] = [];
		let previous: string | null = null;
		for (const r of history) {
			const day = studyDay(r.at, r.params.timeZone, r.params.dayStartHour);
			const delta = previous === null ? 0 : daysBetween(previous, day);
			previous = day;
			ratings.push(r.rating);
			deltas.push(delta);
			if (delta > 0) {
				out.ratings.push(...ratings);
				out.deltas.push(...deltas);
				out.lengths.push(ratings.length);
			}
		}
	}
	return out;
}

/** Long-term reviews: answers to a fact already in FSRS's Review state (what a fit predicts). */
export function countLongTermReviews(events: readonly MemoryEvent[]): number {
	return events.filter((e) => e.kind === 'review' && e.stateBefore === State.Review).length;
}

/**
 * The time that splits the log: reviews before it are fitted on, reviews from it on are held
 * out (the latest `share` of the reviews). Null when there are no reviews.
 */
export function heldOutFrom(events: readonly MemoryEvent[], share = HELD_OUT_SHARE): Date | null {
	const times = events
		.filter((e) => e.kind === 'review')
		.map((e) => e.at.getTime())
		.sort((a, b) => a - b);
	if (!times.length) return null;
	return new Date(times[Math.min(times.length - 1, Math.floor(times.length * (1 - share)))]);
}

/** The log before a time (what the optimizer is given when `from` is the held-out split). */
export function before(events: readonly MemoryEvent[], from: Date): MemoryEvent[] {
	return events.filter((e) => e.at.getTime() < from.getTime());
}

export interface Accuracy {
	/** Mean negative log-likelihood of the held-out answers (lower is better). */
	logLoss: number;
	/** Root of the mean squared gap between predicted recall and the answer (0 or 1). */
	rmse: number;
	/** Held-out reviews scored. */
	reviews: number;
}

/** Probabilities are kept inside (ε, 1 − ε) so that one sure miss cannot make the loss infinite. */
const EPS = 1e-6;

/**
 * How well `weights` (null: ts-fsrs's defaults) predict the held-out reviews: the log is
 * replayed under them, and every answer from `from` on to a fact in the Review state is
 * predicted with ts-fsrs's forgetting curve (`retrievability`) just before it; remembered means
 * any rating but Again. Same-day learning steps are not scored: FSRS predicts days, not minutes.
 */
export function accuracy(
	events: readonly MemoryEvent[],
	from: Date,
	weights: readonly number[] | null
): Accuracy {
	const states = new Map<string, MemoryState>();
	let loss = 0;
	let squares = 0;
	let n = 0;
	for (const raw of [...events].sort(compareEvents)) {
		const e = withWeights(raw, weights);
		const key = memoryKey(e.deck, e.fact);
		const state = states.get(key) ?? newMemory(e.deck, e.fact);
		if (
			e.kind === 'review' &&
			e.at.getTime() >= from.getTime() &&
			state.card.state === State.Review
		) {
			const p = Math.min(1 - EPS, Math.max(EPS, retrievability(state, e.at, e.params) ?? 0));
			const y = e.rating === Rating.Again ? 0 : 1;
			loss -= y * Math.log(p) + (1 - y) * Math.log(1 - p);
			squares += (p - y) ** 2;
			n++;
		}
		states.set(key, apply(state, e));
	}
	return n
		? { logLoss: loss / n, rmse: Math.sqrt(squares / n), reviews: n }
		: { logLoss: NaN, rmse: NaN, reviews: 0 };
}

export interface FitVerdict {
	/** The weights in force (the defaults until a fit is applied). */
	current: Accuracy;
	fitted: Accuracy;
	/** The fitted weights predict the held-out reviews better on both measures. */
	better: boolean;
}

/** The weights in force (null: the defaults) against fitted ones, on the held-out reviews. */
export function judgeFit(
	events: readonly MemoryEvent[],
	from: Date,
	fitted: readonly number[],
	current: readonly number[] | null = null
): FitVerdict {
	const now = accuracy(events, from, current);
	const mine = accuracy(events, from, fitted);
	return {
		current: now,
		fitted: mine,
		better: mine.reviews > 0 && mine.logLoss < now.logLoss && mine.rmse < now.rmse
	};
}
