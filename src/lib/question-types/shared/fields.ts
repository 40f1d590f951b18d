/**
 * The fields every question has, and the field schemas several types share. Written with
 * `zod/mini`: the same schemas validate imported decks in the browser, where the classic API
 * would cost far more JS (see docs/ARCHITECTURE.md). Each is built on first use (`Text()`).
 */
import * as z from 'zod/mini';
import { lazySchema } from './lazy-schema';

/** Stable kebab-case identifier: facts, questions, topics and decks are referred to by it. */
export const SlugSchema = lazySchema(() =>
	z
		.string()
		.check(
			z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a kebab-case slug (a-z, 0-9, single hyphens)'),
			z.maxLength(80)
		)
);

export const Text = lazySchema(() =>
	z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(4000))
);
export const Index = lazySchema(() => z.int().check(z.minimum(0)));

/** The fields of every question; a type adds `type` and its own. */
export const QuestionBase = lazySchema(() => ({
	id: SlugSchema(),
	prompt: Text(),
	/** Why the answer is right, and why the most tempting wrong option is wrong. */
	explanation: Text(),
	/** The facts this question tests. */
	facts: z.array(SlugSchema()).check(z.minLength(1)),
	difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)])
}));

/** The options of an mcq or multi question. */
export const Options = lazySchema(() => z.array(Text()).check(z.minLength(2), z.maxLength(6)));

/** Column headings, e.g. ["Area of conflict", "U.S. demand"]. */
export const Columns = lazySchema(() => z.tuple([Text(), Text()]));

/** A fact-bearing part of a composite question that is either true or false. */
export const JudgedPart = lazySchema(() =>
	z.strictObject({ text: Text(), fact: SlugSchema(), correct: z.boolean() })
);

/** "Which of the statements given above is/are correct?": the option claims exactly these (1-based). */
export const WhichOption = lazySchema(() =>
	z.strictObject({
		text: Text(),
		claims: z.array(z.int().check(z.minimum(1)))
	})
);
/** "How many of the above … are correct?": the option claims this many. */
export const CountOption = lazySchema(() => z.strictObject({ text: Text(), count: Index() }));

/** Up to four statements or pairs, and up to four options about them. */
export const judgedParts = <T extends z.core.SomeType>(part: T) =>
	z.array(part).check(z.minLength(2), z.maxLength(4));
