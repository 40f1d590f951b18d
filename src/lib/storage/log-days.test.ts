import { describe, expect, test } from 'vitest';
import { Rating } from 'ts-fsrs';
import { paramsId } from '../srs/memory';
import { makeReview } from '../srs/test-helpers';
import { eventToRecord } from './convert';
import { memoryKv } from './kv';
import { appendEntries, dayOf, groupByDay, rawEntries } from './log-days';
import { logKey, paramsKey, paramsToRecord } from './records';
import { Repository } from './repository';
import { answer, freshRepo } from './test-helpers';

const backends = {
	indexeddb: () => freshRepo(),
	memory: async () => new Repository(memoryKv())
};

const times = (repo: Repository) =>
	repo.kv.run(['log'], 'readonly', (tx) => tx.entries('log-times')) as Promise<
		Array<[string, number[]]>
	>;

const days = (repo: Repository) =>
	repo.kv.run(['log'], 'readonly', (tx) => tx.entries('log')) as Promise<
		Array<[string, { day: string; entries: Array<{ id: string; at: string }> }]>
	>;

describe.each(Object.entries(backends))('the log, one record per UTC day (%s)', (_, open) => {
	test('answers go to their day’s record in time order, whatever order they come in', async () => {
		const repo = await open();
		await answer(repo, 'f0', Rating.Good, new Date('2026-01-13T23:59:00Z'));
		await answer(repo, 'f1', Rating.Good, new Date('2026-01-14T00:01:00Z'));
		await answer(repo, 'f2', Rating.Good, new Date('2026-01-13T08:00:00Z'));
		const stored = await days(repo);
		expect(stored.map(([k, d]) => [k, d.day, d.entries.map((e) => e.at)])).toEqual([
			['2026-01-13', '2026-01-13', ['2026-01-13T08:00:00.000Z', '2026-01-13T23:59:00.000Z']],
			['2026-01-14', '2026-01-14', ['2026-01-14T00:01:00.000Z']]
		]);
		const { events } = await repo.readLog();
		expect(events.map((e) => e.fact)).toEqual(['f2', 'f0', 'f1']);
		expect(await repo.counts()).toMatchObject({ log: 3 });
	});

	test('the count of entries reads the days’ times, and a day without them itself', async () => {
		const repo = await open();
		await answer(repo, 'f0', Rating.Good, new Date('2026-01-13T08:00:00Z'));
		await answer(repo, 'f1', Rating.Good, new Date('2026-01-13T09:00:00Z'));
		await answer(repo, 'f2', Rating.Good, new Date('2026-01-14T08:00:00Z'));
		// The days' records are not what is counted: their times are.
		await repo.kv.run(['log'], 'readwrite', async (tx) =>
			tx.put('log-times', '2026-01-14', [1, 2])
		);
		expect(await repo.counts()).toMatchObject({ log: 4 });
		// Times missing or unreadable: that day is read.
		await repo.kv.run(['log'], 'readwrite', async (tx) => {
			tx.delete('log-times', '2026-01-13');
			tx.put('log-times', '2026-01-14', 'damaged');
		});
		expect(await repo.counts()).toMatchObject({ log: 3 });
	});

	test('an entry already stored (same time and id) is refused, and nothing of its answer is written', async () => {
		const repo = await open();
		const { event } = await answer(repo, 'f0');
		const before = await days(repo);
		await expect(
			repo.kv.run(['states', 'log', 'quarantine'], 'readwrite', async (tx) => {
				tx.put('states', 'd/f1', { any: 'thing' });
				await appendEntries(tx, [eventToRecord({ ...event, fact: 'f1' })]);
			})
		).rejects.toThrow('A record with this key already exists');
		expect(await days(repo)).toEqual(before);
		expect(await repo.loadState('d/f1')).toBeUndefined();
		// The same id at another time is another entry (the key is time and id, as before).
		await repo.kv.run(['log', 'quarantine'], 'readwrite', (tx) =>
			appendEntries(tx, [eventToRecord({ ...event, at: new Date('2026-01-13T10:00:01Z') })])
		);
		expect(await repo.counts()).toMatchObject({ log: 2 });
	});

	test('undo removes the entry from its day, and the day’s record once it is empty', async () => {
		const repo = await open();
		const first = await answer(repo, 'f0', Rating.Good, new Date('2026-01-13T10:00:00Z'));
		const second = await answer(repo, 'f1', Rating.Good, new Date('2026-01-14T10:00:00Z'));
		await repo.undo(
			[{ key: 'd/f1', expected: second.after.lastEvent, previous: null }],
			[second.event]
		);
		expect((await days(repo)).map(([k]) => k)).toEqual(['2026-01-13']);
		expect(await repo.logged([first.event, second.event])).toEqual(new Set([first.event.id]));
	});

	test('the day’s counts and the times read from a day on', async () => {
		const repo = await open();
		await answer(repo, 'f0', Rating.Good, new Date('2026-01-12T10:00:00Z'));
		await answer(repo, 'f1', Rating.Good, new Date('2026-01-13T03:00:00Z'));
		await answer(repo, 'f2', Rating.Good, new Date('2026-01-13T05:00:00Z'));
		await answer(repo, 'f0', Rating.Good, new Date('2026-01-14T05:00:00Z'));
		const dayStart = new Date('2026-01-13T04:00:00Z');
		expect(await repo.todayCounts(dayStart)).toEqual({ newToday: 1, reviewsToday: 0 });
		expect((await repo.logTimes(dayStart)).map((t) => t.toISOString())).toEqual([
			'2026-01-13T05:00:00.000Z',
			'2026-01-14T05:00:00.000Z'
		]);
		expect(await repo.logTimes()).toHaveLength(4);
	});

	test('each day’s times are kept beside it through answers, undo and a reset of progress', async () => {
		const repo = await open();
		const at = (iso: string) => new Date(iso).getTime();
		await answer(repo, 'f0', Rating.Good, new Date('2026-01-13T10:00:00Z'));
		const second = await answer(repo, 'f1', Rating.Good, new Date('2026-01-13T08:00:00Z'));
		await answer(repo, 'f2', Rating.Good, new Date('2026-01-14T10:00:00Z'));
		expect(await times(repo)).toEqual([
			['2026-01-13', [at('2026-01-13T08:00:00Z'), at('2026-01-13T10:00:00Z')]],
			['2026-01-14', [at('2026-01-14T10:00:00Z')]]
		]);
		await repo.undo(
			[{ key: 'd/f1', expected: second.after.lastEvent, previous: null }],
			[second.event]
		);
		expect((await times(repo))[0]).toEqual(['2026-01-13', [at('2026-01-13T10:00:00Z')]]);
		await repo.resetProgress();
		expect(await times(repo)).toEqual([]);
	});

	test('a day whose times are missing or damaged is read from the day itself', async () => {
		const repo = await open();
		await answer(repo, 'f0', Rating.Good, new Date('2026-01-13T10:00:00Z'));
		await answer(repo, 'f1', Rating.Good, new Date('2026-01-14T10:00:00Z'));
		await repo.kv.run(['log'], 'readwrite', async (tx) => {
			tx.delete('log-times', '2026-01-13');
			tx.put('log-times', '2026-01-14', ['not a time']);
		});
		expect((await repo.logTimes()).map((t) => t.toISOString())).toEqual([
			'2026-01-13T10:00:00.000Z',
			'2026-01-14T10:00:00.000Z'
		]);
	});

	test('an answer on a day whose record is damaged sets that record aside whole and goes on', async () => {
		const repo = await open();
		await repo.kv.run(['log'], 'readwrite', async (tx) =>
			tx.put('log', '2026-01-13', { schemaVersion: 2, day: '2026-01-13', entries: 7 })
		);
		const { event } = await answer(repo, 'f0');
		expect((await repo.readLog()).events).toEqual([event]);
		const [aside] = await repo.quarantined();
		expect(aside).toMatchObject({ store: 'log', key: '2026-01-13', record: { entries: 7 } });
		expect(aside.error).toMatch(/^entries: /);
	});

	test('an entry stored under another day than its time’s is set aside', async () => {
		const repo = await open();
		const { event } = await answer(repo, 'f0');
		const moved = eventToRecord({ ...event, id: 'moved', at: new Date('2026-01-20T10:00:00Z') });
		await repo.kv.run(['log'], 'readwrite', async (tx) => {
			const day = (await tx.get('log', '2026-01-13')) as { entries: unknown[] };
			tx.put('log', '2026-01-13', { ...day, entries: [...day.entries, moved] });
		});
		expect((await repo.readLog()).bad).toBe(1);
		const [aside] = await repo.quarantined();
		expect(aside).toMatchObject({ key: logKey(moved), error: expect.stringMatching(/^at: /) });
		expect(await repo.kv.run(['log'], 'readonly', (tx) => rawEntries(tx))).toHaveLength(1);
	});
});

