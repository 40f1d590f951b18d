/**
 * The draft generators: every type's draft of a fully specified input is a valid, lint-clean
 * question in a deck; every type's default draft parses and names its facts; the exam's option
 * sets fit the parts; a cloze blanks what was selected.
 */
import { describe, expect, test } from 'vitest';
import * as z from 'zod/mini';
import { lintDeck } from '../bank/lint';
import { claimsOfText, countOfText } from '../bank/lint/one-answer';
import type { Deck, Fact, Question } from '../bank/schema';
import { validateIssues } from '../bank/validate';
import { grade } from '../srs/grade';
import { QUESTION_TYPES, QUESTION_TYPE_DEFS, partsOf, type QuestionTypeId } from '.';
import { arAnswer } from './assertion_reason';
import {
	DRAFTS,
	arDraft,
	blankOut,
	clozeDraft,
	draftQuestion,
	firstFigure,
	fittingOption,
	howManyOptions,
	mcqDraft,
	pairsDraft,
	statementsDraft,
	trueFalseDraft,
	unedited,
	whichOptions,
	type DraftInput
} from './drafts';

const SOURCE = [
	'The SHANTI Bill opens the nuclear sector to limited private participation.',
	'Pax Silica focuses on semiconductors, advanced manufacturing and AI.',
	'The United States imposed tariffs of 50 per cent on Indian exports.',
	'Marco Rubio spoke with S. Jaishankar on 13 January 2026.',
	'Sergio Gor is the U.S. Ambassador to India.',
	'Critical minerals supply chains are essential for clean energy.'
].join('\n\n');

const fact = (id: string, statement: string): Fact => ({
	id,
	statement,
	quote: statement.replace(/\.$/, ''),
	topics: ['ties'],
	asOf: '2026-01-13',
	volatile: false
});

const FACTS: Fact[] = SOURCE.split('\n\n').map((s, i) =>
	fact(['shanti', 'pax', 'tariff', 'call', 'gor', 'minerals'][i], s)
);
const [shanti, pax, tariff, call, gor, minerals] = FACTS;

/** For each type, an input that leaves the author nothing to write. */
const FULL: { [K in QuestionTypeId]: Parameters<(typeof DRAFTS)[K]['make']>[0] } = {
	flashcard: { id: 'q', facts: [gor], prompt: 'Who is the U.S. Ambassador to India?' },
	mcq: {
		id: 'q',
		facts: [shanti],
		distractors: [
			'The SHANTI Bill opens the dairy sector to limited private participation.',
			'The SHANTI Bill closes the nuclear sector to all private participation.',
			'The SHANTI Bill opens the oil sector to unlimited foreign participation.'
		]
	},
	multi: {
		id: 'q',
		facts: [shanti, pax],
		distractors: [
			'The SHANTI Bill opens the dairy sector to private participation.',
			'Pax Silica focuses on textiles, shipping and steel.'
		]
	},
	true_false: {
		id: 'q',
		facts: [tariff],
		answer: false,
		statement: 'The United States imposed tariffs of 25 per cent on Indian exports.'
	},
	cloze: { id: 'q', facts: [pax], blanks: [[22, 37]], alsoAccepted: ['chips'] },
	numeric: {
		id: 'q',
		facts: [tariff],
		prompt: 'At what rate, in per cent, did the United States impose tariffs on Indian exports?'
	},
	match: {
		id: 'q',
		facts: [shanti, pax, gor],
		prompt: 'Match the names with what the article says of them:',
		columns: ['Name', 'What it is'],
		rows: [
			{ left: 'SHANTI Bill', right: 'Opens the nuclear sector' },
			{ left: 'Pax Silica', right: 'Focuses on semiconductors' },
			{ left: 'Sergio Gor', right: 'Ambassador to India' }
		]
	},
	order: {
		id: 'q',
		facts: [shanti, call, minerals],
		items: ['The SHANTI Bill', 'The Rubio–Jaishankar call', 'Critical minerals']
	},
	statements: {
		id: 'q',
		facts: [shanti, pax, tariff],
		truth: [true, false, true],
		texts: [
			shanti.statement,
			'Pax Silica focuses on dairy and grain.',
			'The United States imposed tariffs on Indian exports.'
		]
	},
	pairs: {
		id: 'q',
		mode: 'how_many',
		facts: [shanti, pax, gor],
		truth: [true, true, false],
		columns: ['Name', 'What it is'],
		rows: [
			{ left: 'SHANTI Bill', right: 'Nuclear sector' },
			{ left: 'Pax Silica', right: 'Semiconductors' },
			{ left: 'Sergio Gor', right: 'Ambassador to Pax Silica' }
		]
	},
	assertion_reason: { id: 'q', facts: [minerals, pax], explains: true }
};

