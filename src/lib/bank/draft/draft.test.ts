import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import * as z from 'zod/mini';
import { DeckSchema, type Deck } from '../schema';
import { normaliseForQuote } from '../validate';
import {
	addFact,
	addQuestion,
	addTopic,
	deckIdOf,
	deckToDraft,
	draftToDeck,
	emptyDraft,
	factAsOf,
	factsAt,
	issuesByField,
	issueText,
	locateQuote,
	newFactId,
	quoteFromSelection,
	readDraft,
	reanchor,
	removeTopic,
	setArticle,
	slugify,
	uniqueId,
	updateFact,
	type DeckDraft,
	type Edit
} from '.';

const ARTICLE = [
	'India and the U.S. held talks on Tuesday, 13 January 2026.',
	'The tariff on Indian exports stands at 50%. Officials called the call "positive".',
	'A summit may follow in February 2026.'
].join('\n\n');

const NOW = new Date('2026-01-14T08:00:00Z');

const ok = <T>(edit: Edit<T>) => {
	if (!edit.ok) throw new Error(edit.message);
	return edit;
};

/** A draft with the article, one topic and no facts. */
function base(): DeckDraft {
	let d = emptyDraft('draft-1', NOW);
	d = { ...d, title: 'India–US talks, January 2026' };
	d = ok(setArticle(d, { title: 'Talks', published: '2026-01-13', text: ARTICLE })).draft;
	return ok(addTopic(d, 'International relations')).draft;
}

const at = (text: string, part: string) => ({
	start: text.indexOf(part),
	end: text.indexOf(part) + part.length
});

describe('ids', () => {
	test('slugs from titles; unique; never a name of Object', () => {
		expect(slugify('India–US talks, January 2026!')).toBe('india-us-talks-january-2026');
		expect(slugify('Économie   française')).toBe('economie-francaise');
		expect(slugify('word '.repeat(30), 20)).toBe('word-word-word-word');
		expect(uniqueId('a', ['a', 'a-2'])).toBe('a-3');
		expect(uniqueId('constructor', [])).toBe('constructor-2');
	});

	test("the deck's id is derived from its title unless set", () => {
		const d = base();
		expect(deckIdOf(d)).toBe('india-us-talks-january-2026');
		expect(deckIdOf({ ...d, id: 'mine' })).toBe('mine');
		expect(deckIdOf({ ...d, title: '' })).toBe('talks');
		expect(deckIdOf({ ...d, title: '', article: { ...d.article, title: '' } })).toBe('my-deck');
	});

	test('fact ids from the first words, unique in the draft', () => {
		const d = base();
		const first = ok(addFact(d, at(ARTICLE, 'The tariff on Indian exports stands at 50%.')));
		expect(first.made?.id).toBe('the-tariff-on-indian-exports');
		expect(newFactId(first.draft, 'The tariff on Indian exports again')).toBe(
			'the-tariff-on-indian-exports-2'
		);
	});
});

describe('making a fact from a selection', () => {
	test('the quote is exactly the selected text, whitespace around it left out', () => {
		const sel = at(ARTICLE, 'The tariff on Indian exports stands at 50%.');
		const made = quoteFromSelection(ARTICLE, { start: sel.start - 2, end: sel.end + 1 });
		expect(made).toEqual({
			ok: true,
			quote: { start: sel.start, end: sel.end, text: 'The tariff on Indian exports stands at 50%.' }
		});
		if (made.ok) expect(ARTICLE.slice(made.quote.start, made.quote.end)).toBe(made.quote.text);
	});

	test('a backwards selection is the same selection', () => {
		const sel = at(ARTICLE, 'A summit may follow');
		expect(quoteFromSelection(ARTICLE, { start: sel.end, end: sel.start })).toEqual(
			quoteFromSelection(ARTICLE, sel)
		);
	});

	test('refused with a message: empty, only spaces, across paragraphs, outside', () => {
		const gap = ARTICLE.indexOf('\n\n');
		const empty = quoteFromSelection(ARTICLE, { start: 5, end: 5 });
		const spaces = quoteFromSelection(ARTICLE, { start: gap, end: gap + 2 });
		const across = quoteFromSelection(ARTICLE, { start: gap - 10, end: gap + 10 });
		const outside = quoteFromSelection(ARTICLE, { start: 0, end: ARTICLE.length + 1 });
		expect(empty).toMatchObject({
			ok: false,
			message: expect.stringMatching(/Nothing is selected/)
		});
		expect(spaces).toMatchObject({ ok: false, message: expect.stringMatching(/only spaces/) });
		expect(across).toMatchObject({
			ok: false,
			message: expect.stringMatching(/across 2 paragraphs; a quote lies within one/)
		});
		expect(outside.ok).toBe(false);
	});

	test('a new fact: empty statement, the only topic, "as of" following the article', () => {
		const made = ok(addFact(base(), at(ARTICLE, 'A summit may follow in February 2026.'))).made!;
		expect(made).toMatchObject({
			statement: '',
			topics: ['international-relations'],
			asOf: '',
			volatile: false
		});
	});
});

