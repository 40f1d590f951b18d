/** The numbers on the deck list: due, new, learned, next review, and the streak. */
import { dayStart, studyStreak } from '$lib/srs/day';
import { dueCounts, type DueCounts, type QueueFact } from '$lib/srs/queue';
import type { Repository } from '$lib/storage/repository';
import { summarise } from '$lib/bank/summary';
import type { Deck } from '$lib/bank/schema';
import { statementHash } from '$lib/srs/keys';

/** A deck as the deck list shows it: its description and counts, without its questions. */
export function deckListing(deck: Deck, own = false) {
	return {
		id: deck.id,
		title: deck.title,
		description: deck.description,
		asOf: deck.asOf,
		source: deck.source,
		summary: summarise(deck),
		/** The topics the deck's facts name (the deck list groups decks by them). */
		topics: deck.topics.filter((t) => deck.facts.some((f) => f.topics.includes(t.id))),
		/** The learner's own (imported) deck, or a built-in one. */
		own,
		// What the dashboard needs to count due facts, without the whole deck.
		facts: deck.facts.map((f) => ({
			deck: deck.id,
			fact: f.id,
			statementHash: statementHash(f.statement)
		}))
	};
}
export type DeckListing = ReturnType<typeof deckListing>;

// In a module of its own, so that the deck list's first paint does not bring the counting code.
export { deckHref } from './deck-links';

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
	const [states, done, streak] = await Promise.all([
		repo.loadStates(),
		repo.todayCounts(dayStart(now, settings.timeZone, settings.dayStartHour)),
		studyStreakOf(repo, now, settings)
	]);
	const count = (facts: readonly QueueFact[]) => dueCounts({ facts, states, now, settings, done });
	return {
		decks: Object.fromEntries(decks.map((d) => [d.id, count(d.facts)])),
		total: count(decks.flatMap((d) => d.facts)),
		streak
	};
}

/**
 * The study streak, from the log's recent days only where they settle it: the log is stored a
 * day per record (see docs/ARCHITECTURE.md, "Storage"), and a streak shorter than the days read
 * ends inside them. A streak as long as the window reads a wider one, then the whole log.
 */
async function studyStreakOf(
	repo: Repository,
	now: Date,
	{ timeZone, dayStartHour }: { timeZone: string; dayStartHour: number }
): Promise<number> {
	for (const days of [32, 256]) {
		const times = await repo.logTimes(new Date(now.getTime() - days * 86_400_000));
		const streak = studyStreak(times, now, timeZone, dayStartHour);
		// The study days wholly inside the window are at least days - 2 (today is partial, and the
		// day start hour shifts the rest): a shorter streak was broken by one of them.
		if (streak <= days - 3) return streak;
	}
	return studyStreak(await repo.logTimes(), now, timeZone, dayStartHour);
}
