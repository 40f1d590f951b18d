/**
 * Class databases (the live classroom) against the real embedded server: a signed-in teacher
 * makes one, students without accounts write their answers, and `_design/live` (run by
 * pouchdb-server itself, checked behind the guard too) refuses everything else.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startSyncServer, type SyncServer } from './sync-server';
import { KEEP_FOR_MS, type ClassSecurity } from './sync-class-rules';
import { account, Client } from './sync-test-helpers';

const dataDir = mkdtempSync(join(tmpdir(), 'sync-class-test-'));
let server: SyncServer;
let teacher: Client;
let other: Client;
let student: Client;
const DB = '/class-abc234';
const SID = 'student-session-0001';
const SID2 = 'student-session-0002';

const security = async (client: Client, db = DB) =>
	(await (await client.get(`${db}/_security`)).json()) as ClassSecurity;

/** The teacher sets the live state, as the projector does. */
async function setLive(live: Partial<ClassSecurity['live']>, db = DB, client = teacher) {
	const current = await security(teacher, db);
	return client.put(`${db}/_security`, { ...current, live: { ...current.live, ...live } });
}

const reasonOf = async (reply: Response) => ((await reply.json()) as { reason: string }).reason;

beforeAll(async () => {
	server = await startSyncServer({ dataDir });
	teacher = await account(server.port, 'teacher', 'teacher-pw');
	other = await account(server.port, 'other', 'other-pw');
	student = new Client(server.port);
}, 60_000);

afterAll(async () => {
	await server?.close();
	rmSync(dataDir, { recursive: true, force: true });
});

describe('making a class', () => {
	test('a signed-in teacher makes class-<code>; nobody else, and not twice', async () => {
		expect((await student.put(DB, {})).status).toBe(401);
		expect((await teacher.put(DB, {})).status).toBe(201);
		const again = await other.put(DB, {});
		expect(again.status).toBe(412);
		expect(await reasonOf(again)).toContain('code is taken');
		// Ambiguous letters (0, o, 1, l, i) never make a code: not a class at all.
		expect((await teacher.put('/class-abc0l1', {})).status).toBe(403);
		const secured = await security(teacher);
		expect(secured.admins.names).toEqual(['teacher']);
		expect(secured.members.names).toEqual([]);
		expect(secured.live).toMatchObject({ open: null, ended: false });
		expect((await student.get(`${DB}/_design/live`)).status).toBe(200);
	});

	test('GET /_classes lists the signed-in teacher’s own classes, newest first', async () => {
		expect((await other.put('/class-xyz234', {})).status).toBe(201);
		expect((await teacher.put('/class-def234', {})).status).toBe(201);
		const list = async (client: Client) =>
			((await (await client.get('/_classes')).json()) as { classes: { code: string }[] }).classes;
		const mine = await list(teacher);
		expect(mine.map((c) => c.code)).toEqual(['def234', 'abc234']);
		expect(mine[1]).toMatchObject({ ended: false, createdAt: expect.any(Number) });
		expect((await list(other)).map((c) => c.code)).toEqual(['xyz234']);
		expect((await student.get('/_classes')).status).toBe(401);
		expect((await teacher.put('/_classes', {})).status).toBe(405);
		expect((await teacher.request('DELETE', '/class-def234')).status).toBe(403);
	});

	test('its _security is the teacher’s alone, and only live.open / live.ended change', async () => {
		expect((await student.get(`${DB}/_security`)).status).toBe(401);
		expect((await other.get(`${DB}/_security`)).status).toBe(403);
		expect((await setLive({ open: 'q1' }, DB, other)).status).toBe(403);
		const current = await security(teacher);
		for (const [body, reason] of [
			[{ ...current, admins: { names: ['other'], roles: [] } }, 'admins cannot change'],
			[{ ...current, members: { names: ['teacher'], roles: [] } }, 'members cannot change'],
			[{ ...current, live: { ...current.live, createdAt: 0 } }, 'createdAt cannot change'],
			[{ ...current, live: { ...current.live, open: 'a b' } }, 'question id'],
			[{ ...current, extra: 1 }, 'Only admins, members and live']
		] as const) {
			const reply = await teacher.put(`${DB}/_security`, body);
			expect(reply.status, reason).toBe(403);
			expect(await reasonOf(reply)).toContain(reason);
		}
	});
});

