/**
 * Selecting a passage of the article on `/write`: the article's sentences and words (so that a
 * keyboard or screen-reader user selects a sentence or a word and extends it by either), and a
 * selection made with the mouse or by touch in the rendered article
 * (components/ArticleText.svelte) as offsets of its text.
 */
import { paragraphRanges, type Selection } from '$lib/bank/draft';

/** A stretch of the article (a sentence, a word): offsets of its text, within one paragraph. */
export interface Unit {
	start: number;
	end: number;
}

/** A sentence ends at . ! ? (and any closing quote or bracket) followed by a space, or at its paragraph's end. */
const END = /[.!?…]+["'”’)\]]*(?=\s)/g;

/** The article's sentences in order, each within one paragraph, without the spaces around it. */
export function sentences(text: string): Unit[] {
	const out: Unit[] = [];
	for (const p of paragraphRanges(text)) {
		const para = text.slice(p.start, p.end);
		let from = 0;
		const push = (to: number) => {
			const raw = para.slice(from, to);
			const lead = raw.length - raw.trimStart().length;
			const trimmed = raw.trim();
			if (trimmed)
				out.push({ start: p.start + from + lead, end: p.start + from + lead + trimmed.length });
		};
		for (const m of para.matchAll(END)) {
			const to = m.index + m[0].length;
			push(to);
			from = to;
		}
		push(para.length);
	}
	return out;
}

/**
 * A word: letters, digits, currency signs and % (`₹500`, `18%`), joined by an apostrophe, a
 * point, a comma, a slash or a hyphen between them (`India’s`, `5.25`, `1,000`, `2026-27`), so
 * that the punctuation after it and the quotes around it are not part of it.
 */
const WORD = /[\p{L}\p{N}\p{M}\p{Sc}%]+(?:['’.,/\-–][\p{L}\p{N}\p{M}\p{Sc}%]+)*/gu;

/** The article's words in order. */
export const words = (text: string): Unit[] =>
	[...text.matchAll(WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length }));

/** The unit after the selection (the first when nothing is selected; the last at the end). */
export function selectNext(units: readonly Unit[], from: Selection | null): Selection | null {
	if (!units.length) return null;
	const u = from ? (units.find((x) => x.start >= from.end) ?? units.at(-1)!) : units[0];
	return { start: u.start, end: u.end };
}

/** The unit before the selection (the last when nothing is selected; the first at the start). */
export function selectPrevious(units: readonly Unit[], from: Selection | null): Selection | null {
	if (!units.length) return null;
	const u = from ? (units.findLast((x) => x.end <= from.start) ?? units[0]) : units.at(-1)!;
	return { start: u.start, end: u.end };
}

/** The selection extended to the end of the next unit (a unit first when nothing is selected). */
export function extendBy(units: readonly Unit[], from: Selection | null): Selection | null {
	if (!from) return selectNext(units, null);
	const u = units.find((x) => x.end > from.end);
	return u ? { start: from.start, end: u.end } : from;
}

/** The selection without its last unit: it ends where the one before ends, never before its start. */
export function shrinkBy(units: readonly Unit[], from: Selection | null): Selection | null {
	if (!from) return null;
	const u = units.findLast((x) => x.end < from.end && x.end > from.start);
	return u ? { start: from.start, end: u.end } : from;
}

/**
 * A selection in the rendered article as offsets of its text: each paragraph (`p` in `root`,
 * in order) is the text from `starts[i]`; null when the selection is not within the article.
 */
export function domSelection(
	root: HTMLElement,
	starts: readonly number[],
	selection: globalThis.Selection | null
): Selection | null {
	if (!selection || selection.rangeCount === 0) return null;
	const range = selection.getRangeAt(0);
	const paragraphs = [...root.querySelectorAll('p')];
	const at = (node: Node, offset: number): number | null => {
		const element = node instanceof Element ? node : node.parentElement;
		const p = element?.closest('p');
		const i = p ? paragraphs.indexOf(p) : -1;
		if (!p || i === -1 || starts[i] === undefined) return null;
		const before = document.createRange();
		before.setStart(p, 0);
		before.setEnd(node, offset);
		return starts[i] + before.toString().length;
	};
	const start = at(range.startContainer, range.startOffset);
	const end = at(range.endContainer, range.endOffset);
	if (start === null || end === null) return null;
	return { start, end };
}
