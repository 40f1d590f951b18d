/**
 * Planning to an exam date: each fact's predicted recall on the exam's morning, their share at
 * the target by topic, and how many new facts a day are needed for every fact to be stable by
 * then. Pure: `now` and the time zone (in the settings) are passed in. See docs/ARCHITECTURE.md,
 * "Exam dates".
 *
 * The assumption behind a prediction: every review still scheduled before the exam is done on
 * its due day and passed with Good (in exam mode, a review due on or after the exam's morning
 * is done the day before, exam-dates.ts `cappedDue`). Each is run through the scheduler
 * (`nextCard`, with the learner's parameters), which sets the fact's stability anew; the recall
 * on the morning is then ts-fsrs's forgetting curve (`get_retrievability`) from the last of
 * them. A fact never studied is predicted 0: it is not yet in memory at all.
 */
import { createEmptyCard, fsrs, generatorParameters } from 'ts-fsrs';
import { Rating, State } from './fsrs-enums';
import { cappedDue, examPlanOf, nextExam, type ExamDate } from './exam-dates';
import { nextCard, retrievability, type MemoryState } from './memory';
import { scheduleParams, type ScheduleParams, type SchedulingSettings } from './settings';

const DAY = 86_400_000;
/** A review simulated at most this many times per fact (learning steps included). */
const MAX_STEPS = 64;

/** When a fact is predicted, and under which schedule. */
export interface PredictAt {
	now: Date;
	morning: Date;
	/** Exam mode's cap on due dates, when exam mode will be on before the exam (else null). */
	cap: Date | null;
	params: ScheduleParams;
}

/** The predicted recall of a fact on the exam's morning (0–1; 0 for a fact never studied). */
export function predictRecall(state: MemoryState | undefined, at: PredictAt): number {
	if (!state || state.card.state === State.New) return 0;
	const { now, morning, cap, params } = at;
	let card = state.card;
	let last = -Infinity;
	for (let i = 0; i < MAX_STEPS; i++) {
		const raw = card.due.getTime();
		const due = cap && card.state === State.Review ? cappedDue(raw, morning, cap) : raw;
		if (due >= morning.getTime() || due <= last) break;
		const when = Math.max(due, now.getTime());
		card = nextCard(card, new Date(when), Rating.Good, params);
		last = when;
	}
	return retrievability({ ...state, card }, morning, params) ?? 0;
}

/**
 * Recall on the morning if the fact is not reviewed again before it (its forgetting curve from
 * now): exam mode asks the facts lowest on it first. 0 for a fact never studied.
 */
export function recallIfLeft(state: MemoryState, morning: Date, params: ScheduleParams): number {
	return retrievability(state, morning, params) ?? 0;
}

const leadCache = new Map<string, number>();

/**
 * The rule for new facts: a fact is stable for the exam once it would stay at or above the
 * target for `holdDays` days without a review (the exam-mode window: it could skip the whole
 * last stretch). Reviewed on time with Good under the default parameters, a fact first seen
 * today reaches that after this many days; seen later than that before the exam, it cannot.
 */
export function leadDays(target: number, holdDays: number): number {
	const key = `${target}/${holdDays}`;
	const known = leadCache.get(key);
	if (known !== undefined) return known;
	const scheduler = fsrs(generatorParameters({ enable_fuzz: false, enable_short_term: true }));
	const atTarget = fsrs(generatorParameters({ request_retention: target, enable_fuzz: false }));
	const start = new Date('2026-01-01T00:00:00Z');
	let card = createEmptyCard(start);
	let days = 0;
	for (let i = 0; i < MAX_STEPS; i++) {
		card = scheduler.next(card, card.due, Rating.Good).card;
		days = Math.ceil((card.last_review!.getTime() - start.getTime()) / DAY);
		if (card.state === State.Review && atTarget.next_interval(card.stability, 0) >= holdDays) break;
	}
	leadCache.set(key, days);
	return days;
}

/** A fact as the plan needs it: its memory key and its topics. */
export interface PlanFact {
	key: string;
	topics: readonly string[];
}

export interface TopicRecall {
	topic: string;
	facts: number;
	atTarget: number;
	/** Mean predicted recall on the morning (a fact never studied counts 0). */
	meanRecall: number;
}

export interface ExamReport {
	exam: ExamDate;
	morning: Date;
	daysLeft: number;
	/** Facts in the plan (suspended ones are left out). */
	total: number;
	/** Facts predicted at or above the target on the morning. */
	atTarget: number;
	/** Facts never studied. */
	unseen: number;
	/** By topic, lowest mean recall first. */
	topics: TopicRecall[];
	pace: Pace;
}

export interface Pace {
	/** A fact must be first seen this many days before the exam to be stable (leadDays). */
	leadDays: number;
	/** New facts a day needed to introduce every unseen fact in time; null when it is too late. */
	perDayNeeded: number | null;
	newPerDay: number;
	onPace: boolean;
}

/**
 * How facts are predicted for the next exam (null without one): its morning, and exam mode's
 * cap when exam mode will come before it.
 */
export function examPredictAt(settings: SchedulingSettings, now: Date): PredictAt | null {
	const plan = examPlanOf(settings);
	const next = nextExam(plan, now, settings);
	if (!next) return null;
	const cap =
		plan.modeDays > 0 && next.daysLeft > 0 ? new Date(next.morning.getTime() - DAY) : null;
	return { now, morning: next.morning, cap, params: scheduleParams(settings) };
}

/**
 * The report for the next exam, from each fact's predicted recall (computed in slices by the
 * caller, so that a big collection does not block the page: `recall.get(key)`). Null without
 * an exam to come.
 */
export function examReport(
	facts: readonly PlanFact[],
	states: ReadonlyMap<string, MemoryState>,
	recall: ReadonlyMap<string, number>,
	settings: SchedulingSettings,
	now: Date
): ExamReport | null {
	const plan = examPlanOf(settings);
	const next = nextExam(plan, now, settings);
	if (!next) return null;
	const { target } = next.exam;
	const byTopic = new Map<string, TopicRecall>();
	const seen = new Set<string>();
	let total = 0;
	let atTarget = 0;
	let unseen = 0;
	for (const f of facts) {
		if (seen.has(f.key)) continue;
		seen.add(f.key);
		const s = states.get(f.key);
		if (s?.suspended) continue;
		const r = recall.get(f.key) ?? 0;
		const ok = r >= target;
		total++;
		if (ok) atTarget++;
		if (!s || s.card.state === State.New) unseen++;
		for (const topic of f.topics) {
			const t = byTopic.get(topic) ?? { topic, facts: 0, atTarget: 0, meanRecall: 0 };
			t.meanRecall = (t.meanRecall * t.facts + r) / (t.facts + 1);
			t.facts++;
			if (ok) t.atTarget++;
			byTopic.set(topic, t);
		}
	}
	const lead = leadDays(target, plan.modeDays || 14);
	const room = next.daysLeft - lead;
	const perDayNeeded = unseen === 0 ? 0 : room > 0 ? Math.ceil(unseen / room) : null;
	return {
		exam: next.exam,
		morning: next.morning,
		daysLeft: next.daysLeft,
		total,
		atTarget,
		unseen,
		topics: [...byTopic.values()].sort((a, b) => a.meanRecall - b.meanRecall),
		pace: {
			leadDays: lead,
			perDayNeeded,
			newPerDay: settings.newPerDay,
			onPace: perDayNeeded !== null && perDayNeeded <= settings.newPerDay
		}
	};
}