/** A deck of the six facts, each also tested by a true/false and a flashcard, and `q`. */
function deckWith(q: Question): Deck {
	const companions = FACTS.flatMap((f): Question[] => [
		trueFalseDraft({ id: `${f.id}-tf`, facts: [f] }),
		{ ...draftQuestion('flashcard', { id: `${f.id}-fc`, facts: [f] }), prompt: `Recall ${f.id}.` }
	]);
	return {
		id: 'drafts',
		title: 'Drafts',
		language: 'en',
		version: 1,
		asOf: '2026-01-13',
		source: { title: 'India and the U.S.', published: '2026-01-13', text: SOURCE },
		topics: [{ id: 'ties', label: 'Ties' }],
		facts: FACTS,
		questions: [q, ...companions]
	};
}

describe('every type: a fully specified draft', () => {
	test.each(QUESTION_TYPES)('%s passes the deck validator and the lint', (type) => {
		const q = draftQuestion(type, FULL[type] as DraftInput) as Question;
		expect(q.type).toBe(type);
		expect(unedited(q)).toEqual([]);
		const deck = deckWith(q);
		const result = validateIssues(deck, SOURCE);
		expect(result.ok ? [] : result.issues).toEqual([]);
		expect(lintDeck(deck)).toEqual([]);
	});

	test.each(QUESTION_TYPES)('%s names the facts it was made from', (type) => {
		const input = FULL[type] as DraftInput;
		const q = draftQuestion(type, input) as Question;
		expect(q.facts).toEqual(input.facts.map((f) => f.id));
		const parts = partsOf(q).map((p) => p.fact);
		if (parts.length) expect(parts).toEqual(q.facts);
	});
});

describe('every type: a draft from facts alone', () => {
	test.each(QUESTION_TYPES)('%s parses by its schema and names its facts', (type) => {
		const { min, max } = DRAFTS[type].facts;
		for (const n of [min, max]) {
			const facts = [...FACTS, ...FACTS].slice(0, n).map((f, i) => ({ ...f, id: `${f.id}-${i}` }));
			const q = draftQuestion(type, { id: `draft-${type.replace(/_/g, '-')}`, facts });
			const parsed = z.safeParse(QUESTION_TYPE_DEFS[type].schema(), q);
			expect(parsed.success, `${type} from ${n}: ${parsed.error?.message}`).toBe(true);
			expect(q.facts).toEqual(facts.map((f) => f.id));
		}
	});

	test('the text left to the author is marked, and found', () => {
		const q = trueFalseDraft({ id: 'q', facts: [shanti], answer: false });
		expect(q.statement).toBe(`[edit] make this false: ${shanti.statement}`);
		expect(unedited(q)).toEqual([expect.objectContaining({ path: ['statement'] })]);
		const s = statementsDraft({ id: 's', facts: [shanti, pax], truth: [true, false] });
		expect(unedited(s).map((i) => i.path)).toEqual([['statements', 1, 'text']]);
		expect(unedited(mcqDraft({ id: 'm', facts: [pax] })).length).toBe(3);
	});

	test('a true/false draft is the fact, true', () => {
		const q = trueFalseDraft({ id: 'q', facts: [pax] });
		expect([q.statement, q.answer, q.prompt]).toEqual([pax.statement, true, 'True or false?']);
	});
});

describe('statements and pairs: the standard options', () => {
	test('three statements, all correct, "which": the usual set', () => {
		const { options, answer } = whichOptions([true, true, true]);
		expect(options.map((o) => o.text)).toEqual([
			'1 only',
			'1 and 2 only',
			'2 and 3 only',
			'1, 2 and 3'
		]);
		expect(answer).toBe(3);
	});

	test('three statements, "how many": one, two, all three, none', () => {
		const { options, answer } = howManyOptions([true, false, true]);
		expect(options.map((o) => o.text)).toEqual(['Only one', 'Only two', 'All three', 'None']);
		expect(answer).toBe(1);
	});

	test("two statements: the exam's words", () => {
		expect(whichOptions([false, false]).options.map((o) => o.text)).toEqual([
			'1 only',
			'2 only',
			'Both 1 and 2',
			'Neither 1 nor 2'
		]);
		expect(howManyOptions([true, true]).options.map((o) => o.text)).toEqual([
			'Only one',
			'Both',
			'None'
		]);
	});

	test.each([2, 3, 4])(
		'every truth of %i parts: one option fits, its words say its claims',
		(n) => {
			for (let bits = 0; bits < 2 ** n; bits++) {
				const truth = Array.from({ length: n }, (_, i) => Boolean(bits & (1 << i)));
				const which = whichOptions(truth);
				expect(which.options.length).toBe(4);
				for (const o of which.options) expect(claimsOfText(o.text, n)).toEqual(o.claims);
				const fits = which.options.filter((_, i) => fittingOption([which.options[i]], truth) === 0);
				expect(fits.length).toBe(1);
				expect(fittingOption(which.options, truth)).toBe(which.answer);
				const many = howManyOptions(truth);
				for (const o of many.options)
					if (o.text !== 'Both') expect(countOfText(o.text)).toBe(o.count);
				expect(many.options[many.answer].count).toBe(truth.filter(Boolean).length);
				expect(new Set(many.options.map((o) => o.count)).size).toBe(many.options.length);
			}
		}
	);

	test("the draft's answer is graded right", () => {
		const q = pairsDraft({ id: 'p', facts: [shanti, pax, gor], truth: [false, true, true] });
		expect(q.options[q.answer].text).toBe('2 and 3 only');
		expect(grade(q, { kind: 'choices', choices: [q.answer] }).correct).toBe(true);
		expect(q.pairs[0].right).toMatch(/^\[edit\] make this false/);
	});
});

