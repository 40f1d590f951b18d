import { describe, expect, test, vi } from 'vitest';
import { Rating } from 'ts-fsrs';
import { exportBackup, importBackup, parseBackup } from './backup';
import { StaleRecordError } from './errors';
import { indexedDbKv, memoryKv, openIndexedDb, revOf, STATES_REV, type Kv } from './kv';
import { eventToRecord, stateFromRow, stateToRow } from './convert';
import { appendEntries } from './log-days';
import { Repository } from './repository';
import { SNAPSHOT } from './snapshot';
import { newMemory } from '../srs/memory';
import { answer, freshRepo, study } from './test-helpers';

/** The states' revision and the stored snapshot's, as stored. */
async function revs(repo: Repository) {
	return repo.kv.run(['meta'], 'readonly', async (tx) => ({
		states: revOf(await tx.get('meta', STATES_REV)),
		snapshot: ((await tx.get('meta', SNAPSHOT)) as { rev?: number } | undefined)?.rev
	}));
}

/** The stores each transaction of `repo` opens while `work` runs. */
async function transactions(repo: Repository, work: () => Promise<unknown>) {
	const run = vi.spyOn(repo.kv, 'run');
	try {
		await work();
		return run.mock.calls.map(([stores, mode]) => `${mode} ${[...stores].sort().join(',')}`);
	} finally {
		run.mockRestore();
	}
}

/**
 * Study 3 facts for `rounds` rounds, store the snapshot, then replace it with `change(it)`: a
 * new page must not trust it, and reads the same states from the records.
 */
async function expectSnapshotRefused(
	rounds: number,
	change: (snapshot: { states: string; rows: number }) => object
) {
	const repo = await freshRepo();
	await study(repo, 3, rounds);
	const truth = await repo.loadStates();
	await repo.saveSnapshot();
	await repo.kv.run(['meta'], 'readwrite', async (tx) => {
		const s = (await tx.get('meta', SNAPSHOT)) as { states: string; rows: number };
		tx.put('meta', SNAPSHOT, change(s));
	});
	const fresh = new Repository(repo.kv);
	expect(await transactions(fresh, () => fresh.loadStates())).toContain('readonly meta,states');
	expect(await fresh.loadStates()).toEqual(truth);
}

describe("the states' revision", () => {
	const backends: Array<[string, () => Promise<Kv>]> = [
		['IndexedDB', async () => indexedDbKv(await openIndexedDb(`rev-${Math.random()}`))],
		['memory', async () => memoryKv()]
	];
	test.each(backends)(
		'%s: every read-write transaction over the states or the log adds one, in the same transaction',
		async (_name, open) => {
			const kv = await open();
			const rev = () => kv.run(['meta'], 'readonly', async (tx) => tx.get('meta', STATES_REV));
			expect(await rev()).toBeUndefined();
			await kv.run(['states'], 'readwrite', async (tx) => tx.put('states', 'd/a', 1));
			await kv.run(['states', 'log'], 'readwrite', async (tx) => tx.delete('states', 'd/a'));
			await kv.run(['log'], 'readwrite', async (tx) => tx.put('log', 'x', 1));
			expect(await rev()).toBe(3);
			// Reads, writes elsewhere and a transaction that fails change nothing.
			await kv.run(['states'], 'readonly', async (tx) => tx.get('states', 'd/a'));
			await kv.run(['settings'], 'readwrite', async (tx) => tx.put('settings', 'x', 1));
			await expect(
				kv.run(['states'], 'readwrite', async (tx) => {
					tx.put('states', 'd/b', 1);
					throw new Error('abandoned');
				})
			).rejects.toThrow('abandoned');
			expect(await rev()).toBe(3);
		}
	);

	test.each(backends)(
		'%s: a write given the revision it expects bumps it, and at another writes nothing',
		async (_name, open) => {
			const kv = await open();
			const rev = () => kv.run(['meta'], 'readonly', async (tx) => tx.get('meta', STATES_REV));
			const write = (key: string, at: number) =>
				kv.run(
					['states', 'log'],
					'readwrite',
					async (tx) => {
						tx.put('states', key, 1);
						tx.put('log', key, 1);
					},
					{ rev: at }
				);
			await write('d/a', 0);
			expect(await rev()).toBe(1);
			await expect(write('d/b', 0)).rejects.toEqual(new StaleRecordError(STATES_REV));
			expect(await rev()).toBe(1);
			const stored = await kv.run(['states', 'log'], 'readonly', async (tx) => [
				await tx.keys('states'),
				await tx.keys('log')
			]);
			expect(stored).toEqual([['d/a'], ['d/a']]);
			await write('d/b', 1);
			expect(await rev()).toBe(2);
		}
	);
});