describe('students answering', () => {
	test('a student writes their name and an answer to the open question, once', async () => {
		expect((await student.put(`${DB}/student:${SID}`, { name: 'Asha' })).status).toBe(201);
		const early = await student.put(`${DB}/answer:${SID}:q1`, { name: 'Asha', option: 2 });
		expect(early.status).toBe(403);
		expect(await reasonOf(early)).toContain('Too late');
		expect((await setLive({ open: 'q1' })).status).toBe(200);
		const sent = await student.put(`${DB}/answer:${SID}:q1`, { name: 'Asha', option: 2 });
		expect(sent.status).toBe(201);
		const { rev } = (await sent.json()) as { rev: string };
		// The same answer again changes nothing: pouchdb-server runs the validate function first
		// (403, "sent once"); CouchDB 3 finds the conflict first (409). Either way, nothing changes.
		const twice = await student.put(`${DB}/answer:${SID}:q1`, { name: 'Asha', option: 2 });
		expect([403, 409]).toContain(twice.status);
		const changed = await student.put(`${DB}/answer:${SID}:q1?rev=${rev}`, {
			name: 'Asha',
			option: 3
		});
		expect(changed.status).toBe(403);
		expect(await reasonOf(changed)).toContain('sent once');
		expect((await student.request('DELETE', `${DB}/answer:${SID}:q1?rev=${rev}`)).status).toBe(403);
		const doc = (await (await student.get(`${DB}/answer:${SID}:q1`)).json()) as {
			option: number;
			_rev: string;
		};
		expect(doc).toMatchObject({ option: 2, _rev: rev });
	});

	test('anything but a plain answer to the open question is refused', async () => {
		const cases: [string, Record<string, unknown>, string][] = [
			[`answer:${SID2}:q2`, { name: 'Ravi', option: 1 }, 'Too late'],
			[`answer:short:q1`, { name: 'Ravi', option: 1 }, 'Students write only'],
			['state', { open: 'q9' }, 'Students write only'],
			[`answer:${SID2}:q1`, { name: 'R'.repeat(41), option: 1 }, '1 to 40'],
			[`answer:${SID2}:q1`, { name: '   ', option: 1 }, '1 to 40'],
			[`answer:${SID2}:q1`, { name: '<b>Ravi</b>', option: 1 }, 'plain text'],
			[`answer:${SID2}:q1`, { name: 'Ra\u0007vi', option: 1 }, 'plain text'],
			[`answer:${SID2}:q1`, { name: 'Ravi', option: 26 }, 'option must be'],
			[`answer:${SID2}:q1`, { name: 'Ravi', option: 1.5 }, 'option must be'],
			[`answer:${SID2}:q1`, { name: 'Ravi', option: 1, correct: true }, 'exactly name and option'],
			[`student:${SID2}`, { name: 'Ravi', score: 99 }, 'exactly a name'],
			[`answer:${SID2}:q1`, { name: 'Ravi', option: 1, response: {} }, 'exactly name and'],
			[`answer:${SID2}:q1`, { name: 'Ravi', response: null }, 'response.kind must be'],
			[`answer:${SID2}:q1`, { name: 'Ravi', response: { kind: 'rating' } }, 'response.kind'],
			[`answer:${SID2}:q1`, { name: 'Ravi', response: { kind: 'toString' } }, 'response.kind'],
			[
				`answer:${SID2}:q1`,
				{ name: 'Ravi', response: { kind: 'text', text: 'a', extra: 1 } },
				'exactly kind and text'
			],
			[
				`answer:${SID2}:q1`,
				{ name: 'Ravi', response: { kind: 'text', text: 'x'.repeat(201) } },
				'1 to 200'
			],
			[`answer:${SID2}:q1`, { name: 'Ravi', response: { kind: 'text', text: 7 } }, '1 to 200'],
			[
				`answer:${SID2}:q1`,
				{ name: 'Ravi', response: { kind: 'choices', choices: Array(27).fill(0) } },
				'at most 26'
			],
			[
				`answer:${SID2}:q1`,
				{ name: 'Ravi', response: { kind: 'pairing', pairing: { 0: 1 } } },
				'at most 26'
			],
			[
				`answer:${SID2}:q1`,
				{ name: 'Ravi', response: { kind: 'sequence', sequence: [0, 26] } },
				'from -1 to 25'
			],
			[
				`answer:${SID2}:q1`,
				{ name: 'Ravi', response: { kind: 'choices', choices: ['0'] } },
				'from -1 to 25'
			]
		];
		for (const [id, body, reason] of cases) {
			const reply = await student.put(`${DB}/${encodeURIComponent(id)}`, body);
			expect(reply.status, id + JSON.stringify(body)).toBe(403);
			expect(await reasonOf(reply)).toContain(reason);
		}
		// A signed-in account that is not the teacher is a student here.
		expect((await other.put(`${DB}/state`, { open: 'q9' })).status).toBe(403);
		expect(
			(await student.put(`${DB}/answer:${SID2}:q1`, { name: 'रवि 🙂', option: 0 })).status
		).toBe(201);
		// Any other answer (select all, typed, a match, an order) is a bounded response.
		const responses = [
			{ kind: 'choices', choices: [0, 2] },
			{ kind: 'text', text: 'New Delhi' },
			{ kind: 'pairing', pairing: [2, -1, 0] },
			{ kind: 'sequence', sequence: [3, 1, 0, 2] }
		];
		for (const [i, response] of responses.entries()) {
			const id = `answer:student-session-010${i}:q1`;
			expect((await student.put(`${DB}/${id}`, { name: 'Mo', response })).status).toBe(201);
		}
	});

	test('after the reveal (no question open) an answer is too late', async () => {
		expect((await teacher.put(`${DB}/reveal:q1`, { correct: 2 })).status).toBe(201);
		expect((await setLive({ open: null })).status).toBe(200);
		const late = await student.put(`${DB}/answer:${SID2}:q1x`, { name: 'Ravi', option: 1 });
		expect(late.status).toBe(403);
		const again = await student.put(`${DB}/answer:student-session-0003:q1`, {
			name: 'Mo',
			option: 1
		});
		expect(await reasonOf(again)).toContain('Too late');
	});

	test('pouchdb-server itself runs validate_doc_update: straight to it, the same refusal', async () => {
		const behind = await fetch(
			`http://127.0.0.1:${server.databasePort()}${DB}/answer:student-session-0004:q1`,
			{
				method: 'PUT',
				body: JSON.stringify({ name: 'Mo', option: 1 }),
				headers: { 'content-type': 'application/json' }
			}
		);
		expect(behind.status).toBe(403);
		expect(await reasonOf(behind)).toContain('Too late');
	});

	test('everyone reads the class and follows its _changes; the rest is refused', async () => {
		const changes = (await (await student.get(`${DB}/_changes?since=0`)).json()) as {
			results: { id: string }[];
		};
		expect(changes.results.map((r) => r.id).sort()).toEqual(
			[
				'_design/live',
				`answer:${SID2}:q1`,
				`answer:${SID}:q1`,
				'reveal:q1',
				`student:${SID}`,
				...[0, 1, 2, 3].map((i) => `answer:student-session-010${i}:q1`)
			].sort()
		);
		for (const [method, path] of [
			['POST', '_bulk_docs'],
			['POST', '_bulk_get'],
			['POST', '_find'],
			['PUT', '_design/live'],
			['PUT', '_local/x'],
			['POST', '']
		]) {
			const reply = await teacher.request(method, `${DB}/${path}`, { docs: [] });
			expect([403, 405], `${method} ${path}`).toContain(reply.status);
		}
	});
});

