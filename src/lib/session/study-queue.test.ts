import { describe, expect, test } from 'vitest';
import { nextDayStart } from '$lib/srs/day';
import { examMorning } from '$lib/srs/exam-dates';
import { examOrder } from '$lib/srs/exam-order';
import { Rating } from '$lib/srs/fsrs-enums';
import { apply, memoryKey, newMemory, type MemoryState } from '$lib/srs/memory';
import { makeReview, makeSettings } from '$lib/srs/test-helpers';
import { StudyQueue } from './study-queue';

const DAY = 86_400_000;
const settings = makeSettings({
	newPerDay: 2,
	reviewsPerDay: 2,
	examPlan: {
		exams: [{ name: 'Prelims', date: '2026-05-24', target: 0.9 }],
		modeDays: 14,
		limitsRaise: 100
	}
});
const morning = examMorning('2026-05-24', settings);

/** A fact learned at `at`, due `dueAfterExam` days after the exam's morning. */
function learned(fact: string, at: string, dueAfterExam: number): MemoryState {
	let s = newMemory('d', fact);
	for (const t of [at, new Date(Date.parse(at) + 600_000).toISOString()])
		s = apply(s, makeReview(t, Rating.Good, { fact, stateBefore: s.card.state }, settings));
	return { ...s, card: { ...s.card, due: new Date(morning.getTime() + dueAfterExam * DAY) } };
}

describe("a study session's queue in exam mode", () => {
	const facts = ['recent', 'old', 'n1', 'n2', 'n3', 'n4', 'n5'].map((fact) => ({
		deck: 'd',
		fact,
		statementHash: 'h1'
	}));
	// Learned lately (strong on the day) and long ago (weak if left): both due after the exam,
	// brought to the same day: by due time alone, study order would ask the strong one first.
	const states = new Map([
		[memoryKey('d', 'old'), learned('old', '2026-03-01T06:00:00Z', 20)],
		[memoryKey('d', 'recent'), learned('recent', '2026-05-20T06:00:00Z', 10)]
	]);
	const at = (now: Date) => ({
		now,
		dayEnd: nextDayStart(now, settings.timeZone, settings.dayStartHour).getTime(),
		states,
		settings,
		done: { newToday: 0, reviewsToday: 0 }
	});

	test('the day before the exam: reviews brought before it, weakest first, limits doubled', () => {
		const queue = new StudyQueue(facts);
		queue.examOrder = examOrder;
		const q = queue.build(at(new Date(morning.getTime() - DAY + 3_600_000)));
		expect(q.entries.map((e) => `${e.kind}:${e.fact}`)).toEqual([
			'review:old',
			'review:recent',
			'new:n1',
			'new:n2',
			'new:n3',
			'new:n4'
		]);
	});

	test('two days before it, the next review is the day before the exam, not after it', () => {
		const queue = new StudyQueue(facts);
		const now = new Date(morning.getTime() - 2 * DAY + 3_600_000);
		expect(queue.build(at(now)).entries.every((e) => e.kind === 'new')).toBe(true);
		expect(queue.nextDue(states, now)).toEqual(new Date(morning.getTime() - DAY));
	});

	test('after the exam, normal scheduling: nothing due, the usual limits', () => {
		const q = new StudyQueue(facts).build(at(new Date(morning.getTime() + DAY)));
		expect(q.entries.map((e) => `${e.kind}:${e.fact}`)).toEqual(['new:n1', 'new:n2']);
	});
});
