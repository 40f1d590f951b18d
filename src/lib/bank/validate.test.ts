import { describe, expect, test } from 'vitest';
import {
	formatIssue,
	normaliseForQuote,
	validateDeck,
	validateIssues,
	type Issue
} from './validate';
import type { Deck, Question } from './schema';
import { SOURCE, makeDeck } from './test-helpers';

const FILE = 'questions/test/deck.json';

/** The deck with one question replaced by a modified copy. */
function withQuestion(id: string, change: (q: Question) => unknown): Deck {
	const deck = makeDeck();
	deck.questions = deck.questions.map((q) =>
		q.id === id ? (change(structuredClone(q)) as Question) : q
	);
	return deck;
}

function problemsOf(deck: unknown): string[] {
	return validateDeck(deck, SOURCE, FILE).problems;
}

describe('validateDeck', () => {
	test('a well-formed deck passes with no problems', () => {
		const result = validateDeck(makeDeck(), SOURCE, FILE);
		expect(result.problems).toEqual([]);
		expect(result.ok).toBe(true);
	});

	test('a schema error names the file, the question and the field', () => {
		const deck = withQuestion('q-mcq', (q) => ({ ...q, options: ['only one'] }));
		expect(problemsOf(deck)).toEqual([
			`${FILE}: question "q-mcq": options: Too small: expected array to have >=2 items`
		]);
	});

	test('an unknown question type is reported at its question', () => {
		const deck = withQuestion('q-cloze', (q) => ({ ...q, type: 'essay' }));
		expect(problemsOf(deck)[0]).toMatch(/^questions\/test\/deck\.json: question "q-cloze": type: /);
	});

	test('an extra field is refused rather than silently ignored', () => {
		const deck = withQuestion('q-mcq', (q) => ({ ...q, answr: 1 }));
		expect(problemsOf(deck)).toEqual([`${FILE}: question "q-mcq": Unrecognized key: "answr"`]);
	});

	test('a repeated option is named with both indices', () => {
		const deck = withQuestion('q-mcq', (q) => ({
			...q,
			options: ['Nuclear sector', 'Dairy sector', 'Grain market', ' dairy  sector']
		}));
		expect(problemsOf(deck)).toEqual([`${FILE}: question "q-mcq": options[3] repeats options[1]`]);
	});

	test('an answer index out of range is reported', () => {
		const deck = withQuestion('q-mcq', (q) => ({ ...q, answer: 4 }));
		expect(problemsOf(deck)).toEqual([
			`${FILE}: question "q-mcq": answer 4 is out of range (options has 4)`
		]);
	});

	test('a repeated fact id is reported', () => {
		const deck = makeDeck();
		deck.facts.push({ ...deck.facts[0] });
		expect(problemsOf(deck)).toContain(`${FILE}: fact "shanti": id repeats facts[0] (facts[2])`);
	});

	test('a repeated question id is reported', () => {
		const deck = makeDeck();
		deck.questions.push({ ...deck.questions[0] });
		expect(problemsOf(deck)).toContain(
			`${FILE}: question "q-mcq": id repeats questions[0] (questions[3])`
		);
	});

	test('a reference to a fact that does not exist is reported', () => {
		const deck = withQuestion('q-mcq', (q) => ({ ...q, facts: ['shanti', 'shanty'] }));
		expect(problemsOf(deck)).toContain(
			`${FILE}: question "q-mcq": facts[1] "shanty" is not a fact of this deck`
		);
	});

	test('a part whose fact the question does not list is reported', () => {
		const deck = withQuestion('q-statements', (q) => ({ ...q, facts: ['shanti'] }));
		expect(problemsOf(deck)).toContain(
			`${FILE}: question "q-statements": statements[1].fact "pax" is missing from facts`
		);
	});

	test('a quote that is not in the source text is reported', () => {
		const deck = makeDeck();
		deck.facts[1].quote = 'focused on semiconductors and AI';
		expect(problemsOf(deck)).toEqual([
			`${FILE}: fact "pax": quote does not occur verbatim in the source text "source.txt"`
		]);
	});

	test('quotes match across line breaks, extra spaces and curly quotes', () => {
		expect(normaliseForQuote('“a”  ‘b’\n c')).toBe(`"a" 'b' c`);
		// The fixture's pax quote spans a line break and its shanti quote uses straight quotes.
		expect(problemsOf(makeDeck())).toEqual([]);
	});

	test('a fact tested only once is reported', () => {
		const deck = makeDeck();
		deck.questions = deck.questions.filter((q) => q.id !== 'q-cloze');
		expect(problemsOf(deck)).toEqual([
			`${FILE}: fact "pax": tested by 1 question(s); at least 2 required`
		]);
	});

	test('a fact tested twice by one type of question is reported', () => {
		const deck = withQuestion('q-cloze', ({ id, explanation, difficulty }) => ({
			id,
			explanation,
			difficulty,
			facts: ['pax'],
			type: 'statements',
			mode: 'how_many',
			prompt: 'Consider the following statements:',
			statements: [
				{ text: 'Pax Silica covers AI.', fact: 'pax', correct: true },
				{ text: 'Pax Silica covers dairy.', fact: 'pax', correct: false }
			],
			options: [
				{ text: 'Only one', count: 1 },
				{ text: 'Only two', count: 2 },
				{ text: 'None', count: 0 }
			],
			answer: 0
		}));
		expect(problemsOf(deck)).toEqual([
			`${FILE}: fact "pax": tested by questions of 1 type(s); at least 2 required`
		]);
	});

	test('a statements answer that disagrees with the statements is reported', () => {
		const deck = withQuestion('q-statements', (q) => ({ ...q, answer: 2 }));
		expect(problemsOf(deck)).toEqual([
			`${FILE}: question "q-statements": answer 2 disagrees with the statements: the correct option is 0 ("1 only")`
		]);
	});

	test('a statements question with no option for the truth is reported', () => {
		const deck = withQuestion('q-statements', (q) => ({
			...q,
			options: [
				{ text: '2 only', claims: [2] },
				{ text: 'Both 1 and 2', claims: [1, 2] }
			],
			answer: 0
		}));
		expect(problemsOf(deck)).toEqual([
			`${FILE}: question "q-statements": no option matches the correct statements (1)`
		]);
	});

	test('an option claiming a statement that does not exist is reported', () => {
		const deck = withQuestion('q-statements', (q) => {
			const s = q as Extract<Question, { type: 'statements'; mode: 'which' }>;
			s.options[3] = { text: '3 only', claims: [3] };
			return s;
		});
		expect(problemsOf(deck)).toEqual([
			`${FILE}: question "q-statements": options[3].claims[0] 3 is out of range (statements has 2)`
		]);
	});

	test('an assertion and reason that are both false are refused', () => {
		const deck = makeDeck();
		deck.questions.push({
			id: 'q-ar',
			type: 'assertion_reason',
			style: 'assertion_reason',
			prompt: 'Read the assertion and reason:',
			explanation: 'Both false.',
			facts: ['shanti', 'pax'],
			difficulty: 3,
			assertion: { text: 'SHANTI bans private firms.', fact: 'shanti', correct: false },
			reason: { text: 'Pax Silica is about dairy.', fact: 'pax', correct: false },
			explains: false
		});
		expect(problemsOf(deck)).toEqual([
			`${FILE}: question "q-ar": assertion and reason are both incorrect: no option of the exam format fits`
		]);
	});

	test('a cloze prompt without a blank is reported', () => {
		const deck = withQuestion('q-cloze', (q) => ({ ...q, prompt: 'Pax Silica focuses on what?' }));
		expect(problemsOf(deck)).toEqual([
			`${FILE}: question "q-cloze": prompt has no blank (write it as ___)`
		]);
	});

	test('a topic outside the closed list is reported', () => {
		const deck = makeDeck();
		deck.facts[0].topics = ['nuclear', 'space'];
		expect(problemsOf(deck)).toEqual([
			`${FILE}: fact "shanti": topics[1] "space" is not one of the deck's topics`
		]);
	});

	test('a deck that is not an object at all is rejected with one clear line', () => {
		expect(problemsOf([])).toHaveLength(1);
		expect(problemsOf([])[0]).toMatch(/^questions\/test\/deck\.json: \(root\): /);
	});
});

