import { describe, expect, test } from 'vitest';
import { Rating, State } from 'ts-fsrs';
import { nextDayStart } from './day';
import { LiveQueue } from './live-queue';
import { buildQueue, dueCounts, nextDue, reviewAhead, studyFacts } from './queue';
import type { Queue, QueueEntry, QueueFact, QueueInput, QueueOrder } from './queue';
import { State as S } from './fsrs-enums';
import { prng } from './shuffle';
import { apply, memoryKey, newMemory, type MemoryState } from './memory';
import { makeReview, makeSettings } from './test-helpers';

const NOW = new Date('2026-01-20T06:00:00Z'); // 11:30 IST

function facts(n: number): QueueFact[] {
	return Array.from({ length: n }, (_, i) => ({ deck: 'd', fact: `f${i}`, statementHash: 'h1' }));
}

/** A fact in review state, due at `due`. */
function reviewState(fact: string, due: string, overrides: Partial<MemoryState> = {}): MemoryState {
	let s = newMemory('d', fact);
	s = apply(s, makeReview('2026-01-01T06:00:00Z', Rating.Easy, { fact }));
	return { ...s, card: { ...s.card, state: State.Review, due: new Date(due) }, ...overrides };
}

function learningState(fact: string, due: string): MemoryState {
	const s = apply(newMemory('d', fact), makeReview('2026-01-20T05:50:00Z', Rating.Again, { fact }));
	return { ...s, card: { ...s.card, due: new Date(due) } };
}

const states = (...list: MemoryState[]) => new Map(list.map((s) => [memoryKey(s.deck, s.fact), s]));
const none = { newToday: 0, reviewsToday: 0 };
/** The instant `hours` after NOW. */
const at = (hours: number) => new Date(NOW.getTime() + hours * 3_600_000).toISOString();

/**
 * `n` facts, every `changedEvery`th (from `changedAt`) with a changed statement, and random
 * states for them: with a draw r below `newBelow` none (new), below `learningBelow` learning,
 * due at `learningDue()` hours from NOW, else in review, due at `reviewDue()` hours; then
 * `vary` changes each state (suspends or buries it).
 */
function randomFacts(
	random: () => number,
	n: number,
	p: {
		changedEvery: number;
		changedAt: number;
		newBelow: number;
		learningBelow: number;
		learningDue: () => number;
		reviewDue: () => number;
		vary: (s: MemoryState) => MemoryState;
	}
): { all: QueueFact[]; list: MemoryState[] } {
	const all = facts(n).map((f, i) => ({
		...f,
		statementHash: i % p.changedEvery === p.changedAt ? 'h2' : 'h1'
	}));
	const list: MemoryState[] = [];
	for (const f of all) {
		const r = random();
		if (r < p.newBelow) continue;
		const s =
			r < p.learningBelow
				? learningState(f.fact, at(p.learningDue()))
				: reviewState(f.fact, at(p.reviewDue()));
		list.push(p.vary(s));
	}
	return { all, list };
}

/** The queue at NOW of `n` facts with these states, default settings and nothing done today. */
const queueOf = (n: number, list: MemoryState[], overrides: Partial<QueueInput> = {}) =>
	buildQueue({
		facts: facts(n),
		states: states(...list),
		now: NOW,
		settings: makeSettings(),
		done: none,
		...overrides
	});

