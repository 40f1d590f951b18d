import { describe, expect, test } from 'vitest';
import { fsrs, generatorParameters, Rating, State, type Grade } from 'ts-fsrs';
import {
	apply,
	newMemory,
	nextCard,
	previewCards,
	replay,
	statementHash,
	isLeech,
	type MemoryEvent
} from './memory';
import { scheduleParams } from './settings';
import { makeReview, makeSettings } from './test-helpers';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;

/** Answer on each due date with the given ratings; return the interval after each answer. */
function intervals(ratings: Grade[], start = '2026-01-13T10:00:00Z'): string[] {
	let s = newMemory('d', 'f');
	let at = new Date(start);
	const out: string[] = [];
	for (const r of ratings) {
		s = apply(s, makeReview(at, r));
		const ms = s.card.due.getTime() - at.getTime();
		out.push(ms < DAY ? `${ms / MIN}m` : `${ms / DAY}d`);
		at = s.card.due;
	}
	return out;
}

describe('golden intervals (default parameters, fuzz off, retention 0.90, steps 1m 10m, relearn 10m)', () => {
	test('Good through the learning steps, reviews, a lapse and relearning', () => {
		expect(intervals([3, 3, 3, 3, 1, 3, 3, 4])).toEqual([
			'10m',
			'2d',
			'11d',
			'46d',
			'10m',
			'3d',
			'8d',
			'28d'
		]);
	});

	test('Again on a new fact starts the 1-minute step; Hard waits between the steps; Easy graduates', () => {
		expect(intervals([Rating.Again, Rating.Hard, Rating.Good, Rating.Good])).toEqual([
			'1m',
			'6m',
			'10m',
			'1d'
		]);
		expect(intervals([Rating.Easy])[0]).toMatch(/^\d+d$/);
	});

	test('a lapse counts, and the fact returns in relearning after 10 minutes', () => {
		let s = newMemory('d', 'f');
		s = apply(s, makeReview('2026-01-13T10:00:00Z', Rating.Easy));
		s = apply(s, makeReview(s.card.due, Rating.Again));
		expect(s.card.state).toBe(State.Relearning);
		expect(s.card.lapses).toBe(1);
	});
});

describe('local study days', () => {
	test('in India a review at 05:00 IST is one study day after one at 03:00 IST, though UTC says zero', () => {
		const settings = makeSettings({ timeZone: 'Asia/Kolkata' });
		const p = scheduleParams(settings);
		// A fact in review, last reviewed at 03:00 IST on 14 Jan (study day 13 Jan).
		let s = newMemory('d', 'f');
		s = apply(s, makeReview('2026-01-10T10:00:00Z', Rating.Good, {}, settings));
		s = apply(s, makeReview('2026-01-10T10:10:00Z', Rating.Good, {}, settings));
		s = apply(s, makeReview('2026-01-13T21:30:00Z', Rating.Good, {}, settings));
		const at = new Date('2026-01-13T23:30:00Z'); // 05:00 IST on 14 Jan, same UTC date.
		const ours = nextCard(s.card, at, Rating.Good, p);
		const utcOnly = fsrs(generatorParameters({ enable_fuzz: false })).next(
			s.card,
			at,
			Rating.Good
		).card;
		expect(ours.elapsed_days).toBe(1);
		expect(utcOnly.elapsed_days).toBe(0);
	});
});

describe('replay', () => {
	test('rebuilding from the log gives exactly the states built answer by answer', () => {
		const events: MemoryEvent[] = [];
		let live = newMemory('d', 'f');
		let at = new Date('2026-01-13T10:00:00Z');
		for (const r of [3, 3, 1, 2, 3, 4, 3] as Grade[]) {
			const e = makeReview(at, r, {}, makeSettings({ fuzz: true }));
			events.push(e);
			live = apply(live, e);
			at = new Date(live.card.due.getTime() + 3 * 60 * MIN);
		}
		events.push({
			id: 'zz-bury',
			deck: 'd',
			fact: 'f',
			at,
			kind: 'bury',
			until: new Date(at.getTime() + DAY)
		});
		live = apply(live, events.at(-1)!);
		const shuffled = [...events].reverse();
		expect(replay(shuffled).get('d/f')).toEqual(live);
	});

	test('reset returns the fact to new, and suspend/unsuspend flag it', () => {
		let s = apply(newMemory('d', 'f'), makeReview('2026-01-13T10:00:00Z', Rating.Good));
		s = apply(s, {
			id: 'r',
			deck: 'd',
			fact: 'f',
			at: new Date('2026-01-14T10:00:00Z'),
			kind: 'reset'
		});
		expect(s.card.state).toBe(State.New);
		expect(s.introduced).toBeNull();
		s = apply(s, {
			id: 's',
			deck: 'd',
			fact: 'f',
			at: new Date('2026-01-14T10:00:00Z'),
			kind: 'suspend'
		});
		expect(s.suspended).toBe(true);
		s = apply(s, {
			id: 'u',
			deck: 'd',
			fact: 'f',
			at: new Date('2026-01-14T10:00:00Z'),
			kind: 'unsuspend'
		});
		expect(s.suspended).toBe(false);
		expect(s.events).toBe(4);
		expect(s.lastEvent).toBe('u');
	});

	test('a fact that lapses 8 times is a leech', () => {
		let s = apply(newMemory('d', 'f'), makeReview('2026-01-13T10:00:00Z', Rating.Easy));
		for (let i = 0; i < 8; i++) {
			expect(isLeech(s, 8)).toBe(false);
			s = apply(s, makeReview(s.card.due, Rating.Again));
			s = apply(s, makeReview(s.card.due, Rating.Good));
		}
		expect(s.card.lapses).toBe(8);
		expect(isLeech(s, 8)).toBe(true);
	});
});

test('the four previews carry the intervals for the rating buttons', () => {
	const p = scheduleParams(makeSettings());
	const at = new Date('2026-01-13T10:00:00Z');
	const cards = previewCards(newMemory('d', 'f').card, at, p);
	const mins = (g: Grade) => (cards[g].due.getTime() - at.getTime()) / MIN;
	expect([mins(Rating.Again), mins(Rating.Hard), mins(Rating.Good)]).toEqual([1, 6, 10]);
	expect(mins(Rating.Easy)).toBeGreaterThan(24 * 60);
});

test('statement hashes differ when the statement changes', () => {
	expect(statementHash('India is the largest nation')).toBe(
		statementHash('India is the largest nation')
	);
	expect(statementHash('India is the largest nation')).not.toBe(
		statementHash('India is the largest nation.')
	);
});
