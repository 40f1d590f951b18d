/**
 * A fact's quote as a range of the article: made from the author's selection (so it is the
 * article's text exactly), found again after the article is edited (a quote no longer found is
 * flagged `lost`, never dropped), and found in a deck's source when a deck is opened to edit.
 */
import { paragraphRanges } from './article';
import type { DraftFact, DraftQuote } from './model';

/** A selection in the article's text: UTF-16 offsets, `start` before `end` or equal. */
export interface Selection {
	start: number;
	end: number;
}

export type SelectionCheck = { ok: true; quote: DraftQuote } | { ok: false; message: string };

/**
 * The quote a selection makes: the selected text with the whitespace around it left out.
 * Refused, with a message to show: an empty selection, one of spaces only, one outside the
 * article, and one across paragraphs (a quote lies within one paragraph: a fact rests on one
 * passage, and the reading view marks it within its paragraph).
 */
export function quoteFromSelection(text: string, selection: Selection): SelectionCheck {
	const start = Math.min(selection.start, selection.end);
	const end = Math.max(selection.start, selection.end);
	if (start < 0 || end > text.length)
		return { ok: false, message: 'The selection is not in the article: select its words again.' };
	if (start === end)
		return {
			ok: false,
			message:
				'Nothing is selected: select the phrase or sentence of the article the fact rests on.'
		};
	const raw = text.slice(start, end);
	const lead = raw.length - raw.trimStart().length;
	const trimmed = raw.trim();
	if (!trimmed)
		return {
			ok: false,
			message: 'The selection is only spaces: select the words of the article the fact rests on.'
		};
	const from = start + lead;
	const to = from + trimmed.length;
	const paragraphs = paragraphRanges(text).filter((p) => p.start < to && p.end > from).length;
	if (paragraphs > 1)
		return {
			ok: false,
			message: `The selection runs across ${paragraphs} paragraphs; a quote lies within one. Select within one paragraph, or make a fact of each.`
		};
	return { ok: true, quote: { start: from, end: to, text: trimmed } };
}

/** Where each occurrence of `needle` starts in `hay`. */
function occurrences(hay: string, needle: string): number[] {
	const out: number[] = [];
	if (!needle) return out;
	for (let i = hay.indexOf(needle); i !== -1; i = hay.indexOf(needle, i + 1)) out.push(i);
	return out;
}

/** The occurrence of `needle` nearest to `near`, or -1. */
function nearest(hay: string, needle: string, near: number): number {
	let best = -1;
	for (const at of occurrences(hay, needle))
		if (best === -1 || Math.abs(at - near) < Math.abs(best - near)) best = at;
	return best;
}

/**
 * The facts' quotes after the article changed from `before` to `after`: a quote whose text is
 * where the edit moved it stays; one the edit touched is looked for near where it was; one no
 * longer in the article keeps its text and is flagged `lost` (a lost quote whose text returns is
 * found again). Facts whose quote is unchanged are returned as they were.
 */
export function reanchor(facts: readonly DraftFact[], before: string, after: string): DraftFact[] {
	if (before === after) return [...facts];
	// The edit as one replaced span: what both texts share at the start and at the end.
	let prefix = 0;
	const shortest = Math.min(before.length, after.length);
	while (prefix < shortest && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
	let suffix = 0;
	while (
		suffix < shortest - prefix &&
		before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
	)
		suffix++;
	const shift = after.length - before.length;
	const map = (offset: number, isEnd: boolean): number | null => {
		if (isEnd ? offset <= prefix : offset < prefix) return offset;
		if (isEnd ? offset > before.length - suffix : offset >= before.length - suffix)
			return offset + shift;
		return null;
	};
	return facts.map((fact) => {
		const q = fact.quote;
		const start = q.lost ? null : map(q.start, false);
		const end = q.lost ? null : map(q.end, true);
		if (start !== null && end !== null && after.slice(start, end) === q.text) {
			if (start === q.start && end === q.end) return fact;
			return { ...fact, quote: { start, end, text: q.text } };
		}
		const at = nearest(after, q.text, start ?? Math.min(q.start, after.length));
		if (at !== -1) return { ...fact, quote: { start: at, end: at + q.text.length, text: q.text } };
		if (q.lost) return fact;
		const from = Math.min(start ?? q.start, after.length);
		return {
			...fact,
			quote: {
				start: from,
				end: Math.min(from + q.text.length, after.length),
				text: q.text,
				lost: true
			}
		};
	});
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A deck's quote as a range of its source text: where it occurs exactly, else where it occurs
 * as the validator matches quotes (any run of whitespace for any other, straight quotes for
 * curly), the range's text being then the source's own; not found: flagged `lost`.
 */
export function locateQuote(text: string, quote: string): DraftQuote {
	const exact = text.indexOf(quote);
	if (exact !== -1) return { start: exact, end: exact + quote.length, text: quote };
	const pattern = quote
		.trim()
		.split(/\s+/)
		.map((word) =>
			[...word]
				.map((c) =>
					/['\u2018\u2019\u201A\u201B\u2032]/.test(c)
						? "['\u2018\u2019\u201A\u201B\u2032]"
						: /["\u201C\u201D\u201E\u201F\u2033]/.test(c)
							? '["\u201C\u201D\u201E\u201F\u2033]'
							: escape(c)
				)
				.join('')
		)
		.join('\\s+');
	const found = pattern ? new RegExp(pattern).exec(text) : null;
	if (found) return { start: found.index, end: found.index + found[0].length, text: found[0] };
	return { start: 0, end: 0, text: quote, lost: true };
}

/** The facts whose quote covers `offset` of the article (a highlight selected opens its fact). */
export function factsAt<F extends { quote: DraftQuote }>(facts: readonly F[], offset: number): F[] {
	return facts.filter((f) => !f.quote.lost && f.quote.start <= offset && offset < f.quote.end);
}
