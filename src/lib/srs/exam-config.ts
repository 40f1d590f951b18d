/**
 * A mock test's config (which decks, topics and types, how many questions, time, marking,
 * mode), its marking schemes, and the bounds every number in it keeps, whether it was typed on
 * the setup screen or read from a link.
 */
import * as z from 'zod/mini';
import { QUESTION_TYPES, TEST_TYPES } from '../question-types';
import type { QuestionType } from '../bank/schema';

export interface Marking {
	right: number;
	/** Marks taken away for a wrong answer (a positive number). */
	wrong: number;
}

export const MARKING_SCHEMES = {
	'upsc-gs1': { label: 'UPSC GS Paper I (+2 / −0.66)', right: 2, wrong: 0.66 },
	csat: { label: 'UPSC CSAT (+2.5 / −0.83)', right: 2.5, wrong: 0.83 },
	plain: { label: 'Plain (+1 / 0)', right: 1, wrong: 0 }
} as const satisfies Record<string, Marking & { label: string }>;
export type SchemeId = keyof typeof MARKING_SCHEMES | 'custom';

/**
 * The named scheme `id` stands for, or null. The ids come from links: an own-property check
 * keeps `constructor` or `__proto__` from reaching Object.prototype.
 */
export function markingScheme(
	id: string
): (typeof MARKING_SCHEMES)[keyof typeof MARKING_SCHEMES] | null {
	return Object.hasOwn(MARKING_SCHEMES, id)
		? MARKING_SCHEMES[id as keyof typeof MARKING_SCHEMES]
		: null;
}

/** Question types a paper can hold: flashcards are self-rated, so they have no place in a test. */
export { TEST_TYPES };
/** The exam's own formats, chosen by default. */
export const UPSC_TYPES: QuestionType[] = ['mcq', 'statements', 'pairs', 'assertion_reason'];

/**
 * The bounds of every number a config holds. Beyond them a paper breaks: an infinite time gives
 * an invalid deadline, an infinite mark an infinite score.
 */
export const LIMITS = {
	n: { min: 1, max: 500 },
	/** Seconds per question. */
	seconds: { min: 1, max: 3600 },
	/** Marks for a right answer (more than `min`). */
	right: { min: 0, max: 100 },
	/** Marks taken away for a wrong answer. */
	wrong: { min: 0, max: 100 },
	seedLength: 100
} as const;

const MarkingSchema = z.strictObject({
	right: z.number().check(z.gt(LIMITS.right.min), z.maximum(LIMITS.right.max)),
	wrong: z.number().check(z.minimum(LIMITS.wrong.min), z.maximum(LIMITS.wrong.max))
});

export const ExamConfigSchema = z.strictObject({
	seed: z.string().check(z.minLength(1), z.maxLength(LIMITS.seedLength)),
	/** Deck ids; empty means every deck. */
	decks: z.array(z.string()),
	/** Topic ids; empty means every topic. */
	topics: z.array(z.string()),
	types: z.array(z.enum(QUESTION_TYPES)),
	n: z.int().check(z.minimum(LIMITS.n.min), z.maximum(LIMITS.n.max)),
	/** Time allowed per question; null for an untimed test. GS Paper I: 120 min / 100 = 72 s. */
	secondsPerQuestion: z.nullable(
		z.number().check(z.minimum(LIMITS.seconds.min), z.maximum(LIMITS.seconds.max))
	),
	scheme: z.enum(['upsc-gs1', 'csat', 'plain', 'custom']),
	marking: MarkingSchema,
	/** exam: results at the end; practice: feedback after each question. */
	mode: z.enum(['exam', 'practice'])
});
export type ExamConfig = z.infer<typeof ExamConfigSchema>;

export function defaultConfig(seed: string): ExamConfig {
	return {
		seed,
		decks: [],
		topics: [],
		types: [...UPSC_TYPES],
		n: 20,
		secondsPerQuestion: 72,
		scheme: 'upsc-gs1',
		marking: { right: 2, wrong: 0.66 },
		mode: 'exam'
	};
}

/** The allowed range of each bounded number, as the messages word it. */
export const RANGE_TEXT = {
	n: `a whole number from ${LIMITS.n.min} to ${LIMITS.n.max}`,
	seconds: `from ${LIMITS.seconds.min} to ${LIMITS.seconds.max} seconds`,
	right: `more than ${LIMITS.right.min} and at most ${LIMITS.right.max}`,
	wrong: `from ${LIMITS.wrong.min} to ${LIMITS.wrong.max}`
} as const;

export const inRange = (x: number, r: { min: number; max: number }) =>
	Number.isFinite(x) && x >= r.min && x <= r.max;
export const validN = (n: number) => Number.isInteger(n) && inRange(n, LIMITS.n);
export const validSeconds = (s: number) => inRange(s, LIMITS.seconds);
export const validMarking = (m: Marking) =>
	inRange(m.right, LIMITS.right) && m.right > LIMITS.right.min && inRange(m.wrong, LIMITS.wrong);

/**
 * What is wrong with a config typed on the setup screen, one sentence each (empty when
 * nothing is): a paper starts only from a config inside the bounds.
 */
export function configProblems(c: ExamConfig): string[] {
	const out: string[] = [];
	if (!validN(c.n)) out.push(`The number of questions must be ${RANGE_TEXT.n}.`);
	if (c.secondsPerQuestion !== null && !validSeconds(c.secondsPerQuestion))
		out.push(`The time per question must be ${RANGE_TEXT.seconds}.`);
	if (!inRange(c.marking.right, LIMITS.right) || c.marking.right <= LIMITS.right.min)
		out.push(`The marks for a right answer must be ${RANGE_TEXT.right}.`);
	if (!inRange(c.marking.wrong, LIMITS.wrong))
		out.push(`The marks taken for a wrong answer must be ${RANGE_TEXT.wrong}.`);
	return out;
}
