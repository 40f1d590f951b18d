import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import { Rating } from 'ts-fsrs';
import * as z from 'zod/mini';
import { DeckSchema, type Deck } from '$lib/bank/schema';
import { Repository } from '$lib/storage/repository';
import { makeSettings } from '$lib/srs/test-helpers';
import { ReviewSession, type ReviewOptions } from './review.svelte';
import { rightResponse, wrongResponse } from './test-helpers';

let deck: Deck;
beforeAll(() => {
	deck = z.parse(
		DeckSchema(),
		JSON.parse(readFileSync('questions/india-us-2026-01/deck.json', 'utf8'))
	);
});

/** A clock that advances 10 seconds each time it is read. */
function clock(start = '2026-01-20T05:00:00Z') {
	let t = new Date(start).getTime();
	return () => new Date((t += 10_000));
}

function memoryStorage() {
	const m = new Map<string, string>();
	return {
		getItem: (k: string) => m.get(k) ?? null,
		setItem: (k: string, v: string) => void m.set(k, v),
		removeItem: (k: string) => void m.delete(k)
	};
}

async function session(repo: Repository, options: ReviewOptions = {}) {
	let n = 0;
	const s = new ReviewSession(repo, [deck], {
		now: clock(),
		newId: () => `id-${Math.random()}-${++n}`,
		...options
	});
	await s.start();
	return s;
}

async function freshRepo(settings = makeSettings({ timeZone: 'Asia/Kolkata' })) {
	const repo = await Repository.open(`review-${Math.random()}`);
	await repo.saveSettings(settings);
	return repo;
}

