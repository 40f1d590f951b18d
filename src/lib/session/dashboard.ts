/** The numbers on the deck list: due, new, learned, next review, and the streak. */
import { studyStreak, nextDayStart } from '$lib/srs/day';
import { dueCounts, type DueCounts, type QueueFact } from '$lib/srs/queue';
import type { Repository } from '$lib/storage/repository';

export interface Dashboard {
	decks: Record<string, DueCounts>;
	total: DueCounts;
	streak: number;
}

export async function loadDashboard(
	repo: Repository,
	decks: ReadonlyArray<{ id: string; facts: readonly QueueFact[] }>,
	now = new Date()
): Promise<Dashboard> {
	const settings = await repo.loadSettings();
	const dayStart = new Date(
		nextDayStart(now, settings.timeZone, settings.dayStartHour).getTime() - 86_400_000
	);
	const [states, done, times] = await Promise.all([
		repo.loadStates(),
		repo.todayCounts(dayStart),
		repo.logTimes()
	]);
	const count = (facts: readonly QueueFact[]) => dueCounts({ facts, states, now, settings, done });
	return {
		decks: Object.fromEntries(decks.map((d) => [d.id, count(d.facts)])),
		total: count(decks.flatMap((d) => d.facts)),
		streak: studyStreak(times, now, settings.timeZone, settings.dayStartHour)
	};
}
