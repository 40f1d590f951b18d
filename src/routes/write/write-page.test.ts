import { describe, expect, it } from 'vitest';
import { draftToDeck, emptyDraft, type DraftIssue } from '$lib/bank/draft';
import { issuesUnder } from '$lib/bank/issues';
import { issueText } from '$lib/question-types/shared/form';
import { draftIssues } from './write-page.svelte';

describe('issues for the page', () => {
	const issue = (path: DraftIssue['path'], severity: DraftIssue['severity']): DraftIssue => ({
		path,
		message: 'm',
		severity,
		rule: 'invalid'
	});
	it("a question's issues with paths inside it, a warning worded as every form words one", () => {
		const list = [
			issue(['questions', 1, 'options', 2], 'error'),
			issue(['questions', 1], 'warning'),
			issue(['questions', 10, 'prompt'], 'error'),
			issue(['facts', 1], 'error')
		];
		const mine = issuesUnder(list, ['questions', 1]);
		expect(mine).toEqual([
			{ path: ['options', 2], message: 'm', severity: 'error', rule: 'invalid' },
			{ path: [], message: 'm', severity: 'warning', rule: 'invalid' }
		]);
		expect(mine.map(issueText)).toEqual(['options[2]: m', 'Warning: m']);
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