describe('a review session', () => {
	test('a new learner gets the first fact in deck order, rotated to its first question type', async () => {
		const s = await session(await freshRepo());
		expect(s.phase).toBe('question');
		expect(s.current?.fact.id).toBe(deck.facts[0].id);
		expect(s.current?.question.facts).toContain(deck.facts[0].id);
		expect(s.remaining).toBe(20);
	});

	test('a right answer preselects Good, a wrong one Again, with an interval on each button', async () => {
		const repo = await freshRepo();
		const s = await session(repo);
		const q = s.current!.question;
		if (q.type === 'flashcard') s.reveal();
		else s.answer(wrongResponse(q));
		expect(s.phase).toBe('feedback');
		if (q.type !== 'flashcard') expect(s.rating).toBe(Rating.Again);
		// The scheduler loads while the first question is on screen: the bar shows the intervals
		// once it has.
		await vi.waitFor(() => expect(s.intervals).not.toBeNull());
		expect(s.intervals?.[Rating.Again].label).toBe('1m');
		expect(s.intervals?.[Rating.Good].label).toBe('10m');
	});

	test('each answer is in IndexedDB before the next question shows', async () => {
		const repo = await freshRepo();
		const s = await session(repo);
		const first = s.current!;
		s.answer(rightResponse(first.question));
		await s.rate();
		const { events } = await repo.readLog();
		expect(events.length).toBe(first.question.facts.length);
		expect(events.every((e) => e.kind === 'review' && e.question === first.question.id)).toBe(true);
		expect(s.reviewed).toBe(1);
		expect(s.current?.entry.key).not.toBe(first.entry.key);
	});

	test('a rating pressed again while one is saving is not saved twice; a quick save never shows as saving', async () => {
		const repo = await freshRepo();
		const s = await session(repo);
		const first = s.current!;
		s.answer(rightResponse(first.question));
		expect(s.undoable).toBe(false);
		const saving = s.rate();
		void s.rate(Rating.Easy);
		void s.undo();
		await saving;
		expect(s.saving).toBe(false);
		expect(s.reviewed).toBe(1);
		expect((await repo.readLog()).events).toHaveLength(first.question.facts.length);
		expect(s.undoable).toBe(true);
	});

	test('undo, several steps back, restores the states and the log and shows the question again', async () => {
		const repo = await freshRepo();
		const s = await session(repo);
		const before = await repo.loadStates();
		const items = [];
		for (let i = 0; i < 3; i++) {
			items.push(s.current!);
			s.answer(rightResponse(s.current!.question));
			await s.rate();
		}
		await s.undo();
		expect(s.current).toEqual(items[2]);
		await s.undo();
		await s.undo();
		expect(s.current).toEqual(items[0]);
		expect(s.phase).toBe('question');
		expect(s.reviewed).toBe(0);
		expect((await repo.readLog()).events).toEqual([]);
		expect(await repo.loadStates()).toEqual(before);
	});

	test('after a reload the same question is next', async () => {
		const repo = await freshRepo();
		const resume = memoryStorage();
		const s = await session(repo, { resume });
		s.answer(rightResponse(s.current!.question));
		await s.rate();
		s.answer(wrongResponse(s.current!.question));
		await s.rate(Rating.Again);
		const onScreen = s.current!;
		const reloaded = await session(repo, { resume });
		expect(reloaded.current?.entry.key).toBe(onScreen.entry.key);
		expect(reloaded.current?.question.id).toBe(onScreen.question.id);
	});

	test('two tabs answering the same fact at once both keep their review', async () => {
		const repo = await freshRepo();
		const [a, b] = await Promise.all([session(repo), session(repo)]);
		expect(a.current?.entry.key).toBe(b.current?.entry.key);
		a.answer(rightResponse(a.current!.question));
		b.answer(rightResponse(b.current!.question));
		await Promise.all([a.rate(), b.rate()]);
		const { events } = await repo.readLog();
		const fact = deck.facts[0].id;
		expect(events.filter((e) => e.fact === fact)).toHaveLength(2);
		const state = (await repo.loadStates()).get(`${deck.id}/${fact}`);
		expect(state?.events).toBe(2);
		// The tab whose answer went on top of the other's knows the state it stored.
		expect([a.stateOf(`${deck.id}/${fact}`), b.stateOf(`${deck.id}/${fact}`)]).toContainEqual(
			state
		);
		expect(await repo.loadStates()).toEqual(await repo.rebuildFromLog());
	});

	test('the next question is found while the answer is written, and shows once it is stored', async () => {
		const repo = await freshRepo();
		const s = await session(repo);
		const first = s.current!;
		let store!: () => void;
		const commit = repo.commit.bind(repo);
		const spy = vi.spyOn(repo, 'commit').mockImplementationOnce(async (changes, events) => {
			await new Promise<void>((resolve) => (store = resolve));
			return commit(changes, events);
		});
		s.answer(rightResponse(first.question));
		const rating = s.rate();
		await vi.waitFor(() => expect(spy).toHaveBeenCalled());
		// The answer is not stored yet: the screen has not moved.
		expect(s.current).toBe(first);
		expect(s.phase).toBe('feedback');
		expect(s.reviewed).toBe(0);
		store();
		await rating;
		expect(s.current?.entry.key).not.toBe(first.entry.key);
		expect((await repo.readLog()).events).toHaveLength(first.question.facts.length);
		expect(s.stateOf(first.entry.key)).toEqual((await repo.loadStates()).get(first.entry.key));
	});

	test('an answer that is not stored leaves the session as it was, and is stored once when rated again', async () => {
		const repo = await freshRepo();
		const s = await session(repo);
		const first = s.current!;
		const remaining = s.remaining;
		vi.spyOn(repo, 'commit').mockRejectedValueOnce(new Error('The disk is full'));
		s.answer(rightResponse(first.question));
		await s.rate();
		expect(s.error).toMatch(/^Your answer was not saved/);
		expect(s.phase).toBe('feedback');
		expect(s.current).toBe(first);
		expect(s.reviewed).toBe(0);
		// The states the answer would have given were taken back, and the queue with them.
		for (const f of first.question.facts) expect(s.stateOf(`${deck.id}/${f}`)).toBeUndefined();
		expect(s.remaining).toBe(remaining);
		await s.rate();
		expect(s.error).toBeNull();
		expect(s.reviewed).toBe(1);
		expect((await repo.readLog()).events).toHaveLength(first.question.facts.length);
		const stored = await repo.loadStates();
		for (const f of first.question.facts)
			expect(s.stateOf(`${deck.id}/${f}`)).toEqual(stored.get(`${deck.id}/${f}`));
		// The day's counts were taken back too: the new fact is counted once.
		const again = await session(repo);
		expect(again.remaining).toBe(s.remaining);
	});

	test('a fact answered Again comes back in the same session', async () => {
		const repo = await freshRepo(makeSettings({ timeZone: 'Asia/Kolkata', newPerDay: 1 }));
		const s = await session(repo);
		const key = s.current!.entry.key;
		const q = s.current!.question;
		if (q.type === 'flashcard') s.reveal();
		else s.answer(wrongResponse(q));
		await s.rate(Rating.Again);
		expect(s.phase).toBe('question');
		expect(s.current?.entry.key).toBe(key);
	});

	test('the day ends with a summary, and more new facts can be studied beyond the limit', async () => {
		const repo = await freshRepo(makeSettings({ timeZone: 'Asia/Kolkata', newPerDay: 2 }));
		const s = await session(repo);
		let guard = 0;
		while (s.phase !== 'done' && guard++ < 50) {
			if (s.current!.question.type === 'flashcard') s.reveal();
			else s.answer(rightResponse(s.current!.question));
			await s.rate(Rating.Easy);
		}
		expect(s.phase).toBe('done');
		expect(s.summary?.reviewed).toBe(s.reviewed);
		expect(s.summary?.nextDue).toBeInstanceOf(Date);
		expect(s.newBeyondLimit).toBeGreaterThan(0);
		await s.moreNew(5);
		expect(s.phase).toBe('question');
		expect(s.current?.entry.kind).toBe('new');
	});

	test('a session for one topic asks only facts of that topic', async () => {
		const s = await session(await freshRepo(), { topic: 'nuclear' });
		const fact = deck.facts.find((f) => f.id === s.current?.fact.id);
		expect(fact?.topics).toContain('nuclear');
	});
});

