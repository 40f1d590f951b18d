import { describe, expect, test } from 'vitest';
import { deckToJson, importDeckJson, jsonErrorAt } from './deck-json';
import { importDeckFiles } from './deck-import';
import { validateDeck } from './validate';
import { SOURCE, bigDeck, makeDeck } from './test-helpers';

describe('importDeckJson', () => {
	test('a deck with its source text inline imports as it is', () => {
		const deck = { ...makeDeck(), source: { ...makeDeck().source, file: undefined, text: SOURCE } };
		const result = importDeckJson(JSON.stringify(deck), 'mine.json');
		expect(result.ok).toBe(true);
		if (result.ok) {
			expect(result.deck.source.text).toBe(SOURCE);
			expect(result.deck.source).not.toHaveProperty('file');
			expect(result.deck.questions).toEqual(deck.questions);
		}
	});

	test('a bank deck naming source.file imports with the .txt chosen beside it, text inlined', () => {
		const result = importDeckJson(JSON.stringify(makeDeck()), 'deck.json', SOURCE);
		expect(result.ok && result.deck.source).toEqual({
			title: 'Test headline',
			published: '2026-01-13',
			text: SOURCE
		});
	});

	test('without any source text the deck is refused with one clear line', () => {
		expect(importDeckJson(JSON.stringify(makeDeck()), 'deck.json')).toEqual({
			ok: false,
			problems: [
				'deck.json: source: no source text to check the quotes against (give source.text, or source.file beside the deck)'
			]
		});
	});

	test('a syntax error names its line and column', () => {
		const text = '{\n  "id": "x",\n  "title": "T"\n  "language": "en"\n}';
		const result = importDeckJson(text, 'bad.json');
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.problems[0]).toMatch(/^bad\.json: not valid JSON: .*line 4/);
	});

	test('jsonErrorAt turns a parser position into a line and column', () => {
		expect(jsonErrorAt('{\n  "a": 1,\n  x}', 'Unexpected token x in JSON at position 14')).toBe(
			'line 3, column 3: Unexpected token x in JSON at position 14'
		);
	});

	test('a backup file is pointed to the settings page', () => {
		const backup = JSON.stringify({ format: 'current-affairs-recall-backup', log: [] });
		expect(importDeckJson(backup, 'backup.json')).toEqual({
			ok: false,
			problems: ['backup.json: this is a backup file, not a deck: import it on the Settings page']
		});
	});

	test('a field at fault is named by item and field', () => {
		const deck = makeDeck();
		deck.questions[0] = { ...deck.questions[0], prompt: '' };
		const result = importDeckJson(JSON.stringify(deck), 'deck.json', SOURCE);
		expect(result.ok).toBe(false);
		if (!result.ok)
			expect(result.problems).toContain('deck.json: question "q-mcq": prompt: must not be empty');
	});

	test('imported decks need each fact tested once, not twice', () => {
		const deck = makeDeck();
		deck.questions = deck.questions.filter((q) => q.id !== 'q-cloze');
		expect(validateDeck(deck, SOURCE, 'deck.json').ok).toBe(false);
		expect(importDeckJson(JSON.stringify(deck), 'deck.json', SOURCE).ok).toBe(true);
	});

	test('export then import gives the same deck', () => {
		const out = importDeckJson(deckToJson(makeDeck(), SOURCE), 'export.json');
		const { file: _f, ...source } = makeDeck().source;
		void _f;
		expect(out).toEqual({ ok: true, deck: { ...makeDeck(), source: { ...source, text: SOURCE } } });
	});
});

test('a 5 MB JSON deck imports whole', { timeout: 60_000 }, () => {
	const { deck, sourceText } = bigDeck(6000);
	const json = deckToJson(deck, sourceText);
	expect(json.length).toBeGreaterThan(5_000_000);
	const result = importDeckJson(json, 'big.json');
	expect(result.ok && [result.deck.facts.length, result.deck.questions.length]).toEqual([
		6000, 6000
	]);
});

describe('importDeckFiles', () => {
	const json = { name: 'deck.json', text: JSON.stringify(makeDeck()) };
	const txt = { name: 'source.txt', text: SOURCE };

	test('a JSON deck and its .txt import together', () => {
		const result = importDeckFiles([txt, json]);
		expect(result.ok && [result.format, result.fileName, result.deck.id]).toEqual([
			'json',
			'deck.json',
			'test'
		]);
	});

	test('a valid deck comes with its lint findings, and is imported all the same', () => {
		const deck = makeDeck();
		deck.questions[0].prompt = 'What did the SHANTI Bill open last week?';
		const result = importDeckFiles([txt, { name: 'deck.json', text: JSON.stringify(deck) }]);
		expect(result.ok).toBe(true);
		expect(result.ok && result.lint).toEqual([
			'error: question "q-mcq": prompt says "last week" without an absolute date in the same text (write "12 January 2026", "February 2026", or "as of 13 January 2026") [relative-time]'
		]);
		expect(importDeckFiles([txt, json])).toMatchObject({ ok: true, lint: [] });
	});

	test.each([
		[[], 'No deck file chosen: choose a .json or .csv deck'],
		[
			[json, { ...json, name: 'b.json' }],
			'2 deck files chosen (deck.json, b.json): import one at a time'
		],
		[
			[{ name: 'deck.xlsx', text: '' }],
			'deck.xlsx: not a deck file (choose a .json or .csv deck, and its .txt source)'
		],
		[
			[json, txt, { ...txt, name: 'b.txt' }],
			'More than one .txt chosen: choose the one source text the deck names'
		]
	])('files %# are refused: %s', (files, message) => {
		expect(importDeckFiles(files)).toEqual({ ok: false, problems: [message] });
	});
});
