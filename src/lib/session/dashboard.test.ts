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
