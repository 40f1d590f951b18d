/**
 * What every type's draft generator (`<type>/draft.ts`, listed in ../drafts.ts) shares: the facts
 * it starts from, the fields every question has, and the mark on text the author must still
 * write. A generator is pure: the same input always gives the same question. See
 * docs/ARCHITECTURE.md ("A question type").
 */
import type { Issue, IssuePath } from '../../bank/issues';

/** What a generator reads of a fact (a bank `Fact` is one). */
export interface DraftFact {
	id: string;
	statement: string;
}

/** The input of every generator; a type's own generator takes more (see its draft.ts). */
export interface DraftInput {
	/** The new question's id (the editor chooses it: unique in the deck). */
	id: string;
	/** The facts chosen, in order: a composite type makes one part of each. */
	facts: readonly DraftFact[];
	/** The prompt, when the author has written it; else the type's usual one. */
	prompt?: string;
	/** The explanation, when written; else the facts' statements. */
	explanation?: string;
	difficulty?: 1 | 2 | 3;
}

/** A type's generator as the registry lists it: any type's own options are optional. */
export type DraftMaker<Q> = (input: DraftInput) => Q;

/**
 * Opens every text a generator could not write (a false variant, a distractor, a prompt):
 * `[edit] make this false: …`. The validator accepts such text; `unedited` finds it.
 */
export const EDIT_MARK = '[edit]';

/** A placeholder the author must replace: `[edit] <what to write>`. */
export const toEdit = (what: string): string => `${EDIT_MARK} ${what}`;

/** A false variant of a true statement, to be edited into a false one. */
export const falseVariant = (statement: string): string => toEdit(`make this false: ${statement}`);

/** Placeholders for `n` wrong options. */
export const wrongOptions = (n: number): string[] =>
	Array.from({ length: n }, (_, i) => toEdit(`a wrong option (${i + 1})`));

/** The two items of a row to match or a pair. */
export interface RowText {
	left: string;
	right: string;
}

/** Placeholders for the headings of two columns. */
export const columnsToEdit = (): [string, string] => [
	toEdit('heading of the left column'),
	toEdit('heading of the right column')
];

/** Placeholders for a row drawn from a fact. */
export const rowToEdit = (f: DraftFact): RowText => ({
	left: toEdit(`the item in: ${f.statement}`),
	right: toEdit(`what it is matched with in: ${f.statement}`)
});

/** The fields every question has, from the input, with the type's usual prompt. */
export function draftBase<T extends string>(type: T, input: DraftInput, prompt: string) {
	return {
		id: input.id,
		type,
		prompt: input.prompt ?? prompt,
		explanation: input.explanation ?? input.facts.map((f) => f.statement).join(' '),
		facts: [...new Set(input.facts.map((f) => f.id))],
		difficulty: input.difficulty ?? (2 as const)
	};
}

/** The fact at `i`, or a placeholder fact (an empty id the validator reports) when too few. */
export const factAt = (facts: readonly DraftFact[], i: number): DraftFact =>
	facts[i] ?? { id: '', statement: toEdit('choose a fact') };

/**
 * Every text in a question that still holds a placeholder (`EDIT_MARK`), as issues with paths
 * inside the question: the editor shows them beside their fields until the author writes them.
 */
export function unedited(q: unknown, path: IssuePath = []): Issue[] {
	if (typeof q === 'string')
		return q.includes(EDIT_MARK)
			? [
					{
						path,
						message: `still holds a placeholder ("${EDIT_MARK}"): write it`,
						continuesField: true
					}
				]
			: [];
	if (Array.isArray(q)) return q.flatMap((v, i) => unedited(v, [...path, i]));
	if (q && typeof q === 'object')
		return Object.entries(q).flatMap(([k, v]) => unedited(v, [...path, k]));
	return [];
}