describe('hostile or careless input is refused with the field and the fault', () => {
	const pairsQuestion = (pairs: Array<[string, string, boolean]>): Question => ({
		id: 'q-pairs',
		type: 'pairs',
		mode: 'how_many',
		prompt: 'Consider the following pairs:',
		explanation: 'One pair is right.',
		facts: ['shanti', 'pax'],
		difficulty: 2,
		columns: ['Bill', 'Sector'],
		pairs: pairs.map(([left, right, correct], i) => ({
			left,
			right,
			correct,
			fact: i % 2 ? 'pax' : 'shanti'
		})),
		options: [
			{ text: 'Only one', count: 1 },
			{ text: 'Only two', count: 2 },
			{ text: 'None', count: 0 }
		],
		answer: 0
	});

	test('a pairs question that repeats a pair', () => {
		const deck = makeDeck();
		deck.questions.push(
			pairsQuestion([
				['SHANTI', 'Nuclear', true],
				['Pax Silica', 'Dairy', false],
				[' shanti', 'nuclear ', true]
			])
		);
		deck.questions[3] = {
			...deck.questions[3],
			options: [
				{ text: 'Only two', count: 2 },
				{ text: 'None', count: 0 }
			]
		} as Question;
		expect(problemsOf(deck)).toEqual([`${FILE}: question "q-pairs": pairs[2] repeats pairs[0]`]);
	});

	test('the same left item with another right one is not a repeated pair', () => {
		const deck = makeDeck();
		deck.questions.push(
			pairsQuestion([
				['SHANTI', 'Nuclear', true],
				['SHANTI', 'Dairy', false]
			])
		);
		expect(problemsOf(deck)).toEqual([]);
	});

	test('a fact that names a topic twice', () => {
		const deck = makeDeck();
		deck.facts[0].topics = ['nuclear', 'nuclear'];
		expect(problemsOf(deck)).toEqual([`${FILE}: fact "shanti": topics[1] repeats topics[0]`]);
	});

	test('an option that claims a statement twice', () => {
		const deck = withQuestion('q-statements', (q) => {
			const s = q as Extract<Question, { type: 'statements'; mode: 'which' }>;
			s.options[0] = { text: '1 only', claims: [1, 1] };
			return s;
		});
		expect(problemsOf(deck)).toEqual([
			`${FILE}: question "q-statements": options[0].claims[1] repeats claims[0] (an option names each of the statements once)`
		]);
	});

	test.each([
		'javascript:alert(1)',
		'data:text/html,<script>alert(1)</script>',
		'ftp://example.org/a'
	])('a source url %s that is not http or https', (url) => {
		const deck = makeDeck();
		deck.source.url = url;
		expect(problemsOf(deck)).toEqual([
			`${FILE}: source.url: must be an http:// or https:// address`
		]);
	});

	test('http and https source urls pass', () => {
		for (const url of ['https://example.org/news?id=1', 'http://example.org'])
			expect(problemsOf(makeDeck({ source: { ...makeDeck().source, url } }))).toEqual([]);
	});

	test('ids that every JavaScript object already has are refused', () => {
		const deck = makeDeck();
		deck.topics[0].id = 'constructor';
		deck.facts.forEach((f) => (f.topics = ['constructor']));
		deck.facts[1].id = 'constructor';
		deck.questions = deck.questions.map((q) => ({
			...q,
			facts: q.facts.map((f) => (f === 'pax' ? 'constructor' : f))
		})) as Question[];
		const statements = deck.questions[1] as Extract<Question, { type: 'statements' }>;
		statements.statements[1].fact = 'constructor';
		deck.questions[2].id = 'constructor';
		const reserved = 'is a name every JavaScript object already has: choose another id';
		expect(problemsOf(deck)).toEqual([
			`${FILE}: topics[0].id "constructor" ${reserved}`,
			`${FILE}: fact "constructor": id "constructor" ${reserved}`,
			`${FILE}: question "constructor": id "constructor" ${reserved}`
		]);
	});
});

