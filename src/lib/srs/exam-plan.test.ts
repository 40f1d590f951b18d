import { describe, expect, test } from 'vitest';
import * as z from 'zod/mini';
import { forgetting_curve, generatorParameters } from 'ts-fsrs';
import { Rating, State } from './fsrs-enums';
import {
	cappedDue,
	examMode,
	examMorning,
	ExamPlanSchema,
	nextExam,
	type ExamPlan
} from './exam-dates';
import { examPredictAt, examReport, leadDays, predictRecall, recallIfLeft } from './exam-plan';
import { examOrder } from './exam-order';
import { buildQueue } from './queue';
import { apply, memoryKey, newMemory, type MemoryState } from './memory';
import { scheduleParams, SchedulingSettingsSchema } from './settings';
import { makeReview, makeSettings } from './test-helpers';

const DAY = 86_400_000;
const plan = (over: Partial<ExamPlan> = {}): ExamPlan => ({
	exams: [{ name: 'UPSC Prelims 2026', date: '2026-05-24', target: 0.9 }],
	modeDays: 14,
	limitsRaise: 50,
	...over
});
const settings = (p: ExamPlan = plan()) =>
	makeSettings({ timeZone: 'Asia/Kolkata', examPlan: p, newPerDay: 20, reviewsPerDay: 200 });

/** A fact reviewed Good at each of `times`. */
function reviewed(fact: string, ...times: string[]): MemoryState {
	let s = newMemory('d', fact);
	for (const t of times)
		s = apply(s, makeReview(t, Rating.Good, { fact, stateBefore: s.card.state }, settings()));
	return s;
}

describe('exam dates in settings', () => {
	test('refuses bad exams with a message naming the problem', () => {
		const bad = plan({
			exams: [{ name: ' ', date: '2026-02-30', target: 1.2 }],
			modeDays: -1
		});
		const result = z.safeParse(ExamPlanSchema(), bad);
		expect(result.success).toBe(false);
		const messages = Object.fromEntries(
			result.error!.issues.map((i) => [i.path.join('.'), i.message])
		);
		expect(messages).toEqual({
			'exams.0.name': 'must name the exam, e.g. "UPSC Prelims 2026"',
			'exams.0.date': 'is not a day of the calendar',
			'exams.0.target': 'must be at most 99%',
			modeDays: 'must be 0 (off) or more'
		});
		const date = z.safeParse(
			ExamPlanSchema(),
			plan({ exams: [{ ...plan().exams[0], date: '24/5' }] })
		);
		expect(date.error!.issues[0].message).toBe('must be a date like 2026-05-24');
	});

	test('settings stored before exam dates still read, and new ones keep their plan', () => {
		const { examPlan: _none, ...old } = settings();
		expect(z.safeParse(SchedulingSettingsSchema(), old).success).toBe(true);
		expect(z.parse(SchedulingSettingsSchema(), settings()).examPlan).toEqual(plan());
	});
});

describe('the next exam and exam mode', () => {
	const s = settings();
	test("the morning is the start of the exam's study day, local time", () => {
		// 4 AM in India is 22:30 UTC the day before.
		expect(examMorning('2026-05-24', s).toISOString()).toBe('2026-05-23T22:30:00.000Z');
	});

	test('days left counts study days; a past exam is no longer next', () => {
		const p = plan({
			exams: [
				{ name: 'Mains', date: '2026-09-20', target: 0.85 },
				{ name: 'Prelims', date: '2026-05-24', target: 0.9 },
				{ name: 'Old', date: '2025-06-01', target: 0.9 }
			]
		});
		expect(nextExam(p, new Date('2026-05-14T06:00:00Z'), s)).toMatchObject({
			exam: { name: 'Prelims' },
			daysLeft: 10
		});
		expect(nextExam(p, new Date('2026-05-24T06:00:00Z'), s)?.daysLeft).toBe(0);
		expect(nextExam(p, new Date('2026-05-25T06:00:00Z'), s)?.exam.name).toBe('Mains');
	});

	test('on the last 14 days only, with the limits raised; normal after the exam', () => {
		expect(examMode(s, new Date('2026-05-01T06:00:00Z'))).toBeNull();
		const on = examMode(s, new Date('2026-05-14T06:00:00Z'))!;
		expect(on).toMatchObject({ daysLeft: 10, newPerDay: 30, reviewsPerDay: 300 });
		expect(on.cap.getTime()).toBe(on.morning.getTime() - DAY);
		expect(examMode(s, new Date('2026-05-24T06:00:00Z'))).toBeNull();
		expect(examMode(s, new Date('2026-05-26T06:00:00Z'))).toBeNull();
		expect(examMode(settings(plan({ modeDays: 0 })), new Date('2026-05-20T06:00:00Z'))).toBeNull();
	});

	test('a review due on or after the morning is brought to the day before; others keep theirs', () => {
		const morning = examMorning('2026-05-24', s);
		const cap = new Date(morning.getTime() - DAY);
		const later = morning.getTime() + 30 * DAY;
		expect(cappedDue(later, morning, cap)).toBe(cap.getTime());
		expect(cappedDue(morning.getTime() - 3 * DAY, morning, cap)).toBe(morning.getTime() - 3 * DAY);
	});
});

