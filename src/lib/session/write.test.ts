import 'fake-indexeddb/auto';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { Rating } from 'ts-fsrs';
import { ARTICLE_LIMIT_BYTES, emptyDraft, type DeckDraft } from '$lib/bank/draft';
import { TEMPLATE_DECK, TEMPLATE_SOURCE } from '$lib/bank/csv-template';
import { withSourceText } from '$lib/bank/deck-json';
import { apply, memoryKey, newMemory, statementHash } from '$lib/srs/memory';
import { makeReview } from '$lib/srs/test-helpers';
import { ownDecks } from './decks';
import { repository } from './storage.svelte';
import { DraftEditor } from './write.svelte';
import {
	copyDeck,
	createDraft,
	editOwnDeck,
	listDrafts,
	openDraft,
	publish,
	restatedFacts,
	storeDraft
} from './write-drafts';

const NOW = new Date('2026-01-14T08:00:00Z');
const ARTICLE = 'First paragraph, about tariffs.\n\nSecond paragraph, about a summit.';

/** An editor whose saves are recorded, on a clock that moves a second per read. */
function editor(draft: DeckDraft = emptyDraft('d1', NOW), save = vi.fn(async () => {})) {
	let t = NOW.getTime();
	const e = new DraftEditor(draft, { save, now: () => new Date((t += 1000)), debounceMs: 250 });
	return { e, save };
}

afterEach(() => {
	vi.useRealTimers();
});

describe('commands, undo and redo', () => {
	test('each change is a step; undo and redo walk them; a new change clears redo', () => {
		const { e } = editor();
		e.pasteArticle(ARTICLE);
		const fact = e.makeFact({ start: 0, end: 16 });
		expect(fact?.quote.text).toBe('First paragraph,');
		expect(e.draft.facts).toHaveLength(1);
		e.undo();
		expect(e.draft.facts).toHaveLength(0);
		expect(e.canRedo).toBe(true);
		e.redo();
		expect(e.draft.facts.map((f) => f.id)).toEqual([fact!.id]);
		e.undo();
		e.setMeta({ title: 'T' });
		expect(e.canRedo).toBe(false);
		e.undo();
		e.undo();
		expect(e.draft.article.text).toBe('');
		expect(e.canUndo).toBe(false);
	});

	test('typing in one field is one step; another field is another', () => {
		const { e } = editor();
		for (const title of ['I', 'In', 'Ind', 'India']) e.setMeta({ title });
		e.setArticle({ publisher: 'The Hindu' });
		e.undo();
		expect(e.draft.title).toBe('India');
		e.undo();
		expect(e.draft.title).toBe('');
	});

	test('a refused change changes nothing and says why', () => {
		const { e, save } = editor();
		e.pasteArticle(ARTICLE);
		const before = e.draft;
		expect(e.makeFact({ start: 3, end: 3 })).toBeNull();
		expect(e.message).toMatch(/Nothing is selected/);
		expect(e.makeFact({ start: 20, end: 45 })).toBeNull();
		expect(e.message).toMatch(/across 2 paragraphs/);
		expect(e.pasteArticle('x'.repeat(ARTICLE_LIMIT_BYTES + 1))).toBe(false);
		expect(e.message).toMatch(/at most 200 KB/);
		expect(e.draft).toBe(before);
		e.setMeta({ title: 'ok' });
		expect(e.message).toBeNull();
		expect(save).not.toHaveBeenCalled();
	});

	test('editing the article under a quote flags its fact, and undo brings the quote back', () => {
		const { e } = editor();
		e.pasteArticle(ARTICLE);
		const fact = e.makeFact({ start: 0, end: 15 })!;
		e.setArticle({ text: ARTICLE.replace('First', 'Opening') });
		expect(e.draft.facts[0].quote).toMatchObject({ lost: true, text: 'First paragraph' });
		expect(e.checkNow().issues.some((i) => i.path.join() === 'facts,0,quote')).toBe(true);
		e.undo();
		expect(e.draft.facts[0].quote).toEqual(fact.quote);
	});

	test('history is bounded', () => {
		const save = vi.fn(async () => {});
		let t = 0;
		const e = new DraftEditor(emptyDraft('d', NOW), {
			save,
			now: () => new Date((t += 10_000)),
			history: { limit: 3 }
		});
		for (const title of ['a', 'b', 'c', 'd', 'e']) e.setMeta({ title });
		let steps = 0;
		while (e.canUndo) {
			e.undo();
			steps++;
		}
		expect(steps).toBe(3);
		expect(e.draft.title).toBe('b');
	});

	test('an opened .md file becomes the article; other files are refused with a message', () => {
		const { e } = editor();
		expect(e.openArticleFile({ name: 'a.md', text: '# Title\n\nSome *text*.' })).toBe(true);
		expect(e.draft.article.text).toBe('Title\n\nSome text.');
		expect(e.openArticleFile({ name: 'a.pdf', text: '%PDF' })).toBe(false);
		expect(e.message).toMatch(/open a \.txt, \.md or \.html file/);
		const big = { name: 'long.txt', text: 'x'.repeat(ARTICLE_LIMIT_BYTES + 1) };
		expect(e.openArticleFile(big)).toBe(false);
		expect(e.message).toMatch(
			/^long\.txt: The article is 201 KB; an article may be at most 200 KB/
		);
		expect(e.openArticleFile({ name: 'empty.txt', text: ' \n ' })).toBe(false);
		expect(e.message).toMatch(/holds no text/);
		expect(e.draft.article.text).toBe('Title\n\nSome text.');
	});
});

