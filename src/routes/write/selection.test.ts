import { describe, expect, it } from 'vitest';
import {
	extendBy,
	selectNext,
	selectPrevious,
	sentences,
	shrinkBy,
	words,
	type Unit
} from './selection';

const TEXT = `India signed a pact on 2 February 2026. The tariff fell to 18 per cent! Was it “fair?” Yes.

The RBI held its rate at 5.25 per cent (6 February 2026). Inflation was 1.3 per cent`;

const texts = (text: string, units: readonly Unit[]) =>
	units.map((u) => text.slice(u.start, u.end));
const show = (sel: Unit | null) => (sel ? TEXT.slice(sel.start, sel.end) : null);

describe('sentences', () => {
	it('cuts each paragraph at . ! ? (closing quotes kept), never across paragraphs', () => {
		expect(texts(TEXT, sentences(TEXT))).toEqual([
			'India signed a pact on 2 February 2026.',
			'The tariff fell to 18 per cent!',
			'Was it “fair?”',
			'Yes.',
			'The RBI held its rate at 5.25 per cent (6 February 2026).',
			'Inflation was 1.3 per cent'
		]);
	});
	it('a decimal point does not end a sentence; an empty article has none', () => {
		expect(sentences('It was 5.25 per cent. Then 4.4.').length).toBe(2);
		expect(sentences('')).toEqual([]);
	});
});

describe('words', () => {
	it('keeps figures, hyphenated years and apostrophes whole, and leaves punctuation and quotes out', () => {
		const text = 'India’s deficit: 4.4% of GDP in 2026-27, “₹1,000 crore” (rs.) — fair?';
		expect(texts(text, words(text))).toEqual([
			'India’s',
			'deficit',
			'4.4%',
			'of',
			'GDP',
			'in',
			'2026-27',
			'₹1,000',
			'crore',
			'rs',
			'fair'
		]);
		expect(words('  — … ')).toEqual([]);
	});
});

describe('selecting and extending by unit', () => {
	const s = sentences(TEXT);
	const w = words(TEXT);
	it('next and previous: the first or last with nothing selected, then in order, stopping at the ends', () => {
		expect(show(selectNext(s, null))).toBe('India signed a pact on 2 February 2026.');
		expect(show(selectPrevious(s, null))).toBe('Inflation was 1.3 per cent');
		const first = selectNext(w, null);
		expect(show(first)).toBe('India');
		expect(show(selectNext(w, first))).toBe('signed');
		expect(show(selectPrevious(w, first))).toBe('India');
		const last = selectPrevious(w, null);
		expect(show(last)).toBe('cent');
		expect(show(selectNext(w, last))).toBe('cent');
		expect(selectNext([], null)).toBeNull();
		expect(selectPrevious([], null)).toBeNull();
	});
	it('a word, extended by words, then by a sentence to its end; shrunk back word by word', () => {
		const at = TEXT.indexOf('held');
		let sel = selectNext(w, { start: at - 1, end: at - 1 });
		expect(show(sel)).toBe('held');
		for (let i = 0; i < 3; i++) sel = extendBy(w, sel);
		expect(show(sel)).toBe('held its rate at');
		sel = extendBy(w, sel);
		expect(show(sel)).toBe('held its rate at 5.25');
		expect(show(shrinkBy(w, sel))).toBe('held its rate at');
		expect(show(extendBy(s, sel))).toBe('held its rate at 5.25 per cent (6 February 2026).');
		// Never shrunk to nothing: one word stays.
		const one = selectNext(w, null);
		expect(shrinkBy(w, one)).toEqual(one);
		expect(shrinkBy(w, null)).toBeNull();
	});
	it('sentences extend and shrink as a span; extending stops at the last', () => {
		let sel = selectNext(s, null);
		sel = extendBy(s, sel);
		expect(show(sel)).toBe(
			'India signed a pact on 2 February 2026. The tariff fell to 18 per cent!'
		);
		expect(show(shrinkBy(s, sel))).toBe('India signed a pact on 2 February 2026.');
		expect(show(selectNext(s, sel))).toBe('Was it “fair?”');
		expect(show(extendBy(s, null))).toBe('India signed a pact on 2 February 2026.');
		const last = selectPrevious(s, null);
		expect(extendBy(s, last)).toEqual(last);
	});
	it('a selection made by pointer is a start like any other', () => {
		const at = TEXT.indexOf('tariff');
		const pointer = { start: at, end: at + 'tariff fell'.length };
		expect(show(extendBy(w, pointer))).toBe('tariff fell to');
		expect(show(selectNext(s, pointer))).toBe('Was it “fair?”');
	});
});
