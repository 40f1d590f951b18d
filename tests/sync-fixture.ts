/**
 * The embedded sync server in end-to-end tests. playwright.config.ts starts it (a webServer) on
 * `syncPort()` with fresh data in `syncDataDir()`; the app reaches it at `/sync/` through the
 * preview's proxy. Tests make accounts with unique names, so they never share one.
 */
import { expect, type APIRequestContext } from '@playwright/test';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { userDb } from '../scripts/sync-rules';

/** The sync server's (the guard's) port: E2E_PORT + 1000. */
export const syncPort = () => Number(process.env.E2E_PORT ?? 4173) + 1000;

/** Its data folder, emptied when the webServer starts it. */
export const syncDataDir = () => join(tmpdir(), `recall-sync-e2e-${syncPort()}`);

const direct = (path: string) => `http://127.0.0.1:${syncPort()}${path}`;

/** A name no other test uses. */
export const uniqueName = (prefix: string) =>
	`${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** The path of `name`'s database under the app's origin: `/sync/userdb-<hex>`. */
export const userDbPath = (name: string) => `/sync/${userDb(name)}`;

/**
 * Basic auth as the server's admin: through `/sync/`, the admin may read and write any user's
 * database (as in CouchDB), so a test can check what reached the server. Nothing else.
 */
export function adminHeaders(): { authorization: string } {
	const admin = JSON.parse(readFileSync(join(syncDataDir(), 'admin.json'), 'utf8')) as {
		name: string;
		password: string;
	};
	const token = Buffer.from(`${admin.name}:${admin.password}`).toString('base64');
	return { authorization: `Basic ${token}` };
}

/** Signs `name` up through the app's `/sync/` (the request context's base URL is the app). */
export async function createAccount(request: APIRequestContext, name: string, password: string) {
	const response = await request.put(`/sync/_users/org.couchdb.user:${encodeURIComponent(name)}`, {
		data: { name, password, roles: [], type: 'user' }
	});
	expect(response.status(), await response.text()).toBe(201);
}

const pid = () => Number(readFileSync(join(syncDataDir(), 'sync-server.pid'), 'utf8'));

/** Waits until the guard's `GET /` answers `status` (503: the database is down; 200: up). */
async function until(status: number) {
	await expect
		.poll(async () => (await fetch(direct('/')).catch(() => undefined))?.status, {
			timeout: 30_000
		})
		.toBe(status);
}

/**
 * While one test has the server down, another that wants it down waits: the two workers' tests
 * would otherwise bring it up under each other. (Other sync tests running meanwhile see the
 * server down for those seconds, as a learner would, and must cope.)
 */
const lock = () => join(syncDataDir(), 'down.lock');

function takeLock(): boolean {
	try {
		mkdirSync(lock());
		writeFileSync(join(lock(), 'pid'), String(process.pid));
		return true;
	} catch {
		const holder = Number(readFileSync(join(lock(), 'pid'), 'utf8').trim() || 0);
		if (holder && holder !== process.pid && !alive(holder)) rmSync(lock(), { recursive: true });
		return false;
	}
}

function alive(pid: number) {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

/** Stops the sync server's database (SIGUSR1): the app's `/sync/` then answers 503. */
export async function stopSyncServer() {
	await expect.poll(takeLock, { timeout: 120_000 }).toBe(true);
	process.kill(pid(), 'SIGUSR1');
	await until(503);
}

/** Starts it again on the same data (SIGUSR2) and waits until it answers. */
export async function startSyncServer() {
	process.kill(pid(), 'SIGUSR2');
	await until(200);
	rmSync(lock(), { recursive: true, force: true });
}

/** Runs `body` with the sync server down, and brings it back up whatever happens. */
export async function whileSyncServerDown(body: () => Promise<void>) {
	await stopSyncServer();
	try {
		await body();
	} finally {
		await startSyncServer();
	}
}
