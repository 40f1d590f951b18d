import { describe, expect, test } from 'vitest';
import { Rating, type Grade } from 'ts-fsrs';
import { apply, newMemory, replay, type MemoryEvent } from './memory';
import { computeStats, type StatsInput } from './stats';
import { makeReview, makeSettings } from './test-helpers';

const settings = makeSettings({ timeZone: 'Asia/Kolkata', dayStartHour: 4 });
const decks: StatsInput['decks'] = [
	{
		id: 'd',
		topics: [
			{ id: 'trade', label: 'Trade' },
			{ id: 'energy', label: 'Energy' }
		],
		facts: [
			{ id: 'f', topics: ['trade'] },
			{ id: 'g', topics: ['trade'] },
			{ id: 'h', topics: ['energy'] }
		]
	}
];

/** A fact studied on the given days (IST noon), each answer rated as given. */
function history(fact: string, answers: Array<[string, Grade]>): MemoryEvent[] {
	let state = newMemory('d', fact);
	return answers.map(([day, rating]) => {
		const e = makeReview(
			`${day}T06:30:00Z`,
			rating,
			{ fact, stateBefore: state.card.state },
			settings
		);
		state = apply(state, e);
		return e;
	});
}

function stats(events: MemoryEvent[], now = '2026-02-10T06:30:00Z', days = 30) {
	return computeStats({
		events,
		states: replay(events),
		decks,
		settings,
		now: new Date(now),
		days
	});
}

describe('computeStats', () => {
	test('the heatmap counts reviews per study day, rolling over at 4 AM IST, not at midnight', () => {
		const events = [
			makeReview('2026-02-09T22:00:00Z', Rating.Good, {}, settings), // 03:30 IST on the 10th: still the 9th
			makeReview('2026-02-09T22:40:00Z', Rating.Good, {}, settings) // 04:10 IST on the 10th
		];
		const s = stats(events);
		expect(s.heatmap).toHaveLength(30);
		expect(s.heatmap.at(-1)).toEqual({ day: '2026-02-10', count: 1 });
		expect(s.heatmap.at(-2)).toEqual({ day: '2026-02-09', count: 1 });
		expect(s.heatmap[0].day).toBe('2026-01-12');
		expect(s.reviews).toEqual({ today: 1, total: 2 });
	});

	test('the forecast puts each fact on its due day, the overdue on today, and skips suspended ones', () => {
		const events = [
			...history('f', [
				['2026-02-01', Rating.Good],
				['2026-02-01', Rating.Good]
			]),
			...history('g', [
				['2026-02-10', Rating.Good],
				['2026-02-10', Rating.Good]
			]),
			...history('h', [
				['2026-02-10', Rating.Good],
				['2026-02-10', Rating.Good]
			])
		];
		const states = replay(events);
		const dueG = states.get('d/g')!.card.due;
		states.set('d/h', { ...states.get('d/h')!, suspended: true });
		const s = computeStats({
			events,
			states,
			decks,
			settings,
			now: new Date('2026-02-10T06:30:00Z')
		});
		expect(s.forecast).toHaveLength(30);
		expect(s.forecast[0].count).toBe(1); // f, due on the 3rd: overdue
		const gDay = Math.round((dueG.getTime() - Date.parse('2026-02-10T06:30:00Z')) / 86_400_000);
		expect(s.forecast[gDay].count).toBe(1);
		expect(s.forecast.reduce((n, d) => n + d.count, 0)).toBe(2);
	});

	test('true retention counts reviews of facts in review, by days since the previous review', () => {
		const events = [
			// Learning (not counted), then reviews 3 days and 12 days later.
			...history('f', [
				['2026-01-01', Rating.Good],
				['2026-01-01', Rating.Good],
				['2026-01-04', Rating.Good],
				['2026-01-16', Rating.Again]
			]),
			...history('g', [
				['2026-01-01', Rating.Good],
				['2026-01-01', Rating.Good],
				['2026-01-06', Rating.Hard]
			])
		];
		const s = stats(events);
		const band = (label: string) => s.bands.find((b) => b.label === label)!;
		expect(band('2–7 days')).toMatchObject({ reviews: 2, remembered: 2, retention: 1 });
		expect(band('8–30 days')).toMatchObject({ reviews: 1, remembered: 0, retention: 0 });
		expect(band('1 day')).toMatchObject({ reviews: 0, retention: null });
		expect(s.trueRetention).toEqual({ reviews: 3, remembered: 2, retention: 2 / 3 });
		expect(s.desiredRetention).toBe(0.9);
	});

	test('mastery per topic is the mean recall over all its facts, weakest first', () => {
		const events = history('h', [
			['2026-02-10', Rating.Good],
			['2026-02-10', Rating.Good]
		]);
		const s = stats(events);
		expect(s.topics.map((t) => [t.topic, t.facts, t.learned])).toEqual([
			['trade', 2, 0],
			['energy', 1, 1]
		]);
		expect(s.topics[0].meanRecall).toBe(0);
		expect(s.topics[1].meanRecall).toBeGreaterThan(0.9);
	});

	test('time spent and the streak come from the log', () => {
		const events = [
			makeReview('2026-02-08T06:30:00Z', Rating.Good, { durationMs: 1000 }, settings),
			makeReview('2026-02-09T06:30:00Z', Rating.Good, { durationMs: 2000 }, settings),
			makeReview('2026-02-10T06:30:00Z', Rating.Good, { durationMs: 4000 }, settings),
			makeReview('2026-01-01T06:30:00Z', Rating.Good, { durationMs: 8000 }, settings)
		];
		const s = stats(events);
		expect(s.time).toEqual({ today: 4000, week: 7000, total: 15000 });
		expect(s.streak).toBe(3);
	});

	test('with no reviews every figure is empty, not an error', () => {
		const s = stats([]);
		expect(s.trueRetention.retention).toBeNull();
		expect(s.heatmap.every((d) => d.count === 0)).toBe(true);
		expect(s.forecast.every((d) => d.count === 0)).toBe(true);
		expect(s.streak).toBe(0);
	});
});
