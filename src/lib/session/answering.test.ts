import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import { Rating } from '$lib/srs/fsrs-enums';
import {
	studyAnswer,
	studyRatings,
	timeAfter,
	type AnswerChanges,
	type AnswerDeck,
	type AnswerQuestion
} from '$lib/srs/answer';
import { apply, newMemory, type MemoryState } from '$lib/srs/memory';
import { makeReview, makeSettings } from '$lib/srs/test-helpers';
import { StaleRecordError } from '$lib/storage/errors';
import { Repository } from '$lib/storage/repository';
import { commitAnswer } from './answering';
import { logRefusingKv } from './test-helpers';

const settings = makeSettings({ timeZone: 'Asia/Kolkata' });
const deck: AnswerDeck = {
	id: 'd',
	facts: [
		{ id: 'a', statement: 'A.' },
		{ id: 'b', statement: 'B.' }
	]
};
const question: AnswerQuestion = { id: 'q', type: 'statements', facts: ['a', 'b'] };
const keys = ['d/a', 'd/b'];
const T = new Date('2026-01-20T06:00:00Z');

/** A study answer to `question` by one tab, its event ids starting with `tab`. */
function answerOf(tab: string, at: Date) {
	let n = 0;
	return (states: ReadonlyMap<string, MemoryState>, retry: number) =>
		studyAnswer({
			deck,
			question,
			ratings: studyRatings(question.facts, 'a', Rating.Good, { a: true, b: true }),
			known: { a: true, b: true },
			states,
			at: retry ? timeAfter(at, states, keys) : at,
			durationMs: 1000,
			settings,
			newId: () => `${tab}-${++n}`
		});
}

/** Two tabs: two repositories on one IndexedDB database. */
async function twoTabs() {
	const name = `answering-${Math.random()}`;
	return [await Repository.open(name), await Repository.open(name)] as const;
}

describe('committing an answer', () => {
	test('a conflicting write from another tab is retried on top of it: nothing lost or duplicated', async () => {
		const [tabA, tabB] = await twoTabs();
		const seenByA = await tabA.loadStates();
		// Tab B answers the same question first, a few seconds after tab A's clock.
		await commitAnswer(tabB, keys, answerOf('b', new Date(T.getTime() + 5000)));
		const tries: Array<[number, string | null]> = [];
		const fromA = answerOf('a', T);
		const a = await commitAnswer(
			tabA,
			keys,
			(states, retry) => {
				tries.push([retry, states.get('d/a')?.lastEvent ?? null]);
				return fromA(states, retry);
			},
			{ states: seenByA }
		);
		// The first try computed from the stale read; the second from tab B's answer.
		expect(tries).toEqual([
			[0, null],
			[1, 'b-1']
		]);
		expect(a.events.map((e) => e.at.toISOString())).toEqual([
			'2026-01-20T06:00:05.001Z',
			'2026-01-20T06:00:05.001Z'
		]);
		const { events } = await tabA.readLog();
		expect(events.map((e) => e.id).sort()).toEqual(['a-3', 'a-4', 'b-1', 'b-2']);
		const stored = await tabB.loadStates();
		expect(stored.get('d/a')?.events).toBe(2);
		expect(stored).toEqual(await tabB.rebuildFromLog());
	});

	test('after a few tries, another tab’s changes win and the conflict is thrown', async () => {
		const [repo] = await twoTabs();
		let computed = 0;
		const stale = () => {
			computed++;
			const s = apply(newMemory('d', 'a'), makeReview(T, Rating.Good, { deck: 'd', fact: 'a' }));
			return { changes: [{ expected: 'not-the-stored-one', next: s }], events: [] };
		};
		await expect(commitAnswer(repo, ['d/a'], stale)).rejects.toBeInstanceOf(StaleRecordError);
		expect(computed).toBe(4);
	});

	test('a storage failure is thrown to the caller, not retried or dropped', async () => {
		const repo = new Repository(logRefusingKv());
		let computed = 0;
		const compute = answerOf('a', T);
		const counted = (s: ReadonlyMap<string, MemoryState>, retry: number) => {
			computed++;
			return compute(s, retry);
		};
		await expect(commitAnswer(repo, keys, counted)).rejects.toThrow('storage is full');
		expect(computed).toBe(1);
	});

	test('an answer whose events are logged already is not written again', async () => {
		const [repo] = await twoTabs();
		const feed = (states: ReadonlyMap<string, MemoryState>): AnswerChanges => {
			const event = makeReview(T, Rating.Again, { id: 'attempt/d/a', deck: 'd', fact: 'a' });
			const state = states.get('d/a') ?? newMemory('d', 'a');
			return {
				changes: [{ expected: state.lastEvent, next: apply(state, event) }],
				events: [event]
			};
		};
		const once = [{ at: T, id: 'attempt/d/a' }];
		expect(await commitAnswer(repo, ['d/a'], feed, { once })).not.toBeNull();
		expect(await repo.logged([...once, { at: T, id: 'other' }])).toEqual(new Set(['attempt/d/a']));
		expect(await commitAnswer(repo, ['d/a'], feed, { once })).toBeNull();
		expect((await repo.readLog()).events).toHaveLength(1);
		expect((await repo.loadState('d/a'))?.events).toBe(1);
	});
});