describe('validateIssues', () => {
	const issuesOf = (deck: unknown): Issue[] => {
		const result = validateIssues(deck, SOURCE);
		return result.ok ? [] : result.issues;
	};

	test('a schema issue carries the path zod gives and its message alone', () => {
		const deck = withQuestion('q-mcq', (q) => ({ ...q, options: ['only one'] }));
		expect(issuesOf(deck)).toEqual([
			{ path: ['questions', 0, 'options'], message: 'Too small: expected array to have >=2 items' }
		]);
	});

	test('a check points at the field it is about, down to an option or a part', () => {
		const repeated = withQuestion('q-mcq', (q) => ({
			...q,
			options: ['Nuclear sector', 'Dairy sector', 'Grain market', ' dairy  sector']
		}));
		expect(issuesOf(repeated).map((i) => i.path)).toEqual([['questions', 0, 'options', 3]]);
		const missing = withQuestion('q-statements', (q) => ({ ...q, facts: ['shanti'] }));
		expect(issuesOf(missing).map((i) => i.path)).toContainEqual([
			'questions',
			1,
			'statements',
			1,
			'fact'
		]);
		const deck = makeDeck();
		deck.facts[1].quote = 'focused on semiconductors and AI';
		expect(issuesOf(deck)).toEqual([
			{
				path: ['facts', 1, 'quote'],
				message: 'does not occur verbatim in the source text "source.txt"',
				continuesField: true
			}
		]);
	});

	test('a valid deck comes back parsed', () => {
		const result = validateIssues(makeDeck(), SOURCE);
		expect(result.ok && result.deck.id).toBe('test');
	});

	test('formatIssue names the item by its id, or its number when it has none', () => {
		const deck = { facts: [{ id: 'a' }, {}] };
		const issue = (path: Issue['path'], continuesField?: boolean): Issue => ({
			path,
			message: 'Whatever the words',
			continuesField
		});
		expect(formatIssue(issue(['facts', 0, 'topics', 2], true), deck)).toBe(
			'fact "a": topics[2] Whatever the words'
		);
		expect(formatIssue(issue(['facts', 1, 'quote']), deck)).toBe(
			'fact #2: quote: Whatever the words'
		);
		expect(formatIssue(issue(['facts', 0]), deck)).toBe('fact "a": Whatever the words');
		expect(formatIssue(issue(['source', 'published']), deck)).toBe(
			'source.published: Whatever the words'
		);
		expect(formatIssue(issue([]), null)).toBe('(root): Whatever the words');
	});
});