describe('re-anchoring quotes after the article is edited', () => {
	const quote = 'The tariff on Indian exports stands at 50%.';
	const withFact = () => ok(addFact(base(), at(ARTICLE, quote))).draft;

	test('an edit before the quote moves it; the text is still exactly the article', () => {
		const d = withFact();
		const text = `Breaking. ${ARTICLE}`;
		const next = ok(setArticle(d, { text })).draft;
		const q = next.facts[0].quote;
		expect(text.slice(q.start, q.end)).toBe(quote);
		expect(q.lost).toBeUndefined();
	});

	test('an edit after the quote leaves it where it is', () => {
		const d = withFact();
		const next = ok(setArticle(d, { text: `${ARTICLE} More.` })).draft;
		expect(next.facts[0]).toBe(d.facts[0]);
	});

	test('an edit inside the quote flags the fact, keeps it and its quote; undoing the edit finds it', () => {
		const d = withFact();
		const edited = ARTICLE.replace('50%', '25%');
		const next = ok(setArticle(d, { text: edited })).draft;
		expect(next.facts).toHaveLength(1);
		expect(next.facts[0].quote).toMatchObject({ text: quote, lost: true });
		const back = ok(setArticle(next, { text: ARTICLE })).draft;
		expect(back.facts[0].quote).toEqual(d.facts[0].quote);
	});

	test('a quote that occurs twice is found at the nearer place', () => {
		const text = `${quote}\n\n${quote}`;
		const facts = [
			{
				...withFact().facts[0],
				quote: { start: quote.length + 2, end: 2 * quote.length + 2, text: quote }
			}
		];
		const moved = reanchor(facts, text, `X ${text}`);
		expect(moved[0].quote.start).toBe(quote.length + 4);
	});

	test('a flagged fact is an error beside its quote, and the deck is not ready', () => {
		const d = ok(updateFact(withFact(), 'the-tariff-on-indian-exports', { statement: 'x' })).draft;
		const next = ok(setArticle(d, { text: ARTICLE.replace('50%', '25%') })).draft;
		const check = draftToDeck(next);
		expect(check.deck).toBeNull();
		const quoteIssues = issuesByField(check.issues).get('facts[0].quote');
		expect(quoteIssues?.map((i) => i.message)).toEqual([
			'is no longer in the article (its text was edited): select the quote again, or undo the edit'
		]);
	});
});

describe('finding facts by offset', () => {
	test('the facts whose quote covers an offset, lost ones aside', () => {
		const d = ok(addFact(base(), at(ARTICLE, 'The tariff on Indian exports stands at 50%.'))).draft;
		const inside = ARTICLE.indexOf('tariff');
		expect(factsAt(d.facts, inside).map((f) => f.id)).toEqual([d.facts[0].id]);
		expect(factsAt(d.facts, 0)).toEqual([]);
		const lost = [{ ...d.facts[0], quote: { ...d.facts[0].quote, lost: true } }];
		expect(factsAt(lost, inside)).toEqual([]);
		expect(factAsOf(d, d.facts[0])).toBe('2026-01-13');
		expect(factAsOf(d, { asOf: '2026-01-01' })).toBe('2026-01-01');
	});
});