describe('the states snapshot', () => {
	test('a second page reads the states from the snapshot alone, equal to a read record by record', async () => {
		const name = `snap-${Math.random()}`;
		const first = await Repository.open(name);
		await study(first, 20, 4);
		const byRecord = await first.loadStates();
		expect(await first.saveSnapshot()).toBe(true);
		expect(await revs(first)).toEqual({ states: 80, snapshot: 80 });

		const second = await Repository.open(name);
		let fromSnapshot = new Map();
		const opened = await transactions(
			second,
			async () => (fromSnapshot = await second.loadStates())
		);
		expect(opened).toEqual(['readonly meta']);
		expect(fromSnapshot).toEqual(byRecord);
		expect(fromSnapshot).toEqual(await second.rebuildFromLog());
	});

	test('answers and undos keep it current: the next page sees them without reading each record', async () => {
		const name = `snap-${Math.random()}`;
		const tab = await Repository.open(name);
		await study(tab, 5, 2);
		await tab.loadStates();
		await tab.saveSnapshot();
		await answer(tab, 'f0', Rating.Again, new Date('2026-01-20T10:00:00Z'));
		const undone = await answer(tab, 'f1', Rating.Easy, new Date('2026-01-20T10:01:00Z'));
		await tab.undo(
			[{ key: 'd/f1', expected: undone.after.lastEvent, previous: undone.before! }],
			[undone.event]
		);
		await answer(tab, 'f9', Rating.Good, new Date('2026-01-20T10:02:00Z'));
		expect(await tab.saveSnapshot()).toBe(true);

		const next = await Repository.open(name);
		let states = new Map();
		expect(await transactions(next, async () => (states = await next.loadStates()))).toEqual([
			'readonly meta'
		]);
		expect(states.size).toBe(6);
		expect(states).toEqual(await next.rebuildFromLog());
		expect(states.get('d/f1')).toEqual(undone.before);
	});

	test("another tab's answer makes it stale: it is not used, nor overwritten with the older states", async () => {
		const name = `snap-${Math.random()}`;
		const [tabA, tabB] = await Promise.all([Repository.open(name), Repository.open(name)]);
		await study(tabA, 4, 1);
		await tabA.loadStates();
		await tabB.loadStates();
		await answer(tabB, 'f1', Rating.Again, new Date('2026-01-14T10:00:00Z'));
		// Tab A answers after tab B: its copy of the states misses B's answer.
		await answer(tabA, 'f2', Rating.Good, new Date('2026-01-14T10:01:00Z'));
		expect(await tabA.saveSnapshot()).toBe(false);
		expect(await tabB.saveSnapshot()).toBe(false);

		const next = await Repository.open(name);
		const opened = await transactions(next, () => next.loadStates());
		expect(opened).toContain('readonly meta,states');
		const states = await next.loadStates();
		expect(states).toEqual(await next.rebuildFromLog());
		expect(states.get('d/f1')?.lastEvent).not.toBeNull();
		expect(states.get('d/f2')?.events).toBe(2);
	});

	test('writers outside the repository (an import, a reset) make it stale too', async () => {
		const repo = await freshRepo();
		await study(repo, 3, 2);
		const backup = await exportBackup(repo);
		await repo.loadStates();
		await repo.saveSnapshot();
		await repo.resetProgress();
		expect((await repo.loadStates()).size).toBe(0);
		await importBackup(repo, parseBackup(JSON.stringify(backup)), 'replace');
		expect((await repo.loadStates()).size).toBe(3);
		expect(await repo.loadStates()).toEqual(await repo.rebuildFromLog());
	});

	test('a snapshot whose text was changed is not trusted: the states are read record by record', () =>
		expectSnapshotRefused(2, (s) => {
			// The last fact's count of events, changed: still well-formed, no longer what was written.
			const states = s.states.replace(/,\d+\]\]$/, ',99]]');
			expect(states).not.toBe(s.states);
			return { ...s, states };
		}));

	test('a damaged record is still kept aside and rebuilt; the snapshot follows only once the states are clean', async () => {
		const repo = await freshRepo();
		const { after } = await answer(repo, 'f0');
		await repo.kv.run(['states'], 'readwrite', async (tx) =>
			tx.put('states', 'd/f0', { schemaVersion: 2, deck: 'd', fact: 'f0', card: 'garbage' })
		);
		expect((await repo.loadStates()).get('d/f0')).toEqual(after);
		expect(await repo.saveSnapshot()).toBe(false);
		expect((await repo.loadStates()).get('d/f0')).toEqual(after);
		expect(await repo.saveSnapshot()).toBe(true);
		expect(await repo.quarantinedCount()).toBe(1);
	});
});

