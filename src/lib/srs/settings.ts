/**
 * Scheduling settings: what the learner can tune, and the part of it that a replay of the
 * review log needs (the `ScheduleParams` copied into every log entry).
 */
import * as z from 'zod/mini';
import { lazySchema } from '../question-types/shared/lazy-schema';
import { ExamPlanSchema } from './exam-dates';

/** FSRS-6's 21 weights, as ts-fsrs 5 and fsrs-browser 5 use them. */
export const FSRS_WEIGHTS = 21;

export const FsrsWeightsSchema = lazySchema(() =>
	z
		.array(
			z
				.number()
				.check(
					z.refine((n) => Number.isFinite(n) && n >= -100 && n <= 100, 'must be a finite weight')
				)
		)
		.check(z.length(FSRS_WEIGHTS, `must hold ${FSRS_WEIGHTS} weights`))
);

const Step = lazySchema(() =>
	z.string().check(z.regex(/^\d+(\.\d+)?[mhd]$/, 'must be a step like "1m", "10m", "1h" or "1d"'))
);

/** The parameters that decide a fact's next state: a log entry carries them, so replays are exact. */
export const ScheduleParamsSchema = lazySchema(() =>
	z.strictObject({
		desiredRetention: z.number().check(z.minimum(0.7), z.maximum(0.99)),
		maximumInterval: z.int().check(z.minimum(1), z.maximum(36500)),
		fuzz: z.boolean(),
		learningSteps: z.array(Step()).check(z.maxLength(10)),
		relearningSteps: z.array(Step()).check(z.maxLength(10)),
		/** The local hour at which a study day starts (Anki's "next day starts at"). */
		dayStartHour: z.int().check(z.minimum(0), z.maximum(23)),
		/** IANA time zone of the learner's days, e.g. "Asia/Kolkata". */
		timeZone: z.string().check(z.minLength(1)),
		/**
		 * The learner's own FSRS-6 weights (srs/fit.ts), or none for ts-fsrs's defaults. Parameter
		 * sets and settings stored before them have none.
		 */
		weights: z.optional(FsrsWeightsSchema())
	})
);

export const SchedulingSettingsSchema = lazySchema(() =>
	z.strictObject({
		...ScheduleParamsSchema().shape,
		newPerDay: z.int().check(z.minimum(0), z.maximum(9999)),
		reviewsPerDay: z.int().check(z.minimum(0), z.maximum(99999)),
		/** Lapses after which a fact is flagged as a leech. */
		leechThreshold: z.int().check(z.minimum(1), z.maximum(99)),
		/** Exam dates and exam mode (srs/exam-dates.ts); settings stored before them have none. */
		examPlan: z.optional(ExamPlanSchema()),
		/** The weights in force before the last fit was applied: "Restore previous parameters". */
		previousWeights: z.optional(z.nullable(FsrsWeightsSchema()))
	})
);

export type ScheduleParams = z.infer<ReturnType<typeof ScheduleParamsSchema>>;
export type SchedulingSettings = z.infer<ReturnType<typeof SchedulingSettingsSchema>>;

/**
 * The defaults: 90% retention, steps 1m 10m, relearn 10m, days from 4 AM in `timeZone` (the
 * device's, which storage finds: srs reads no browser state).
 */
export function defaultSettings(timeZone: string): SchedulingSettings {
	return {
		desiredRetention: 0.9,
		maximumInterval: 36500,
		fuzz: true,
		learningSteps: ['1m', '10m'],
		relearningSteps: ['10m'],
		dayStartHour: 4,
		timeZone,
		newPerDay: 20,
		reviewsPerDay: 200,
		leechThreshold: 8
	};
}

/** The replay-relevant part of the settings. */
export function scheduleParams(s: SchedulingSettings): ScheduleParams {
	return {
		desiredRetention: s.desiredRetention,
		maximumInterval: s.maximumInterval,
		fuzz: s.fuzz,
		learningSteps: [...s.learningSteps],
		relearningSteps: [...s.relearningSteps],
		dayStartHour: s.dayStartHour,
		timeZone: s.timeZone,
		// Only when fitted: a set without weights keeps the id it always had (keys.ts paramsId).
		...(s.weights ? { weights: [...s.weights] } : {})
	};
}

/** True if the zone is one the platform knows. */
export function isValidTimeZone(zone: string): boolean {
	try {
		new Intl.DateTimeFormat('en', { timeZone: zone });
		return true;
	} catch {
		return false;
	}
}
