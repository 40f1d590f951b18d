// The client against the project's own sync server (scripts/sync-server.ts: pouchdb-server
// behind the guard that gives each account a database of its own), in-process on free ports:
// sign-up makes the database, a sync goes through the guard, another account is refused, an
// expired session and a server down each come back as the error the page words.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { startSyncServer, type SyncServer } from '../../../scripts/sync-server';
import { forceSyncOn } from '../storage/sync-outbox';
import { answer } from '../storage/test-helpers';
import { SyncEngine } from './engine';
import { sessionName, signIn, signUp, SyncError } from './remote';
import { cookieFetch, device } from './sync-test-helpers';

const dataDir = mkdtempSync(join(tmpdir(), 'sync-client-guard-'));
let server: SyncServer;
let url: string;
/** A second server whose sessions last 2 s, for the expired session. */
let brief: SyncServer;
let briefUrl: string;

beforeAll(async () => {
	server = await startSyncServer({ dataDir: join(dataDir, 'a') });
	url = `http://127.0.0.1:${server.port}`;
	brief = await startSyncServer({ dataDir: join(dataDir, 'b'), sessionTimeout: 2 });
	briefUrl = `http://127.0.0.1:${brief.port}`;
}, 60_000);
afterAll(async () => {
	await server?.close();
	await brief?.close();
	rmSync(dataDir, { recursive: true, force: true });
});
beforeEach(() => forceSyncOn(true));

const kindOf = (e: unknown) => (e instanceof SyncError ? e.kind : `not a SyncError: ${String(e)}`);

test('sign up, sign in and sync through the guard; another account is refused', async () => {
	await signUp({ url }, 'amy', 'amy-pw');
	await signUp({ url }, 'ben', 'ben-pw');
	const amy = cookieFetch();
	await signIn({ url, fetch: amy }, 'amy', 'amy-pw');
	const repo = await device();
	await answer(repo, 'f1');
	const report = await new SyncEngine(repo, { url, account: 'amy', fetch: amy }).sync();
	expect(report.pushed).toBe(1);
	// Ben's session on Amy's database.
	const ben = cookieFetch();
	await signIn({ url, fetch: ben }, 'ben', 'ben-pw');
	const other = await device();
	const refused = await new SyncEngine(other, { url, account: 'amy', fetch: ben })
		.sync()
		.catch((e: unknown) => e);
	expect(kindOf(refused)).toBe('forbidden');
	expect((await other.readLog()).events).toEqual([]);
});

test('an expired session says so, and signing in again goes on', async () => {
	await signUp({ url: briefUrl }, 'cat', 'cat-pw');
	const f = cookieFetch();
	await signIn({ url: briefUrl, fetch: f }, 'cat', 'cat-pw');
	const repo = await device();
	const engine = new SyncEngine(repo, { url: briefUrl, account: 'cat', fetch: f });
	await engine.sync();
	await new Promise((r) => setTimeout(r, 3500));
	await answer(repo, 'f1');
	expect(kindOf(await engine.sync().catch((e: unknown) => e))).toBe('expired');
	expect(await sessionName({ url: briefUrl, fetch: f })).toBeNull();
	await signIn({ url: briefUrl, fetch: f }, 'cat', 'cat-pw');
	expect((await engine.sync()).pushed).toBe(1);
}, 20_000);

test('a server down is unreachable; back up, the sync goes through', async () => {
	await signUp({ url }, 'dan', 'dan-pw');
	const f = cookieFetch();
	await signIn({ url, fetch: f }, 'dan', 'dan-pw');
	const repo = await device();
	await answer(repo, 'f1');
	const engine = new SyncEngine(repo, { url, account: 'dan', fetch: f });
	await server.stopDatabase();
	try {
		expect(kindOf(await engine.sync().catch((e: unknown) => e))).toBe('unreachable');
		expect(kindOf(await signIn({ url, fetch: f }, 'dan', 'dan-pw').catch((e) => e))).toBe(
			'unreachable'
		);
	} finally {
		await server.startDatabase();
	}
	expect((await engine.sync()).pushed).toBe(1);
	const wrong = await signIn({ url }, 'dan', 'nope').catch((e: unknown) => e);
	expect(kindOf(wrong)).toBe('wrong-password');
}, 30_000);
