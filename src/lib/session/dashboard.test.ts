import { describe, expect, test } from 'vitest';
import { Rating } from 'ts-fsrs';
import { memoryKv } from '$lib/storage/kv';
import { Repository } from '$lib/storage/repository';
import { answer } from '$lib/storage/test-helpers';
import { dayStart } from '$lib/srs/day';
import { loadDashboard } from './dashboard';

const DAY = 86_400_000;
const now = new Date('2026-06-30T12:00:00Z');

/** A repository with one answer a day on each of the `days` days up to today, after a gap. */
async function studiedFor(days: number): Promise<Repository> {
	const repo = new Repository(memoryKv());
	await answer(repo, 'f0', Rating.Good, new Date(now.getTime() - (days + 3) * DAY));
	for (let d = days - 1; d >= 0; d--)
		await answer(repo, 'f0', Rating.Good, new Date(now.getTime() - d * DAY));
	return repo;
}

describe('the study streak', () => {
	// The log is read back from today in windows of 32 and 256 days, then whole: a streak on
	// either side of each window's edge counts every day.
	test.each([5, 29, 30, 31, 40, 255, 300])('%i days in a row', async (days) => {
		const repo = await studiedFor(days);
		expect((await loadDashboard(repo, [], now)).streak).toBe(days);
	});
});

describe("the day's counts read early (early-reads.ts)", () => {
	const early = (from: number, newToday: number) =>
		Promise.resolve({ from, counts: { newToday, reviewsToday: 0 } });

	test('are taken when they count from the same start of day, else read again', async () => {
		const repo = await studiedFor(1);
		const settings = await repo.loadSettings();
		const from = dayStart(now, settings.timeZone, settings.dayStartHour).getTime();
		// New facts to count: today's limit of new facts left shows the count of new ones done.
		const facts = Array.from({ length: 30 }, (_, i) => ({
			deck: 'd',
			fact: `n${i}`,
			statementHash: 'x'
		}));
		const counts = async (reads: Parameters<typeof loadDashboard>[3]) =>
			(await loadDashboard(repo, [{ id: 'd', facts }], now, reads)).total;
		const read = await counts({});
		expect(read.new).toBe(settings.newPerDay);
		expect((await counts({ counts: early(from, settings.newPerDay - 3) })).new).toBe(3);
		expect(await counts({ counts: early(from - DAY, 7) })).toEqual(read);
		expect(await counts({ counts: Promise.resolve(null) })).toEqual(read);
	});
});

describe('an exam date on the dashboard', () => {
	test('in exam mode, reviews after the exam count as due, within raised limits; the plan follows', async () => {
		const repo = new Repository(memoryKv());
		// f0 learned a month ago (due weeks after the exam); f1 never seen.
		const t0 = new Date(now.getTime() - 30 * DAY);
		for (const at of [t0, new Date(t0.getTime() + 600_000), new Date(t0.getTime() + 4 * DAY)])
			await answer(repo, 'f0', Rating.Easy, at);
		const facts = ['f0', 'f1'].map((fact) => ({ deck: 'd', fact, statementHash: 'h1' }));
		const settings = await repo.loadSettings();
		const exam = { name: 'Prelims', date: '2026-07-05', target: 0.9 };
		const withExam = (modeDays: number) =>
			repo.saveSettings({ ...settings, examPlan: { exams: [exam], modeDays, limitsRaise: 50 } });

		await withExam(0);
		const off = await loadDashboard(repo, [{ id: 'd', facts }], now);
		expect(off.exam).toMatchObject({ exam, daysLeft: 5 });
		expect(off.examMode).toBeNull();
		expect(off.total.review).toBe(0);

		await withExam(14);
		const on = await loadDashboard(repo, [{ id: 'd', facts }], now);
		expect(on.examMode).toMatchObject({ newPerDay: 30, reviewsPerDay: 300 });
		// Not due today yet: the cap is the day before the exam.
		expect(on.total.review).toBe(0);
		const dayBefore = new Date('2026-07-04T06:00:00Z');
		expect((await loadDashboard(repo, [{ id: 'd', facts }], dayBefore)).total.review).toBe(1);

		const { loadExamPlan } = await import('./exam-plan');
		const decks = [
			{
				id: 'd',
				topics: [{ id: 'eco', label: 'Economy' }],
				facts: facts.map((f) => ({ ...f, topics: ['eco'] }))
			}
		];
		const plan = await loadExamPlan(decks, on, now);
		expect(plan).toMatchObject({ total: 2, atTarget: 1, unseen: 1, examMode: true });
		expect(plan!.labels.get('eco')).toBe('Economy');
		expect(plan!.pace.perDayNeeded).toBeNull();
	});
});