describe('buildQueue', () => {
	test('learning due now first, then reviews most overdue first, then new facts in deck order', () => {
		const q = queueOf(6, [
			reviewState('f0', '2026-01-19T06:00:00Z'),
			reviewState('f1', '2026-01-15T06:00:00Z'),
			learningState('f2', '2026-01-20T05:59:00Z'),
			reviewState('f3', '2026-02-20T06:00:00Z')
		]);
		expect(q.entries.map((e) => `${e.kind}:${e.fact}`)).toEqual([
			'learning:f2',
			'review:f1',
			'review:f0',
			'new:f4',
			'new:f5'
		]);
	});

	test('the daily new limit counts the new facts already introduced today', () => {
		const q = queueOf(30, [], {
			settings: makeSettings({ newPerDay: 20 }),
			done: { newToday: 15, reviewsToday: 0 }
		});
		expect(q.entries.map((e) => e.fact)).toEqual(['f0', 'f1', 'f2', 'f3', 'f4']);
		expect(q.overLimit.new).toBe(25);
	});

	test('reviews are capped by the daily review limit, keeping the most overdue', () => {
		const q = queueOf(
			3,
			[
				reviewState('f0', '2026-01-19T06:00:00Z'),
				reviewState('f1', '2026-01-10T06:00:00Z'),
				reviewState('f2', '2026-01-18T06:00:00Z')
			],
			{ settings: makeSettings({ reviewsPerDay: 3 }), done: { newToday: 0, reviewsToday: 1 } }
		);
		expect(q.entries.map((e) => e.fact)).toEqual(['f1', 'f2']);
		expect(q.overLimit.reviews).toBe(1);
	});

	test('"due today" counts local study days: in India a review due at 03:00 IST tomorrow is due today', () => {
		const q = queueOf(
			2,
			[
				reviewState('f0', '2026-01-20T21:30:00Z'), // 03:00 IST on 21 Jan: still study day 20 Jan
				reviewState('f1', '2026-01-20T22:30:00Z') // 04:00 IST on 21 Jan: the next study day
			],
			{
				now: new Date('2026-01-20T15:00:00Z'), // 20:30 IST on 20 Jan
				settings: makeSettings({ timeZone: 'Asia/Kolkata', newPerDay: 0 })
			}
		);
		expect(q.entries.map((e) => e.fact)).toEqual(['f0']);
	});

	test('learning facts due later today come back within the session', () => {
		const learning = [learningState('f0', '2026-01-20T06:10:00Z')];
		const q = queueOf(1, learning);
		expect(q.entries).toEqual([]);
		expect(q.laterToday.map((l) => l.key)).toEqual(['d/f0']);
		const ahead = queueOf(1, learning, { learnAheadMinutes: 20 });
		expect(ahead.entries.map((e) => e.kind)).toEqual(['learning']);
	});

	test('suspended and buried facts stay out; a buried fact returns the next day', () => {
		const list = [
			reviewState('f0', '2026-01-19T06:00:00Z', { suspended: true }),
			reviewState('f1', '2026-01-19T06:00:00Z', { buriedUntil: new Date('2026-01-21T04:00:00Z') }),
			{ ...newMemory('d', 'f2'), suspended: true }
		];
		expect(queueOf(3, list).entries).toEqual([]);
		const tomorrow = queueOf(3, list, { now: new Date('2026-01-21T06:00:00Z') });
		expect(tomorrow.entries.map((e) => e.fact)).toEqual(['f1']);
	});

	test('a fact whose statement changed comes back for a fresh look even if not due', () => {
		const q = queueOf(1, [reviewState('f0', '2026-03-01T06:00:00Z')], {
			facts: [{ deck: 'd', fact: 'f0', statementHash: 'h2' }]
		});
		expect(q.entries.map((e) => `${e.kind}:${e.fact}`)).toEqual(['changed:f0']);
	});

	test('a fact removed from the bank keeps its state but never enters the queue', () => {
		const q = queueOf(1, [reviewState('gone', '2026-01-01T06:00:00Z')], {
			settings: makeSettings({ newPerDay: 0 })
		});
		expect(q.entries).toEqual([]);
	});
});

