import { describe, expect, it } from 'vitest';
import { draftToDeck, emptyDraft, type DraftIssue } from '$lib/bank/draft';
import { sentences, spanSelection } from './selection';
import { draftIssues, issuesUnder } from './write-page.svelte';

const TEXT = `India signed a pact on 2 February 2026. The tariff fell to 18 per cent! Was it “fair?” Yes.

The RBI held its rate at 5.25 per cent (6 February 2026). Inflation was 1.3 per cent`;

describe('sentences', () => {
	it('cuts each paragraph at . ! ? (closing quotes kept), never across paragraphs', () => {
		const got = sentences(TEXT).map((s) => TEXT.slice(s.start, s.end));
		expect(got).toEqual([
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
	it('a span of sentences is one selection from the first start to the last end', () => {
		const all = sentences(TEXT);
		const sel = spanSelection(all, { from: 1, to: 2 });
		expect(TEXT.slice(sel.start, sel.end)).toBe('The tariff fell to 18 per cent! Was it “fair?”');
	});
});

describe('issues for the page', () => {
	const issue = (path: DraftIssue['path'], severity: DraftIssue['severity']): DraftIssue => ({
		path,
		message: 'm',
		severity,
		rule: 'invalid'
	});
	it('issuesUnder gives a question its issues with paths inside it, advice marked', () => {
		const list = [
			issue(['questions', 1, 'options', 2], 'error'),
			issue(['questions', 1], 'warning'),
			issue(['questions', 10, 'prompt'], 'error'),
			issue(['facts', 1], 'error')
		];
		expect(issuesUnder(list, ['questions', 1])).toEqual([
			{ path: ['options', 2], message: 'm' },
			{ path: [], message: '(advice) m' }
		]);
	});
	it('a placeholder left by a draft is an error at its field', () => {
		const draft = {
			...emptyDraft('d', new Date('2026-02-07T00:00:00Z')),
			questions: [
				{ id: 'q', type: 'mcq' as const, facts: [], options: ['right', '[edit] a wrong option'] }
			]
		};
		const found = draftIssues(draftToDeck(draft), draft).filter((i) =>
			i.message.includes('placeholder')
		);
		expect(found.map((i) => i.path)).toEqual([['questions', 0, 'options', 1]]);
		expect(found[0].severity).toBe('error');
	});
});
