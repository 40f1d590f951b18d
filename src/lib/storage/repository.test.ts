import { describe, expect, test } from 'vitest';
import { Rating } from 'ts-fsrs';
import { apply, memoryKey, newMemory } from '../srs/memory';
import { makeReview, makeSettings } from '../srs/test-helpers';
import { StaleRecordError } from './errors';
import { indexedDbKv, memoryKv, openIndexedDb } from './kv';
import { Repository } from './repository';
import { dayOf } from './log-days';
import { answer, freshRepo, study } from './test-helpers';

describe('writing answers', () => {
	test('an answer writes the new state and its log entry together', async () => {
		const repo = await freshRepo();
		const { after, event } = await answer(repo, 'f0');
		expect(await repo.loadState('d/f0')).toEqual(after);
		const { events } = await repo.readLog();
		expect(events).toEqual([event]);
	});

	test('a write that finds the state changed since it was read refuses and writes nothing', async () => {
		const repo = await freshRepo();
		await answer(repo, 'f0');
		const stale = newMemory('d', 'f0'); // computed as if the fact had never been answered
		const event = makeReview('2026-01-13T11:00:00Z', Rating.Again);
		const next = apply(stale, event);
		await expect(repo.commit([{ expected: null, next }], [event])).rejects.toBeInstanceOf(
			StaleRecordError
		);
		expect((await repo.readLog()).events).toHaveLength(1);
		expect((await repo.loadState('d/f0'))?.lastEvent).not.toBe(event.id);
	});

	test.each([
		['IndexedDB', () => freshRepo()],
		['memory', async () => new Repository(memoryKv())]
	])(
		'%s: an answer both stale and logged before fails as stale, writing nothing',
		async (_, open) => {
			const repo = await open();
			const { event } = await answer(repo, 'f0');
			const before = await repo.counts();
			const next = apply(newMemory('d', 'f0'), event);
			// Its state expects the fact never answered, and its log entry is the one stored.
			await expect(repo.commit([{ expected: null, next }], [event])).rejects.toBeInstanceOf(
				StaleRecordError
			);
			// Up to date but logged before: refused as a duplicate, nothing written either.
			const current = (await repo.loadState('d/f0'))!;
			await expect(
				repo.commit([{ expected: current.lastEvent, next: apply(current, event) }], [event])
			).rejects.toThrow('already exists');
			expect(await repo.counts()).toEqual(before);
			expect(await repo.loadState('d/f0')).toEqual(current);
		}
	);

	test('two connections answering at once lose nothing', async () => {
		const name = `two-tabs-${Math.random()}`;
		const [tabA, tabB] = await Promise.all([Repository.open(name), Repository.open(name)]);
		// Different facts at the same moment: both land.
		await Promise.all([answer(tabA, 'f0'), answer(tabB, 'f1')]);
		// The same fact from both tabs: one lands, the other refuses rather than overwrite.
		const results = await Promise.allSettled([answer(tabA, 'f2'), answer(tabB, 'f2')]);
		const refused = results.filter((r) => r.status === 'rejected');
		expect(refused).toHaveLength(1);
		expect((refused[0] as PromiseRejectedResult).reason).toBeInstanceOf(StaleRecordError);
		// The refused tab re-reads and answers again: both reviews are in the log.
		await answer(tabB, 'f2', Rating.Good, new Date('2026-01-13T10:05:00Z'));
		const { events } = await tabA.readLog();
		expect(events.filter((e) => e.fact === 'f2')).toHaveLength(2);
		expect(events).toHaveLength(4);
		expect(await tabA.loadStates()).toEqual(await tabA.rebuildFromLog());
	});

	test('a transaction aborted before commit leaves the previous state', async () => {
		const repo = await freshRepo();
		const { after } = await answer(repo, 'f0');
		await expect(
			repo.kv.run(['states', 'log'], 'readwrite', async (tx) => {
				tx.put('states', 'd/f0', { broken: true });
				tx.put('log', 'x', { broken: true });
				throw new Error('the tab was closed mid-write');
			})
		).rejects.toThrow('mid-write');
		expect(await repo.loadState('d/f0')).toEqual(after);
		expect(await repo.counts()).toEqual({ states: 1, log: 1, quarantined: 0 });
	});

	test('undo restores exactly the previous states and removes the log entries, several steps back', async () => {
		const repo = await freshRepo();
		const first = await answer(repo, 'f0', Rating.Good, new Date('2026-01-13T10:00:00Z'));
		const second = await answer(repo, 'f0', Rating.Again, new Date('2026-01-13T10:10:00Z'));
		await repo.undo(
			[{ key: 'd/f0', expected: second.after.lastEvent, previous: second.before! }],
			[second.event]
		);
		expect(await repo.loadState('d/f0')).toEqual(first.after);
		await repo.undo(
			[{ key: 'd/f0', expected: first.after.lastEvent, previous: null }],
			[first.event]
		);
		expect(await repo.loadState('d/f0')).toBeUndefined();
		expect(await repo.counts()).toEqual({ states: 0, log: 0, quarantined: 0 });
	});

	test('undo refuses when another tab answered the fact since', async () => {
		const repo = await freshRepo();
		const first = await answer(repo, 'f0');
		await answer(repo, 'f0', Rating.Good, new Date('2026-01-13T10:10:00Z'));
		await expect(
			repo.undo([{ key: 'd/f0', expected: first.after.lastEvent, previous: null }], [first.event])
		).rejects.toBeInstanceOf(StaleRecordError);
		expect(await repo.counts()).toMatchObject({ states: 1, log: 2 });
	});
});

