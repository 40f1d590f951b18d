import { describe, expect, test } from 'vitest';
import { Rating } from 'ts-fsrs';
import { StaleRecordError } from './errors';
import { indexedDbKv, memoryKv, openIndexedDb, revOf, STATES_REV, type Kv } from './kv';
import { dayOf, putDay, rawEntries } from './log-days';
import { apply, newMemory } from '../srs/memory';
import { makeReview, makeSettings } from '../srs/test-helpers';
import { Repository } from './repository';
import { answer } from './test-helpers';

/** A kv that notes each read-write transaction: whether it was given a revision, and how it ended. */
function noting(kv: Kv, seen: string[]): Kv {
	return {
		backend: kv.backend,
		close: () => kv.close(),
		async run(stores, mode, body, options) {
			let readDay = false;
			const note = () =>
				mode === 'readwrite' &&
				seen.push(
					`${options?.rev === undefined ? '' : 'rev given, '}${readDay ? 'day read' : 'day not read'}`
				);
			try {
				const result = await kv.run(
					stores,
					mode,
					(tx) =>
						body({
							...tx,
							get: (s, k) => {
								if (s === 'log') readDay = true;
								return tx.get(s, k);
							}
						}),
					options
				);
				note();
				return result;
			} catch (e) {
				note();
				seen.push(`  aborted: ${(e as Error).name}`);
				throw e;
			}
		}
	};
}

const backends: Array<[string, () => Promise<Kv>]> = [
	['IndexedDB', async () => indexedDbKv(await openIndexedDb(`commit-${Math.random()}`))],
	['memory', async () => memoryKv()]
];

const at = (minutes: number) => new Date(Date.parse('2026-01-13T10:00:00Z') + minutes * 60_000);

const stored = (kv: Kv) =>
	kv.run(['meta', 'log'], 'readonly', async (tx) => ({
		rev: revOf(await tx.get('meta', STATES_REV)),
		entries: ((await rawEntries(tx)) as Array<{ id: string }>).map((e) => e.id)
	}));

describe('writing an answer in one round trip', () => {
	test.each(backends)(
		'%s: the day’s next answer goes out with the revision it expects, without reading the day',
		async (_, open) => {
			const kv = await open();
			const seen: string[] = [];
			const repo = new Repository(noting(kv, seen));
			const first = await answer(repo, 'f0', Rating.Good, at(0));
			const second = await answer(repo, 'f1', Rating.Good, at(1));
			const third = await answer(repo, 'f0', Rating.Again, at(2));
			expect(seen).toEqual(['day read', 'rev given, day not read', 'rev given, day not read']);
			expect(await stored(kv)).toEqual({
				rev: 3,
				entries: [first.event.id, second.event.id, third.event.id]
			});
			expect(await repo.loadStates()).toEqual(await repo.rebuildFromLog());
		}
	);

	test.each(backends)(
		'%s: another tab’s answer between aborts it whole, and it is written the long way: nothing lost or twice',
		async (_, open) => {
			const kv = await open();
			const seen: string[] = [];
			const tabA = new Repository(noting(kv, seen));
			const tabB = new Repository(kv);
			const a1 = await answer(tabA, 'f0', Rating.Good, at(0));
			const b1 = await answer(tabB, 'f1', Rating.Good, at(1));
			const a2 = await answer(tabA, 'f2', Rating.Good, at(2));
			// The write given the revision was refused as a whole (its bump too), then the day was read.
			expect(seen).toEqual([
				'day read',
				'rev given, day not read',
				'  aborted: StaleRecordError',
				'day read'
			]);
			expect(await stored(kv)).toEqual({
				rev: 3,
				entries: [a1.event.id, b1.event.id, a2.event.id]
			});
			expect(await tabA.loadStates()).toEqual(await tabA.rebuildFromLog());
			// And the next one goes out in one round trip again.
			await answer(tabA, 'f3', Rating.Good, at(3));
			expect(seen.at(-1)).toBe('rev given, day not read');
		}
	);

	test.each(backends)(
		'%s: another tab’s answer to the same fact: refused as stale, nothing written',
		async (_, open) => {
			const kv = await open();
			const tabA = new Repository(kv);
			const tabB = new Repository(kv);
			const a1 = await answer(tabA, 'f0', Rating.Good, at(0));
			await answer(tabB, 'f0', Rating.Good, at(1));
			const before = await stored(kv);
			// Tab A answers from the state it last saw, on the day it keeps.
			const event = { ...a1.event, id: 'a-late', at: at(2) };
			await expect(
				tabA.commit([{ expected: a1.after.lastEvent, next: a1.after }], [event])
			).rejects.toEqual(new StaleRecordError('d/f0'));
			expect(await stored(kv)).toEqual(before);
		}
	);

	test.each(backends)(
		'%s: another tab’s change to the log alone (an entry set aside) is not undone',
		async (_, open) => {
			const kv = await open();
			const repo = new Repository(kv);
			const a1 = await answer(repo, 'f0', Rating.Good, at(0));
			const a2 = await answer(repo, 'f1', Rating.Good, at(1));
			// Another tab sets the first entry aside (see log-days.ts, fixDays): the log alone.
			const day = dayOf(at(0));
			await kv.run(['log'], 'readwrite', async (tx) => {
				const entries = (await rawEntries(tx)).filter(
					(e) => (e as { id: string }).id !== a1.event.id
				);
				putDay(tx, day, entries);
			});
			const a3 = await answer(repo, 'f2', Rating.Good, at(2));
			expect((await stored(kv)).entries).toEqual([a2.event.id, a3.event.id]);
		}
	);
});

describe('the parameters an answer was scheduled with', () => {
	test.each(backends)(
		'%s: a set is stored with the first answer that uses it and not written again; a new set is',
		async (_, open) => {
			const kv = await open();
			const scopes: string[][] = [];
			const repo = new Repository({
				backend: kv.backend,
				close: () => kv.close(),
				run(stores, mode, body, options) {
					if (mode === 'readwrite') scopes.push([...stores]);
					return kv.run(stores, mode, body, options);
				}
			});
			const write = (fact: string, minutes: number, settings = makeSettings()) => {
				const state = newMemory('d', fact);
				const event = makeReview(at(minutes), Rating.Good, { fact }, settings);
				return repo.commit([{ expected: null, next: apply(state, event) }], [event]);
			};
			await write('f0', 0);
			await write('f1', 1);
			const fitted = makeSettings({ desiredRetention: 0.85 });
			await write('f2', 2, fitted);
			await write('f3', 3, fitted);
			expect(scopes.map((s) => s.includes('settings'))).toEqual([true, false, true, false]);
			expect((await repo.loadParams()).size).toBe(2);
			// Every entry is read back with the set it was scheduled with.
			const { events, bad } = await repo.readLog();
			expect(bad).toBe(0);
			expect(events.map((e) => e.kind === 'review' && e.params.desiredRetention)).toEqual([
				0.9, 0.9, 0.85, 0.85
			]);
		}
	);
});
