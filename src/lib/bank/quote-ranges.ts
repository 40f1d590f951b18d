/**
 * Where a deck's quotes sit in its source text, and the text cut into paragraphs and segments
 * for the reading view (and the editor): pure, no Svelte.
 *
 * A quote is found as the validator finds it (`normaliseForQuote`: curly quotes as straight
 * ones, any run of whitespace as one space), at its FIRST occurrence in the text; its range is
 * in the original text's characters. A paragraph is a line of the text (blank lines only
 * separate). Ranges may overlap or nest: the segments are the pieces between every start and
 * end, each naming every range that covers it.
 */
import { normaliseForQuote } from '../question-types/shared/check';

/** A highlighted range of the text, `[start, end)` in its characters, for the item `id`. */
export interface TextRange {
	id: string;
	start: number;
	end: number;
}

/** A run of one paragraph's text covered by the same ranges (`ids`, none for plain text). */
export interface Segment {
	start: number;
	end: number;
	text: string;
	/** The ids of the ranges covering it, in the order the ranges were given. */
	ids: readonly string[];
}

export interface Paragraph {
	start: number;
	end: number;
	segments: Segment[];
}

const SPACE = /\s/;
const SINGLE = /[\u2018\u2019\u201A\u201B\u2032]/;
const DOUBLE = /[\u201C\u201D\u201E\u201F\u2033]/;

/**
 * The text normalised as `normaliseForQuote` does (before its trim), with, for each of its
 * characters, the index of the original character it came from.
 */
export function normaliseWithMap(text: string): { norm: string; at: number[] } {
	let norm = '';
	const at: number[] = [];
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (SPACE.test(c)) {
			if (norm.endsWith(' ') && SPACE.test(text[at[at.length - 1]])) continue;
			norm += ' ';
		} else norm += SINGLE.test(c) ? "'" : DOUBLE.test(c) ? '"' : c;
		at.push(i);
	}
	return { norm, at };
}

/** Where `quote` first occurs in `text` (as the validator matches it), or null. */
export function locateQuote(
	text: string,
	quote: string,
	normalised = normaliseWithMap(text)
): { start: number; end: number } | null {
	const q = normaliseForQuote(quote);
	if (!q) return null;
	const i = normalised.norm.indexOf(q);
	if (i < 0) return null;
	return { start: normalised.at[i], end: normalised.at[i + q.length - 1] + 1 };
}

/** The ranges of every item's quote, and the ids of those whose quote is not in the text. */
export function locateQuotes(
	text: string,
	items: ReadonlyArray<{ id: string; quote: string }>
): { ranges: TextRange[]; missing: string[] } {
	const normalised = normaliseWithMap(text);
	const ranges: TextRange[] = [];
	const missing: string[] = [];
	for (const { id, quote } of items) {
		const found = locateQuote(text, quote, normalised);
		if (found) ranges.push({ id, ...found });
		else missing.push(id);
	}
	return { ranges, missing };
}

/** Each line of the text that holds more than whitespace, without its leading and trailing spaces. */
export function paragraphsOf(text: string): Array<{ start: number; end: number }> {
	const out: Array<{ start: number; end: number }> = [];
	const line = /[^\r\n]+/g;
	for (let m = line.exec(text); m; m = line.exec(text)) {
		const lead = m[0].length - m[0].trimStart().length;
		const body = m[0].trim();
		if (body) out.push({ start: m.index + lead, end: m.index + lead + body.length });
	}
	return out;
}

/**
 * The text as paragraphs of segments: plain runs and highlighted ones, split wherever a range
 * starts or ends (a range across paragraphs is cut at their edges; its parts keep its id).
 * Ranges outside the text or empty are ignored.
 */
export function segmentText(text: string, ranges: readonly TextRange[]): Paragraph[] {
	const valid = ranges
		.filter((r) => r.start >= 0 && r.end <= text.length && r.start < r.end)
		.map((r, order) => ({ ...r, order }));
	const starts = new Map<number, number[]>();
	const ends = new Map<number, number[]>();
	for (const r of valid) {
		starts.set(r.start, [...(starts.get(r.start) ?? []), r.order]);
		ends.set(r.end, [...(ends.get(r.end) ?? []), r.order]);
	}
	const out: Paragraph[] = [];
	const paragraphs = paragraphsOf(text);
	const points = [
		...new Set([...starts.keys(), ...ends.keys(), ...paragraphs.flatMap((p) => [p.start, p.end])])
	].sort((a, b) => a - b);
	const active = new Set<number>();
	let p = 0;
	for (let k = 0; k < points.length; k++) {
		const at = points[k];
		for (const o of ends.get(at) ?? []) active.delete(o);
		for (const o of starts.get(at) ?? []) active.add(o);
		const next = points[k + 1];
		if (next === undefined) break;
		while (p < paragraphs.length && paragraphs[p].end <= at) p++;
		const para = paragraphs[p];
		if (!para || at < para.start) continue;
		if (out[out.length - 1]?.start !== para.start)
			out.push({ start: para.start, end: para.end, segments: [] });
		const segments = out[out.length - 1].segments;
		const ids = [...active].sort((a, b) => a - b).map((o) => valid[o].id);
		const last = segments[segments.length - 1];
		if (last && last.end === at && sameIds(last.ids, ids)) {
			last.end = next;
			last.text = text.slice(last.start, next);
		} else segments.push({ start: at, end: next, text: text.slice(at, next), ids });
	}
	return out;
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
	return a.length === b.length && a.every((x, i) => x === b[i]);
}