describe('the log is the source of truth', () => {
	test('rebuilding the states from the log alone equals the stored states', async () => {
		const repo = await freshRepo();
		await study(repo, 12, 6);
		const stored = await repo.loadStates();
		expect(stored.size).toBe(12);
		expect(await repo.rebuildFromLog()).toEqual(stored);
	});

	test("today's counts: new facts introduced and reviews of review-state facts since the day began", async () => {
		const repo = await freshRepo();
		await answer(repo, 'f0', Rating.Good, new Date('2026-01-12T10:00:00Z'));
		await answer(repo, 'f0', Rating.Good, new Date('2026-01-12T10:10:00Z')); // graduates to review
		await answer(repo, 'f0', Rating.Good, new Date('2026-01-14T10:00:00Z')); // a review, today
		await answer(repo, 'f1', Rating.Good, new Date('2026-01-14T10:01:00Z')); // new, today
		await answer(repo, 'f1', Rating.Good, new Date('2026-01-14T10:11:00Z')); // learning step
		expect(await repo.todayCounts(new Date('2026-01-14T04:00:00Z'))).toEqual({
			newToday: 1,
			reviewsToday: 1
		});
	});
});

describe('bad and old records', () => {
	test('a corrupted state record is kept aside, reported, and its fact rebuilt from the log', async () => {
		const repo = await freshRepo();
		const { after } = await answer(repo, 'f0');
		await repo.kv.run(['states'], 'readwrite', async (tx) =>
			tx.put('states', 'd/f0', { schemaVersion: 2, deck: 'd', fact: 'f0', card: 'garbage' })
		);
		const states = await repo.loadStates();
		expect(states.get('d/f0')).toEqual(after);
		const kept = await repo.quarantined();
		expect(kept).toHaveLength(1);
		expect(kept[0]).toMatchObject({ store: 'states', key: 'd/f0', record: { card: 'garbage' } });
		expect(kept[0].error).toMatch(/^card: /);
		expect(await repo.loadState('d/f0')).toEqual(after);
	});

	test('a corrupted log entry is kept aside alone: the rest of its day still reads', async () => {
		const repo = await freshRepo();
		await answer(repo, 'f0');
		const bad = { schemaVersion: 2, kind: 'review', at: '2026-01-13T09:00:00.000Z', id: 'bad' };
		await repo.kv.run(['log'], 'readwrite', async (tx) => {
			const day = (await tx.get('log', '2026-01-13')) as { entries: unknown[] };
			tx.put('log', '2026-01-13', { ...day, entries: [bad, ...day.entries] });
		});
		const { events, bad: badCount } = await repo.readLog();
		expect(events).toHaveLength(1);
		expect(badCount).toBe(1);
		expect((await repo.quarantined())[0]).toMatchObject({
			store: 'log',
			key: '2026-01-13T09:00:00.000Z bad',
			record: bad
		});
		expect(await repo.counts()).toEqual({ states: 1, log: 1, quarantined: 1 });
		expect(await repo.quarantinedCount()).toBe(1);
		expect((await repo.readLog()).events).toEqual(events);
	});

	test('a log record that is not a day is kept aside whole, with why', async () => {
		const repo = await freshRepo();
		await answer(repo, 'f0');
		await repo.kv.run(['log'], 'readwrite', async (tx) => {
			tx.put('log', '2026-01-12', { schemaVersion: 2, day: '2026-01-12', entries: 'lost' });
			tx.put('log', '2026-01-11', { schemaVersion: 2, day: '2026-01-10', entries: [] });
		});
		const { events, bad } = await repo.readLog();
		expect(events).toHaveLength(1);
		expect(bad).toBe(2);
		const aside = await repo.quarantined();
		expect(aside.map((q) => [q.key, q.error])).toEqual([
			['2026-01-11', 'day: stored under 2026-01-11'],
			['2026-01-12', expect.stringMatching(/^entries: /)]
		]);
		expect(await repo.counts()).toEqual({ states: 1, log: 1, quarantined: 2 });
	});

	test('scheduling parameters are stored once, and an entry whose parameters are lost is kept aside', async () => {
		const repo = await freshRepo();
		await study(repo, 3, 2);
		expect((await repo.loadParams()).size).toBe(1);
		const [id] = (await repo.loadParams()).keys();
		await repo.kv.run(['settings'], 'readwrite', async (tx) =>
			tx.delete('settings', `params:${id}`)
		);
		const { events, bad } = await repo.readLog();
		expect(events).toHaveLength(0);
		expect(bad).toBe(6);
		expect((await repo.quarantined())[0].error).toBe(
			`paramsId: "${id}" names no stored scheduling parameters`
		);
	});

	test('records of schema version 1 (dates as epoch milliseconds) are migrated when read', async () => {
		const repo = await freshRepo();
		const { after, event } = await answer(repo, 'f0');
		const ms = (iso: string) => new Date(iso).getTime();
		await repo.kv.run(['states', 'log'], 'readwrite', async (tx) => {
			const s = (await tx.get('states', 'd/f0')) as Record<string, any>;
			tx.put('states', 'd/f0', {
				...s,
				schemaVersion: 1,
				card: { ...s.card, due: ms(s.card.due), last_review: ms(s.card.last_review) },
				introduced: ms(s.introduced),
				lastShown: { mcq: ms(s.lastShown.mcq) }
			});
			const day = (await tx.get('log', dayOf(event.at))) as Record<string, any>;
			const [l] = day.entries;
			tx.put('log', dayOf(event.at), {
				...day,
				entries: [{ ...l, schemaVersion: 1, at: ms(l.at) }]
			});
		});
		expect((await repo.loadStates()).get('d/f0')).toEqual(after);
		expect((await repo.readLog()).events).toEqual([event]);
		// Migrated records are written back in the current layout.
		const raw = (await repo.kv.run(['states'], 'readonly', (tx) =>
			tx.get('states', 'd/f0')
		)) as any;
		expect(raw.schemaVersion).toBe(2);
		expect(typeof raw.card.due).toBe('string');
		const day = (await repo.kv.run(['log'], 'readonly', (tx) =>
			tx.get('log', dayOf(event.at))
		)) as any;
		expect(day.entries[0]).toMatchObject({ schemaVersion: 2, at: event.at.toISOString() });
		expect(await repo.quarantinedCount()).toBe(0);
	});

	test('a record written by a newer version of the app is kept aside, not misread', async () => {
		const repo = await freshRepo();
		await repo.kv.run(['states'], 'readwrite', async (tx) =>
			tx.put('states', 'd/f9', { schemaVersion: 3, whatever: true })
		);
		expect((await repo.loadStates()).size).toBe(0);
		expect((await repo.quarantined())[0].error).toMatch(/newer version of the app/);
	});
});

