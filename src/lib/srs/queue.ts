/**
 * Today's queue (Anki's order): learning and relearning facts due now, then reviews due today
 * (most overdue first, up to the daily review limit), then new facts in deck order (up to the
 * daily new limit). Suspended and buried facts stay out; a fact whose statement changed since
 * it was last answered comes back for a fresh look.
 */
import type { Deck, Fact, Question } from '../bank/schema';
import { State } from './fsrs-enums';
import { nextDayStart } from './day';
import { isLearned } from './learned';
import { memoryKey, statementHash } from './keys';
import type { MemoryState } from './memory';
import type { SchedulingSettings } from './settings';

export interface QueueFact {
	deck: string;
	fact: string;
	/** Hash of the fact's current statement (memory.statementHash). */
	statementHash: string;
	/** memoryKey(deck, fact), when the caller keeps it (a session's queue looks facts up by it). */
	key?: string;
}

export interface QueueInput {
	/** The facts in study order (deck order, decks in the learner's order). */
	facts: readonly QueueFact[];
	states: ReadonlyMap<string, MemoryState>;
	now: Date;
	settings: SchedulingSettings;
	/** New facts introduced and reviews done so far today (from today's log). */
	done: { newToday: number; reviewsToday: number };
	/** Learning facts due within this many minutes count as due now (Anki's learn-ahead limit). */
	learnAheadMinutes?: number;
	/** How reviews fall due and are ordered (exam mode); by due time when absent. */
	order?: QueueOrder;
}

/**
 * How the queue reads a Review fact's due time and orders the reviews due today, lower rank
 * first (ties keep study order). Exam mode (exam-dates.ts, exam-order.ts) caps due times at
 * the day before the exam and ranks by predicted recall on its morning.
 */
export interface QueueOrder {
	due(s: MemoryState): number;
	rank(key: string, s: MemoryState): number;
}

export interface QueueEntry {
	key: string;
	deck: string;
	fact: string;
	kind: 'learning' | 'review' | 'new' | 'changed';
}

export interface Queue {
	entries: QueueEntry[];
	/** Learning facts due later today: they come back within the session. */
	laterToday: Array<{ key: string; due: Date }>;
	/** Reviews due today beyond the daily limit, and new facts beyond the new limit. */
	overLimit: { reviews: number; new: number };
}

/**
 * Build today's queue. Pure; `now` is passed in. The facts beyond the limits (thousands of due
 * reviews, for a big deck) are counted and sorted by index, and only the entries shown are made.
 * A study session keeps the same queue up to date between answers instead (live-queue.ts).
 */
export function buildQueue(input: QueueInput): Queue {
	const { now, settings, states, facts } = input;
	const dayEnd = nextDayStart(now, settings.timeZone, settings.dayStartHour).getTime();
	const learnAhead = now.getTime() + (input.learnAheadMinutes ?? 0) * 60_000;
	const reviewRoom = Math.max(0, settings.reviewsPerDay - input.done.reviewsToday);
	const newRoom = Math.max(0, settings.newPerDay - input.done.newToday);
	const entry = (i: number, key: string, kind: QueueEntry['kind']): QueueEntry => ({
		key,
		deck: facts[i].deck,
		fact: facts[i].fact,
		kind
	});
	const keys: string[] = new Array(facts.length);
	const dues: number[] = new Array(facts.length);
	const learning: number[] = [];
	const reviews: number[] = [];
	const changed: QueueEntry[] = [];
	const fresh: QueueEntry[] = [];
	let freshCount = 0;
	const laterToday: Queue['laterToday'] = [];

	const nowMs = now.getTime();
	for (let i = 0; i < facts.length; i++) {
		const f = facts[i];
		const key = f.key ?? memoryKey(f.deck, f.fact);
		const s = states.get(key);
		if (s && (s.suspended || (s.buriedUntil && s.buriedUntil.getTime() > nowMs))) continue;
		if (!s || s.card.state === State.New) {
			if (freshCount++ < newRoom) fresh.push(entry(i, key, 'new'));
			continue;
		}
		const due = s.card.due.getTime();
		if (s.card.state === State.Learning || s.card.state === State.Relearning) {
			if (due <= learnAhead) {
				keys[i] = key;
				dues[i] = due;
				learning.push(i);
			} else if (due < dayEnd) laterToday.push({ key, due: s.card.due });
		} else if (s.statementHash !== null && s.statementHash !== f.statementHash) {
			changed.push(entry(i, key, 'changed'));
		} else if ((input.order ? input.order.due(s) : due) < dayEnd) {
			keys[i] = key;
			dues[i] = input.order ? input.order.rank(key, s) : due;
			reviews.push(i);
		}
	}

	// Stable sorts of fact indices (in study order) by due time (reviews: by rank when ordered):
	// ties keep study order.
	const byDue = (a: number, b: number) => dues[a] - dues[b];
	learning.sort(byDue);
	reviews.sort(byDue);
	laterToday.sort((a, b) => a.due.getTime() - b.due.getTime());
	return {
		entries: [
			...learning.map((i) => entry(i, keys[i], 'learning')),
			...changed,
			...reviews.slice(0, reviewRoom).map((i) => entry(i, keys[i], 'review')),
			...fresh
		],
		laterToday,
		overLimit: {
			reviews: Math.max(0, reviews.length - reviewRoom),
			new: Math.max(0, freshCount - newRoom)
		}
	};
}

