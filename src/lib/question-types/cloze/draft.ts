/**
 * A cloze draft from one fact: its statement with the words the author selected blanked
 * (`blankOut`), the selected words the accepted answer.
 */
import { draftBase, factAt, toEdit, type DraftInput } from '../shared/draft';
import type { Cloze } from '.';

/** A selection in a text: [start, end) in UTF-16 code units, as a text field reports it. */
export type TextRange = readonly [start: number, end: number];

/** Space and punctuation at a selection's edges stay in the sentence, not in the blank. */
const EDGE = /[\s.,;:!?"'“”‘’()[\]]/;

/**
 * The text with each selected range replaced by `___`: ranges are clamped to the text, their
 * edges trimmed of space and punctuation, and ranges that overlap or touch (across spaces only)
 * made one. `blanks` are the words taken out, in order. A cloze holds one blank: more than one
 * range apart gives more, which the type's check reports.
 */
export function blankOut(
	text: string,
	ranges: readonly TextRange[]
): { prompt: string; blanks: string[] } {
	const trimmed = ranges
		.map(([a, b]): [number, number] => {
			let s = Math.max(0, Math.min(a, b, text.length));
			let e = Math.min(text.length, Math.max(a, b, 0));
			while (s < e && EDGE.test(text[s])) s++;
			while (e > s && EDGE.test(text[e - 1])) e--;
			return [s, e];
		})
		.filter(([s, e]) => e > s)
		.sort((x, y) => x[0] - y[0]);
	const merged: Array<[number, number]> = [];
	for (const [s, e] of trimmed) {
		const last = merged[merged.length - 1];
		// Overlapping (the slice is then empty) or apart by spaces only: one blank.
		if (last && /^\s*$/.test(text.slice(last[1], s))) last[1] = Math.max(last[1], e);
		else merged.push([s, e]);
	}
	let prompt = '';
	let at = 0;
	for (const [s, e] of merged) {
		prompt += `${text.slice(at, s)}___`;
		at = e;
	}
	prompt += text.slice(at);
	return { prompt, blanks: merged.map(([s, e]) => text.slice(s, e)) };
}

export interface ClozeDraft {
	/** The selected words of the first fact's statement; none: the statement without a blank yet. */
	blanks?: readonly TextRange[];
	/** More answers to accept besides the blanked words (synonyms, spellings). */
	alsoAccepted?: readonly string[];
}

export function clozeDraft(input: DraftInput & ClozeDraft): Cloze {
	const fact = factAt(input.facts, 0);
	const { prompt, blanks } = blankOut(fact.statement, input.blanks ?? []);
	const first = blanks.length ? blanks.join(', ') : toEdit('select the words to blank');
	const accepted = [...new Set([first, ...(input.alsoAccepted ?? [])])];
	return { ...draftBase('cloze', { ...input, facts: [fact] }, prompt), accepted };
}