describe('settings and availability', () => {
	test('settings round-trip, and bad stored settings fall back to the defaults, kept aside', async () => {
		const repo = await freshRepo();
		const settings = makeSettings({ desiredRetention: 0.85, timeZone: 'Asia/Kolkata' });
		await repo.saveSettings(settings);
		expect(await repo.loadSettings()).toEqual(settings);
		await repo.kv.run(['settings'], 'readwrite', async (tx) =>
			tx.put('settings', 'scheduling', { schemaVersion: 2, settings: { desiredRetention: 5 } })
		);
		expect((await repo.loadSettings()).desiredRetention).toBe(0.9);
		expect(await repo.quarantined()).toHaveLength(1);
	});

	test('without IndexedDB the repository keeps working in memory and says why', async () => {
		const saved = globalThis.indexedDB;
		// @ts-expect-error: simulate a browser without IndexedDB
		delete globalThis.indexedDB;
		try {
			const repo = await Repository.open('no-idb');
			expect(repo.status.backend).toBe('memory');
			expect(repo.status.problem).toMatch(/IndexedDB is not available/);
			const { after } = await answer(repo, 'f0');
			expect(await repo.loadState(memoryKey('d', 'f0'))).toEqual(after);
		} finally {
			globalThis.indexedDB = saved;
		}
	});

	test('the database opens on a second connection with the same stores', async () => {
		const name = `reopen-${Math.random()}`;
		const repo = await Repository.open(name);
		await answer(repo, 'f0');
		repo.kv.close();
		const again = new Repository(indexedDbKv(await openIndexedDb(name)));
		expect((await again.loadStates()).size).toBe(1);
	});
});

describe('opening while another tab holds an older version', () => {
	test('the opening says it is blocked, and goes on once that tab lets go', async () => {
		const name = `blocked-${Math.random()}`;
		const old = await new Promise<IDBDatabase>((resolve, reject) => {
			const request = indexedDB.open(name, 2);
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
		// An app from before the upgrade: it does not close on versionchange.
		let said: () => void;
		const blocked = new Promise<void>((resolve) => (said = resolve));
		let opened = false;
		const opening = Repository.open(name, { onBlocked: () => said() }).then((repo) => {
			opened = true;
			return repo;
		});
		await blocked;
		expect(opened).toBe(false);
		old.close();
		const repo = await opening;
		expect(repo.status.backend).toBe('indexeddb');
	});
});