describe('days', () => {
	test('an entry’s day is its UTC day, whatever offset its time is written with', () => {
		expect(dayOf('2026-01-13T23:30:00.000Z')).toBe('2026-01-13');
		expect(dayOf('2026-01-14T02:00:00+05:30')).toBe('2026-01-13');
		expect(dayOf(new Date('2026-01-14T00:00:00Z'))).toBe('2026-01-14');
	});

	test('entries are grouped by day, in key order', () => {
		const e = (at: string, id: string) =>
			eventToRecord(makeReview(at, Rating.Good, { id, fact: id }));
		const grouped = groupByDay([
			e('2026-01-14T01:00:00Z', 'c'),
			e('2026-01-13T09:00:00Z', 'b'),
			e('2026-01-13T09:00:00Z', 'a')
		]);
		expect([...grouped].map(([d, es]) => [d, es.map((x) => x.id)])).toEqual([
			['2026-01-13', ['a', 'b']],
			['2026-01-14', ['c']]
		]);
	});
});

describe('the upgrade from a database of one record per entry (version 3)', () => {
	test('moves every entry into its day, keeps aside one with no time, and the log reads as before', async () => {
		const name = `upgrade-${Math.random()}`;
		const events = [
			makeReview('2026-01-13T09:00:00Z', Rating.Good, { id: 'e1', fact: 'f0' }),
			makeReview('2026-01-13T10:00:00Z', Rating.Again, { id: 'e2', fact: 'f0' }),
			makeReview('2026-01-14T09:00:00Z', Rating.Good, { id: 'e3', fact: 'f1' })
		];
		const old = await new Promise<IDBDatabase>((resolve, reject) => {
			const request = indexedDB.open(name, 3);
			request.onupgradeneeded = () => {
				for (const s of ['states', 'log', 'settings', 'meta', 'quarantine', 'decks', 'attempts'])
					request.result.createObjectStore(s);
			};
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
		await new Promise((resolve) => {
			const tx = old.transaction('log', 'readwrite');
			for (const e of events) tx.objectStore('log').put(eventToRecord(e), logKey(e));
			tx.objectStore('log').put({ schemaVersion: 2, kind: 'review' }, 'no-time');
			tx.oncomplete = resolve;
		});
		old.close();

		const repo = await Repository.open(name);
		expect((await days(repo)).map(([k, d]) => [k, d.entries.map((e) => e.id)])).toEqual([
			['2026-01-13', ['e1', 'e2']],
			['2026-01-14', ['e3']]
		]);
		expect((await times(repo)).map(([k, t]) => [k, t.length])).toEqual([
			['2026-01-13', 2],
			['2026-01-14', 1]
		]);
		const aside = await repo.quarantined();
		expect(aside).toMatchObject([{ store: 'log', key: 'no-time', error: /^at: not a time/ }]);
		// The parameters were not stored in this old database: each entry's are, for the replay.
		await repo.kv.run(['settings'], 'readwrite', async (tx) => {
			for (const e of events)
				if (e.kind === 'review')
					tx.put('settings', paramsKey(paramsId(e.params)), paramsToRecord(e.params));
		});
		expect((await repo.readLog()).events).toEqual(events);
		repo.kv.close();
	});
});

test('the upgrade from version 5 writes each day’s times beside it', async () => {
	const name = `upgrade5-${Math.random()}`;
	const e1 = eventToRecord(
		makeReview('2026-01-13T09:00:00Z', Rating.Good, { id: 'e1', fact: 'f0' })
	);
	const old = await new Promise<IDBDatabase>((resolve, reject) => {
		const request = indexedDB.open(name, 5);
		request.onupgradeneeded = () => {
			for (const s of ['states', 'log', 'settings', 'meta', 'quarantine', 'decks', 'attempts'])
				request.result.createObjectStore(s);
			request.result.createObjectStore('deck-summaries');
		};
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error);
	});
	await new Promise((resolve) => {
		const tx = old.transaction('log', 'readwrite');
		tx.objectStore('log').put({ schemaVersion: 2, day: '2026-01-13', entries: [e1] }, '2026-01-13');
		tx.oncomplete = resolve;
	});
	old.close();
	const repo = await Repository.open(name);
	expect(await times(repo)).toEqual([['2026-01-13', [new Date('2026-01-13T09:00:00Z').getTime()]]]);
	repo.kv.close();
});
