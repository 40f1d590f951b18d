/**
 * The exam's standard option sets of a statements or pairs item, generated from the parts'
 * truth values, with the answer computed: "1 only", "1 and 2 only", "2 and 3 only", "1, 2 and 3"
 * (which are correct) or "Only one", "Only two", "All three", "None" (how many). The words say
 * exactly what each option claims, as the lint's one-answer rule asks (bank/lint/one-answer.ts).
 */

export type JudgedMode = 'which' | 'how_many';
/** What a statements or pairs generator is told besides the facts. */
export interface JudgedDraft {
	/** "Which … are correct?" (the default) or "How many … are correct?". */
	mode?: JudgedMode;
	/** Whether each part is correct, in the facts' order; all correct by default. */
	truth?: readonly boolean[];
}

export type WhichOptionDraft = { text: string; claims: number[] };
export type CountOptionDraft = { text: string; count: number };

/** The parts numbered in words: "1", "1 and 2", "1, 2 and 3". */
const numbered = (claims: readonly number[]) =>
	claims.length === 1
		? String(claims[0])
		: `${claims.slice(0, -1).join(', ')} and ${claims[claims.length - 1]}`;

/** An option's words for the parts it claims, out of `n` parts ("2 and 3 only", "Both 1 and 2"). */
export function claimsText(claims: readonly number[], n: number): string {
	const sorted = [...claims].sort((a, b) => a - b);
	if (sorted.length === 0) return n === 2 ? 'Neither 1 nor 2' : 'None';
	if (sorted.length === n) return n === 2 ? 'Both 1 and 2' : numbered(sorted);
	return `${numbered(sorted)} only`;
}

const NUMBER_WORDS = ['None', 'one', 'two', 'three', 'four'];

/** An option's words for a count, out of `n` parts ("Only two", "All three", "Both", "None"). */
export function countText(count: number, n: number): string {
	if (count === 0) return 'None';
	if (count === n) return n === 2 ? 'Both' : `All ${NUMBER_WORDS[n]}`;
	return `Only ${NUMBER_WORDS[count]}`;
}

/**
 * The sets the exam usually offers, by the number of parts and of correct parts: for three
 * statements with two correct, "1 and 2 only", "2 and 3 only", "1 and 3 only", "1, 2 and 3".
 */
function usualClaims(n: number, correct: number): number[][] {
	if (n === 2) return [[1], [2], [1, 2], []];
	if (n === 3 && correct === 1) return [[1], [2], [3], [1, 2, 3]];
	if (n === 3 && correct === 2)
		return [
			[1, 2],
			[2, 3],
			[1, 3],
			[1, 2, 3]
		];
	if (n === 3 && correct === 0) return [[1], [2], [3], []];
	if (n === 3) return [[1], [1, 2], [2, 3], [1, 2, 3]];
	return [
		[1, 2],
		[2, 3],
		[1, 3, 4],
		[1, 2, 3, 4]
	];
}

const key = (claims: readonly number[]) => claims.join(',');

/** The exam's order: fewer parts first, then by number; "None" last. */
function byExamOrder(a: readonly number[], b: readonly number[]): number {
	if (!a.length || !b.length) return b.length - a.length;
	if (a.length !== b.length) return a.length - b.length;
	const i = a.findIndex((x, j) => x !== b[j]);
	return i < 0 ? 0 : a[i] - b[i];
}

/** The parts marked correct, numbered from 1. */
export const truthOf = (truth: readonly boolean[]): number[] =>
	truth.flatMap((t, i) => (t ? [i + 1] : []));

/**
 * "Which of … are correct?": four options (the usual set for the number of parts, with the true
 * set in place of one when it is not there) and the index of the one that fits the parts.
 */
export function whichOptions(truth: readonly boolean[]): {
	options: WhichOptionDraft[];
	answer: number;
} {
	const n = truth.length;
	const right = truthOf(truth);
	const usual = usualClaims(n, right.length);
	// The usual set when it holds the right one; else the right one in place of the last.
	const sets = usual.some((c) => key(c) === key(right))
		? usual
		: [right, ...usual.slice(0, 3)].sort(byExamOrder);
	return {
		options: sets.map((claims) => ({ text: claimsText(claims, n), claims: [...claims] })),
		answer: sets.findIndex((c) => key(c) === key(right))
	};
}

/**
 * "How many of … are correct?": the counts (one, two, …, all, none; for four parts the four
 * nearest the true count) and the index of the one that fits the parts.
 */
export function howManyOptions(truth: readonly boolean[]): {
	options: CountOptionDraft[];
	answer: number;
} {
	const n = truth.length;
	const right = truthOf(truth).length;
	// 1…n then 0 ("None" is printed last); at most four, always with the right count.
	let counts = [...Array.from({ length: n }, (_, i) => i + 1), 0];
	while (counts.length > 4) {
		// The count farthest from the right one goes; of two as far, "None".
		const d = (c: number) => Math.abs(c - right);
		const far = counts.reduce((f, c) => (d(c) > d(f) || (d(c) === d(f) && c === 0) ? c : f));
		counts = counts.filter((c) => c !== far);
	}
	return {
		options: counts.map((count) => ({ text: countText(count, n), count })),
		answer: counts.indexOf(right)
	};
}

/** The standard options of either mode, and the answer. */
export const judgedOptions = (mode: JudgedMode, truth: readonly boolean[]) =>
	mode === 'which' ? whichOptions(truth) : howManyOptions(truth);

/**
 * The option that fits the parts' truth values (the first, when several do), or -1: the answer
 * of a statements or pairs item whose options the author wrote.
 */
export function fittingOption(
	options: ReadonlyArray<{ claims: readonly number[] } | { count: number }>,
	truth: readonly boolean[]
): number {
	const right = truthOf(truth);
	return options.findIndex((o) =>
		'claims' in o
			? key([...o.claims].sort((a, b) => a - b)) === key(right)
			: o.count === right.length
	);
}
