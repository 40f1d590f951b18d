import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { Rating } from 'ts-fsrs';
import { SOURCE, makeDeck } from '../bank/test-helpers';
import { withSourceText } from '../bank/deck-json';
import { makeSettings } from '../srs/test-helpers';
import { deleteDeck, loadDecks, saveDeck, type StoredDeck } from '../storage/decks';
import type { Repository } from '../storage/repository';
import { forceSyncOn, toSend } from '../storage/sync-outbox';
import { readSyncMeta, startAccount } from '../storage/sync-state';
import { answer } from '../storage/test-helpers';
import { SyncEngine, type EngineOptions } from './engine';
import { dbName, sessionName, signIn, signUp, SyncError } from './remote';
import { cookieFetch, device, startServer, type TestServer } from './sync-test-helpers';

let server: TestServer;
let accounts = 0;

beforeAll(async () => {
	server = await startServer();
}, 30_000);
afterAll(async () => server?.dispose());
beforeEach(() => forceSyncOn(true));

/** An account with its database (created as the guard does after a sign-up), signed in. */
async function account(): Promise<string> {
	const name = `learner ${++accounts} é`;
	await signUp({ url: server.url }, name, 'secret');
	const res = await fetch(`${server.url}/${dbName(name)}`, { method: 'PUT' });
	expect(res.status).toBe(201);
	return name;
}

async function engineFor(
	repo: Repository,
	name: string,
	options: Partial<EngineOptions> = {}
): Promise<SyncEngine> {
	const f = cookieFetch();
	await signIn({ url: server.url, fetch: f }, name, 'secret');
	expect(await sessionName({ url: server.url, fetch: f })).toBe(name);
	return new SyncEngine(repo, { url: server.url, account: name, fetch: f, ...options });
}

const logIds = async (repo: Repository) => (await repo.readLog()).events.map((e) => e.id).sort();

/** The stored states equal the replay of the stored log. */
async function expectStatesAreReplay(repo: Repository) {
	const [stored, replayed] = await Promise.all([
		repo.loadStates({ fromRecords: true }),
		repo.rebuildFromLog()
	]);
	expect(stored).toEqual(replayed);
}

function ownDeck(id: string): StoredDeck {
	return {
		deck: withSourceText(makeDeck({ id }), SOURCE),
		importedAt: '2026-02-01T10:00:00.000Z',
		fileName: `${id}.json`,
		format: 'json'
	};
}

