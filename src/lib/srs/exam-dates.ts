/**
 * Exam dates (the learner's real exams, e.g. "UPSC Prelims 2026"; not the mock test of exam.ts):
 * the settings' schema, the exam's morning, the next exam, and exam mode's window, cap on due
 * dates and raised limits. Light (dates only, no scheduler): the dashboard's counts and the
 * study queue use it; the predictions of recall are in exam-plan.ts. Pure: `now` and the time
 * zone are passed in. See docs/ARCHITECTURE.md, "Exam dates".
 */
import * as z from 'zod/mini';
import { lazySchema } from '../question-types/shared/lazy-schema';
import { fromVirtual, studyDay } from './day';

const DAY = 86_400_000;

/** The recall wanted on the exam's morning, unless the learner sets another. */
export const DEFAULT_TARGET = 0.9;

const isCalendarDate = (s: string) => {
	const t = Date.parse(`${s}T00:00:00Z`);
	return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === s;
};

export const ExamDateSchema = lazySchema(() =>
	z.strictObject({
		name: z.string().check(
			z.refine((s) => s.trim().length > 0, 'must name the exam, e.g. "UPSC Prelims 2026"'),
			z.maxLength(100, 'must be at most 100 characters')
		),
		/** The exam's day, YYYY-MM-DD, in the learner's time zone. */
		date: z
			.string()
			.check(
				z.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-05-24'),
				z.refine(isCalendarDate, 'is not a day of the calendar')
			),
		/** The probability of recall wanted on the exam's morning (0.5–0.99). */
		target: z
			.number()
			.check(z.minimum(0.5, 'must be at least 50%'), z.maximum(0.99, 'must be at most 99%'))
	})
);

export const ExamPlanSchema = lazySchema(() =>
	z.strictObject({
		exams: z.array(ExamDateSchema()).check(z.maxLength(10, 'at most 10 exams')),
		/** Exam mode lasts this many days before an exam (0: never). */
		modeDays: z
			.int()
			.check(z.minimum(0, 'must be 0 (off) or more'), z.maximum(60, 'must be at most 60 days')),
		/** In exam mode the daily limits (new facts and reviews) rise by this percentage. */
		limitsRaise: z
			.int()
			.check(z.minimum(0, 'must be 0 or more'), z.maximum(300, 'must be at most 300%'))
	})
);

export type ExamDate = z.infer<ReturnType<typeof ExamDateSchema>>;
export type ExamPlan = z.infer<ReturnType<typeof ExamPlanSchema>>;

/** No exam, exam mode the last 14 days, limits raised by half. */
export function defaultExamPlan(): ExamPlan {
	return { exams: [], modeDays: 14, limitsRaise: 50 };
}

/** The plan in settings (stored settings from before exam dates have none: the defaults). */
export function examPlanOf(s: { examPlan?: ExamPlan }): ExamPlan {
	return s.examPlan ?? defaultExamPlan();
}

interface Days {
	timeZone: string;
	dayStartHour: number;
}

/** The exam's morning: the start of its study day (dayStartHour on its date, local time). */
export function examMorning(date: string, { timeZone, dayStartHour }: Days): Date {
	return fromVirtual(new Date(`${date}T00:00:00Z`), timeZone, dayStartHour);
}

export interface UpcomingExam {
	exam: ExamDate;
	morning: Date;
	/** Study days from today to the exam's day (0 on the day itself). */
	daysLeft: number;
}

/** The next exam: the soonest whose day is today or later (null when none). */
export function nextExam(plan: ExamPlan, now: Date, days: Days): UpcomingExam | null {
	const today = studyDay(now, days.timeZone, days.dayStartHour);
	const next = plan.exams
		.filter((e) => e.date >= today)
		.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))[0];
	if (!next) return null;
	const daysLeft = Math.round((Date.parse(next.date) - Date.parse(today)) / DAY);
	return { exam: next, morning: examMorning(next.date, days), daysLeft };
}

/** Exam mode, when on: the exam, the cap on due dates, and the raised limits. */
export interface ExamMode extends UpcomingExam {
	/** Reviews due at or after the exam's morning fall due here instead: a day before it. */
	cap: Date;
	newPerDay: number;
	reviewsPerDay: number;
}

/**
 * Exam mode at `now`: on from `modeDays` days before the next exam's morning until that
 * morning. On the exam's day and after it, normal scheduling resumes (null).
 */
export function examMode(
	settings: Days & { newPerDay: number; reviewsPerDay: number; examPlan?: ExamPlan },
	now: Date
): ExamMode | null {
	const plan = examPlanOf(settings);
	if (plan.modeDays === 0) return null;
	const next = nextExam(plan, now, settings);
	if (!next || next.daysLeft === 0 || next.daysLeft > plan.modeDays) return null;
	const raise = (n: number) => Math.round(n * (1 + plan.limitsRaise / 100));
	return {
		...next,
		cap: new Date(next.morning.getTime() - DAY),
		newPerDay: raise(settings.newPerDay),
		reviewsPerDay: raise(settings.reviewsPerDay)
	};
}

/**
 * A review's due time in exam mode: one that would fall on or after the exam's morning is
 * brought to `cap` (the day before). The stored state keeps its own due: after the exam the
 * normal schedule is there again.
 */
export function cappedDue(due: number, morning: Date, cap: Date): number {
	return due >= morning.getTime() ? Math.min(due, cap.getTime()) : due;
}

/**
 * Exam mode's due times without its order by recall (which needs the scheduler): what the
 * dashboard's counts use. The study queue uses exam-order.ts.
 */
export function cappedOrder(mode: Pick<ExamMode, 'morning' | 'cap'>) {
	type Due = { card: { due: Date } };
	const due = (s: Due) => cappedDue(s.card.due.getTime(), mode.morning, mode.cap);
	// A QueueOrder (queue.ts), written out here: this module is below the queue's imports.
	return { due, rank: (_key: string, s: Due) => due(s) };
}
