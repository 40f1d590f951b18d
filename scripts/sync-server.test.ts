/**
 * The sync guard against the real embedded server (pouchdb-server on disk, started here on
 * free ports): sign-up, sessions, each account's database closed to every other account and to
 * anonymous callers, the endpoints a user may not reach, data kept across a restart.
 * sync-signals.test.ts runs the server as its own process for SIGUSR1/SIGUSR2.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startSyncServer, type SyncServer } from './sync-server';
import { userDb } from './sync-rules';
import { account, Client, signIn, signUp } from './sync-test-helpers';

const dataDir = mkdtempSync(join(tmpdir(), 'sync-guard-test-'));
let server: SyncServer;
let alice: Client;
let bob: Client;
const ALICE_DB = `/${userDb('alice')}`;

beforeAll(async () => {
	server = await startSyncServer({ dataDir });
	alice = await account(server.port, 'alice', 'alice-pw');
	bob = await account(server.port, 'bob', 'bob-pw');
	expect((await alice.put(`${ALICE_DB}/log:1`, { at: 1 })).status).toBe(201);
}, 60_000);

afterAll(async () => {
	await server?.close();
	rmSync(dataDir, { recursive: true, force: true });
});

describe('sign-up', () => {
	test("makes the user's database, closed to everyone but the user", async () => {
		const port = server.databasePort()!;
		const behind = await fetch(`http://127.0.0.1:${port}${ALICE_DB}/_security`, {
			headers: { authorization: server.adminAuthorization }
		});
		expect(await behind.json()).toMatchObject({ members: { names: ['alice'] } });
		expect(userDb('Ünïcödé 名')).toBe('userdb-c39c6ec3af63c3b664c3a920e5908d');
	});

	test('a name taken is 409', async () => {
		const reply = await signUp(server.port, {
			name: 'alice',
			password: 'x',
			roles: [],
			type: 'user'
		});
		expect(reply.status).toBe(409);
		expect(await reply.json()).toMatchObject({ error: 'conflict' });
	});

	test('with roles, extra fields or another name is refused', async () => {
		const base = { name: 'mallory', password: 'pw', roles: [], type: 'user' };
		for (const [body, reason] of [
			[{ ...base, roles: ['_admin'] }, 'roles must be empty'],
			[{ ...base, roles: ['admins'] }, 'roles must be empty'],
			[{ ...base, password_sha: 'x' }, 'exactly the fields'],
			[{ ...base, name: 'alice' }, 'name must be the name in the URL'],
			[{ ...base, type: 'admin' }, 'type must be "user"'],
			[{ ...base, password: '' }, 'password must not be empty']
		] as [Record<string, unknown>, string][]) {
			const reply = await signUp(server.port, body, 'mallory');
			expect(reply.status, JSON.stringify(body)).toBe(403);
			expect((await reply.json()).reason).toContain(reason);
		}
		expect((await signIn(server.port, 'mallory', 'pw')).status).toBe(401);
	});
});

describe('sessions', () => {
	test('a wrong password is 401 with a reason', async () => {
		const reply = await signIn(server.port, 'alice', 'wrong');
		expect(reply.status).toBe(401);
		expect(await reply.json()).toEqual({
			error: 'unauthorized',
			reason: 'Name or password is incorrect.'
		});
	});

	test('signing in sets a lasting cookie that names the user; form bodies work too', async () => {
		const reply = await fetch(`http://127.0.0.1:${server.port}/_session`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: 'name=alice&password=alice-pw'
		});
		expect(reply.status).toBe(200);
		const [cookie] = reply.headers.getSetCookie();
		expect(cookie).toMatch(/^AuthSession=[^;]+; Path=\/; HttpOnly; Max-Age=2592000$/);
		expect(await (await alice.get('/_session')).json()).toMatchObject({
			userCtx: { name: 'alice', roles: [] }
		});
	});

	test('signing out clears the cookie', async () => {
		const device = new Client(server.port);
		expect((await device.post('/_session', { name: 'alice', password: 'alice-pw' })).status).toBe(
			200
		);
		const reply = await device.request('DELETE', '/_session');
		expect(reply.status).toBe(200);
		expect(reply.headers.getSetCookie()).toEqual([
			expect.stringMatching(/^AuthSession=; Path=\/; Expires=Thu, 01 Jan 1970/)
		]);
	});
});

/** Every way into a database that replication uses, with what each sends. */
const READS_AND_WRITES: [string, string, unknown?][] = [
	['GET', ALICE_DB],
	['GET', `${ALICE_DB}/`],
	['GET', `${ALICE_DB}/log:1`],
	['GET', `${ALICE_DB}/_all_docs`],
	['GET', `${ALICE_DB}/_changes?since=0`],
	['POST', `${ALICE_DB}/_changes`, { doc_ids: ['log:1'] }],
	['POST', `${ALICE_DB}/_bulk_get`, { docs: [{ id: 'log:1' }] }],
	['POST', `${ALICE_DB}/_bulk_docs`, { docs: [{ _id: 'log:2' }] }],
	['POST', `${ALICE_DB}/_revs_diff`, { 'log:1': ['1-abc'] }],
	['PUT', `${ALICE_DB}/log:3`, { at: 3 }],
	['PUT', `${ALICE_DB}/_local/checkpoint`, { seq: 1 }],
	['GET', `${ALICE_DB}/_local/checkpoint`]
];

