/**
 * Every registered question type is complete: a sample of each goes through its schema, its
 * grading (right, wrong, blank, per-fact outcomes), its answer text, the Anki export, the draft
 * model, its answer widget, its own checks, a CSV round trip and its printed body; codes are
 * unique and never change; ids and folders agree.
 */
import { readdirSync } from 'node:fs';
import { render } from 'svelte/server';
import { describe, expect, test } from 'vitest';
import * as z from 'zod/mini';
import { deckToAnki } from '../bank/anki';
import { deckToCsv, parseDeckCsv, placeIssue } from '../bank/csv';
import type { Deck, Question } from '../bank/schema';
import { ANSWER_INPUTS, QUESTION_BODIES } from '../components/answer-inputs';
import QuestionBody from '../components/QuestionBody.svelte';
import { grade } from '../srs/grade';
import { QUESTION_TYPE_DEFS, QUESTION_TYPES, answerText, defOf, isChoice, partsOf } from '.';
import type { TypeSample } from './shared/sample';

const samples = import.meta.glob<{ sample: TypeSample<Question> }>('./*/sample.ts', {
	eager: true
});
const sampleOf = (id: string) => samples[`./${id}/sample.ts`]?.sample;

/** The share-link codes. Links in the wild use them: never change or reuse one. */
const CODES = {
	flashcard: 'fc',
	mcq: 'mc',
	multi: 'ms',
	true_false: 'tf',
	cloze: 'cz',
	numeric: 'nu',
	match: 'mt',
	order: 'or',
	statements: 'st',
	pairs: 'pr',
	assertion_reason: 'ar'
};

describe('the registry', () => {
	test('every type id has a definition under its own id, and every definition an id', () => {
		expect(Object.keys(QUESTION_TYPE_DEFS)).toEqual([...QUESTION_TYPES]);
		for (const id of QUESTION_TYPES) expect(QUESTION_TYPE_DEFS[id].id).toBe(id);
	});

	test('every type has a folder with a sample, and every folder is a registered type', () => {
		const folders = readdirSync(new URL('.', import.meta.url), { withFileTypes: true })
			.filter((e) => e.isDirectory() && e.name !== 'shared')
			.map((e) => e.name);
		expect(folders.sort()).toEqual([...QUESTION_TYPES].sort());
		for (const id of QUESTION_TYPES) expect(sampleOf(id), id).toBeDefined();
	});

	test('share-link codes are the fixed ones, unique, one or two letters', () => {
		const codes = Object.fromEntries(QUESTION_TYPES.map((t) => [t, QUESTION_TYPE_DEFS[t].code]));
		expect(codes).toEqual(CODES);
		expect(new Set(Object.values(codes)).size).toBe(QUESTION_TYPES.length);
		for (const code of Object.values(codes)) expect(code).toMatch(/^[a-z]{1,2}$/);
	});

	test('only flashcards stay out of tests', () => {
		expect(QUESTION_TYPES.filter((t) => !QUESTION_TYPE_DEFS[t].inTests)).toEqual(['flashcard']);
	});

	test('every type has an answer widget', () => {
		for (const id of QUESTION_TYPES) expect(typeof ANSWER_INPUTS[id], id).toBe('function');
	});

	test('every type has its CSV columns, its checks and its body', () => {
		for (const id of QUESTION_TYPES) {
			const { csv, check } = QUESTION_TYPE_DEFS[id];
			expect(Object.keys(csv.fields).length, id).toBeGreaterThan(0);
			expect([typeof csv.read, typeof csv.write, typeof check], id).toEqual(
				Array(3).fill('function')
			);
			// null: the prompt is the whole question (a flashcard's back, a cloze's blank).
			expect(Object.hasOwn(QUESTION_BODIES, id), id).toBe(true);
		}
	});
});

/** A deck holding one question, as the CSV export takes it (not validated). */
const deckOf = (q: Question) =>
	({
		id: 'd',
		title: 'T',
		language: 'en',
		version: 1,
		asOf: '2026-01-13',
		source: { title: 'S', published: '2026-01-13' },
		topics: [],
		facts: [],
		questions: [q]
	}) as Deck;

