import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normaliseForQuote } from './validate';
import {
	locateQuote,
	locateQuotes,
	normaliseWithMap,
	paragraphsOf,
	segmentText,
	type Paragraph
} from './quote-ranges';
import type { Deck } from './schema';

/** Each paragraph as its segments: plain text as a string, a highlight as [text, ...ids]. */
const shape = (ps: Paragraph[]) =>
	ps.map((p) => p.segments.map((s) => (s.ids.length ? [s.text, ...s.ids] : s.text)));

describe('locateQuote', () => {
	it('finds a quote as the validator does: curly quotes and runs of whitespace aside', () => {
		const text = 'He said “yes,\n  at  once” and left.';
		const found = locateQuote(text, 'said "yes, at once"');
		expect(found).toEqual({ start: 3, end: 25 });
		expect(text.slice(found!.start, found!.end)).toBe('said “yes,\n  at  once”');
	});

	it('takes the first occurrence', () => {
		expect(locateQuote('a cat, a cat', 'a cat')).toEqual({ start: 0, end: 5 });
	});

	it('says null for a quote not in the text, or an empty one', () => {
		expect(locateQuote('a cat', 'a dog')).toBeNull();
		expect(locateQuote('a cat', '  ')).toBeNull();
	});

	it('normalises the text exactly as normaliseForQuote does', () => {
		const text = '  “Quoted” ‘single’\t\n\nend\u00a0 x  ';
		expect(normaliseWithMap(text).norm.trim()).toBe(normaliseForQuote(text));
	});
});

describe('locateQuotes', () => {
	it('flags the quotes that are not in the text, and keeps the order of the others', () => {
		const { ranges, missing } = locateQuotes('one two three', [
			{ id: 'b', quote: 'two' },
			{ id: 'x', quote: 'four' },
			{ id: 'a', quote: 'one' }
		]);
		expect(ranges).toEqual([
			{ id: 'b', start: 4, end: 7 },
			{ id: 'a', start: 0, end: 3 }
		]);
		expect(missing).toEqual(['x']);
	});

	it('finds every quote of the built-in deck in its source', () => {
		const dir = 'questions/india-us-2026-01';
		const deck: Deck = JSON.parse(readFileSync(`${dir}/deck.json`, 'utf8'));
		const text = readFileSync(`${dir}/${deck.source.file}`, 'utf8');
		const { ranges, missing } = locateQuotes(text, deck.facts);
		expect(missing).toEqual([]);
		for (const r of ranges) {
			const fact = deck.facts.find((f) => f.id === r.id)!;
			expect(normaliseForQuote(text.slice(r.start, r.end))).toBe(normaliseForQuote(fact.quote));
		}
	});
});

describe('paragraphsOf', () => {
	it('takes each line with text as a paragraph, trimmed; blank lines only separate', () => {
		const text = ' one\r\n\n  \ntwo  \rthree';
		expect(paragraphsOf(text).map((p) => text.slice(p.start, p.end))).toEqual([
			'one',
			'two',
			'three'
		]);
	});
});

describe('segmentText', () => {
	it('keeps plain text whole when nothing is highlighted', () => {
		expect(shape(segmentText('one\ntwo', []))).toEqual([['one'], ['two']]);
	});

	it('cuts a paragraph at a highlight', () => {
		const text = 'a cat sat';
		const r = locateQuote(text, 'cat')!;
		expect(shape(segmentText(text, [{ id: 'f', ...r }]))).toEqual([['a ', ['cat', 'f'], ' sat']]);
	});

	it('splits overlapping ranges into segments that name each range covering them', () => {
		const text = 'one two three four';
		const ranges = [
			{ id: 'a', start: 0, end: 7 }, // one two
			{ id: 'b', start: 4, end: 13 } // two three
		];
		expect(shape(segmentText(text, ranges))).toEqual([
			[['one ', 'a'], ['two', 'a', 'b'], [' three', 'b'], ' four']
		]);
	});

	it('splits a nested range out of the one around it, and names ranges in the order given', () => {
		const text = 'the whole long quote';
		const ranges = [
			{ id: 'inner', start: 4, end: 9 },
			{ id: 'outer', start: 0, end: 20 }
		];
		expect(shape(segmentText(text, ranges))).toEqual([
			[
				['the ', 'outer'],
				['whole', 'inner', 'outer'],
				[' long quote', 'outer']
			]
		]);
	});

	it('gives two facts with the same quote one segment naming both', () => {
		const ranges = [
			{ id: 'a', start: 0, end: 3 },
			{ id: 'b', start: 0, end: 3 }
		];
		expect(shape(segmentText('abc def', ranges))).toEqual([[['abc', 'a', 'b'], ' def']]);
	});

	it('merges adjacent ranges of the same id, and keeps touching ranges of others apart', () => {
		const ranges = [
			{ id: 'a', start: 0, end: 2 },
			{ id: 'a', start: 2, end: 4 },
			{ id: 'b', start: 4, end: 6 }
		];
		expect(shape(segmentText('abcdef', ranges))).toEqual([
			[
				['abcd', 'a'],
				['ef', 'b']
			]
		]);
	});

	it('cuts a range across paragraphs at their edges, each part naming it', () => {
		const text = 'first line\n\nsecond line';
		const r = locateQuote(text, 'line second')!;
		expect(shape(segmentText(text, [{ id: 'f', ...r }]))).toEqual([
			['first ', ['line', 'f']],
			[['second', 'f'], ' line']
		]);
	});

	it('ignores ranges that are empty or outside the text', () => {
		const ranges = [
			{ id: 'a', start: 2, end: 2 },
			{ id: 'b', start: -1, end: 2 },
			{ id: 'c', start: 1, end: 99 }
		];
		expect(shape(segmentText('abc', ranges))).toEqual([['abc']]);
	});

	it('covers every character of every paragraph exactly once, in order', () => {
		const text = 'Alpha beta gamma.\nDelta epsilon.\n\nZeta eta theta.';
		const ranges = [
			{ id: 'x', start: 3, end: 25 },
			{ id: 'y', start: 6, end: 10 },
			{ id: 'z', start: 20, end: 48 }
		];
		const ps = segmentText(text, ranges);
		for (const p of ps) {
			expect(p.segments.map((s) => s.text).join('')).toBe(text.slice(p.start, p.end));
			p.segments.forEach((s, i) => i && expect(s.start).toBe(p.segments[i - 1].end));
		}
		// Each range's characters inside paragraphs are exactly those of the segments naming it.
		for (const r of ranges) {
			const marked = ps
				.flatMap((p) => p.segments)
				.filter((s) => s.ids.includes(r.id))
				.map((s) => s.text)
				.join('');
			expect(marked).toBe(text.slice(r.start, r.end).replace(/\n+/g, ''));
		}
	});
});