describe("one account's database", () => {
	test('its owner reads and writes it every way replication does', async () => {
		for (const [method, path, body] of READS_AND_WRITES) {
			const reply = await alice.request(method, path, body);
			expect(reply.status, `${method} ${path}`).toBeLessThan(300);
		}
		const bulk = await alice.post(`${ALICE_DB}/_bulk_get`, { docs: [{ id: 'log:1' }] });
		expect(JSON.stringify(await bulk.json())).toContain('"at":1');
	});

	test('another account gets nothing by a path written otherwise', async () => {
		for (const path of [`/${ALICE_DB}/log:1`, `/x/..${ALICE_DB}/log:1`, `${ALICE_DB}/./log:1`]) {
			const reply = await bob.get(path);
			expect(reply.status, path).toBeGreaterThanOrEqual(403);
			expect(await reply.text(), path).not.toContain('"at"');
		}
		const raw = await new Promise<number>((resolve, reject) => {
			// fetch would normalise the path: send it as written.
			const req = request(
				{
					host: '127.0.0.1',
					port: server.port,
					path: `//h${ALICE_DB}/log:1`,
					headers: { cookie: bob.cookie }
				},
				(res) => resolve(res.statusCode ?? 0)
			);
			req.on('error', reject);
			req.end();
		});
		expect(raw).toBe(404);
	});

	test('another account gets 403 on each, and sees nothing', async () => {
		for (const [method, path, body] of READS_AND_WRITES) {
			const reply = await bob.request(method, path, body);
			expect(reply.status, `${method} ${path}`).toBe(403);
			const text = await reply.text();
			expect(JSON.parse(text)).toEqual({
				error: 'forbidden',
				reason: 'This database belongs to another account.'
			});
		}
	});

	test('no session gets 401 on each', async () => {
		const anonymous = await account(server.port);
		for (const [method, path, body] of READS_AND_WRITES) {
			const reply = await anonymous.request(method, path, body);
			expect(reply.status, `${method} ${path}`).toBe(401);
			expect(await reply.json()).toMatchObject({ error: 'unauthorized' });
		}
	});

	test('the server admin may read it', async () => {
		const reply = await fetch(`http://127.0.0.1:${server.port}${ALICE_DB}/log:1`, {
			headers: { authorization: server.adminAuthorization }
		});
		expect(reply.status).toBe(200);
	});
});

describe('what no account may do', () => {
	test('_find, _all_dbs, _config, other databases, making or deleting one: refused', async () => {
		const refused: [string, string, unknown?][] = [
			['POST', `${ALICE_DB}/_find`, { selector: {} }],
			['POST', `${ALICE_DB}/_index`, { index: { fields: ['at'] } }],
			['GET', `${ALICE_DB}/_security`],
			['PUT', ALICE_DB],
			['DELETE', ALICE_DB],
			['GET', '/_all_dbs'],
			['GET', '/_config'],
			['PUT', '/_config/admins/alice', 'pw'],
			['GET', '/_users/org.couchdb.user:alice'],
			['GET', '/_users/_all_docs'],
			['POST', '/_replicate', { source: ALICE_DB, target: 'copy' }],
			['PUT', '/newdb'],
			['GET', '/_replicator'],
			['GET', `/${userDb('nobody')}`],
			['GET', `${ALICE_DB}/x/../../_config`],
			['GET', `${ALICE_DB}/%2e%2e/_all_dbs`],
			['PUT', `${ALICE_DB}/_design/app`, { views: {} }],
			['PUT', `${ALICE_DB}/_design%2Fapp`, { views: {} }],
			['GET', `${ALICE_DB}/_design/app/_view/all`],
			['GET', `/${ALICE_DB}/log:1`],
			['GET', `${ALICE_DB}//log:1`],
			['GET', `${ALICE_DB}/log:1/`]
		];
		for (const [method, path, body] of refused) {
			const reply = await alice.request(method, path, body);
			expect(reply.status, `${method} ${path}`).toBeGreaterThanOrEqual(400);
			expect(reply.status, `${method} ${path}`).not.toBe(500);
			const json = await reply.json();
			expect(typeof json.reason, `${method} ${path}`).toBe('string');
		}
		expect((await alice.get(ALICE_DB)).status, 'the server is still up').toBe(200);
	});

	test('a design document does not get in through _bulk_docs either', async () => {
		const design = { _id: '_design/app', views: { all: { map: 'function (d) { emit(d._id) }' } } };
		await alice.post(`${ALICE_DB}/_bulk_docs`, { docs: [design] });
		await alice.post(`${ALICE_DB}/_bulk_docs`, {
			new_edits: false,
			docs: [{ ...design, _rev: '1-abc' }]
		});
		expect((await alice.get(`${ALICE_DB}/_design/app`)).status).toBe(404);
	});
});

test('pouchdb-server crashing (as a PUT of a database by a user makes it) is started again', async () => {
	const behind = `http://127.0.0.1:${server.databasePort()}`;
	await fetch(`${behind}/newdb`, { method: 'PUT', headers: { cookie: alice.cookie } }).catch(
		() => undefined
	);
	let status: number | undefined;
	for (let i = 0; i < 300 && status !== 200; i++) {
		await new Promise((r) => setTimeout(r, 100));
		status = (await alice.get(`${ALICE_DB}/log:1`).catch(() => undefined))?.status;
	}
	expect(status).toBe(200);
	expect(server.databasePort()).not.toBe(Number(new URL(behind).port));
}, 60_000);

test('accounts, sessions and data outlive a restart of the sync server', async () => {
	await server.close();
	server = await startSyncServer({ dataDir });
	alice.port = server.port;
	expect((await alice.get(`${ALICE_DB}/log:1`)).status, 'the old session').toBe(200);
	expect((await signIn(server.port, 'bob', 'bob-pw')).status).toBe(200);
	const changes = await (await alice.get(`${ALICE_DB}/_changes?since=0`)).json();
	expect(changes.results.map((r: { id: string }) => r.id).sort()).toEqual([
		'log:1',
		'log:2',
		'log:3'
	]);
}, 60_000);