describe('locating a deck quote in its source', () => {
	test('exactly, or across whitespace and curly quotes as the validator does', () => {
		const text = 'He said \u201cyes\u201d to\n\nthe   plan.';
		expect(locateQuote(text, 'the   plan.')).toEqual({
			start: text.indexOf('the'),
			end: text.length,
			text: 'the   plan.'
		});
		const loose = locateQuote(text, 'said "yes" to');
		expect(loose.text).toBe('said \u201cyes\u201d to');
		expect(locateQuote(text, 'not there')).toMatchObject({ lost: true, text: 'not there' });
	});
});

describe('draftToDeck', () => {
	/** A complete draft: two facts, each tested by a question. */
	function complete(): DeckDraft {
		let d = base();
		const f1 = ok(addFact(d, at(ARTICLE, 'The tariff on Indian exports stands at 50%.')));
		d = ok(
			updateFact(f1.draft, f1.made!.id, {
				statement: 'The US tariff on Indian exports was 50% on 13 January 2026.',
				volatile: true
			})
		).draft;
		const f2 = ok(addFact(d, at(ARTICLE, 'A summit may follow in February 2026.')));
		d = ok(
			updateFact(f2.draft, f2.made!.id, {
				statement: 'A leaders\u2019 summit may follow in February 2026.'
			})
		).draft;
		d = ok(
			addQuestion(d, 'true_false', [f1.made!.id], {
				prompt: 'True or false?',
				explanation: 'The article gives 50%.',
				difficulty: 1,
				statement: 'The US tariff on Indian exports was 50% on 13 January 2026.',
				answer: true
			})
		).draft;
		return ok(
			addQuestion(d, 'flashcard', [f2.made!.id], {
				prompt: 'What may follow the talks of 13 January 2026?',
				explanation: 'The article says so.',
				difficulty: 1,
				answer: 'A summit in February 2026.'
			})
		).draft;
	}

	test('a complete draft makes a valid deck, its quotes verbatim from the article', () => {
		const check = draftToDeck(complete());
		expect(check.issues.filter((i) => i.rule === 'invalid')).toEqual([]);
		const deck = check.deck!;
		expect(z.safeParse(DeckSchema(), deck).success).toBe(true);
		expect(deck).toMatchObject({
			id: 'india-us-talks-january-2026',
			version: 1,
			asOf: '2026-01-13',
			source: { title: 'Talks', published: '2026-01-13', text: ARTICLE }
		});
		expect(deck.source).not.toHaveProperty('url');
		expect(deck.facts.map((f) => f.asOf)).toEqual(['2026-01-13', '2026-01-13']);
		for (const f of deck.facts) expect(ARTICLE.includes(f.quote)).toBe(true);
		expect(deck.questions.map((q) => q.id)).toEqual([
			'the-tariff-on-indian-exports-true-false',
			'a-summit-may-follow-in-flashcard'
		]);
	});

	test('every issue placed at its field in the draft: article, facts, questions', () => {
		let d = complete();
		d = { ...d, title: '', article: { ...d.article, published: '', url: 'javascript:alert(1)' } };
		d = {
			...d,
			questions: [{ ...d.questions[0], prompt: '' } as DeckDraft['questions'][0], d.questions[1]]
		};
		const check = draftToDeck(d);
		const byField = issuesByField(check.issues);
		expect(check.deck).toBeNull();
		expect(byField.has('title')).toBe(true);
		expect(byField.has('article.published')).toBe(true);
		expect(byField.get('article.url')?.[0].message).toMatch(/http/);
		expect(byField.has('questions[0].prompt')).toBe(true);
		expect(issueText(byField.get('questions[0].prompt')![0])).toMatch(/^prompt: /);
		const warning = {
			...byField.get('questions[0].prompt')![0],
			message: 'says "today"',
			continuesField: true,
			severity: 'warning' as const
		};
		expect(issueText(warning)).toBe('Warning: prompt says "today"');
	});

	test("an incomplete question does not hide the other items' checks", () => {
		let d = complete();
		// The second question is blank; its fact is then tested by none, which is said beside it.
		d = { ...d, questions: [d.questions[0], { id: 'q-new', type: 'mcq', facts: [d.facts[1].id] }] };
		const check = draftToDeck(d);
		const fields = [...issuesByField(check.issues).keys()];
		expect(fields).toContain('questions[1].prompt');
		expect(fields).toContain('facts[1]');
		expect(issuesByField(check.issues).get('facts[1]')![0].message).toMatch(/tested by 0/);
	});

	test('lint findings come with their rule and severity', () => {
		let d = complete();
		d = ok(updateFact(d, d.facts[1].id, { statement: 'A summit may follow next month.' })).draft;
		const check = draftToDeck(d);
		const lint = check.issues.filter((i) => i.rule === 'relative-time');
		expect(lint[0]).toMatchObject({ path: ['facts', 1, 'statement'], severity: 'error' });
		expect(check.deck).not.toBeNull(); // Valid: the lint advises, publish decides.
	});

	test('facts are linted before any question is written', () => {
		const f = ok(addFact(base(), at(ARTICLE, 'A summit may follow in February 2026.')));
		const d = ok(updateFact(f.draft, f.made!.id, { statement: 'A summit may follow next month.' }));
		const check = draftToDeck(d.draft);
		expect(d.draft.questions).toHaveLength(0);
		expect(check.issues.filter((i) => i.rule === 'relative-time')[0]).toMatchObject({
			path: ['facts', 0, 'statement'],
			severity: 'error'
		});
	});

	test("a built-in deck's id is refused beside the title", () => {
		const check = draftToDeck(complete(), { reserved: ['india-us-talks-january-2026'] });
		expect(issuesByField(check.issues).get('title')?.[0].message).toMatch(/built-in deck/);
		expect(check.deck).toBeNull();
	});

	test('removing a topic removes it from its facts', () => {
		const d = removeTopic(complete(), 'international-relations');
		expect(d.topics).toEqual([]);
		expect(d.facts.every((f) => f.topics.length === 0)).toBe(true);
	});
});

