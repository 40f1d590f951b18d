import { describe, expect, test } from 'vitest';
import { Rating } from 'ts-fsrs';
import { memoryKv } from '$lib/storage/kv';
import { Repository } from '$lib/storage/repository';
import { answer } from '$lib/storage/test-helpers';
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
