import { describe, expect, test } from 'vitest';
import { Rating, type Grade } from 'ts-fsrs';
import { State } from './fsrs-enums';
import { isLearned } from './learned';
import { apply, newMemory, replay, type MemoryEvent } from './memory';
import { dueCounts } from './queue';
import { computeStats } from './stats';
import { makeReview, makeSettings } from './test-helpers';

const settings = makeSettings();
const NOW = new Date('2026-03-01T12:00:00Z');

/** The events of one fact answered with these ratings, a minute apart from 10:00 UTC. */
function answers(fact: string, ratings: Grade[]): MemoryEvent[] {
	let state = newMemory('d', fact);
	return ratings.map((rating, i) => {
		const e = makeReview(
			new Date(Date.parse('2026-03-01T10:00:00Z') + i * 60_000),
			rating,
			{ fact, stateBefore: state.card.state },
			settings
		);
		state = apply(state, e);
		return e;
	});
}

describe('learned', () => {
	test('a fact is learned once it graduates to review, and not while it is learning or relearning', () => {
		const states = replay([
			...answers('good-once', [Rating.Good]),
			...answers('easy', [Rating.Easy]),
			...answers('lapsed', [Rating.Easy, Rating.Again])
		]);
		const byFact = [...states.values()].map((s) => [s.fact, s.card.state, isLearned(s)]);
		expect(byFact).toEqual(
			expect.arrayContaining([
				['good-once', State.Learning, false],
				['easy', State.Review, true],
				['lapsed', State.Relearning, false]
			])
		);
		expect(isLearned(undefined)).toBe(false);
		expect(isLearned(newMemory('d', 'new'))).toBe(false);
	});

	test('the deck list and the statistics count the same learned facts after a first session', () => {
		// Six Good answers on new facts (each still in its learning steps) and two Easy ones.
		const events = [
			...['a', 'b', 'c', 'd', 'e', 'f'].flatMap((f) => answers(f, [Rating.Good])),
			...['g', 'h'].flatMap((f) => answers(f, [Rating.Easy]))
		];
		const states = replay(events);
		const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'];
		const dashboard = dueCounts({
			facts: ids.map((fact) => ({ deck: 'd', fact, statementHash: 'h1' })),
			states,
			now: NOW,
			settings,
			done: { newToday: 8, reviewsToday: 0 }
		});
		const stats = computeStats({
			events,
			states,
			decks: [
				{
					id: 'd',
					topics: [{ id: 't', label: 'T' }],
					facts: ids.map((id) => ({ id, topics: ['t'] }))
				}
			],
			settings,
			now: NOW
		});
		expect(dashboard.learned).toBe(2);
		expect(stats.topics[0].learned).toBe(dashboard.learned);
		expect(stats.learned).toBe(dashboard.learned);
	});
});