describe('saving', () => {
	test('changes are saved once, 250 ms after the last; the latest draft', async () => {
		vi.useFakeTimers();
		const { e, save } = editor();
		e.setMeta({ title: 'a' });
		e.setMeta({ description: 'b' });
		expect(e.saveState).toBe('pending');
		await vi.advanceTimersByTimeAsync(249);
		expect(save).not.toHaveBeenCalled();
		await vi.advanceTimersByTimeAsync(1);
		expect(save).toHaveBeenCalledTimes(1);
		expect(save).toHaveBeenCalledWith(e.draft);
		expect(e.saveState).toBe('saved');
	});

	test('an edit undone before it was saved leaves the saved draft: saved again, not pending', async () => {
		vi.useFakeTimers();
		const { e, save } = editor();
		e.setMeta({ title: 'a' });
		await vi.advanceTimersByTimeAsync(250);
		expect(save).toHaveBeenCalledTimes(1);
		e.addTopic('Economy');
		e.undo();
		expect(e.saveState).toBe('pending');
		await vi.advanceTimersByTimeAsync(250);
		expect(save).toHaveBeenCalledTimes(1); // Nothing new to store.
		expect(e.saveState).toBe('saved');
	});

	test('typing that never pauses is saved within a second of its first change', async () => {
		vi.useFakeTimers();
		const { e, save } = editor();
		for (let i = 1; i <= 9; i++) {
			e.setMeta({ title: 'x'.repeat(i) });
			await vi.advanceTimersByTimeAsync(120);
		}
		expect(save).toHaveBeenCalledTimes(1);
		expect(save.mock.calls[0]).toEqual([expect.objectContaining({ title: 'xxxxxxxxx' })]);
	});

	test('hiding or leaving the page saves at once', async () => {
		const target = new EventTarget();
		const { e, save } = editor();
		const detach = e.attach(target as unknown as Window);
		e.setMeta({ title: 'a' });
		target.dispatchEvent(new Event('pagehide'));
		await e.flush();
		expect(save).toHaveBeenCalledTimes(1);
		e.setMeta({ title: 'b' });
		target.dispatchEvent(new Event('visibilitychange'));
		await e.flush();
		expect(save).toHaveBeenCalledTimes(2);
		detach();
		await e.close();
	});

	test('a refused save is said, the draft kept, and the next flush tries again', async () => {
		const save = vi.fn(async () => {});
		save.mockRejectedValueOnce(new DOMException('quota', 'QuotaExceededError'));
		const { e } = editor(undefined, save);
		e.setMeta({ title: 'a' });
		await e.flush();
		expect(e.saveState).toBe('failed');
		expect(e.saveError).toMatch(/^Your draft was not saved: .*Free some space/);
		await e.flush();
		expect(save).toHaveBeenCalledTimes(2);
		expect(e.saveState).toBe('saved');
		expect(e.saveError).toBeNull();
	});

	test('issues follow the draft a moment after a change, and at once when asked', () => {
		vi.useFakeTimers();
		const { e } = editor();
		const first = e.check;
		expect(first.issues.some((i) => i.path.join() === 'title')).toBe(true);
		e.setMeta({ title: 'Now titled' });
		expect(e.check).toBe(first);
		vi.advanceTimersByTime(150);
		expect(e.check.issues.some((i) => i.path.join() === 'title')).toBe(false);
	});
});

const template = withSourceText(TEMPLATE_DECK, TEMPLATE_SOURCE);

