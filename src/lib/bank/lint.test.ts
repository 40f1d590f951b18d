import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import * as z from 'zod/mini';
import { formatFinding, lintDeck, summariseLint, type LintRule } from './lint';
import { DeckSchema, type Deck, type Question } from './schema';
import { makeDeck } from './test-helpers';
import { validateIssues } from './validate';
import { claimsOfText, countOfText } from './lint/one-answer';

/** The deck with one question changed. */
function withQuestion(id: string, change: (q: Question) => Question): Deck {
	const deck = makeDeck();
	deck.questions = deck.questions.map((q) => (q.id === id ? change(structuredClone(q)) : q));
	return deck;
}

/** The deck with the mcq's options replaced (the first stays the key). */
const withOptions = (options: string[]) =>
	withQuestion('q-mcq', (q) => (q.type === 'mcq' ? { ...q, options } : q));

/** The deck with the statements' texts replaced (each keeps its fact and truth). */
const withStatements = (...texts: Array<string | undefined>) =>
	withQuestion('q-statements', (q) =>
		q.type === 'statements'
			? { ...q, statements: q.statements.map((st, i) => ({ ...st, text: texts[i] ?? st.text })) }
			: q
	);

const ofRule = (deck: Deck, rule: LintRule) => lintDeck(deck).filter((f) => f.rule === rule);
const lines = (deck: Deck, rule: LintRule) => ofRule(deck, rule).map((f) => formatFinding(f, deck));

/** A flashcard on `fact`, to raise a fact's question count. */
const card = (id: string, fact: string): Question => ({
	id,
	type: 'flashcard',
	prompt: 'Recall the fact.',
	answer: 'The fact.',
	explanation: 'As stated.',
	facts: [fact],
	difficulty: 1
});

