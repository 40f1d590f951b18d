/**
 * A statements draft from two to four facts: one statement each (a marked variant to edit where
 * the author wants it false), the exam's standard options, and the answer that fits.
 */
import { draftBase, falseVariant, type DraftInput } from '../shared/draft';
import { howManyOptions, whichOptions, type JudgedDraft } from '../shared/upsc-options';
import type { Statements } from '.';

export interface StatementsDraft extends JudgedDraft {
	/** Each statement as written; the fact's (or a false variant of it to edit) by default. */
	texts?: readonly string[];
}

export function statementsDraft(input: DraftInput & StatementsDraft): Statements {
	const facts = input.facts.slice(0, 4);
	const truth = facts.map((_, i) => input.truth?.[i] ?? true);
	const statements = facts.map((f, i) => ({
		text: input.texts?.[i] ?? (truth[i] ? f.statement : falseVariant(f.statement)),
		fact: f.id,
		correct: truth[i]
	}));
	const base = draftBase('statements', { ...input, facts }, 'Consider the following statements:');
	if (input.mode === 'how_many')
		return { ...base, mode: 'how_many', statements, ...howManyOptions(truth) };
	return { ...base, mode: 'which', statements, ...whichOptions(truth) };
}