describe('drafts in IndexedDB, and publishing', () => {
	test('a reload finds the draft as it was left', async () => {
		const draft = await createDraft({ now: NOW, newId: () => 'reload-1' });
		const e = new DraftEditor(draft, { save: storeDraft });
		e.pasteArticle(ARTICLE);
		e.makeFact({ start: 0, end: 15 });
		e.setMeta({ title: 'Left mid-edit' });
		await e.close();
		expect(await openDraft('reload-1')).toEqual({ ok: true, draft: e.draft });
		const { drafts } = await listDrafts();
		expect(drafts.find((d) => d.draftId === 'reload-1')?.title).toBe('Left mid-edit');
	});

	test('publish: the deck joins Your decks; the same id again is refused; the draft goes', async () => {
		const draft = await copyDeck(template, '', [], { now: NOW, newId: () => 'pub-1' });
		expect(draft.id).toBe(`${template.id}-copy`);
		const result = await publish(draft, {
			builtinIds: [template.id],
			now: NOW,
			lintAsAdvice: true
		});
		expect(result).toMatchObject({ ok: true, restated: 0 });
		const own = await ownDecks();
		expect(own.map((s) => [s.deck.id, s.format])).toContainEqual([
			`${template.id}-copy`,
			'written'
		]);
		expect(await openDraft('pub-1')).toBeNull();

		const again = await copyDeck(template, '', [], { now: NOW, newId: () => 'pub-2' });
		expect(await publish(again, { builtinIds: [], lintAsAdvice: true })).toMatchObject({
			ok: false,
			reason: 'taken',
			message: expect.stringMatching(/has the id .* already/)
		});
	});

	test('an invalid draft is not published; the check says where', async () => {
		const result = await publish(emptyDraft('empty', NOW), { builtinIds: [] });
		expect(result).toMatchObject({ ok: false, reason: 'invalid' });
		if (!result.ok && result.reason === 'invalid')
			expect(result.check.issues.length).toBeGreaterThan(0);
	});

	test('editing a statement of a fact with reviews asks same-or-new; "same" keeps its memory', async () => {
		const repo = await repository();
		const first = await copyDeck(template, '', [], { now: NOW, newId: () => 'mem-1' });
		const titled = { ...first, id: 'memory-deck' };
		expect(await publish(titled, { builtinIds: [], now: NOW, lintAsAdvice: true })).toMatchObject({
			ok: true
		});
		const fact = template.facts[0];
		const review = makeReview('2026-01-14T09:00:00Z', Rating.Good, {
			deck: 'memory-deck',
			fact: fact.id,
			statementHash: statementHash(fact.statement)
		});
		const reviewed = apply(newMemory('memory-deck', fact.id), review);
		await repo.commit([{ expected: null, next: reviewed }], [review]);

		const draft = (await editOwnDeck('memory-deck', { now: NOW, newId: () => 'mem-2' }))!;
		expect(draft.origin).toEqual({ kind: 'own', deck: 'memory-deck', version: 1 });
		// Opening it again finds the same draft rather than a second one.
		expect((await editOwnDeck('memory-deck', { newId: () => 'mem-3' }))?.draftId).toBe('mem-2');
		const e = new DraftEditor(draft, { save: storeDraft });
		const restated = `${fact.statement} (reworded)`;
		e.updateFact(fact.id, { statement: restated });
		expect(await restatedFacts(e.draft)).toEqual([
			{ fact: fact.id, statement: restated, reviews: 1 }
		]);
		const asked = await publish(e.draft, { builtinIds: [], now: NOW, lintAsAdvice: true });
		expect(asked).toMatchObject({ ok: false, reason: 'memory', undecided: [{ fact: fact.id }] });

		e.chooseMemory(fact.id, 'same');
		await e.close();
		const later = new Date('2026-01-15T08:00:00Z');
		const done = await publish(e.draft, { builtinIds: [], now: later, lintAsAdvice: true });
		expect(done).toMatchObject({ ok: true, restated: 1 });
		const state = await repo.loadState(memoryKey('memory-deck', fact.id));
		expect(state?.card).toEqual(reviewed.card);
		expect(state?.statementHash).toBe(statementHash(restated));
		const { events } = await repo.readLog();
		expect(events.filter((x) => x.deck === 'memory-deck').map((x) => x.kind)).toEqual([
			'review',
			'restate'
		]);
		const stored = (await ownDecks()).find((s) => s.deck.id === 'memory-deck');
		expect(stored?.deck.version).toBe(2);
		expect(stored?.deck.facts[0].statement).toBe(restated);
	});
});
