/**
 * Grading: one pure function for every question type of the bank (DESIGN.md).
 *
 * Where the response shows a judgment on each part (the subset of statements an option claims,
 * the pairs matched, the items placed, the truth of an assertion and its reason), each part's
 * fact is graded on its own; where it shows only a total ("only two") or a whole answer, a wrong
 * answer counts against every fact of the question.
 */
import * as z from 'zod/mini';
import type { Grade } from 'ts-fsrs';
import { Rating } from './fsrs-enums';
import type { Question, QuestionOf } from '../bank/schema';
import { arAnswer } from '../bank/format';

const Indices = z.array(z.int().check(z.minimum(-1)));

/** What the learner did. `choices` holds option indices; more than one where one is asked is wrong. */
export const ResponseSchema = z.discriminatedUnion('kind', [
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
export type Response = z.infer<typeof ResponseSchema>;

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

function whole(q: Question, correct: boolean): GradeResult {
	return {
		outcome: correct ? 'correct' : 'wrong',
		correct,
		facts: Object.fromEntries(q.facts.map((f) => [f, correct])),
		parts: { right: correct ? 1 : 0, total: 1 },
		suggested: correct ? Rating.Good : Rating.Again
	};
}

/** Combine per-part judgments into per-fact outcomes: a fact is known only if all its parts are. */
function byParts(q: Question, parts: Array<{ fact: string; right: boolean }>): GradeResult {
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

const single = (r: Response): number | null =>
	r.kind === 'choices' && r.choices.length === 1 ? r.choices[0] : null;

function gradeJudged(
	q: QuestionOf<'statements'> | QuestionOf<'pairs'>,
	r: Extract<Response, { kind: 'choices' }>
): GradeResult {
	const choice = single(r);
	if (choice === null || choice >= q.options.length) return whole(q, false);
	const items: ReadonlyArray<{ fact: string; correct: boolean }> =
		q.type === 'statements' ? q.statements : q.pairs;
	if (q.mode === 'how_many') {
		// "Only two" says nothing about which two: the answer is right or wrong as a whole.
		return whole(q, choice === q.answer);
	}
	const claims = q.options[choice].claims;
	const result = byParts(
		q,
		items.map((item, i) => ({ fact: item.fact, right: claims.includes(i + 1) === item.correct }))
	);
	// The exam marks the option, not the parts: the outcome follows the option chosen.
	const correct = choice === q.answer;
	return { ...result, correct, outcome: correct ? 'correct' : 'wrong' };
}

/** The judgments an assertion–reason option makes: [A true?, R true?, R explains A?]. */
const AR_JUDGMENTS: ReadonlyArray<[boolean, boolean, boolean]> = [
	[true, true, true],
	[true, true, false],
	[true, false, false],
	[false, true, false]
];

function gradeAssertionReason(q: QuestionOf<'assertion_reason'>, r: Response): GradeResult {
	const choice = single(r);
	if (choice === null || choice > 3) return whole(q, false);
	const [a, reason, explains] = AR_JUDGMENTS[choice];
	// Whether R explains A is a judgment about the reason, so it counts against the reason's fact.
	const explainsRight = !(q.assertion.correct && q.reason.correct) || explains === q.explains;
	const result = byParts(q, [
		{ fact: q.assertion.fact, right: a === q.assertion.correct },
		{ fact: q.reason.fact, right: reason === q.reason.correct && explainsRight }
	]);
	const correct = choice === arAnswer(q);
	return { ...result, correct, outcome: correct ? 'correct' : 'wrong' };
}

/** Grade a response to a question. Pure: the same input always gives the same result. */
export function grade(q: Question, r: Response): GradeResult {
	if (r.kind === 'blank' || (r.kind === 'choices' && r.choices.length === 0)) {
		return { ...whole(q, false), outcome: 'blank' };
	}
	switch (q.type) {
		case 'flashcard': {
			if (r.kind !== 'rating') return whole(q, false);
			const correct = r.rating !== Rating.Again;
			return { ...whole(q, correct), suggested: r.rating };
		}
		case 'mcq':
			return whole(q, single(r) === q.answer);
		case 'multi': {
			if (r.kind !== 'choices') return whole(q, false);
			const chosen = new Set(r.choices);
			return whole(q, chosen.size === q.answers.length && q.answers.every((a) => chosen.has(a)));
		}
		case 'true_false':
			return whole(q, r.kind === 'boolean' && r.value === q.answer);
		case 'cloze': {
			if (r.kind !== 'text') return whole(q, false);
			const typed = normaliseTyped(r.text);
			return whole(q, typed !== '' && q.accepted.some((a) => normaliseTyped(a) === typed));
		}
		case 'numeric': {
			const value = r.kind === 'text' ? parseTypedNumber(r.text) : Number.NaN;
			return whole(q, Number.isFinite(value) && Math.abs(value - q.answer) <= q.tolerance);
		}
		case 'match': {
			if (r.kind !== 'pairing' || r.pairing.length !== q.pairs.length) return whole(q, false);
			return byParts(
				q,
				q.pairs.map((p, i) => ({ fact: p.fact, right: r.pairing[i] === i }))
			);
		}
		case 'order': {
			if (r.kind !== 'sequence' || r.sequence.length !== q.items.length) return whole(q, false);
			return byParts(
				q,
				q.items.map((it, i) => ({ fact: it.fact, right: r.sequence[i] === i }))
			);
		}
		case 'statements':
		case 'pairs':
			return r.kind === 'choices' ? gradeJudged(q, r) : whole(q, false);
		case 'assertion_reason':
			return gradeAssertionReason(q, r);
	}
}
