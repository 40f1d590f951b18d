import { expect, test } from 'vitest';
import { nextDayStart } from '$lib/srs/day';
import { Rating } from '$lib/srs/fsrs-enums';
import { apply, memoryKey, newMemory } from '$lib/srs/memory';
import { makeReview, makeSettings } from '$lib/srs/test-helpers';
import { SessionMemory } from './session-memory';
import { StudyQueue } from './study-queue';

const settings = makeSettings({ timeZone: 'UTC', newPerDay: 1 });
const now = new Date('2026-01-13T10:00:00Z');
const facts = ['f0', 'f1', 'f2'].map((fact) => ({
	deck: 'd',
	fact,
	statementHash: 'h1',
	key: memoryKey('d', fact)
}));

test('an answer applied and taken back leaves the states, the counts and the queue as they were', () => {
	const queue = new StudyQueue(facts);
	const memory = new SessionMemory(queue);
	const f1 = apply(
		newMemory('d', 'f1'),
		makeReview('2026-01-12T10:00:00Z', Rating.Good, { fact: 'f1' })
	);
	memory.states.set('d/f1', f1);
	memory.done = { newToday: 0, reviewsToday: 3 };
	const at = { now, dayEnd: nextDayStart(now, 'UTC', settings.dayStartHour).getTime(), settings };
	const build = () => queue.build({ ...at, states: memory.states, done: memory.done });
	const before = build();
	const states = new Map(memory.states);
	// f0 (new) answered, and f1 again on the same question.
	const f0 = apply(newMemory('d', 'f0'), makeReview(now, Rating.Again, { fact: 'f0' }));
	const f1Again = apply(
		f1,
		makeReview(now, Rating.Again, { fact: 'f1', stateBefore: f1.card.state })
	);
	const applied = memory.apply({
		changes: [
			{ expected: null, next: f0 },
			{ expected: f1.lastEvent, next: f1Again }
		],
		events: [],
		counted: { newToday: 1, reviewsToday: 0 }
	});
	expect(memory.states.get('d/f0')).toBe(f0);
	expect(memory.done).toEqual({ newToday: 1, reviewsToday: 3 });
	expect(build()).not.toEqual(before);
	memory.takeBack(applied);
	expect(memory.states).toEqual(states);
	expect(memory.states.has('d/f0')).toBe(false);
	expect(memory.done).toEqual({ newToday: 0, reviewsToday: 3 });
	expect(build()).toEqual(before);
});
