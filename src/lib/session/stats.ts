/** The statistics page's data: the log, the states and the settings, read once. */
import type { Deck } from '$lib/bank/schema';
import { computeStats, type Stats } from '$lib/srs/stats';
import type { Repository } from '$lib/storage/repository';

export async function loadStats(
	repo: Repository,
	decks: readonly Deck[],
	now = new Date(),
	days = 365
): Promise<Stats> {
	const [settings, states, log] = await Promise.all([
		repo.loadSettings(),
		repo.loadStates(),
		repo.readLog()
	]);
	return computeStats({ events: log.events, states, decks, settings, now, days });
}
