import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { ankiField, deckToAnki, scramble } from './anki';
import { TEMPLATE_DECK } from './csv-template';
import type { Deck } from './schema';

const root = new URL('../../../', import.meta.url);
const BANK_DECK: Deck = JSON.parse(
	readFileSync(new URL('questions/india-us-2026-01/deck.json', root), 'utf8')
);

const HEADER_LINES = 6;

const SEPARATORS: Record<string, string> = {
	comma: ',',
	semicolon: ';',
	tab: '\t',
	space: ' ',
	pipe: '|',
	colon: ':'
};

/**
 * The records of an Anki text file, read by the rules of Anki's importer (written here from
 * them, so that the export is not checked against itself): the separator comes from a
 * `#separator:` line among the `#` lines that open the file; the notes are read by the Rust
 * `csv` crate with `#` as comment character, `flexible`, no header row. In that reader a record
 * that starts with `#` is a comment up to the next line feed; blank lines are skipped; a field
 * that starts with `"` is quoted, `""` in it is one quote, and anything after its closing quote
 * up to the separator is kept as text; outside quotes, CR, LF or CRLF ends the record.
 */
function ankiRecords(text: string): string[][] {
	let separator: string | undefined;
	for (const line of text.split('\n')) {
		if (!line.startsWith('#')) break;
		const m = /^#([^:]*):(.*?)\r?$/.exec(line);
		if (m?.[1].trim().toLowerCase() !== 'separator') continue;
		const value = m[2].toLowerCase();
		separator = SEPARATORS[value.trim()] ?? (value.length === 1 ? value : undefined);
	}
	if (!separator) throw new Error('no #separator: line');
	const records: string[][] = [];
	let record: string[] = [];
	let field = '';
	let state: 'record' | 'comment' | 'field-start' | 'field' | 'quoted' | 'quote' = 'record';
	const endField = () => {
		record.push(field);
		field = '';
	};
	const endRecord = () => {
		endField();
		records.push(record);
		record = [];
		state = 'record';
	};
	for (const c of text) {
		const end = c === '\r' || c === '\n';
		if (state === 'record') {
			if (end) continue;
			if (c === '#') {
				state = 'comment';
				continue;
			}
			state = 'field-start';
		}
		if (state === 'comment') {
			if (c === '\n') state = 'record';
		} else if (state === 'field-start' && c === '"') state = 'quoted';
		else if (state === 'quoted') {
			if (c === '"') state = 'quote';
			else field += c;
		} else if (state === 'quote' && c === '"') {
			field += '"';
			state = 'quoted';
		} else if (c === separator) {
			endField();
			state = 'field-start';
		} else if (end) endRecord();
		else {
			field += c;
			state = 'field';
		}
	}
	if (state !== 'record' && state !== 'comment') endRecord();
	return records;
}

function noteOf(deck: Deck, id: string): { front: string; back: string; tags: string } {
	const [front, back, tags] = ankiRecords(deckToAnki(deck))[
		deck.questions.findIndex((q) => q.id === id)
	];
	return { front, back, tags };
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
			const notes = ankiRecords(deckToAnki(deck));
			expect(notes).toHaveLength(deck.questions.length);
			for (const note of notes) expect(note).toHaveLength(3);
		}
	});

	test('fields that start with #, or hold tabs, quotes or line breaks, read back exactly', () => {
		const awkward = [
			'#1 Which state signed first?',
			'# heading-like',
			'Who “designed” the "Lakeside"\tsolar farm?\nName the person.',
			'"Quoted" at the start',
			'Tab\tin the middle',
			'Ends with a line break\n',
			'#tag\t"both"\n#second line'
		];
		const deck = structuredClone(TEMPLATE_DECK);
		const flashcard = deck.questions.find((q) => q.type === 'flashcard')!;
		deck.questions = awkward.map((prompt, i) => ({
			...flashcard,
			id: `awkward-${i}`,
			prompt,
			explanation: `#${i} explained:\n"see" the\tsource`
		}));
		const notes = ankiRecords(deckToAnki(deck));
		expect(notes).toHaveLength(awkward.length);
		notes.forEach(([front, back, tags], i) => {
			expect(front).toBe(awkward[i]);
			expect(back).toContain(`\n\n#${i} explained:\n"see" the\tsource\n\n`);
			expect(tags).toBe(noteOf(TEMPLATE_DECK, flashcard.id).tags);
		});
		expect(ankiField('say "hi"')).toBe('"say ""hi"""');
		expect(ankiField('#1 first')).toBe('"#1 first"');
		expect(ankiField('a\r\nb')).toBe('"a\nb"');
		expect(ankiField('plain, with # inside')).toBe('plain, with # inside');
	});

	test('the reference reader follows the importer: comments, blank lines, quotes', () => {
		const file = '#separator:Pipe\n#html:false\na|b\n\n#c|d\n"e|""f"""x|g\r\nh|"i\nj"\n"k';
		expect(ankiRecords(file)).toEqual([['a', 'b'], ['e|"f"x', 'g'], ['h', 'i\nj'], ['k']]);
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
		for (const note of ankiRecords(deckToAnki(BANK_DECK)))
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