describe('lintDeck', () => {
	test('the small test deck has no findings', () => {
		expect(lintDeck(makeDeck())).toEqual([]);
	});

	describe('relative-time', () => {
		test('a relative time word without an absolute date is an error naming the item and field', () => {
			const deck = withQuestion('q-mcq', (q) => ({
				...q,
				prompt: 'What did the Bill open next month?'
			}));
			expect(lines(deck, 'relative-time')).toEqual([
				'error: question "q-mcq": prompt says "next month" without an absolute date in the same text (write "12 January 2026", "February 2026", or "as of 13 January 2026") [relative-time]'
			]);
		});

		test('weekdays, "currently", "recently" and "now" are relative; fact statements are checked', () => {
			const deck = makeDeck();
			deck.facts[0].statement = 'On Monday the Bill currently and recently opened the sector, now.';
			expect(ofRule(deck, 'relative-time')).toMatchObject([
				{ path: ['facts', 0, 'statement'], severity: 'error' }
			]);
			expect(ofRule(deck, 'relative-time')[0].message).toContain(
				'"Monday", "currently", "recently", "now"'
			);
		});

		test('an absolute date in the same text anchors it; quotations are left alone', () => {
			const anchored = withQuestion('q-mcq', (q) => ({
				...q,
				prompt: 'What did the Bill open in the month after 13 January 2026 (“next month”)?',
				explanation: 'As of 13 January 2026, it currently opens the nuclear sector.'
			}));
			expect(ofRule(anchored, 'relative-time')).toEqual([]);
			const quoted = withQuestion('q-mcq', (q) => ({
				...q,
				explanation: 'The article says “a summit next month”.'
			}));
			expect(ofRule(quoted, 'relative-time')).toEqual([]);
		});

		test('options and parts are checked, each at its own path', () => {
			const deck = withStatements('SHANTI opens it this week.');
			expect(ofRule(deck, 'relative-time').map((f) => f.path)).toEqual([
				['questions', 1, 'statements', 0, 'text']
			]);
		});
	});

	describe('fact-balance', () => {
		test('a fact tested by one question is an error', () => {
			const deck = makeDeck();
			deck.questions = deck.questions.filter((q) => q.id !== 'q-cloze');
			expect(lines(deck, 'fact-balance')).toEqual([
				'error: fact "pax": is tested by 1 question(s); write at least 2 [fact-balance]'
			]);
		});

		test('more than six questions is a warning; six is fine', () => {
			const deck = makeDeck();
			deck.questions.push(...[1, 2, 3, 4].map((i) => card(`extra-${i}`, 'pax')));
			expect(ofRule(deck, 'fact-balance')).toEqual([]);
			deck.questions.push(card('extra-5', 'pax'));
			expect(lines(deck, 'fact-balance')).toEqual([
				'warning: fact "pax": is tested by 7 questions; more than 6 crowd out the other facts [fact-balance]'
			]);
		});
	});

	describe('give-aways', () => {
		test('a key more than a third longer than every distractor is a warning', () => {
			const deck = withOptions([
				'The door to limited private participation in the nuclear sector',
				'Dairy sector',
				'Grain market',
				'Oil fields'
			]);
			expect(ofRule(deck, 'key-length')).toMatchObject([
				{ path: ['questions', 0, 'options', 0], severity: 'warning' }
			]);
			expect(summariseLint(lintDeck(deck), deck).giveaways).toEqual(['q-mcq']);
		});

		test('a key within a third of the longest distractor passes', () => {
			const deck = withOptions([
				'Nuclear sector access',
				'Dairy sector access',
				'Grain market',
				'Oil fields'
			]);
			expect(ofRule(deck, 'key-length')).toEqual([]);
		});

		test('a key that is the only option of its opening, among distractors sharing one, is a warning', () => {
			const deck = withOptions([
				'Recognition of the sector',
				'That dairy opens',
				'That grain opens',
				'That oil opens'
			]);
			expect(lines(deck, 'key-form')).toEqual([
				'warning: question "q-mcq": options[0] is the key and the only option opening with "recognition"; the distractors share another opening [key-form]'
			]);
		});

		test('a key sharing its opening with a distractor passes', () => {
			const deck = withOptions([
				'That the sector opens',
				'That dairy opens',
				'That grain opens',
				'That oil opens'
			]);
			expect(ofRule(deck, 'key-form')).toEqual([]);
		});
	});

	describe('part-support', () => {
		test('a true part whose names are not in its fact is an error', () => {
			const deck = withStatements('Under Strategic Reset, the Bill opens the sector.');
			expect(lines(deck, 'part-support')).toEqual([
				'error: question "q-statements": statements[0].fact "shanti" does not support this part: "strategic reset" occur(s) in neither its quote nor its statement [part-support]'
			]);
		});

		test('numbers count: a true part with a figure its fact lacks is an error', () => {
			const deck = withStatements('SHANTI opens 25% of the nuclear sector.');
			expect(ofRule(deck, 'part-support')[0].message).toContain('"25"');
		});

		test('a false part may twist its fact with words from another fact, not with new names', () => {
			const swapped = withStatements(undefined, 'Pax Silica opens the door for SHANTI.');
			expect(ofRule(swapped, 'part-support')).toEqual([]);
			const invented = withStatements(undefined, 'Pax Silica is run by Diplomatic Flexibility.');
			expect(ofRule(invented, 'part-support')).toMatchObject([
				{ path: ['questions', 1, 'statements', 1, 'fact'], severity: 'error' }
			]);
		});

		test('a false part may change a number; a true part must match it, thousands commas aside', () => {
			const deck = withStatements('SHANTI opens 4,200 sites.', 'Pax Silica focuses on 25 sectors.');
			deck.facts[0].statement =
				'The SHANTI Bill opens 4200 sites to limited private participation.';
			expect(ofRule(deck, 'part-support')).toEqual([]);
		});

		test('match rows are checked, left and right together', () => {
			const deck = makeDeck();
			deck.questions.push({
				id: 'q-match',
				type: 'match',
				prompt: 'Match.',
				explanation: 'As stated.',
				facts: ['shanti', 'pax'],
				difficulty: 2,
				columns: ['Term', 'What'],
				pairs: [
					{ left: 'SHANTI', right: 'Nuclear sector', fact: 'shanti' },
					{ left: 'Pax Silica', right: 'Semiconductors and AI', fact: 'pax' },
					{ left: 'Timeline Acceleration', right: 'Semiconductors', fact: 'pax' }
				]
			});
			expect(ofRule(deck, 'part-support').map((f) => f.path)).toEqual([
				['questions', 3, 'pairs', 2, 'fact']
			]);
		});
	});

	describe('one-answer', () => {
		test('an option whose words say other parts than its claims is an error', () => {
			const deck = withQuestion('q-statements', (q) =>
				q.type === 'statements' && q.mode === 'which'
					? {
							...q,
							options: [
								{ text: '1 only', claims: [1] },
								{ text: '1 only', claims: [2] },
								q.options[2],
								q.options[3]
							]
						}
					: q
			);
			expect(lines(deck, 'one-answer')).toEqual([
				'error: question "q-statements": options[1].text says [1] but claims [2] [one-answer]',
				'error: question "q-statements": 2 options fit the parts\' truth values (options 0, 1): exactly one must [one-answer]'
			]);
		});

		test('a how-many option whose words say another count is an error', () => {
			const deck = withQuestion(
				'q-statements',
				(q) =>
					({
						...(q as Extract<Question, { type: 'statements' }>),
						mode: 'how_many',
						options: [
							{ text: 'Only one', count: 1 },
							{ text: 'Only two', count: 0 },
							{ text: 'None', count: 2 }
						],
						answer: 0
					}) as Question
			);
			expect(ofRule(deck, 'one-answer').map((f) => f.message)).toEqual([
				'says 2 but its count is 0',
				'says 0 but its count is 2'
			]);
		});

		test('an assertion and reason, both true and restating one fact, are an error', () => {
			const ar = (reasonFact: string): Question => ({
				id: 'q-ar',
				type: 'assertion_reason',
				style: 'assertion_reason',
				prompt: 'Read A and R.',
				explanation: 'As stated.',
				facts: reasonFact === 'shanti' ? ['shanti'] : ['shanti', reasonFact],
				difficulty: 3,
				assertion: { text: 'SHANTI opens the nuclear sector.', fact: 'shanti', correct: true },
				reason: { text: 'Pax Silica focuses on semiconductors.', fact: reasonFact, correct: true },
				explains: false
			});
			const one = makeDeck();
			one.questions.push(ar('shanti'));
			one.facts[1].quote = one.facts[0].quote; // keep the reason's words supported
			expect(ofRule(one, 'one-answer')).toMatchObject([
				{ path: ['questions', 3, 'reason', 'fact'], severity: 'error' }
			]);
			const two = makeDeck();
			two.questions.push(ar('pax'));
			expect(ofRule(two, 'one-answer')).toEqual([]);
		});

		test('reads the exam wordings of options', () => {
			expect(claimsOfText('1, 2 and 4 only', 4)).toEqual([1, 2, 4]);
			expect(claimsOfText('Both 1 and 2', 2)).toEqual([1, 2]);
			expect(claimsOfText('Neither 1 nor 2', 2)).toEqual([]);
			expect(claimsOfText('1, 2 and 3', 3)).toEqual([1, 2, 3]);
			expect(claimsOfText('All of the above', 3)).toEqual([1, 2, 3]);
			expect(claimsOfText('Something else', 3)).toBeNull();
			expect(countOfText('All four')).toBe(4);
			expect(countOfText('Only three')).toBe(3);
			expect(countOfText('None')).toBe(0);
		});
	});
});

describe('the built-in deck', () => {
	const raw = JSON.parse(readFileSync('questions/india-us-2026-01/deck.json', 'utf8'));
	const source = readFileSync('questions/india-us-2026-01/source.txt', 'utf8');

	test('is valid and has no lint errors', () => {
		expect(validateIssues(raw, source)).toMatchObject({ ok: true });
		const deck = z.parse(DeckSchema(), raw);
		expect(
			lintDeck(deck)
				.filter((f) => f.severity === 'error')
				.map((f) => formatFinding(f, deck))
		).toEqual([]);
	});
});
