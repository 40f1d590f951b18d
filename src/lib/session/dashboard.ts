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
	const [states, done, times] = await Promise.all([
		repo.loadStates(),
		repo.todayCounts(dayStart(now, settings.timeZone, settings.dayStartHour)),
		repo.logTimes()
	]);
	const count = (facts: readonly QueueFact[]) => dueCounts({ facts, states, now, settings, done });
	return {
		decks: Object.fromEntries(decks.map((d) => [d.id, count(d.facts)])),
		total: count(decks.flatMap((d) => d.facts)),
		streak: studyStreak(times, now, settings.timeZone, settings.dayStartHour)
	};
}