/** The text of rendered markup, tags aside. */
const textOf = (html: string) =>
	html
		.replace(/<!--.*?-->|<[^>]+>/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();

describe.each(QUESTION_TYPES)('%s', (id) => {
	const s = sampleOf(id)!;
	const q = s.question;
	const def = defOf(q);

	test('its sample parses with its schema and is of its type', () => {
		expect(z.parse(QUESTION_TYPE_DEFS[id].schema(), q)).toEqual(q);
		expect(q.type).toBe(id);
	});

	test('a right answer is right and shows every fact known', () => {
		const r = grade(q, s.right);
		expect(r).toMatchObject({ outcome: 'correct', correct: true, suggested: 3 });
		expect(r.facts).toEqual(Object.fromEntries(q.facts.map((f) => [f, true])));
	});

	test('a wrong answer is wrong, fact by fact as the response shows', () => {
		const r = grade(q, s.wrong);
		expect(r).toMatchObject({ outcome: 'wrong', correct: false, suggested: 1 });
		expect(r.facts).toEqual(s.wrongFacts);
	});

	test('a blank answer is blank', () => {
		expect(grade(q, { kind: 'blank' })).toMatchObject({ outcome: 'blank', correct: false });
	});

	test('its answer in words', () => {
		expect(answerText(q)).toBe(s.answerText);
	});

	test('its parts name facts the question tests', () => {
		for (const p of partsOf(q)) expect(q.facts).toContain(p.fact);
	});

	test('its Anki note shows the prompt and options on the front, the answer on the back', () => {
		const deck = { title: 'T', topics: [], facts: [], questions: [q] } as unknown as Deck;
		const note = deckToAnki(deck).trimEnd().split('\n').slice(6).join('\n');
		const front = note.split('\t')[0];
		expect(front.replace(/^"/, '')).toMatch(new RegExp(`^${q.prompt}`));
		// A true/false card shows its statement: True and False go without saying.
		if (isChoice(q) && q.type !== 'true_false')
			for (const o of def.choice!.options(q)) expect(front).toContain(o);
		expect(note).toContain(s.answerText.replace(/"/g, '""'));
	});

	test('its sample passes its own checks', () => {
		expect(def.check(q)).toEqual([]);
	});

	test('a CSV round trip: written and read back, its sample is the same question', () => {
		const parsed = parseDeckCsv(deckToCsv(deckOf(q), 'Text.'));
		if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
		expect((parsed.raw as Deck).questions).toEqual([q]);
		expect(parsed.rows.questions[0].type).toBe(id);
	});

	test('each of its own fields is placed on a row of the CSV it is written in', () => {
		const parsed = parseDeckCsv(deckToCsv(deckOf(q), 'Text.'));
		if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
		const rows = parsed.rows.questions[0];
		for (const field of Object.keys(def.csv.fields)) {
			const value = (q as Record<string, unknown>)[field];
			if (value === undefined) continue;
			const path = Array.isArray(value) ? ['questions', 0, field, 0] : ['questions', 0, field];
			const place = placeIssue(path, parsed.rows);
			expect([rows.row, ...rows.options, ...rows.parts], field).toContain(place.row);
			expect(place.column, field).toBeDefined();
		}
	});

	test('its body shows the question as printed, and leaves its options to the study screen', () => {
		const body = (stemOnly: boolean) =>
			textOf(render(QuestionBody, { props: { question: q, stemOnly } }).body);
		expect(body(false)).toBe(`${q.prompt} ${s.printed}`.trim());
		expect(body(true)).not.toMatch(/\(a\) /);
	});

	test('a draft filled as the right answer gives a response graded right', () => {
		const draft = def.answer.empty(q);
		expect(def.answer.started(q, draft)).toBe(false);
		if (s.right.kind === 'choices') draft.choices = [...s.right.choices];
		if (s.right.kind === 'boolean') draft.choices = [s.right.value ? 0 : 1];
		if (s.right.kind === 'text') draft.text = s.right.text;
		if (s.right.kind === 'pairing') draft.pairing = [...s.right.pairing];
		if (s.right.kind === 'sequence') draft.sequence = [...s.right.sequence];
		expect(def.answer.complete(q, draft)).toBe(true);
		if (id === 'flashcard') return; // rated, not drafted
		expect(def.answer.started(q, draft)).toBe(true);
		expect(grade(q, def.answer.toResponse(q, draft)).correct).toBe(true);
	});
});
