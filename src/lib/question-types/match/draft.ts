/** A match-the-columns draft from three to six facts: one row each, its two items to write. */
import {
	columnsToEdit,
	draftBase,
	rowToEdit,
	type DraftInput,
	type RowText
} from '../shared/draft';
import type { Match } from '.';

export interface MatchDraft {
	/** The column headings; placeholders by default. */
	columns?: readonly [string, string];
	/** Each fact's row; placeholders naming the fact by default. */
	rows?: readonly RowText[];
}

export function matchDraft(input: DraftInput & MatchDraft): Match {
	const facts = input.facts.slice(0, 6);
	return {
		...draftBase('match', { ...input, facts }, 'Match the following:'),
		columns: input.columns ? [...input.columns] : columnsToEdit(),
		pairs: facts.map((f, i) => ({ ...(input.rows?.[i] ?? rowToEdit(f)), fact: f.id }))
	};
}