describe('the live queue (kept sorted as answers change states)', () => {
	// Exam mode's order (any deterministic one): reviews due later brought to a cap, ranked
	// by a number of their own rather than by due time.
	const CAP = new Date('2026-01-20T12:00:00Z').getTime();
	const examLike: QueueOrder = {
		due: (s) => (s.card.due.getTime() > CAP + 86_400_000 ? CAP : s.card.due.getTime()),
		rank: (key, s) => (s.card.due.getTime() / 60_000 + key.length * 37) % 101
	};
	test.each([
		['by due time', undefined],
		['ordered as in exam mode', examLike]
	])(
		'gives what buildQueue gives, through a day of answers, burials and suspensions (%s)',
		(_name, order) => {
			const random = prng(42);
			const settings = makeSettings({ timeZone: 'Asia/Kolkata', newPerDay: 7, reviewsPerDay: 15 });
			const day = (t: Date) => nextDayStart(t, settings.timeZone, settings.dayStartHour).getTime();
			const dayEnd = day(NOW);
			const hoursLeft = (dayEnd - NOW.getTime()) / 3_600_000;
			// Every kind: none (new), learning now or later today, reviews due before, today, on
			// a later day, suspended, buried until later today or tomorrow.
			const vary = (s: MemoryState): MemoryState => {
				const extra = random();
				const buriedUntil =
					extra > 0.97
						? new Date(dayEnd)
						: extra > 0.94
							? new Date(at(random() * hoursLeft))
							: null;
				return { ...s, suspended: extra < 0.05, buriedUntil };
			};
			const { all, list } = randomFacts(random, 400, {
				changedEvery: 37,
				changedAt: 0,
				newBelow: 0.15,
				learningBelow: 0.3,
				// Whole hours: many facts fall due at the same time (ties keep study order).
				learningDue: () => Math.round(-1 + random() * 20),
				reviewDue: () => Math.round(-400 + random() * 800),
				vary
			});
			const stored = states(...list);
			const live = new LiveQueue(all);
			live.sort(stored, dayEnd, NOW, order);
			let now = NOW;
			for (let step = 0; step < 120; step++) {
				// Answers change a fact or a few: learning again, a review later, none (undone), or
				// suspended, buried, and the same due times as others (ties keep study order).
				for (let n = 1 + Math.floor(random() * 3); n > 0; n--) {
					const f = all[Math.floor(random() * all.length)];
					const r = random();
					const key = memoryKey(f.deck, f.fact);
					const learnDue = new Date(now.getTime() + Math.round(random() * 30) * 60_000);
					const next =
						r < 0.1
							? undefined
							: r < 0.45
								? learningState(f.fact, learnDue.toISOString())
								: reviewState(f.fact, at(Math.round(-50 + random() * 100)));
					const state = next && vary(next);
					if (state) stored.set(key, state);
					else stored.delete(key);
					live.update(key, state, now);
				}
				now = new Date(now.getTime() + random() * 8 * 60_000);
				expect(day(now)).toBe(dayEnd);
				const done = {
					newToday: Math.floor(random() * 9),
					reviewsToday: Math.floor(random() * 17)
				};
				for (const learnAheadMinutes of [0, 20]) {
					const input = { states: stored, now, settings, done, learnAheadMinutes };
					expect(live.build(input)).toEqual(buildQueue({ ...input, facts: all, order }));
				}
			}
		}
	);
});

/** The queue as first written (an entry per fact considered, sorted whole): the reference. */
function referenceQueue(input: QueueInput): Queue {
	const { now, settings, states } = input;
	const dayEnd = nextDayStart(now, settings.timeZone, settings.dayStartHour).getTime();
	const learnAhead = now.getTime() + (input.learnAheadMinutes ?? 0) * 60_000;
	const learning: Array<QueueEntry & { due: number }> = [];
	const reviews: Array<QueueEntry & { due: number }> = [];
	const changed: QueueEntry[] = [];
	const fresh: QueueEntry[] = [];
	const laterToday: Queue['laterToday'] = [];

	const nowMs = now.getTime();
	for (const f of input.facts) {
		const key = f.key ?? memoryKey(f.deck, f.fact);
		const s = states.get(key);
		if (s && (s.suspended || (s.buriedUntil && s.buriedUntil.getTime() > nowMs))) continue;
		if (!s || s.card.state === S.New) {
			fresh.push({ key, deck: f.deck, fact: f.fact, kind: 'new' });
			continue;
		}
		const due = s.card.due.getTime();
		if (s.card.state === S.Learning || s.card.state === S.Relearning) {
			if (due <= learnAhead)
				learning.push({ key, deck: f.deck, fact: f.fact, kind: 'learning', due });
			else if (due < dayEnd) laterToday.push({ key, due: s.card.due });
		} else if (s.statementHash !== null && s.statementHash !== f.statementHash) {
			changed.push({ key, deck: f.deck, fact: f.fact, kind: 'changed' });
		} else if (due < dayEnd) {
			reviews.push({ key, deck: f.deck, fact: f.fact, kind: 'review', due });
		}
	}

	learning.sort((a, b) => a.due - b.due);
	reviews.sort((a, b) => a.due - b.due);
	laterToday.sort((a, b) => a.due.getTime() - b.due.getTime());
	const reviewRoom = Math.max(0, settings.reviewsPerDay - input.done.reviewsToday);
	const newRoom = Math.max(0, settings.newPerDay - input.done.newToday);
	const strip = ({ key, deck, fact, kind }: QueueEntry): QueueEntry => ({ key, deck, fact, kind });
	return {
		entries: [
			...learning.map(strip),
			...changed,
			...reviews.slice(0, reviewRoom).map(strip),
			...fresh.slice(0, newRoom)
		],
		laterToday,
		overLimit: {
			reviews: Math.max(0, reviews.length - reviewRoom),
			new: Math.max(0, fresh.length - newRoom)
		}
	};
}

