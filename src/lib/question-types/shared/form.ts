/**
 * What the question forms of the editor share (each type's `Form.svelte`, shown by
 * components/QuestionForm.svelte): their props, edits of lists that keep the answer pointing at
 * the same option, and where each issue is shown. Pure; see docs/ARCHITECTURE.md.
 */
import { formatIssue, warned, type Issue, type IssuePath } from '../../bank/issues';

/** What a form reads of a fact (a bank `Fact` is one). */
export interface FactChoice {
	id: string;
	statement: string;
}

/** The props of a type's form (`<type>/Form.svelte`). */
export interface FormProps<Q> {
	/** The question being written: may be incomplete or invalid. Never mutated. */
	question: Q;
	/** The deck's facts, for choosing the fact a question or a part names. */
	facts: readonly FactChoice[];
	/** Every issue of the question (paths inside it); each field shows its own. */
	issues: readonly Issue[];
	/** Called with a new question on every edit. */
	onchange: (next: Q) => void;
	/** Prefixes the ids of the form's fields (unique on the page). */
	idPrefix: string;
}

// ——— Lists ———

/** The list with the item at `from` moved to `to`. */
export function moved<T>(list: readonly T[], from: number, to: number): T[] {
	const out = [...list];
	if (from < 0 || from >= out.length || to < 0 || to >= out.length) return out;
	const [item] = out.splice(from, 1);
	out.splice(to, 0, item);
	return out;
}

/** The list without the item at `i`. */
export const without = <T>(list: readonly T[], i: number): T[] => list.filter((_, j) => j !== i);

/** The list with the item at `i` replaced. */
export const replaced = <T>(list: readonly T[], i: number, item: T): T[] =>
	list.map((x, j) => (j === i ? item : x));

/** Where the item at index `k` is after moving `from` to `to`. */
export function movedIndex(k: number, from: number, to: number): number {
	if (k === from) return to;
	if (from < k && k <= to) return k - 1;
	if (to <= k && k < from) return k + 1;
	return k;
}

/** Where the item at `k` is after removing `i` (-1: it was the one removed). */
export const removedIndex = (k: number, i: number): number => (k === i ? -1 : k > i ? k - 1 : k);

// ——— Options of mcq and multi, the answer following its option ———

type WithOptions = { options: string[] };
type OneRight = WithOptions & { answer: number };
type SomeRight = WithOptions & { answers: number[] };

/** Move an option; the right option(s) stay right. */
export function moveOption<Q extends OneRight | SomeRight>(q: Q, from: number, to: number): Q {
	const options = moved(q.options, from, to);
	if ('answers' in q)
		return {
			...q,
			options,
			answers: q.answers.map((a) => movedIndex(a, from, to)).sort((a, b) => a - b)
		};
	return { ...q, options, answer: movedIndex(q.answer, from, to) };
}

/**
 * Remove an option; the right option(s) stay right. Removing the one right option of an mcq
 * leaves none marked (-1), which the validator reports until the author marks another.
 */
export function removeOption<Q extends OneRight | SomeRight>(q: Q, i: number): Q {
	const options = without(q.options, i);
	if ('answers' in q)
		return {
			...q,
			options,
			answers: q.answers.map((a) => removedIndex(a, i)).filter((a) => a >= 0)
		};
	return { ...q, options, answer: removedIndex(q.answer, i) };
}

/** Add an empty option at the end. */
export const addOption = <Q extends WithOptions>(q: Q): Q => ({
	...q,
	options: [...q.options, '']
});

/** Mark option `i` right or not (an mcq has one right option: marking one unmarks the other). */
export function markRight<Q extends OneRight | SomeRight>(q: Q, i: number, right: boolean): Q {
	if ('answers' in q) {
		const rest = q.answers.filter((a) => a !== i);
		return { ...q, answers: right ? [...rest, i].sort((a, b) => a - b) : rest };
	}
	return right ? { ...q, answer: i } : q;
}

// ——— Parts that name facts ———

/** The facts a question tests, from its parts, each once, in the parts' order. */
export const factsOfParts = (parts: ReadonlyArray<{ fact: string }>): string[] => [
	...new Set(parts.map((p) => p.fact).filter((f) => f !== ''))
];

// ——— Where issues are shown ———

/**
 * The fields a form shows, per path: `#` stands for any index. An issue is shown at the longest
 * of these that its path starts with and that the question holds (an option that was removed
 * has no field): see `fieldOf`.
 */
const FIELDS: readonly IssuePath[] = [
	['prompt'],
	['explanation'],
	['facts'],
	['difficulty'],
	['answer'],
	['answers'],
	['statement'],
	['accepted'],
	['accepted', '#'],
	['tolerance'],
	['unit'],
	['columns'],
	['columns', '#'],
	['options'],
	['options', '#'],
	['mode'],
	['style'],
	['explains'],
	...['pairs', 'items', 'statements'].flatMap((list) => [
		[list],
		[list, '#'],
		...['text', 'left', 'right', 'fact', 'correct'].map((f) => [list, '#', f])
	]),
	...['assertion', 'reason'].flatMap((p) => [
		[p],
		...['text', 'fact', 'correct'].map((f) => [p, f])
	])
];

/** Whether the question holds something at `path`. */
function holds(q: unknown, path: IssuePath): boolean {
	let at: unknown = q;
	for (const key of path) {
		if (at === null || typeof at !== 'object' || !Object.hasOwn(at, key)) return false;
		at = (at as Record<string | number, unknown>)[key];
	}
	return true;
}

/** The field an issue at `path` is shown beside, or null: shown at the top of the form. */
export function fieldOf(q: unknown, path: IssuePath): IssuePath | null {
	let best: IssuePath | null = null;
	for (const pattern of FIELDS) {
		if (pattern.length > path.length || (best && best.length >= pattern.length)) continue;
		const fits = pattern.every((seg, i) =>
			seg === '#' ? typeof path[i] === 'number' : seg === path[i]
		);
		const field = path.slice(0, pattern.length);
		if (fits && holds(q, field)) best = field;
	}
	return best;
}

const same = (a: IssuePath | null, b: IssuePath) =>
	a !== null && a.length === b.length && a.every((x, i) => x === b[i]);

/** The issues shown beside the field at `path`. */
export const issuesAt = (q: unknown, issues: readonly Issue[], path: IssuePath): Issue[] =>
	issues.filter((i) => same(fieldOf(q, i.path), path));

/** The issues no field shows: the form lists them at its top. */
export const unplaced = (q: unknown, issues: readonly Issue[]): Issue[] =>
	issues.filter((i) => fieldOf(q, i.path) === null);

/**
 * An issue as the form words it: `options[3] repeats options[1]`, `prompt: must not be empty`,
 * the message alone about the question as a whole;
 * a lint warning (an issue with `severity: 'warning'`) says so (`warned`). A form is given its
 * question's issues by `issuesUnder` (bank/issues.ts).
 */
export const issueText = (issue: Issue & { severity?: string }): string =>
	warned(issue, issue.path.length ? formatIssue(issue, null) : issue.message);

/** A field's id on the page, from the form's prefix and the field's path. */
export const fieldId = (prefix: string, path: IssuePath): string => `${prefix}-${path.join('-')}`;