test('a new fact tested only by composite questions is still asked, not skipped', async () => {
	const base = { prompt: 'Consider:', explanation: 'e', difficulty: 2 as const };
	const small: Deck = {
		...deck,
		facts: deck.facts.slice(0, 2),
		questions: [
			{
				...base,
				id: 'only-a',
				type: 'true_false',
				facts: [deck.facts[0].id],
				statement: 's',
				answer: true
			},
			{
				...base,
				id: 'a-and-b',
				type: 'statements',
				mode: 'how_many',
				facts: [deck.facts[0].id, deck.facts[1].id],
				statements: [
					{ text: '1', fact: deck.facts[0].id, correct: true },
					{ text: '2', fact: deck.facts[1].id, correct: true }
				],
				options: [
					{ text: 'Only one', count: 1 },
					{ text: 'Both', count: 2 }
				],
				answer: 1
			}
		]
	};
	const repo = await freshRepo(makeSettings({ timeZone: 'Asia/Kolkata', newPerDay: 1 }));
	let n = 0;
	const s = new ReviewSession(repo, [small], { now: clock(), newId: () => `x-${++n}` });
	await s.start();
	expect(s.current?.question.id).toBe('only-a');
	s.answer(rightResponse(s.current!.question));
	await s.rate(Rating.Easy);
	// Fact a is now in review and not due; fact b (new, over today's limit) is asked via "more".
	expect(s.phase).toBe('done');
	await s.moreNew(1);
	expect(s.current?.fact.id).toBe(deck.facts[1].id);
	expect(s.current?.question.id).toBe('a-and-b');
});
