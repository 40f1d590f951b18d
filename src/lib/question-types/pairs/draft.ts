/**
 * A pairs draft from two to four facts: one pair each (to write; a pair meant to be wrongly
 * matched is marked so), the exam's standard options, and the answer that fits.
 */
import {
	columnsToEdit,
	draftBase,
	falseVariant,
	rowToEdit,
	type DraftInput,
	type RowText
} from '../shared/draft';
import { howManyOptions, whichOptions, type JudgedDraft } from '../shared/upsc-options';
import type { Pairs } from '.';

export interface PairsDraft extends JudgedDraft {
	columns?: readonly [string, string];
	/** Each pair as printed; placeholders naming the fact by default. */
	rows?: readonly RowText[];
}

export function pairsDraft(input: DraftInput & PairsDraft): Pairs {
	const facts = input.facts.slice(0, 4);
	const truth = facts.map((_, i) => input.truth?.[i] ?? true);
	const pairs = facts.map((f, i) => {
		const row = input.rows?.[i] ?? rowToEdit(f);
		// A wrong pair is written from a right one: its right-hand item is the one to change.
		const right = input.rows?.[i] || truth[i] ? row.right : falseVariant(row.right);
		return { left: row.left, right, fact: f.id, correct: truth[i] };
	});
	const base = {
		...draftBase('pairs', { ...input, facts }, 'Consider the following pairs:'),
		columns: input.columns ? ([...input.columns] as [string, string]) : columnsToEdit()
	};
	if (input.mode === 'how_many')
		return { ...base, mode: 'how_many', pairs, ...howManyOptions(truth) };
	return { ...base, mode: 'which', pairs, ...whichOptions(truth) };
}