describe('predicted recall on the exam morning', () => {
	const s = settings(plan({ modeDays: 0 }));
	const params = scheduleParams(s);
	const w = generatorParameters().w;

	test("with no review before the exam, it is ts-fsrs's forgetting curve from the last review", () => {
		const state = reviewed(
			'a',
			'2026-04-01T06:00:00Z',
			'2026-04-01T06:10:00Z',
			'2026-04-01T06:30:00Z'
		);
		const morning = examMorning('2026-04-03', s);
		expect(state.card.due.getTime()).toBeGreaterThan(morning.getTime());
		const at = { now: new Date('2026-04-01T07:00:00Z'), morning, cap: null, params };
		// Days on the study-day clock (noon on 1 April to 4 AM on 3 April), whole as ts-fsrs counts.
		const elapsed = 1;
		expect(predictRecall(state, at)).toBeCloseTo(
			forgetting_curve(w, elapsed, state.card.stability),
			6
		);
		expect(recallIfLeft(state, morning, params)).toBe(predictRecall(state, at));
	});

	test('reviews due before the exam are assumed passed with Good, and raise the recall', () => {
		const state = reviewed('a', '2026-01-05T06:00:00Z', '2026-01-05T06:10:00Z');
		const morning = examMorning('2026-05-24', s);
		const at = { now: new Date('2026-01-05T07:00:00Z'), morning, cap: null, params };
		const left = recallIfLeft(state, morning, params);
		const planned = predictRecall(state, at);
		expect(planned).toBeGreaterThan(left);
		// On schedule at 90% desired retention, a fact is at 90% or more on any morning.
		expect(planned).toBeGreaterThanOrEqual(0.89);
		expect(predictRecall(undefined, at)).toBe(0);
		expect(predictRecall(newMemory('d', 'x'), at)).toBe(0);
	});

	test('a new fact must be seen 14 days ahead to hold 90% through a 14-day exam mode', () => {
		expect(leadDays(0.9, 14)).toBe(14);
		expect(leadDays(0.9, 3)).toBeLessThan(leadDays(0.9, 14));
	});
});

describe('the report for the next exam', () => {
	test('counts facts at target by topic, and the new facts a day needed', () => {
		const s = settings(plan({ modeDays: 0 }));
		const now = new Date('2026-04-04T06:00:00Z');
		const states = new Map([
			[memoryKey('d', 'a'), reviewed('a', '2026-04-01T06:00:00Z', '2026-04-01T06:10:00Z')],
			[memoryKey('d', 'b'), { ...reviewed('b', '2026-04-01T06:00:00Z'), suspended: true }]
		]);
		const facts = ['a', 'b', 'c', 'd'].map((f) => ({
			key: memoryKey('d', f),
			topics: f === 'a' || f === 'c' ? ['economy'] : ['polity']
		}));
		const at = examPredictAt(s, now)!;
		const recall = new Map(facts.map((f) => [f.key, predictRecall(states.get(f.key), at)]));
		const report = examReport(facts, states, recall, s, now)!;
		expect(report).toMatchObject({ daysLeft: 50, total: 3, atTarget: 1, unseen: 2 });
		expect(report.topics.map((t) => [t.topic, t.facts, t.atTarget])).toEqual([
			['polity', 1, 0],
			['economy', 2, 1]
		]);
		// 2 unseen facts over the 50 - 14 days in which a fact can still become stable.
		expect(report.pace).toEqual({ leadDays: 14, perDayNeeded: 1, newPerDay: 20, onPace: true });
		const late = examReport(facts, states, recall, s, new Date('2026-05-20T06:00:00Z'))!;
		expect(late.pace).toMatchObject({ perDayNeeded: null, onPace: false });
	});
});

describe('the queue in exam mode', () => {
	test('caps dues at the day before the exam and asks the lowest predicted recall first', () => {
		const s = settings();
		const morning = examMorning('2026-05-24', s);
		const now = new Date(morning.getTime() - DAY + 3_600_000 * 2); // the day before, 6 AM
		// Two facts due long after the exam: one strong, one weak (a lapse).
		const strong = reviewed(
			'strong',
			'2026-03-01T06:00:00Z',
			'2026-03-01T06:10:00Z',
			'2026-03-20T06:00:00Z'
		);
		let weak = reviewed('weak', '2026-05-10T06:00:00Z', '2026-05-10T06:10:00Z');
		weak = { ...weak, card: { ...weak.card, due: new Date(morning.getTime() + 40 * DAY) } };
		const later = {
			...strong,
			card: { ...strong.card, due: new Date(morning.getTime() + 60 * DAY) }
		};
		const states = new Map([
			[memoryKey('d', 'strong'), later],
			[memoryKey('d', 'weak'), weak]
		]);
		const facts = ['strong', 'weak'].map((f) => ({ deck: 'd', fact: f, statementHash: 'h1' }));
		const input = { facts, states, now, settings: s, done: { newToday: 0, reviewsToday: 0 } };
		expect(buildQueue(input).entries).toEqual([]);
		const mode = examMode(s, now)!;
		const order = examOrder(mode, scheduleParams(s));
		expect(order.rank('', weak)).toBeLessThan(order.rank('', later));
		expect(buildQueue({ ...input, order }).entries.map((e) => e.fact)).toEqual(['weak', 'strong']);
		// After the exam: the stored dues were never changed, and nothing is due.
		const after = new Date(morning.getTime() + 2 * DAY);
		expect(examMode(s, after)).toBeNull();
		expect(buildQueue({ ...input, now: after }).entries).toEqual([]);
		expect(weak.card.state).toBe(State.Review);
	});
});
