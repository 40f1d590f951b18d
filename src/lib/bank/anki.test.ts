import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { ankiField, deckToAnki, scramble } from './anki';
import { TEMPLATE_DECK } from './csv-template';
import type { Deck, Question } from './schema';

const root = new URL('../../../', import.meta.url);
const BANK_DECK: Deck = JSON.parse(
	readFileSync(new URL('questions/india-us-2026-01/deck.json', root), 'utf8')
);

const HEADER_LINES = 6;

/** The notes of an export as [front, back, tags], read back the way Anki's CSV reader does. */
function notesOf(text: string): string[][] {
	const body = text.split('\n').slice(HEADER_LINES).join('\n');
	const parsed = Papa.parse<string[]>(body, {
		delimiter: '\t',
		quoteChar: '"',
		skipEmptyLines: true
	});
	expect(parsed.errors).toEqual([]);
	return parsed.data;
}

function noteOf(deck: Deck, id: string): { front: string; back: string; tags: string } {
	const [front, back, tags] = notesOf(deckToAnki(deck))[
		deck.questions.findIndex((q) => q.id === id)
	];
	return { front, back, tags };
}

/** The template deck with one question changed. */
function withQuestion(id: string, change: (q: Question) => Question): Deck {
	const deck = structuredClone(TEMPLATE_DECK);
	deck.questions = deck.questions.map((q) => (q.id === id ? change(q) : q));
	return deck;
}

describe('deckToAnki', () => {
	test('the file opens with the header lines Anki reads', () => {
		expect(deckToAnki(TEMPLATE_DECK).split('\n').slice(0, HEADER_LINES)).toEqual([
			'#separator:tab',
			'#html:false',
			'#notetype:Basic',
			'#deck:Example: Lakeside opens a solar farm',
			'#columns:Front\tBack\tTags',
			'#tags column:3'
		]);
	});

	test('every question becomes one note of three fields', () => {
		for (const deck of [TEMPLATE_DECK, BANK_DECK]) {
			const notes = notesOf(deckToAnki(deck));
			expect(notes).toHaveLength(deck.questions.length);
			for (const note of notes) expect(note).toHaveLength(3);
		}
	});

	test('a field with quotes, line breaks and tabs reads back as written, tabs as spaces', () => {
		const deck = withQuestion('designer-flashcard', (q) => ({
			...q,
			prompt: 'Who “designed” the "Lakeside"\tsolar farm?\nName the person.',
			explanation: 'Line one.\nLine "two".'
		}));
		const { front, back } = noteOf(deck, 'designer-flashcard');
		expect(front).toBe('Who “designed” the "Lakeside" solar farm?\nName the person.');
		expect(back).toContain('Line one.\nLine "two".');
		expect(ankiField('say "hi"')).toBe('"say ""hi"""');
		expect(ankiField('plain')).toBe('plain');
	});

	test('the back holds the answer, the explanation and the quote of each tested fact', () => {
		expect(noteOf(TEMPLATE_DECK, 'panels-mcq').back).toBe(
			'(b) 4,200\n\n' +
				'The farm has 4,200 panels. 1,500 is the number of homes it can power.\n\n' +
				'Source: “The farm has 4,200 panels”'
		);
	});

	test('the tags are the topics of the tested facts and the question type', () => {
		expect(noteOf(TEMPLATE_DECK, 'panels-mcq').tags).toBe('energy mcq');
		expect(noteOf(TEMPLATE_DECK, 'money-statements').tags).toBe('money statements');
		expect(noteOf(TEMPLATE_DECK, 'people-match').tags).toBe('people match');
	});

	test('choice questions show their options lettered, composite ones their parts', () => {
		expect(noteOf(TEMPLATE_DECK, 'panels-mcq').front).toBe(
			'How many panels does the Lakeside solar farm have?\n\n(a) 1,500\n(b) 4,200\n(c) 3,100\n(d) 50'
		);
		const statements = noteOf(TEMPLATE_DECK, 'farm-size-statements').front;
		expect(statements).toContain('1. It has 4,200 panels.\n2. It can power about 15,000 homes.');
		expect(statements).toContain('Which of the statements given above is/are correct?');
		expect(statements).toContain('(d) Neither 1 nor 2');
		expect(noteOf(TEMPLATE_DECK, 'figures-pairs').front).toContain('1. 4,200 — Panels on the farm');
		expect(noteOf(TEMPLATE_DECK, 'grid-assertion-reason').front).toContain(
			'Assertion (A): The Lakeside solar farm was connected to the grid in February 2026.\nReason (R): '
		);
		expect(noteOf(TEMPLATE_DECK, 'funding-statement-i-ii').front).toContain('Statement-II: ');
		expect(noteOf(TEMPLATE_DECK, 'region-share-true-false').front).toBe(
			'True or false?\n\nThe regional government paid 40% of the cost of the solar farm.'
		);
	});

	test('no field carries HTML: the notes are text only', () => {
		for (const note of notesOf(deckToAnki(BANK_DECK)))
			for (const field of note) expect(field).not.toMatch(/<\/?[a-z][^>]*>/i);
	});

	test('an order question never lists its items in the right order', () => {
		const orders = [...BANK_DECK.questions, ...TEMPLATE_DECK.questions].filter(
			(q) => q.type === 'order'
		);
		expect(orders.length).toBeGreaterThan(1);
		for (const q of orders) {
			const deck = BANK_DECK.questions.includes(q) ? BANK_DECK : TEMPLATE_DECK;
			const listed = noteOf(deck, q.id).front.match(/^\([a-z]\) .*$/gm) ?? [];
			const items = listed.map((line) => line.slice(4));
			expect([...items].sort()).toEqual(q.items.map((it) => it.text).sort());
			expect(items).not.toEqual(q.items.map((it) => it.text));
		}
	});

	test('a match question does not list the right column in the order of the left', () => {
		const front = noteOf(TEMPLATE_DECK, 'people-match').front;
		const rights = (front.match(/^\([a-z]\) .*$/gm) ?? []).map((line) => line.slice(4));
		expect(rights).not.toEqual([
			'Cut the ribbon as mayor',
			'Designed the site',
			'Named the farm “Sunfield”'
		]);
		expect(front).toContain('Person:\n1. Ana Ruiz\n2. Tom Okafor\n3. School pupils');
	});
});

describe('scramble', () => {
	test('the same seed gives the same order, and never the original one', () => {
		for (let n = 2; n <= 6; n++) {
			const items = Array.from({ length: n }, (_, i) => i);
			for (const seed of ['a', 'b', 'order-q', 'x-1', 'x-2', 'x-3']) {
				expect(scramble(items, seed)).toEqual(scramble(items, seed));
				expect(scramble(items, seed)).not.toEqual(items);
				expect([...scramble(items, seed)].sort()).toEqual(items);
			}
		}
	});
});