export interface DueCounts {
	/** Learning facts due now, reviews due today and new facts available today (limits applied). */
	learning: number;
	review: number;
	new: number;
	/** Learned facts (see `isLearned` in ./learned). */
	learned: number;
	/** The next time something falls due, after now. */
	nextDue: Date | null;
}

/** What the dashboard shows for a set of facts. Pure. */
export function dueCounts(input: QueueInput): DueCounts {
	const q = buildQueue(input);
	const counts: DueCounts = { learning: 0, review: 0, new: 0, learned: 0, nextDue: null };
	for (const e of q.entries) {
		if (e.kind === 'new') counts.new++;
		else if (e.kind === 'learning') counts.learning++;
		else counts.review++;
	}
	for (const f of input.facts) {
		const s = input.states.get(f.key ?? memoryKey(f.deck, f.fact));
		if (isLearned(s)) counts.learned++;
	}
	counts.nextDue = nextDue(input.facts, input.states, input.now, input.order);
	return counts;
}

/**
 * The next time one of `facts` falls due after `now` (a buried fact not before its burial
 * ends; a review as `order` says, in exam mode), or null: "come back at …" when nothing is
 * left today. Pure.
 */
export function nextDue(
	facts: readonly QueueFact[],
	states: ReadonlyMap<string, MemoryState>,
	now: Date,
	order?: Pick<QueueOrder, 'due'>
): Date | null {
	let best = Infinity;
	for (const f of facts) {
		const s = states.get(f.key ?? memoryKey(f.deck, f.fact));
		if (!s || s.suspended || s.card.state === State.New) continue;
		const at = order && s.card.state === State.Review ? order.due(s) : s.card.due.getTime();
		const due = Math.max(at, s.buriedUntil?.getTime() ?? 0);
		if (due > now.getTime() && due < best) best = due;
	}
	return best === Infinity ? null : new Date(best);
}

/** How far ahead, and how many, "review ahead" offers when nothing is due. */
export const REVIEW_AHEAD = { days: 7, limit: 50 };

/**
 * Review ahead: the reviews of `facts` due within the next week (REVIEW_AHEAD), soonest first,
 * at most 50; what a learner with nothing due today can study anyway. Pure.
 */
export function reviewAhead(
	facts: readonly QueueFact[],
	states: ReadonlyMap<string, MemoryState>,
	now: Date,
	{ days, limit } = REVIEW_AHEAD
): QueueEntry[] {
	const horizon = now.getTime() + days * 24 * 3_600_000;
	const ahead: Array<{ entry: QueueEntry; due: number }> = [];
	for (const f of facts) {
		const key = f.key ?? memoryKey(f.deck, f.fact);
		const s = states.get(key);
		if (!s || s.card.state !== State.Review || s.suspended) continue;
		const due = s.card.due.getTime();
		if (due <= horizon)
			ahead.push({ entry: { key, deck: f.deck, fact: f.fact, kind: 'review' }, due });
	}
	return ahead
		.sort((a, b) => a.due - b.due)
		.slice(0, limit)
		.map((a) => a.entry);
}

/** Which facts a study session covers (all of `decks` when no filter is given). */
export interface StudyFilter {
	/** Only facts with this topic. */
	topic?: string;
	/** Only these facts ("deck/fact" keys), e.g. those a mock test showed wrong. */
	facts?: readonly string[];
}

/** A study session's facts in study order, with each fact's deck and questions by key. */
export interface StudyFacts {
	facts: QueueFact[];
	byKey: Map<string, { deck: Deck; fact: Fact }>;
	questionsByKey: Map<string, Question[]>;
}

/** The facts of `decks` that a session studies (`filter`), indexed for building its queue. */
export function studyFacts(decks: readonly Deck[], filter: StudyFilter = {}): StudyFacts {
	const out: StudyFacts = { facts: [], byKey: new Map(), questionsByKey: new Map() };
	for (const deck of decks) {
		for (const fact of deck.facts) {
			if (filter.topic && !fact.topics.includes(filter.topic)) continue;
			const key = memoryKey(deck.id, fact.id);
			if (filter.facts && !filter.facts.includes(key)) continue;
			out.facts.push({
				deck: deck.id,
				fact: fact.id,
				statementHash: statementHash(fact.statement),
				key
			});
			out.byKey.set(key, { deck, fact });
		}
		for (const q of deck.questions)
			for (const f of q.facts) {
				const key = memoryKey(deck.id, f);
				const list = out.questionsByKey.get(key) ?? [];
				list.push(q);
				out.questionsByKey.set(key, list);
			}
	}
	return out;
}
