import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import { makeDeck } from '$lib/bank/test-helpers';
import type { Deck } from '$lib/bank/schema';
import { statementHash } from '$lib/srs/keys';
import { makeSettings } from '$lib/srs/test-helpers';
import { Repository } from '$lib/storage/repository';
import { afterFrame } from './after-frame';
import { ReviewSession } from './review.svelte';
import type { LazyDeck } from './study-source';
import { rightResponse } from './test-helpers';

/** Ten decks known by their listings, recording which are read. */
function lazyDecks(unreadable: readonly string[] = []) {
	const loads: string[] = [];
	const decks: LazyDeck[] = Array.from({ length: 10 }, (_, i) => {
		const deck: Deck = makeDeck({ id: `d${i}`, title: `Deck ${i}` });
		return {
			id: deck.id,
			title: deck.title,
			facts: deck.facts.map((f) => ({
				fact: f.id,
				statementHash: statementHash(f.statement),
				topics: f.topics
			})),
			load: async () => {
				loads.push(deck.id);
				return unreadable.includes(deck.id) ? null : deck;
			}
		};
	});
	return { decks, loads };
}

async function start(decks: readonly LazyDeck[]) {
	const repo = await Repository.open(`source-${Math.random()}`);
	await repo.saveSettings(makeSettings({ timeZone: 'Asia/Kolkata' }));
	const s = new ReviewSession(repo, decks, { now: () => new Date('2026-01-20T05:00:00Z') });
	await s.start();
	return s;
}

describe('a session over decks read on demand', () => {
	test('the first question reads its own deck and a few ahead, not every deck', async () => {
		const { decks, loads } = lazyDecks();
		const s = await start(decks);
		expect(s.current?.deck.id).toBe('d0');
		expect(s.current?.fact.id).toBe('shanti');
		// Its own deck only, until the question is on screen (after the frame, in the app).
		expect(loads).toEqual(['d0']);
		// The five facts after the first are in decks d0 to d2: those are read ahead, no more.
		await afterFrame();
		expect(new Set(loads)).toEqual(new Set(['d0', 'd1', 'd2']));
		expect(s.remaining).toBe(20);
	});

	test('a deck that cannot be read is skipped: its facts are not asked', async () => {
		const { decks } = lazyDecks(['d0']);
		const s = await start(decks);
		expect(s.current?.deck.id).toBe('d1');
	});

	test('a deck is read once, however many of its facts are asked', async () => {
		const { decks, loads } = lazyDecks();
		const s = await start(decks);
		s.answer(rightResponse(s.current!.question));
		await s.rate();
		expect(s.reviewed).toBe(1);
		expect(s.current?.deck.id).toBe('d0');
		expect(loads.filter((id) => id === 'd0')).toHaveLength(1);
	});
});
