/**
 * Selecting a passage of the article on `/write`: the article's sentences (so that a keyboard or
 * screen-reader user moves sentence by sentence and extends), and a selection made with the mouse
 * or by touch in the rendered article (components/ArticleText.svelte) as offsets of its text.
 */
import { paragraphRanges, type Selection } from '$lib/bank/draft';

export interface Sentence {
	start: number;
	end: number;
}

/** A sentence ends at . ! ? (and any closing quote or bracket) followed by a space, or at its paragraph's end. */
const END = /[.!?…]+["'”’)\]]*(?=\s)/g;

/** The article's sentences in order, each within one paragraph, without the spaces around it. */
export function sentences(text: string): Sentence[] {
	const out: Sentence[] = [];
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

/** A keyboard selection: the sentences `from` to `to` (indexes into `sentences`). */
export interface SentenceSpan {
	from: number;
	to: number;
}

export const spanSelection = (all: readonly Sentence[], span: SentenceSpan): Selection => ({
	start: all[span.from].start,
	end: all[span.to].end
});

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
