import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { Rating } from 'ts-fsrs';
import { builtinDecks } from '$lib/bank/builtin.server';
import { apply, newMemory } from '$lib/srs/memory';
import { makeReview } from '$lib/srs/test-helpers';
import { ReadingPage } from './reading.svelte';

const { deck, sourceText } = builtinDecks[0];

beforeEach(() => {
	const stored = new Map<string, string>();
	vi.stubGlobal('localStorage', {
		getItem: (k: string) => stored.get(k) ?? null,
		setItem: (k: string, v: string) => void stored.set(k, String(v)),
		removeItem: (k: string) => void stored.delete(k)
	});
});
afterEach(() => vi.unstubAllGlobals());

describe('ReadingPage', () => {
	test('locates every quote of a built-in deck, and flags none', () => {
		const view = new ReadingPage(deck, sourceText);
		expect(view.ranges.map((r) => r.id)).toEqual(deck.facts.map((f) => f.id));
		expect(view.missing).toEqual([]);
		expect(view.studyAll).toBe(`/study?deck=${deck.id}`);
	});

	test('flags the facts whose quote is not in the text, keeping them', () => {
		const view = new ReadingPage(deck, 'Another article altogether.');
		expect(view.ranges).toEqual([]);
		expect(view.missing.map((f) => f.id)).toEqual(deck.facts.map((f) => f.id));
	});

	test("gives a fact's topics, questions, study link, and its memory once read", async () => {
		vi.resetModules();
		const { repository } = await import('./storage.svelte');
		const { ReadingPage: Page } = await import('./reading.svelte');
		const fact = deck.facts[0];
		const repo = await repository();
		const event = makeReview('2026-01-13T10:00:00Z', Rating.Good, { deck: deck.id, fact: fact.id });
		await repo.commit(
			[{ expected: null, next: apply(newMemory(deck.id, fact.id), event) }],
			[event]
		);

		const view = new Page(deck, sourceText);
		const [shown] = view.facts([fact.id]);
		expect(shown.memory).toBeNull();
		expect(shown.topics).toEqual(
			fact.topics.map((t) => deck.topics.find((x) => x.id === t)!.label)
		);
		expect(shown.questions.map((q) => q.id)).toEqual(
			deck.questions.filter((q) => q.facts.includes(fact.id)).map((q) => q.id)
		);
		expect(shown.study).toBe(`/study?facts=${encodeURIComponent(`${deck.id}/${fact.id}`)}`);

		await view.load(new Date('2026-01-13T10:05:00Z'));
		const [read, other] = view.facts([fact.id, deck.facts[1].id]);
		expect(read.memory!.status[0]).not.toBe('new');
		expect(read.memory!.recall).toBeGreaterThan(0.9);
		expect(other.memory!.status).toEqual(['new']);
		expect(view.facts(['no-such-fact'])).toEqual([]);
		repo.kv.close();
	});

	test('finds the deck a /read?deck= link names: own, built-in (by its page), or none', async () => {
		vi.resetModules();
		const { findDeckToRead } = await import('./reading.svelte');
		const asked: string[] = [];
		const get = (ok: boolean) => async (url: string) => {
			asked.push(url);
			return new Response('', { status: ok ? 200 : 404 });
		};
		expect(await findDeckToRead(deck.id, get(true))).toBe('builtin');
		expect(asked).toEqual([`/read/${deck.id}`]);
		expect(await findDeckToRead('no-such-deck', get(false))).toBeNull();
		// Not a deck id at all (a path, say): nothing is asked.
		for (const id of ['', '..', '../settings', 'a/b', 'Constructor'])
			expect(await findDeckToRead(id, get(true))).toBeNull();
		expect(asked).toHaveLength(2);
		const failing = async () => Promise.reject(new TypeError('offline'));
		expect(await findDeckToRead('no-such-deck', failing)).toBeNull();
	});
});
