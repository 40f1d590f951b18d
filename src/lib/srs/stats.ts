/**
 * Progress at a glance, computed from the review log and the fact states (pure: `now` passed
 * in). Days are the learner's study days (they start at the configured hour in their zone).
 */
import { State } from './fsrs-enums';
import { daysBetween, studyDay, studyStreak } from './day';
import { memoryKey, retrievability, type MemoryEvent, type MemoryState } from './memory';
import { isLearned } from './learned';
import { scheduleParams, type SchedulingSettings } from './settings';

const DAY = 86_400_000;

export interface DayCount {
	/** The study day, YYYY-MM-DD. */
	day: string;
	count: number;
}

/** The band of days since the previous review that a review's recall is counted in. */
export interface RetentionBand {
	label: string;
	/** Days since the previous review: from (inclusive) to (exclusive; Infinity for the last). */
	from: number;
	to: number;
	reviews: number;
	remembered: number;
	/** remembered / reviews, or null without reviews. */
	retention: number | null;
}

export interface TopicMastery {
	deck: string;
	topic: string;
	label: string;
	facts: number;
	/** Learned facts (see `isLearned` in ./learned). */
	learned: number;
	/** Mean probability of recall now over the topic's facts (a fact never studied counts 0). */
	meanRecall: number;
}

export interface Stats {
	/** Reviews per study day over the last `days` days, oldest first (days without reviews too). */
	heatmap: DayCount[];
	/** Facts due on each of the next 30 days, today first (today includes the overdue). */
	forecast: DayCount[];
	bands: RetentionBand[];
	/** All reviews of a fact already in review, and the share remembered. */
	trueRetention: { reviews: number; remembered: number; retention: number | null };
	desiredRetention: number;
	topics: TopicMastery[];
	/** Learned facts over all the decks (see `isLearned` in ./learned). */
	learned: number;
	streak: number;
	/** Time spent answering, in ms. */
	time: { today: number; week: number; total: number };
	reviews: { today: number; total: number };
}

export interface StatsInput {
	events: readonly MemoryEvent[];
	states: ReadonlyMap<string, MemoryState>;
	decks: ReadonlyArray<{
		id: string;
		topics: ReadonlyArray<{ id: string; label: string }>;
		facts: ReadonlyArray<{ id: string; topics: readonly string[] }>;
	}>;
	settings: SchedulingSettings;
	now: Date;
	/** Length of the heatmap, in days (default one year). */
	days?: number;
}

const BANDS: Array<[string, number, number]> = [
	['1 day', 0, 2],
	['2–7 days', 2, 8],
	['8–30 days', 8, 31],
	['31–90 days', 31, 91],
	['over 90 days', 91, Infinity]
];

/** The study day `n` days after `day`. */
const addDays = (day: string, n: number) =>
	new Date(Date.parse(day) + n * DAY).toISOString().slice(0, 10);

export function computeStats(input: StatsInput): Stats {
	const { events, states, decks, settings, now } = input;
	const { timeZone, dayStartHour } = settings;
	const dayOf = (d: Date) => studyDay(d, timeZone, dayStartHour);
	const today = dayOf(now);
	const reviews = events.filter(
		(e): e is Extract<MemoryEvent, { kind: 'review' }> => e.kind === 'review'
	);

	// Heatmap: reviews per study day.
	const days = input.days ?? 365;
	const first = addDays(today, -(days - 1));
	const perDay = new Map<string, number>();
	for (const e of reviews) {
		const d = dayOf(e.at);
		if (d >= first && d <= today) perDay.set(d, (perDay.get(d) ?? 0) + 1);
	}
	const heatmap = Array.from({ length: days }, (_, i) => {
		const day = addDays(first, i);
		return { day, count: perDay.get(day) ?? 0 };
	});

	// Forecast: due facts per day for 30 days; suspended and new facts are not due.
	const forecast = Array.from({ length: 30 }, (_, i) => ({ day: addDays(today, i), count: 0 }));
	for (const s of states.values()) {
		if (s.suspended || s.card.state === State.New) continue;
		const offset = Math.max(0, daysBetween(today, dayOf(s.card.due)));
		if (offset < 30) forecast[offset].count++;
	}

	// True retention: reviews of facts in review, by days since that fact's previous review.
	const bands: RetentionBand[] = BANDS.map(([label, from, to]) => ({
		label,
		from,
		to,
		reviews: 0,
		remembered: 0,
		retention: null
	}));
	const lastSeen = new Map<string, Date>();
	for (const e of [...reviews].sort((a, b) => a.at.getTime() - b.at.getTime())) {
		const key = memoryKey(e.deck, e.fact);
		const previous = lastSeen.get(key);
		lastSeen.set(key, e.at);
		if (e.stateBefore !== State.Review || !previous) continue;
		const gap = daysBetween(dayOf(previous), dayOf(e.at));
		const band = bands.find((b) => gap >= b.from && gap < b.to);
		if (!band) continue;
		band.reviews++;
		if (e.correct) band.remembered++;
	}
	for (const b of bands) b.retention = b.reviews ? b.remembered / b.reviews : null;
	const total = bands.reduce((n, b) => n + b.reviews, 0);
	const kept = bands.reduce((n, b) => n + b.remembered, 0);

	// Mastery per topic, weakest first.
	const params = scheduleParams(settings);
	const topics: TopicMastery[] = [];
	for (const deck of decks)
		for (const topic of deck.topics) {
			const facts = deck.facts.filter((f) => f.topics.includes(topic.id));
			if (!facts.length) continue;
			let learned = 0;
			let recall = 0;
			for (const f of facts) {
				const s = states.get(memoryKey(deck.id, f.id));
				if (!s) continue;
				if (isLearned(s)) learned++;
				recall += retrievability(s, now, params) ?? 0;
			}
			topics.push({
				deck: deck.id,
				topic: topic.id,
				label: topic.label,
				facts: facts.length,
				learned,
				meanRecall: recall / facts.length
			});
		}
	topics.sort((a, b) => a.meanRecall - b.meanRecall || a.label.localeCompare(b.label));
	let learned = 0;
	for (const deck of decks)
		for (const f of deck.facts) if (isLearned(states.get(memoryKey(deck.id, f.id)))) learned++;

	const weekStart = addDays(today, -6);
	const time = { today: 0, week: 0, total: 0 };
	let reviewsToday = 0;
	for (const e of reviews) {
		const d = dayOf(e.at);
		time.total += e.durationMs;
		if (d >= weekStart && d <= today) time.week += e.durationMs;
		if (d === today) {
			time.today += e.durationMs;
			reviewsToday++;
		}
	}

	return {
		heatmap,
		forecast,
		bands,
		trueRetention: { reviews: total, remembered: kept, retention: total ? kept / total : null },
		desiredRetention: settings.desiredRetention,
		topics,
		learned,
		streak: studyStreak(
			reviews.map((e) => e.at).sort((a, b) => a.getTime() - b.getTime()),
			now,
			timeZone,
			dayStartHour
		),
		time,
		reviews: { today: reviewsToday, total: reviews.length }
	};
}
