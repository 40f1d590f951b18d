/**
 * Statements and pairs items: parts judged true or false, and options about them — "which are
 * correct" (each option claims a subset) or "how many are correct" (each claims a count).
 */
import type { ChoicePart } from './def';
import { byPartsMarkedAsWhole, single, whole, type GradeResult, type Response } from './grading';
import { lettered } from './upsc';

type Judged = { facts: string[]; answer: number } & (
	| { mode: 'which'; options: Array<{ text: string; claims: number[] }> }
	| { mode: 'how_many'; options: Array<{ text: string; count: number }> }
);

/** Grade the option chosen, and each part by what that option claims of it. */
export function gradeJudged(
	q: Judged,
	parts: ReadonlyArray<{ fact: string; correct: boolean }>,
	r: Response
): GradeResult {
	const choice = single(r);
	if (choice === null || choice >= q.options.length) return whole(q, false);
	// "Only two" says nothing about which two: the answer is right or wrong as a whole.
	if (q.mode === 'how_many') return whole(q, choice === q.answer);
	const claims = q.options[choice].claims;
	return byPartsMarkedAsWhole(
		q,
		parts.map((part, i) => ({ fact: part.fact, right: claims.includes(i + 1) === part.correct })),
		// The exam marks the option, not the parts: the outcome follows the option chosen.
		choice === q.answer
	);
}

export const judgedAnswerText = (q: Judged) => lettered(q.answer, q.options[q.answer].text);

/** The options are the exam's fixed list ("1 only", "Both 1 and 2"…): never shuffled. */
export const judgedChoice = <Q extends Judged>(): ChoicePart<Q> => ({
	options: (q) => q.options.map((o) => o.text),
	right: (q) => [q.answer],
	shuffle: false
});
