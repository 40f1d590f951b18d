/** The numbers on the deck list: due, new, learned, next review, and the streak. */
import { dayStart, studyStreak } from '$lib/srs/day';
import { dueCounts, type DueCounts, type QueueFact } from '$lib/srs/queue';
import {
	cappedOrder,
	examMode,
	examPlanOf,
	nextExam,
	type ExamMode,
	type UpcomingExam
} from '$lib/srs/exam-dates';
import type { MemoryState } from '$lib/srs/memory';
import type { SchedulingSettings } from '$lib/srs/settings';
import type { Repository } from '$lib/storage/repository';
import { summarise, type DeckSummary } from '$lib/bank/summary';
import type { DeckSummaryRecord } from '$lib/storage/deck-summaries';
import type { Deck } from '$lib/bank/schema';
import { memoryKey, statementHash } from '$lib/srs/keys';
import type { EarlyReads } from './early-reads';

/** A fact as the deck list and the study queue know it: no statement, no questions. */
export interface ListedFact extends QueueFact {
	/** The ids of its topics (the deck's `topics` name them). */
	topics: readonly string[];
}

/**
 * A deck as the deck list shows it: its description, dates and counts, without its questions
 * or its source's text. The learner's own decks are listed from their stored summaries
 * (storage/deck-summaries.ts), without reading the decks.
 */
export interface DeckListing {
	id: string;
	title: string;
	description?: string;
	asOf: string;
	source: { title: string; publisher?: string; published: string; url?: string };
	/** The date of the article the deck is made from (its source's), for grouping by month. */
	published: string;
	/** The deck's topics, for grouping decks by topic and naming them. */
	topics: ReadonlyArray<{ id: string; label: string }>;
	summary: DeckSummary;
	/** The learner's own (imported) deck, or a built-in one. */
	own: boolean;
	facts: ListedFact[];
}

/** A deck's listing, from the deck itself (the built-in decks, at build time). */
export function deckListing(deck: Deck, own = false): DeckListing {
	const { title, publisher, published, url } = deck.source;
	return {
		id: deck.id,
		title: deck.title,
		...(deck.description === undefined ? {} : { description: deck.description }),
		asOf: deck.asOf,
		source: {
			title,
			...(publisher === undefined ? {} : { publisher }),
			published,
			...(url === undefined ? {} : { url })
		},
		published,
		// The topics the deck's facts name (the deck list groups decks by them).
		topics: deck.topics
			.filter((t) => deck.facts.some((f) => f.topics.includes(t.id)))
			.map(({ id, label }) => ({ id, label })),
		summary: summarise(deck),
		own,
		facts: deck.facts.map((f) => ({
			deck: deck.id,
			fact: f.id,
			key: memoryKey(deck.id, f.id),
			statementHash: statementHash(f.statement),
			topics: f.topics
		}))
	};
}

/** A deck's listing, from its stored summary (the learner's own decks). */
export function summaryListing(s: DeckSummaryRecord): DeckListing {
	return {
		id: s.id,
		title: s.title,
		...(s.description === undefined ? {} : { description: s.description }),
		asOf: s.asOf,
		source: s.source,
		published: s.source.published,
		topics: s.topics,
		summary: s.summary,
		own: true,
		facts: s.facts.ids.map((id, i) => ({
			deck: s.id,
			fact: id,
			// Kept: the counts look every fact's state up by it, per deck and in total.
			key: memoryKey(s.id, id),
			statementHash: s.facts.hashes[i],
			topics: s.facts.topics[i] ? s.facts.topics[i].split(' ') : []
		}))
	};
}

// In a module of its own, so that the deck list's first paint does not bring the counting code.
export { deckHref } from './deck-links';

export interface Dashboard {
	decks: Record<string, DueCounts>;
	total: DueCounts;
	streak: number;
	/** The next exam (Settings' exam dates), for the exam plan's card; null without one. */
	exam: UpcomingExam | null;
	/** Exam mode, when on (srs/exam-dates.ts): the counts use its due dates and raised limits. */
	examMode: ExamMode | null;
	/** What the counts were made from, for the exam plan computed after them (exam-plan.ts). */
	settings: SchedulingSettings;
	states: ReadonlyMap<string, MemoryState>;
}

export async function loadDashboard(
	repo: Repository,
	decks: ReadonlyArray<{ id: string; facts: readonly QueueFact[] }>,
	now = new Date(),
	/** The settings, states and day's counts, when the page started reading them (early-reads.ts). */
	reads: Partial<Pick<EarlyReads, 'settings' | 'states' | 'counts'>> = {}
): Promise<Dashboard> {
	const settings = await (reads.settings ?? repo.loadSettings());
	const from = dayStart(now, settings.timeZone, settings.dayStartHour);
	const [states, done, streak] = await Promise.all([
		reads.states ?? repo.loadStates(),
		(reads.counts ?? Promise.resolve(null)).then((early) =>
			early?.from === from.getTime() ? early.counts : repo.todayCounts(from)
		),
		studyStreakOf(repo, now, settings)
	]);
	// In exam mode, reviews after the exam count as due the day before it, within raised limits.
	const mode = examMode(settings, now);
	const limits = mode
		? { ...settings, newPerDay: mode.newPerDay, reviewsPerDay: mode.reviewsPerDay }
		: settings;
	const order = mode ? cappedOrder(mode) : undefined;
	const count = (facts: readonly QueueFact[]) =>
		dueCounts({ facts, states, now, settings: limits, done, order });
	return {
		decks: Object.fromEntries(decks.map((d) => [d.id, count(d.facts)])),
		total: count(decks.flatMap((d) => d.facts)),
		streak,
		exam: nextExam(examPlanOf(settings), now, settings),
		examMode: mode,
		settings,
		states
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