describe('sync between two devices through a real pouchdb-server', () => {
	test('answers given offline on both end in one log, nothing twice, states equal to its replay', async () => {
		const name = await account();
		const [a, b] = [await device(), await device()];
		const [syncA, syncB] = [await engineFor(a, name), await engineFor(b, name)];
		// Offline: each studies on its own, the same fact among others.
		let t = Date.parse('2026-03-01T08:00:00Z');
		for (let i = 0; i < 6; i++) await answer(a, `f${i % 3}`, Rating.Good, new Date((t += 60_000)));
		for (let i = 0; i < 5; i++) await answer(b, `f${i % 2}`, Rating.Hard, new Date((t += 60_000)));
		expect((await toSend(a.kv)).answers).toBe(6);
		// Online: A, then B, then A again (B's answers reach A).
		await syncA.sync();
		await syncB.sync();
		await syncA.sync();
		expect((await toSend(a.kv)).total).toBe(0);
		expect((await toSend(b.kv)).total).toBe(0);
		const ids = await logIds(a);
		expect(ids).toHaveLength(11);
		expect(new Set(ids).size).toBe(11);
		expect(await logIds(b)).toEqual(ids);
		await expectStatesAreReplay(a);
		await expectStatesAreReplay(b);
		expect(await a.loadStates()).toEqual(await b.loadStates());
		// Syncing again changes nothing.
		await syncB.sync();
		await syncA.sync();
		expect(await logIds(a)).toEqual(ids);
		expect(await logIds(b)).toEqual(ids);
	});

	test('a new device reads everything in pages with progress', async () => {
		const name = await account();
		const a = await device();
		let t = Date.parse('2026-03-02T08:00:00Z');
		for (let i = 0; i < 25; i++) await answer(a, `f${i % 4}`, Rating.Good, new Date((t += 60_000)));
		await (await engineFor(a, name, { pageSize: 10 })).sync();
		const fresh = await device();
		expect((await readSyncMeta(fresh.kv, name)).seq).toBeNull();
		const progress: Array<[number, number]> = [];
		const engine = await engineFor(fresh, name, {
			pageSize: 10,
			onProgress: (done, total) => progress.push([done, total])
		});
		// Signed in: everything is marked to send, but what was just pulled is not sent back.
		await startAccount(fresh.kv, name);
		expect((await engine.sync()).pushed).toBe(0);
		expect((await toSend(fresh.kv)).total).toBe(0);
		expect(progress[0]).toEqual([0, 25]);
		expect(progress.at(-1)).toEqual([25, 25]);
		expect(progress.length).toBeGreaterThanOrEqual(4);
		expect(await logIds(fresh)).toEqual(await logIds(a));
		await expectStatesAreReplay(fresh);
	});

	test('the server stopping mid-push, then coming back: nothing lost, nothing twice', async () => {
		const name = await account();
		const a = await device();
		let t = Date.parse('2026-03-03T08:00:00Z');
		for (let i = 0; i < 30; i++) await answer(a, `f${i % 5}`, Rating.Good, new Date((t += 60_000)));
		const f = cookieFetch();
		await signIn({ url: server.url, fetch: f }, name, 'secret');
		// The second page reaches the server, which stores it, and then the connection drops
		// before the answer; the third finds the server stopped.
		let bulk = 0;
		const cut: typeof fetch = async (input, init) => {
			if (String(input instanceof Request ? input.url : input).includes('_bulk_docs')) {
				bulk++;
				if (bulk === 2) {
					await f(input, init);
					await server.stop();
					throw new TypeError('fetch failed');
				}
			}
			return f(input, init);
		};
		const engine = new SyncEngine(a, { url: server.url, account: name, fetch: cut, pageSize: 10 });
		const error = await engine.sync().catch((e: unknown) => e);
		expect(error).toBeInstanceOf(SyncError);
		expect((error as SyncError).kind).toBe('unreachable');
		// The first page left the outbox; the rest waits.
		expect((await toSend(a.kv)).answers).toBe(20);
		await server.start();
		await signIn({ url: server.url, fetch: f }, name, 'secret');
		await engine.sync();
		expect((await toSend(a.kv)).total).toBe(0);
		const fresh = await device();
		await (await engineFor(fresh, name)).sync();
		const ids = await logIds(fresh);
		expect(ids).toEqual(await logIds(a));
		expect(new Set(ids).size).toBe(30);
		await expectStatesAreReplay(fresh);
	}, 30_000);

	test('a deck deleted on one device is deleted on the other; its reviews stay', async () => {
		const name = await account();
		const [a, b] = [await device(), await device()];
		const [syncA, syncB] = [await engineFor(a, name), await engineFor(b, name)];
		await saveDeck(a, ownDeck('mine'), []);
		await answer(a, 'f1');
		await syncA.sync();
		await syncB.sync();
		expect((await loadDecks(b)).map((d) => d.deck.id)).toEqual(['mine']);
		await deleteDeck(b, 'mine', false);
		await syncB.sync();
		await syncA.sync();
		expect(await loadDecks(a)).toEqual([]);
		expect(await logIds(a)).toHaveLength(1);
		expect(await logIds(b)).toHaveLength(1);
	});

	test('signing in with a deck of the same id: this device’s is sent over the server’s', async () => {
		const name = await account();
		const [a, b] = [await device(), await device()];
		await saveDeck(a, ownDeck('mine'), []);
		await (await engineFor(a, name)).sync();
		// B had the deck before sync was on; signing in marks everything B holds.
		forceSyncOn(false);
		const mine = ownDeck('mine');
		await saveDeck(b, { ...mine, deck: { ...mine.deck, title: 'Mine, as B has it' } }, []);
		forceSyncOn(true);
		expect((await toSend(b.kv)).total).toBe(0);
		await startAccount(b.kv, name);
		await (await engineFor(b, name)).sync();
		expect((await loadDecks(b))[0].deck.title).toBe('Mine, as B has it');
		await (await engineFor(a, name)).sync();
		expect((await loadDecks(a))[0].deck.title).toBe('Mine, as B has it');
	});

	test('an answer undone after it was sent is removed on every device', async () => {
		const name = await account();
		const [a, b] = [await device(), await device()];
		const [syncA, syncB] = [await engineFor(a, name), await engineFor(b, name)];
		await answer(a, 'f1');
		const { event, after } = await answer(a, 'f2');
		await syncA.sync();
		await syncB.sync();
		expect(await logIds(b)).toHaveLength(2);
		await a.undo([{ key: 'd/f2', expected: after.lastEvent, previous: null }], [event]);
		await syncA.sync();
		await syncB.sync();
		expect(await logIds(a)).toHaveLength(1);
		expect(await logIds(b)).toEqual(await logIds(a));
		await expectStatesAreReplay(b);
		expect(await b.loadState('d/f2')).toBeUndefined();
	});

	test('settings changed on two devices: the later change wins, and the other device is told', async () => {
		const name = await account();
		const [a, b] = [await device(), await device()];
		const [syncA, syncB] = [await engineFor(a, name), await engineFor(b, name)];
		await a.saveSettings(makeSettings({ newPerDay: 7 }));
		await new Promise((r) => setTimeout(r, 5));
		await b.saveSettings(makeSettings({ newPerDay: 12 }));
		await syncA.sync();
		await syncB.sync(); // B's is later: it stays, and is sent.
		await syncA.sync();
		expect((await a.loadSettings()).newPerDay).toBe(12);
		expect((await b.loadSettings()).newPerDay).toBe(12);
		expect((await readSyncMeta(a.kv, name)).settingsFrom?.device).toBeTruthy();
		expect((await readSyncMeta(b.kv, name)).settingsFrom ?? null).toBeNull();
	});

	test('a malformed document from the server is refused with the field at fault, and set aside', async () => {
		const name = await account();
		const a = await device();
		await answer(a, 'f1');
		const f = cookieFetch();
		await signIn({ url: server.url, fetch: f }, name, 'secret');
		const bad = {
			_id: 'log:bad1',
			kind: 'log',
			entry: { ...(await a.readLog()).events[0], id: 'bad1', rating: 7 }
		};
		const res = await f(`${server.url}/${dbName(name)}/_bulk_docs`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ docs: [bad, { _id: 'deck:x', kind: 'deck', record: { id: 3 } }] })
		});
		expect(res.status).toBe(201);
		const fresh = await device();
		const report = await (await engineFor(fresh, name)).sync();
		expect(report.refused).toHaveLength(2);
		expect(report.refused.join('\n')).toMatch(/"log:bad1": entry\.[a-z]+/);
		expect(report.refused.join('\n')).toMatch(/"deck:x": record\./);
		expect(await logIds(fresh)).toEqual([]);
		const aside = await fresh.quarantined();
		expect(aside.map((q) => q.key).sort()).toEqual(['deck:x', 'log:bad1']);
	});

	test('a wrong password, a name taken and an unreachable server each say so', async () => {
		const name = await account();
		const wrong = await signIn({ url: server.url }, name, 'nope').catch((e: unknown) => e);
		expect((wrong as SyncError).kind).toBe('wrong-password');
		const taken = await signUp({ url: server.url }, name, 'x').catch((e: unknown) => e);
		expect((taken as SyncError).kind).toBe('taken');
		const away = await signIn({ url: 'http://127.0.0.1:9' }, name, 'x').catch((e: unknown) => e);
		expect((away as SyncError).kind).toBe('unreachable');
	});
});
