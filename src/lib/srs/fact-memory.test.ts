import { describe, expect, it } from 'vitest';
import { Rating } from 'ts-fsrs';
import { apply, newMemory, type MemoryState } from './memory';
import { factMemory, memoryWords } from './fact-memory';
import { makeReview, makeSettings } from './test-helpers';

const settings = makeSettings();
const reviewed = (...events: Array<[string, Rating]>): MemoryState =>
	events.reduce(
		(s, [at, rating]) => apply(s, makeReview(at, rating as 1 | 2 | 3 | 4)),
		newMemory('d', 'f')
	);

describe('factMemory', () => {
	it('says a fact never studied is new, with no due date or recall', () => {
		const now = new Date('2026-01-10T12:00:00Z');
		for (const state of [undefined, newMemory('d', 'f')]) {
			const m = factMemory(state, settings, now);
			expect(m).toEqual({ status: ['new'], due: null, dueInDays: null, recall: null });
			expect(memoryWords(m)).toBe('New: not studied yet');
		}
	});

	it('counts study days to the due day, and the chance of recall now', () => {
		const state = reviewed(
			['2026-01-01T10:00:00Z', Rating.Good],
			['2026-01-02T10:00:00Z', Rating.Good]
		);
		const due = state.card.due;
		const before = new Date(due.getTime() - 3 * 86_400_000);
		const m = factMemory(state, settings, before);
		expect(m.status[0]).toBe('review');
		expect(m.dueInDays).toBe(3);
		expect(m.recall).toBeGreaterThan(0.9);
		expect(memoryWords(m)).toBe('In review, due in 3 days');
		const late = factMemory(state, settings, new Date(due.getTime() + 2 * 86_400_000));
		expect(late.dueInDays).toBe(-2);
		expect(late.recall!).toBeLessThan(m.recall!);
		expect(memoryWords(late)).toBe('In review, overdue by 2 days');
	});

	it('says a fact in its learning steps is learning, due today', () => {
		const state = reviewed(['2026-01-01T10:00:00Z', Rating.Again]);
		const m = factMemory(state, settings, new Date('2026-01-01T10:01:00Z'));
		expect(m.status).toEqual(['learning']);
		expect(memoryWords(m)).toBe('Learning, due today');
	});

	it('adds suspended to the status', () => {
		const state = { ...reviewed(['2026-01-01T10:00:00Z', Rating.Good]), suspended: true };
		expect(factMemory(state, settings, new Date('2026-01-01T11:00:00Z')).status).toContain(
			'suspended'
		);
	});
});
