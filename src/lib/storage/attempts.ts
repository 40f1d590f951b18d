/**
 * The stored record of a mock test, in a module of its own: its schema brings the exam's and the
 * grader's schemas, which only the test page needs (the repository imports this lazily).
 */
import * as z from 'zod/mini';
import { lazySchema } from '../question-types/shared/lazy-schema';
import { ExamConfigSchema, PaperItemSchema } from '../srs/exam';
import { ResponseSchema } from '../srs/grade';
import { Count, Iso, readRecordWith, Version } from './migrate';

/** A mock test: its paper, answers, timing, and whether its results went to the memory. */
export const AttemptRecordSchema = lazySchema(() =>
	z.strictObject({
		schemaVersion: Version(),
		id: z.string().check(z.minLength(1)),
		config: ExamConfigSchema,
		paper: z.array(PaperItemSchema),
		startedAt: Iso(),
		/** When the countdown ends (wall clock), or null for an untimed test. */
		deadline: z.nullable(Iso()),
		/** Answers in the options as shown (see toBankResponse), null where not answered. */
		answers: z.array(z.nullable(ResponseSchema())),
		marked: z.array(z.boolean()),
		visited: z.array(z.boolean()),
		timeMs: z.array(z.number().check(z.minimum(0))),
		current: Count(),
		submittedAt: z.nullable(Iso()),
		/** Practice mode: questions already checked (feedback shown). */
		checked: z.array(z.boolean())
	})
);

export type AttemptRecord = z.infer<ReturnType<typeof AttemptRecordSchema>>;

/** Migrate and validate a stored attempt. */
export const readAttempt = (raw: unknown) => readRecordWith('attempt', AttemptRecordSchema(), raw);