describe('deckToDraft', () => {
	let deck: Deck;
	let sourceText: string;
	beforeAll(() => {
		deck = z.parse(
			DeckSchema(),
			JSON.parse(readFileSync('questions/india-us-2026-01/deck.json', 'utf8'))
		);
		sourceText = readFileSync('questions/india-us-2026-01/source.txt', 'utf8');
	});

	test('"Copy to edit" of the built-in deck: a new id, its text, every quote found, and it publishes back', () => {
		const draft = deckToDraft(deck, {
			draftId: 'd1',
			now: NOW,
			as: 'copy',
			sourceText,
			taken: [deck.id]
		});
		expect(draft.origin).toEqual({ kind: 'copy', deck: deck.id });
		expect(draft.id).toBe(`${deck.id}-copy`);
		expect(draft.facts.filter((f) => f.quote.lost)).toEqual([]);
		for (const f of draft.facts)
			expect(draft.article.text.slice(f.quote.start, f.quote.end)).toBe(f.quote.text);
		expect(readDraft(JSON.parse(JSON.stringify(draft)))).toMatchObject({ ok: true });
		const check = draftToDeck(draft, { reserved: [deck.id] });
		expect(check.issues.filter((i) => i.rule === 'invalid')).toEqual([]);
		const back = check.deck!;
		expect(back.id).toBe(`${deck.id}-copy`);
		expect(back.version).toBe(1);
		expect(back.questions).toEqual(deck.questions);
		expect(back.facts.map((f) => ({ ...f, quote: normaliseForQuote(f.quote) }))).toEqual(
			deck.facts.map((f) => ({ ...f, quote: normaliseForQuote(f.quote) }))
		);
	});

	test("one's own deck: the same id, and the next version when published", () => {
		const own = { ...deck, source: { ...deck.source, file: undefined, text: sourceText } };
		const draft = deckToDraft(own, { draftId: 'd2', now: NOW, as: 'own' });
		expect(draft.id).toBe(deck.id);
		expect(draftToDeck(draft).deck?.version).toBe(deck.version + 1);
	});

	test('a damaged draft is refused naming its field', () => {
		expect(readDraft({ ...emptyDraft('x', NOW), facts: [{ id: 1 }] })).toMatchObject({
			ok: false,
			error: expect.stringMatching(/^facts\.0\./)
		});
	});
});
