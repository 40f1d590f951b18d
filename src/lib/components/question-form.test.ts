/**
 * The editor's question form and preview, rendered on the server for every type's sample: each
 * field's issue shows beside it (aria-invalid, aria-describedby), an issue without a field at
 * the top; every control is labelled; the preview shows a whole question and refuses a broken one.
 */
import { render } from 'svelte/server';
import { describe, expect, test } from 'vitest';
import type { Issue } from '$lib/bank/issues';
import type { Fact, Question } from '$lib/bank/schema';
import { QUESTION_TYPES, type QuestionTypeId } from '$lib/question-types';
import type { TypeSample } from '$lib/question-types/shared/sample';
import QuestionForm from './QuestionForm.svelte';
import QuestionPreview from './QuestionPreview.svelte';
import { QUESTION_FORMS } from './question-forms';

const samples = import.meta.glob<{ sample: TypeSample<Question> }>(
	'../question-types/*/sample.ts',
	{ eager: true }
);
const sampleOf = (id: string) => samples[`../question-types/${id}/sample.ts`].sample.question;

const FACTS: Fact[] = ['a', 'b', 'c'].map((id) => ({
	id,
	statement: `Statement of fact ${id}.`,
	quote: `quote ${id}`,
	topics: ['t'],
	asOf: '2026-01-13',
	volatile: false
}));

/** A field of each type's own form, to hang an issue on. */
const OWN_FIELD: Record<QuestionTypeId, Issue['path']> = {
	flashcard: ['answer'],
	mcq: ['options', 1],
	multi: ['options', 1],
	true_false: ['statement'],
	cloze: ['accepted', 0],
	numeric: ['tolerance'],
	match: ['pairs', 1, 'left'],
	order: ['items', 2, 'text'],
	statements: ['statements', 1, 'text'],
	pairs: ['pairs', 0, 'right'],
	assertion_reason: ['reason', 'text']
};

/** The opening tag of the control with this id. */
const control = (html: string, id: string) =>
	new RegExp(`<(?:input|textarea|select)[^>]*\\sid="${id}"[^>]*>`).exec(html)?.[0] ?? '';

describe('QuestionForm', () => {
	test('every type has a form', () => {
		for (const id of QUESTION_TYPES) expect(typeof QUESTION_FORMS[id], id).toBe('function');
	});

	test.each(QUESTION_TYPES)('%s: issues beside their fields and at the top', (type) => {
		const question = sampleOf(type);
		const own = OWN_FIELD[type];
		const issues: Issue[] = [
			{ path: ['prompt'], message: 'must not be empty' },
			{ path: own, message: 'is the own field issue', continuesField: true },
			{ path: [], message: 'the whole question is wrong' }
		];
		const { body } = render(QuestionForm, {
			props: { question, facts: FACTS, issues, onchange: () => {} }
		});
		for (const path of [['prompt'], own]) {
			const id = `question-${path.join('-')}`;
			const tag = control(body, id);
			expect(tag, id).toContain('aria-invalid="true"');
			expect(tag, id).toMatch(new RegExp(`aria-describedby="[^"]*${id}-issues`));
			expect(body, id).toMatch(new RegExp(`<ul id="${id}-issues"[^>]*>(?:\\s|<!--[^>]*-->)*<li>`));
		}
		expect(body).toContain('prompt: must not be empty');
		expect(body).toContain('is the own field issue');
		expect(body).toMatch(/Problems with the question as a whole[\s\S]*the whole question is wrong/);
	});

	test.each(QUESTION_TYPES)('%s: every control has a label', (type) => {
		const { body } = render(QuestionForm, {
			props: { question: sampleOf(type), facts: FACTS, issues: [], onchange: () => {} }
		});
		// Labelled by a label naming its id, or sitting inside one (checkboxes and radios).
		const controls = [...body.matchAll(/<(?:input|textarea|select)[^>]*>/g)].map((m) => m[0]);
		expect(controls.length).toBeGreaterThan(3);
		for (const tag of controls) {
			const id = /\sid="([^"]+)"/.exec(tag)?.[1];
			const inside = new RegExp(`<label[^>]*>\\s*${escape(tag)}`).test(body);
			expect(inside || (!!id && body.includes(`for="${id}"`)), tag).toBe(true);
		}
		expect(body).not.toContain('undefined');
	});
});

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('QuestionPreview', () => {
	test.each(QUESTION_TYPES)('%s: shown as the learner meets it', (type) => {
		const question = sampleOf(type);
		const { body } = render(QuestionPreview, {
			props: { question, facts: FACTS, sourceTitle: 'The article' }
		});
		expect(body).toContain(question.prompt.replace(/&/g, '&amp;'));
		expect(body).toMatch(type === 'flashcard' ? /Show answer/ : /Check/);
	});

	test('a question that is not whole is not shown', () => {
		const question = { ...sampleOf('mcq'), answer: 9 } as Question;
		const { body } = render(QuestionPreview, {
			props: { question, facts: FACTS, sourceTitle: 'The article' }
		});
		expect(body).toContain('The preview shows once the question is whole');
		expect(body).not.toContain(question.prompt);
		const unknownFact = { ...sampleOf('mcq'), facts: ['z'] } as Question;
		expect(
			render(QuestionPreview, { props: { question: unknownFact, facts: FACTS, sourceTitle: 'x' } })
				.body
		).toContain('The preview shows once the question is whole');
	});
});