describe('assertion and reason', () => {
	test.each([
		[true, true, true, 0],
		[true, true, false, 1],
		[true, false, true, 2],
		[false, true, false, 3]
	] as const)('A %s, R %s, explains %s: option %i', (a, r, explains, answer) => {
		const q = arDraft({ id: 'q', facts: [shanti, pax], truth: [a, r], explains });
		expect(arAnswer(q)).toBe(answer);
		expect(q.explains).toBe(explains && a && r);
	});

	test('Statement-I/II: its own prompt', () => {
		const q = arDraft({ id: 'q', facts: [shanti, pax], style: 'statement_i_ii' });
		expect(q.prompt).toBe('Consider the following statements:');
		expect([q.assertion.fact, q.reason.fact]).toEqual(['shanti', 'pax']);
	});
});

describe('cloze: blanking the selection', () => {
	const text = pax.statement; // Pax Silica focuses on semiconductors, advanced manufacturing and AI.
	const at = (word: string) => [text.indexOf(word), text.indexOf(word) + word.length] as const;

	test('the selected words become ___ and the accepted answer', () => {
		const q = clozeDraft({ id: 'q', facts: [pax], blanks: [at('semiconductors')] });
		expect(q.prompt).toBe('Pax Silica focuses on ___, advanced manufacturing and AI.');
		expect(q.accepted).toEqual(['semiconductors']);
	});

	test('space and punctuation at the edges stay in the sentence', () => {
		const [s, e] = at('AI.');
		expect(blankOut(text, [[s - 1, e]])).toEqual({
			prompt: 'Pax Silica focuses on semiconductors, advanced manufacturing and ___.',
			blanks: ['AI']
		});
	});

	test('ranges that touch or overlap are one blank; ranges apart are two', () => {
		const [a] = at('advanced');
		const [, b] = at('manufacturing');
		expect(
			blankOut(text, [
				[b - 13, b],
				[a, a + 8],
				[a + 2, a + 12]
			]).blanks
		).toEqual(['advanced manufacturing']);
		expect(blankOut(text, [at('manufacturing'), at('advanced')]).prompt).toBe(
			'Pax Silica focuses on semiconductors, ___ and AI.'
		);
		expect(blankOut(text, [at('Pax'), at('AI')]).prompt).toBe(
			'___ Silica focuses on semiconductors, advanced manufacturing and ___.'
		);
	});

	test('an empty or out-of-range selection blanks nothing', () => {
		expect(
			blankOut(text, [
				[5, 5],
				[-3, 0],
				[900, 1000],
				[3, 4]
			])
		).toEqual({
			prompt: text,
			blanks: []
		});
	});
});

describe('numeric: the figure in the statement', () => {
	test.each([
		['tariffs of 50 per cent on exports', { value: 50, unit: '%' }],
		['a deal worth 1,200 crore', { value: 1200 }],
		['grew 7.5% in 2025', { value: 7.5, unit: '%' }],
		['no figure here', null]
	])('%s', (text, figure) => expect(firstFigure(text)).toEqual(figure));
});

describe('mcq: the key', () => {
	test("the fact's statement, placed by the id, the same each time", () => {
		const places = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((id) => {
			const q = mcqDraft({ id, facts: [pax] });
			expect(q.options[q.answer]).toBe(pax.statement);
			expect(mcqDraft({ id, facts: [pax] })).toEqual(q);
			return q.answer;
		});
		expect(new Set(places).size).toBeGreaterThan(1);
	});
});
