import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import { TEMPLATE_DECK, TEMPLATE_SOURCE } from '$lib/bank/csv-template';
import { WritePage } from './write-page.svelte';

const builtin = [{ deck: TEMPLATE_DECK, sourceText: TEMPLATE_SOURCE }];

describe('WritePage', () => {
	test('starts a draft, lists it, and deletes it', async () => {
		const page = new WritePage(builtin);
		await page.load(new URLSearchParams());
		expect(page.loaded).toBe(true);
		expect(page.editor).toBeNull();
		await page.create();
		expect(page.editor).not.toBeNull();
		expect(page.step).toBe('article');
		const id = page.editor!.draft.draftId;
		await page.close();
		expect(page.list.drafts.map((d) => d.draftId)).toContain(id);
		await page.remove(id);
		expect(page.list.drafts.map((d) => d.draftId)).not.toContain(id);
	});

	test('"Copy to edit" opens a draft of a built-in deck at its facts; an unknown id says so', async () => {
		const page = new WritePage(builtin);
		await page.load(new URLSearchParams({ copy: TEMPLATE_DECK.id }));
		expect(page.editor?.draft.origin).toEqual({ kind: 'copy', deck: TEMPLATE_DECK.id });
		expect(page.editor?.draft.facts.length).toBe(TEMPLATE_DECK.facts.length);
		expect(page.step).toBe('facts');
		await page.close();
		const other = new WritePage(builtin);
		await other.load(new URLSearchParams({ copy: 'no-such-deck' }));
		expect(other.error).toContain('No built-in deck has the id “no-such-deck”');
		expect(other.editor).toBeNull();
	});

	test('a draft with a placeholder left, or not valid, is not published', async () => {
		const page = new WritePage(builtin);
		await page.load(new URLSearchParams());
		await page.create();
		await page.publish();
		expect(page.error).toMatch(/^The deck is not ready: \d+ problem\(s\) to fix/);
		expect(page.published).toBeNull();
		expect(page.editor).not.toBeNull();
		await page.close();
	});
});
