import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { Rating } from 'ts-fsrs';
import { SOURCE, makeDeck } from '../bank/test-helpers';
import { withSourceText } from '../bank/deck-json';
import { makeSettings } from '../srs/test-helpers';
import { deleteDeck, saveDeck } from './decks';
import { StaleRecordError } from './errors';
import { eventToRecord } from './convert';
import { Repository } from './repository';
import { forceSyncOn, markChanged, pending, sent, toSend } from './sync-outbox';
import { readOutgoing } from './sync-records';
import { answer, freshRepo } from './test-helpers';
import { DB_VERSION } from './kv';

const ids = async (repo: Repository) => (await pending(repo.kv)).map((p) => p.id).sort();

beforeEach(() => forceSyncOn(true));
afterEach(() => forceSyncOn(null));

describe('the outbox', () => {
	test('an answer marks its log entry in the transaction that stores it', async () => {
		const repo = await freshRepo();
		const { event } = await answer(repo, 'f1');
		expect(await ids(repo)).toEqual([`log:${event.id}`]);
		expect(await toSend(repo.kv)).toEqual({ answers: 1, all: false, total: 1 });
		// A write refused whole (a stale state) marks nothing either.
		const again = await answer(repo, 'f2');
		await expect(
			repo.commit([{ expected: 'not-this', next: again.after }], [{ ...again.event, id: 'x1' }])
		).rejects.toBeInstanceOf(StaleRecordError);
		expect(await ids(repo)).toEqual([`log:${event.id}`, `log:${again.event.id}`].sort());
	});

	test('an undone answer is marked to delete, with its time', async () => {
		const repo = await freshRepo();
		const { event, after } = await answer(repo, 'f1', Rating.Good);
		await repo.undo([{ key: 'd/f1', expected: after.lastEvent, previous: null }], [event]);
		const [p] = await pending(repo.kv);
		expect(p.mark).toMatchObject({ op: 'delete', at: event.at.toISOString() });
		const { items } = await readOutgoing(repo.kv, [p]);
		expect(items.map((i) => i.change)).toEqual([
			{ id: `log:${event.id}`, deleted: true, at: event.at.toISOString() }
		]);
	});

	test('decks, settings and attempts are marked; a deleted deck is sent as deleted', async () => {
		const repo = await freshRepo();
		await saveDeck(
			repo,
			{
				deck: withSourceText(makeDeck({ id: 'mine' }), SOURCE),
				importedAt: '2026-02-01T10:00:00.000Z',
				fileName: 'mine.json',
				format: 'json'
			},
			[]
		);
		await repo.saveSettings(makeSettings());
		expect(await ids(repo)).toEqual(['deck:mine', 'settings']);
		const out = await readOutgoing(repo.kv, await pending(repo.kv));
		const deck = out.items.find((i) => i.change.id === 'deck:mine')?.change;
		expect(deck).toMatchObject({ deleted: false, body: { kind: 'deck', record: { id: 'mine' } } });
		// The hash of the validator's pass is this device's business: the other checks again.
		expect(JSON.stringify(deck)).not.toContain('"checked"');
		await deleteDeck(repo, 'mine', false);
		const after = await readOutgoing(repo.kv, await pending(repo.kv));
		expect(after.items.find((i) => i.change.id === 'deck:mine')?.change).toEqual({
			id: 'deck:mine',
			deleted: true
		});
	});

	test('nothing is marked while sync is off', async () => {
		forceSyncOn(false);
		const repo = await freshRepo();
		await answer(repo, 'f1');
		await repo.saveSettings(makeSettings());
		expect(await ids(repo)).toEqual([]);
	});

	test('a mark sent is removed, unless the record was marked again meanwhile', async () => {
		const repo = await freshRepo();
		await repo.saveSettings(makeSettings());
		const read = await pending(repo.kv);
		await repo.kv.run(['settings'], 'readwrite', async (tx) => markChanged(tx, 'settings'));
		await sent(repo.kv, read);
		expect(await ids(repo)).toEqual(['settings']);
		await sent(repo.kv, await pending(repo.kv));
		expect(await ids(repo)).toEqual([]);
	});
});

test(`the upgrade from version 7 to ${DB_VERSION} adds the outbox and keeps the data`, async () => {
	const name = `upgrade7-${Math.random()}`;
	const old = await new Promise<IDBDatabase>((resolve, reject) => {
		const request = indexedDB.open(name, 7);
		request.onupgradeneeded = () => {
			for (const s of [
				'states',
				'log',
				'settings',
				'meta',
				'quarantine',
				'decks',
				'attempts',
				'deck-summaries',
				'log-times',
				'drafts'
			])
				request.result.createObjectStore(s);
		};
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error);
	});
	const { makeReview } = await import('../srs/test-helpers');
	const e1 = eventToRecord(makeReview('2026-01-13T09:00:00Z', Rating.Good, { id: 'e1' }));
	await new Promise((resolve) => {
		const tx = old.transaction('log', 'readwrite');
		tx.objectStore('log').put({ schemaVersion: 2, day: '2026-01-13', entries: [e1] }, '2026-01-13');
		tx.oncomplete = resolve;
	});
	old.close();
	const repo = await Repository.open(name);
	expect(repo.status.backend).toBe('indexeddb');
	expect((await repo.counts()).log).toBe(1);
	expect(await ids(repo)).toEqual([]);
	await answer(repo, 'f9');
	expect((await toSend(repo.kv)).answers).toBe(1);
	repo.kv.close();
});

describe('signing in and out', () => {
	test('a first sign-in marks everything; signing in again to the same account does not', async () => {
		const { startAccount, endAccount, readSyncMeta } = await import('./sync-state');
		forceSyncOn(false);
		const repo = await freshRepo();
		await answer(repo, 'f1');
		forceSyncOn(true);
		await startAccount(repo.kv, 'amy');
		expect(await ids(repo)).toEqual(['all']);
		await sent(repo.kv, await pending(repo.kv));
		await startAccount(repo.kv, 'amy'); // The session expired; signed in again.
		expect(await ids(repo)).toEqual([]);
		await startAccount(repo.kv, 'ben'); // Another account: everything, from the start.
		expect(await ids(repo)).toEqual(['all']);
		expect((await readSyncMeta(repo.kv, 'ben')).seq).toBeNull();
		// Signing out keeping the copy: the progress stays, the outbox and bookkeeping go.
		await endAccount(repo.kv, true);
		expect(await ids(repo)).toEqual([]);
		expect((await repo.counts()).log).toBe(1);
		// Clearing it: nothing of the learner's stays on the device.
		await endAccount(repo.kv, false);
		expect(await repo.counts()).toEqual({ states: 0, log: 0, quarantined: 0 });
	});
});
