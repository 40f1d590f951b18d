/**
 * The sync server as its own process, as npm start and the end-to-end tests run it: SIGUSR1
 * takes its database down (the guard answers 503), SIGUSR2 brings it back on the same data with
 * sessions intact, SIGTERM stops everything.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { freePort } from './sync-couch';
import { userDb } from './sync-rules';
import { account } from './sync-test-helpers';

const dataDir = mkdtempSync(join(tmpdir(), 'sync-signals-test-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** The guard's answer to `GET /`: its status, or undefined when nothing listens. */
const root = (port: number) =>
	fetch(`http://127.0.0.1:${port}/`).then(
		(r) => r.status,
		() => undefined
	);

async function until(what: () => Promise<unknown>, expected: unknown) {
	for (let i = 0; i < 600 && (await what()) !== expected; i++)
		await new Promise((r) => setTimeout(r, 100));
	expect(await what()).toBe(expected);
}

test('SIGUSR1 takes the database down, SIGUSR2 brings it back, SIGTERM stops it all', async () => {
	const port = await freePort();
	const server = spawn(process.execPath, ['--import', 'tsx', 'scripts/sync-server.ts'], {
		env: { ...process.env, SYNC_PORT: String(port), SYNC_DATA: dataDir },
		stdio: 'inherit'
	});
	const exited = new Promise((resolve) => server.once('exit', resolve));
	try {
		await until(() => root(port), 200);
		expect(readFileSync(join(dataDir, 'sync-server.pid'), 'utf8')).toBe(String(server.pid));
		const ann = await account(port, 'ann');
		const db = `/${userDb('ann')}`;
		expect((await ann.put(`${db}/log:1`, { at: 1 })).status).toBe(201);

		server.kill('SIGUSR1');
		await until(() => root(port), 503);
		const down = await ann.get(`${db}/log:1`);
		expect(down.status).toBe(503);
		expect(await down.json()).toMatchObject({ error: 'unavailable' });
		expect((await ann.post('/_session', { name: 'ann', password: 'pw' })).status).toBe(503);

		server.kill('SIGUSR2');
		await until(() => root(port), 200);
		expect((await ann.get(`${db}/log:1`)).status, 'the same session, the same data').toBe(200);
	} finally {
		server.kill('SIGTERM');
		await exited;
	}
	expect(await root(port)).toBeUndefined();
	expect(existsSync(join(dataDir, 'sync-server.pid'))).toBe(false);
}, 120_000);
