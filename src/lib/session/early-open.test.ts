/**
 * app.html's script opens the database and makes /study's first reads before any module loads
 * (storage/early-open.ts); the repository takes that connection and those reads, and reads from
 * storage whatever they do not cover, or once anything was written.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { Rating } from '$lib/srs/fsrs-enums';
import { dayStart } from '$lib/srs/day';
import { DB_NAME, DB_VERSION, EARLY_OPEN, type EarlyOpening } from '$lib/storage/early-open';
import { Repository } from '$lib/storage/repository';
import { answer } from '$lib/storage/test-helpers';
import { earlyScript } from './early-script';
import { PREVIEW_KEY } from './preview';

const script = earlyScript();

/** The script, run as on `path` with `stored` in localStorage; the page's opening, if any. */
function runEarly(path: string, stored: Record<string, string>) {
	const localStorage = { getItem: (k: string) => stored[k] ?? null };
	const document = {
		documentElement: { dataset: {} },
		querySelectorAll: () => [],
		createElement: () => ({}),
		head: { append: () => {} }
	};
	new Function('document', 'location', 'localStorage', 'window', 'addEventListener', script)(
		document,
		{ pathname: path, search: '' },
		localStorage,
		globalThis,
		() => {}
	);
	const early = (globalThis as Record<string, unknown>)[EARLY_OPEN] as EarlyOpening | undefined;
	return early?.result;
}

const returning = { [PREVIEW_KEY]: 'mark' };
const opens = () => vi.spyOn(indexedDB, 'open');
const transactions = () => vi.spyOn(IDBDatabase.prototype, 'transaction');

afterEach(async () => {
	vi.restoreAllMocks();
	delete (globalThis as Record<string, unknown>)[EARLY_OPEN];
	await new Promise<void>((resolve) => {
		const r = indexedDB.deleteDatabase(DB_NAME);
		r.onsuccess = r.onerror = r.onblocked = () => resolve();
	});
});

/** A learner with progress: a few answers today, the states' snapshot saved. */
async function seeded() {
	const repo = await Repository.open();
	const now = new Date();
	for (const [i, fact] of ['f0', 'f1', 'f2'].entries())
		await answer(repo, fact, Rating.Good, new Date(now.getTime() - (3 - i) * 60_000));
	await repo.loadStates();
	expect(await repo.saveSnapshot()).toBe(true);
	repo.kv.close();
}

/** What /study reads first, as the page reads it. */
async function firstReads(repo: Repository) {
	const settings = await repo.loadSettings();
	const from = dayStart(new Date(), settings.timeZone, settings.dayStartHour);
	return {
		settings,
		states: await repo.loadStates(),
		counts: await repo.todayCounts(from),
		decks: await repo.deckRecords().then((r) => r.length)
	};
}

describe('the database opened before the modules load', () => {
	test('a returning learner’s page takes the open connection and its reads: the same, no transaction of its own', async () => {
		await seeded();
		const plain = await Repository.open();
		const expected = await firstReads(plain);
		plain.kv.close();
		expect(runEarly('/study', returning)).toBeInstanceOf(Promise);
		const opened = opens();
		const repo = await Repository.open();
		expect(opened).not.toHaveBeenCalled();
		const started = transactions();
		const { decks, ...read } = await firstReads(repo);
		// Only the deck records (not read early: /study reads a deck when it asks from it).
		expect(started.mock.calls.map(([stores]) => String(stores))).toEqual(['decks']);
		expect({ ...read, decks }).toEqual(expected);
	});

	test('once the page writes, and for a read asked again, storage is read', async () => {
		await seeded();
		runEarly('/study', returning);
		const repo = await Repository.open();
		const before = await repo.loadStates();
		// Another tab answers: asked again, the states are read from storage.
		const tab = await Repository.open(DB_NAME);
		await answer(tab, 'f3', Rating.Good, new Date());
		expect((await repo.loadStates()).size).toBe(before.size + 1);
		await answer(repo, 'f4', Rating.Good, new Date());
		const from = dayStart(new Date(), 'UTC', 0);
		expect((await repo.todayCounts(from)).newToday).toBeGreaterThanOrEqual(5);
	});

	test('only on /study, and only for a learner with progress stored', () => {
		expect(runEarly('/study', {})).toBeUndefined();
		expect(runEarly('/', returning)).toBeUndefined();
		expect(runEarly('/study/', returning)).toBeInstanceOf(Promise);
	});

	test('no database yet: it gives up without creating one, and the app creates it', async () => {
		expect(await runEarly('/study', returning)).toBeNull();
		const names = (await indexedDB.databases()).map((d) => d.name);
		expect(names).not.toContain(DB_NAME);
		const repo = await Repository.open();
		expect(repo.status.backend).toBe('indexeddb');
		expect((await firstReads(repo)).states.size).toBe(0);
	});

	test('an older database: left to the app to upgrade', async () => {
		await new Promise<void>((resolve, reject) => {
			const r = indexedDB.open(DB_NAME, DB_VERSION - 1);
			r.onupgradeneeded = () => {
				for (const store of ['states', 'log', 'settings', 'meta', 'quarantine', 'decks'])
					r.result.createObjectStore(store);
				r.result.createObjectStore('log-times');
			};
			r.onsuccess = () => {
				r.result.close();
				resolve();
			};
			r.onerror = () => reject(r.error);
		});
		expect(await runEarly('/study', returning)).toBeNull();
		const versions = async () => (await indexedDB.databases()).map((d) => d.version);
		expect(await versions()).toEqual([DB_VERSION - 1]);
		const repo = await Repository.open();
		expect(repo.status.backend).toBe('indexeddb');
		expect(await versions()).toEqual([DB_VERSION]);
	});

	test('blocked by another tab holding an older version: it gives up, and the app says so and opens', async () => {
		const old = await new Promise<IDBDatabase>((resolve, reject) => {
			const r = indexedDB.open(DB_NAME, DB_VERSION - 1);
			r.onsuccess = () => resolve(r.result);
			r.onerror = () => reject(r.error);
		});
		// An app from before the upgrade: it does not close on versionchange.
		const gaveUp = runEarly('/study', returning);
		let blocked = false;
		const opening = Repository.open(undefined, { onBlocked: () => (blocked = true) });
		await vi.waitFor(() => expect(blocked).toBe(true));
		old.close();
		expect(await gaveUp).toBeNull();
		const repo = await opening;
		expect(repo.status.backend).toBe('indexeddb');
		expect((await indexedDB.databases()).map((d) => d.version)).toEqual([DB_VERSION]);
	});
});
