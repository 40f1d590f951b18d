/**
 * What every type's grading shares: the learner's response, the result, and the two ways a
 * result is built. Where the response shows a judgment on each part (the subset of statements
 * an option claims, the pairs matched, the items placed), each part's fact is graded on its own
 * (`byParts`); where it shows only a total ("only two") or a whole answer, a wrong answer counts
 * against every fact of the question (`whole`).
 */
import * as z from 'zod/mini';
import type { Grade } from 'ts-fsrs';
import { Rating } from '../../srs/fsrs-enums';
import { lazySchema } from './lazy-schema';

/** What the learner did. `choices` holds option indices; more than one where one is asked is wrong. */
export const ResponseSchema = lazySchema(() => {
	const Indices = z.array(z.int().check(z.minimum(-1)));
	return z.discriminatedUnion('kind', [
		z.strictObject({ kind: z.literal('blank') }),
		z.strictObject({
			kind: z.literal('rating'),
			rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)])
		}),
		z.strictObject({ kind: z.literal('choices'), choices: Indices }),
		z.strictObject({ kind: z.literal('boolean'), value: z.boolean() }),
		z.strictObject({ kind: z.literal('text'), text: z.string().check(z.maxLength(1000)) }),
		/** match: for each left item (in bank order), the index of the right item chosen (bank order). */
		z.strictObject({ kind: z.literal('pairing'), pairing: Indices }),
		/** order: the bank indices of the items in the order the learner placed them. */
		z.strictObject({ kind: z.literal('sequence'), sequence: Indices })
	]);
});
export type Response = z.infer<ReturnType<typeof ResponseSchema>>;

export type Outcome = 'correct' | 'wrong' | 'blank';

export interface GradeResult {
	outcome: Outcome;
	correct: boolean;
	/** For each fact the question tests: whether the response showed it known. */
	facts: Record<string, boolean>;
	/** Parts answered right and the number of parts (1 of 1 for a whole answer). */
	parts: { right: number; total: number };
	/** Wrong → Again, right → Good; a flashcard carries the learner's own rating. */
	suggested: Grade;
}

/** What grading needs of any question. */
export interface Graded {
	facts: readonly string[];
}

/** A whole answer, right or wrong: every fact of the question shares the verdict. */
export function whole(q: Graded, correct: boolean): GradeResult {
	return {
		outcome: correct ? 'correct' : 'wrong',
		correct,
		facts: Object.fromEntries(q.facts.map((f) => [f, correct])),
		parts: { right: correct ? 1 : 0, total: 1 },
		suggested: correct ? Rating.Good : Rating.Again
	};
}

/** Combine per-part judgments into per-fact outcomes: a fact is known only if all its parts are. */
export function byParts(
	q: Graded,
	parts: ReadonlyArray<{ fact: string; right: boolean }>
): GradeResult {
	const facts: Record<string, boolean> = Object.fromEntries(q.facts.map((f) => [f, true]));
	for (const p of parts) facts[p.fact] = facts[p.fact] && p.right;
	const right = parts.filter((p) => p.right).length;
	const correct = right === parts.length;
	return {
		outcome: correct ? 'correct' : 'wrong',
		correct,
		facts,
		parts: { right, total: parts.length },
		suggested: correct ? Rating.Good : Rating.Again
	};
}

/** Per-part outcomes, but the exam marks the option chosen: the verdict follows `correct`. */
export function byPartsMarkedAsWhole(
	q: Graded,
	parts: ReadonlyArray<{ fact: string; right: boolean }>,
	correct: boolean
): GradeResult {
	return { ...byParts(q, parts), correct, outcome: correct ? 'correct' : 'wrong' };
}

/** The one option chosen, or null when none or several were. */
export const single = (r: Response): number | null =>
	r.kind === 'choices' && r.choices.length === 1 ? r.choices[0] : null;

/** Normalise typed text: case, accents, spaces, punctuation and the per-cent sign don't count. */
export function normaliseTyped(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/per\s*cent|percent/g, '%')
		.replace(/[\u2018\u2019'"“”.,;:!?()[\]]/g, '')
		.replace(/[-–—_/]/g, ' ')
		.replace(/\s+/g, ' ')
		.replace(/ %/g, '%')
		.trim();
}

/** A number typed by a learner: "2", "2.0", "$2 billion", "50%", "1,000". NaN when there is none. */
export function parseTypedNumber(text: string): number {
	const m = text.replace(/,/g, '').match(/-?\d+(\.\d+)?/);
	return m ? Number(m[0]) : Number.NaN;
}

/**
 * Match and order: the learner placed each part (`placed[i]`: the part put at place i, or the
 * right item given to left item i); each part is right where it is in its own place.
 */
export function gradePlaced(
	q: Graded,
	parts: ReadonlyArray<{ fact: string }>,
	placed: readonly number[] | null
): GradeResult {
	if (!placed || placed.length !== parts.length) return whole(q, false);
	return byParts(
		q,
		parts.map((p, i) => ({ fact: p.fact, right: placed[i] === i }))
	);
}
