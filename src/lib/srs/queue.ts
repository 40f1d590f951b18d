/**
 * Today's queue (Anki's order): learning and relearning facts due now, then reviews due today
 * (most overdue first, up to the daily review limit), then new facts in deck order (up to the
 * daily new limit). Suspended and buried facts stay out; a fact whose statement changed since
 * it was last answered comes back for a fresh look.
 */
import { State } from './fsrs-enums';
import { nextDayStart } from './day';
import { memoryKey } from './keys';
import type { MemoryState } from './memory';
import type { SchedulingSettings } from './settings';

export interface QueueFact {
	deck: string;
	fact: string;
	/** Hash of the fact's current statement (memory.statementHash). */
	statementHash: string;
	/** memoryKey(deck, fact), when the caller keeps it (a session builds its queue after every answer). */
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
 * Build today's queue. Pure; `now` is passed in. A session builds it again after every answer,
 * so the facts beyond the limits (thousands of due reviews, for a big deck) are counted and
 * sorted by index, and only the entries shown are made.
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
		} else if (due < dayEnd) {
			keys[i] = key;
			dues[i] = due;
			reviews.push(i);
		}
	}

	// Stable sorts of fact indices (in study order) by due time: ties keep study order.
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

/**
 * The facts that can enter the queue before `dayEnd` (the next study day's start) while their
 * states stay as they are: all but the suspended ones and the reviews due on a later day whose
 * statement is unchanged. In a big deck most facts are such reviews; a session builds its queue
 * again after every answer, and from these it builds the same queue, faster.
 */
export function todayCandidates(
	facts: readonly QueueFact[],
	states: ReadonlyMap<string, MemoryState>,
	dayEnd: number
): QueueFact[] {
	return facts.filter((f) => {
		const s = states.get(f.key ?? memoryKey(f.deck, f.fact));
		if (!s) return true;
		if (s.suspended) return false;
		if (s.card.state !== State.Review) return true;
		const changed = s.statementHash !== null && s.statementHash !== f.statementHash;
		return changed || s.card.due.getTime() < dayEnd;
	});
}

export interface DueCounts {
	/** Learning facts due now, reviews due today and new facts available today (limits applied). */
	learning: number;
	review: number;
	new: number;
	/** Facts studied at least once. */
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
	const now = input.now.getTime();
	let next = Infinity;
	for (const f of input.facts) {
		const s = input.states.get(memoryKey(f.deck, f.fact));
		if (!s || s.card.state === State.New) continue;
		counts.learned++;
		const due = s.card.due.getTime();
		if (!s.suspended && due > now && due < next) next = due;
	}
	counts.nextDue = next === Infinity ? null : new Date(next);
	return counts;
}