describe('a state as a snapshot row', () => {
	test('reads back equal to the state, every field, with and without the optional ones', async () => {
		const repo = await freshRepo();
		await study(repo, 6, 3);
		const states = [...(await repo.loadStates()).values()];
		const fresh = newMemory('d', 'never');
		const buried = { ...states[0], suspended: true, buriedUntil: new Date('2026-02-01T04:00:00Z') };
		for (const s of [...states, fresh, buried])
			expect(stateFromRow(JSON.parse(JSON.stringify(stateToRow(s))))).toEqual(s);
		expect(fresh.card.last_review).toBeUndefined();
	});
});

describe('a failed write', () => {
	test('a duplicate log entry aborts the answer whole, says why, and leaves the revision', async () => {
		const repo = await freshRepo();
		const { event } = await answer(repo, 'f0');
		const before = await revs(repo);
		await expect(
			repo.kv.run(['states', 'log', 'quarantine'], 'readwrite', async (tx) => {
				tx.put('states', 'd/f1', { any: 'thing' });
				await appendEntries(tx, [eventToRecord(event)]);
			})
		).rejects.toThrow('A record with this key already exists');
		expect(await revs(repo)).toEqual(before);
		expect(await repo.counts()).toMatchObject({ states: 1, log: 1 });
	});
});

describe('older versions of the app', () => {
	test('an app of database version 2 (no revision, decks as objects) can no longer open the data', async () => {
		const name = `versions-${Math.random()}`;
		const open = (version: number) =>
			new Promise<IDBDatabase>((resolve, reject) => {
				const request = indexedDB.open(name, version);
				request.onupgradeneeded = () => request.result.createObjectStore('states');
				request.onsuccess = () => resolve(request.result);
				request.onerror = () => reject(request.error);
			});
		const old = await open(2);
		let closed = false;
		old.onversionchange = () => {
			old.close(); // what version 2 does, in openIndexedDb
			closed = true;
		};
		const repo = await Repository.open(name);
		expect(repo.status.backend).toBe('indexeddb');
		expect(closed).toBe(true);
		await expect(open(2)).rejects.toMatchObject({ name: 'VersionError' });
	});
});

describe('reading the records themselves', () => {
	test('the settings page’s check reads every record, finding a damaged one the snapshot cannot show', async () => {
		const name = `records-${Math.random()}`;
		const repo = await freshRepo(name);
		const { after } = await answer(repo, 'f0');
		await repo.loadStates();
		expect(await repo.saveSnapshot()).toBe(true);
		// Damage written behind the app's back (no revision): the snapshot still reads whole.
		const db = await openIndexedDb(name);
		await new Promise((resolve) => {
			const tx = db.transaction('states', 'readwrite');
			tx.objectStore('states').put({ schemaVersion: 2, card: 'garbage' }, 'd/f0');
			tx.oncomplete = resolve;
		});
		db.close();
		expect((await repo.loadStates()).get('d/f0')).toEqual(after);
		expect(await repo.quarantinedCount()).toBe(0);
		expect((await repo.loadStates({ fromRecords: true })).get('d/f0')).toEqual(after);
		expect(await repo.quarantinedCount()).toBe(1);
	});

	test('a snapshot in another row layout is not read, only replaced', () =>
		expectSnapshotRefused(1, (s) => ({ ...s, rows: 2 })));
});