describe('buildQueue against its first, plainer form', () => {
	test('the same queue for random decks, states, limits and times', () => {
		const random = prng(7);
		for (let round = 0; round < 30; round++) {
			const n = 1 + Math.floor(random() * 300);
			const { all, list } = randomFacts(random, n, {
				changedEvery: 23,
				changedAt: 5,
				newBelow: 0.2,
				learningBelow: 0.35,
				learningDue: () => -2 + random() * 30,
				reviewDue: () => -300 + Math.floor(random() * 40) * 12,
				vary: (s) => ({ ...s, suspended: random() < 0.05 })
			});
			const input: QueueInput = {
				facts: all,
				states: states(...list),
				now: new Date(NOW.getTime() + random() * 10 * 3_600_000),
				settings: makeSettings({
					newPerDay: Math.floor(random() * 30),
					reviewsPerDay: Math.floor(random() * 80)
				}),
				done: { newToday: Math.floor(random() * 10), reviewsToday: Math.floor(random() * 20) },
				learnAheadMinutes: random() < 0.5 ? 0 : 20
			};
			expect(buildQueue(input)).toEqual(referenceQueue(input));
		}
	});
});

describe('after today’s queue', () => {
	test('next due: the soonest due after now, not before a burial ends; new and suspended left out', () => {
		const all = facts(5);
		const s = states(
			reviewState('f0', '2026-01-20T05:00:00Z'), // due already: not "next"
			reviewState('f1', '2026-01-25T06:00:00Z'),
			reviewState('f2', '2026-01-21T06:00:00Z', { buriedUntil: new Date('2026-01-22T04:00:00Z') }),
			reviewState('f3', '2026-01-20T08:00:00Z', { suspended: true }),
			{ ...newMemory('d', 'f4') }
		);
		expect(nextDue(all, s, NOW)).toEqual(new Date('2026-01-22T04:00:00Z'));
		expect(nextDue(all.slice(0, 2), s, NOW)).toEqual(new Date('2026-01-25T06:00:00Z'));
		expect(nextDue(all.slice(3), s, NOW)).toBeNull();
		// The dashboard's counts give the same.
		const counts = dueCounts({
			facts: all,
			states: s,
			now: NOW,
			settings: makeSettings(),
			done: none
		});
		expect(counts.nextDue).toEqual(new Date('2026-01-22T04:00:00Z'));
		expect(counts.learned).toBe(4);
	});

	test('review ahead: reviews of these facts due within a week, soonest first, at most 50', () => {
		const all = facts(70);
		const list = all.map((f, i) =>
			reviewState(f.fact, new Date(NOW.getTime() + (69 - i) * 2 * 3_600_000).toISOString())
		);
		list[69] = { ...list[69], suspended: true };
		list[68] = learningState('f68', '2026-01-20T07:00:00Z');
		list[0] = reviewState('f0', '2026-01-28T06:00:01Z'); // a week and a second away
		const ahead = reviewAhead(all, states(...list), NOW);
		expect(ahead).toHaveLength(50);
		expect(ahead.slice(0, 3).map((e) => e.fact)).toEqual(['f67', 'f66', 'f65']);
		expect(ahead.every((e) => e.kind === 'review' && e.key === `d/${e.fact}`)).toBe(true);
		expect(reviewAhead(all.slice(60), states(...list), NOW).map((e) => e.fact)).toEqual([
			'f67',
			'f66',
			'f65',
			'f64',
			'f63',
			'f62',
			'f61',
			'f60'
		]);
		expect(reviewAhead(all.slice(0, 1), states(...list), NOW)).toEqual([]);
	});

	test('a session’s facts: filtered by topic or by key, each with the questions that test it', () => {
		const deck = {
			id: 'd',
			facts: [
				{ id: 'a', statement: 'A.', topics: ['trade'] },
				{ id: 'b', statement: 'B.', topics: ['defence'] }
			],
			questions: [
				{ id: 'q1', facts: ['a'] },
				{ id: 'q2', facts: ['a', 'b'] }
			]
		} as unknown as Parameters<typeof studyFacts>[0][number];
		const all = studyFacts([deck]);
		expect(all.facts.map((f) => f.key)).toEqual(['d/a', 'd/b']);
		expect(all.questionsByKey.get('d/b')?.map((q) => q.id)).toEqual(['q2']);
		expect(studyFacts([deck], { topic: 'defence' }).facts.map((f) => f.fact)).toEqual(['b']);
		expect(studyFacts([deck], { facts: ['d/a'] }).facts.map((f) => f.fact)).toEqual(['a']);
	});
});