describe('ending and deleting', () => {
	test('ending closes the class for every write, for good', async () => {
		expect((await teacher.put(`${DB}/state`, { ended: true })).status).toBe(201);
		expect((await setLive({ open: 'q2' })).status).toBe(200);
		expect((await setLive({ open: null, ended: true })).status).toBe(200);
		const late = await student.put(`${DB}/answer:${SID2}:q2`, { name: 'Ravi', option: 1 });
		expect(late.status).toBe(403);
		expect(await reasonOf(late)).toContain('ended');
		expect((await teacher.put(`${DB}/note`, {})).status).toBe(403);
		const reopen = await setLive({ ended: false });
		expect(reopen.status).toBe(403);
		expect(await reasonOf(reopen)).toContain('cannot open again');
	});

	test('the teacher deletes a class a week after it began, not before; nobody else does', async () => {
		const deleted = await teacher.request('DELETE', DB);
		expect(deleted.status).toBe(403);
		expect(await reasonOf(deleted)).toContain('a week after');
		// A week on: the admin moves the start back, straight to pouchdb-server.
		const current = await security(teacher);
		const old = {
			...current,
			live: { ...current.live, createdAt: Date.now() - KEEP_FOR_MS - 1000 }
		};
		const moved = await fetch(`http://127.0.0.1:${server.databasePort()}${DB}/_security`, {
			method: 'PUT',
			body: JSON.stringify(old),
			headers: { authorization: server.adminAuthorization, 'content-type': 'application/json' }
		});
		expect(moved.status).toBe(200);
		expect((await other.request('DELETE', DB)).status).toBe(403);
		expect((await student.request('DELETE', DB)).status).toBe(401);
		expect((await teacher.request('DELETE', DB)).status).toBe(200);
		expect((await student.get(DB)).status).toBe(404);
		expect((await teacher.request('DELETE', DB)).status).toBe(404);
	});
});
