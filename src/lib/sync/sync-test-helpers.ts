/**
 * For the sync tests: a real pouchdb-server (the embedded CouchDB) on a free port with its data
 * in a temporary folder, which a test may stop and start again (the data stays), and a `fetch`
 * that keeps the session cookie as a browser does. Two "devices" are two fake IndexedDB
 * factories, each with its own database.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Repository } from '../storage/repository';

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const s = createServer();
		s.once('error', reject);
		s.listen(0, '127.0.0.1', () => {
			const { port } = s.address() as { port: number };
			s.close(() => resolve(port));
		});
	});
}

export interface TestServer {
	url: string;
	stop(): Promise<void>;
	start(): Promise<void>;
	dispose(): Promise<void>;
}

/** Start pouchdb-server (admin party: the tests create the accounts' databases themselves). */
export async function startServer(): Promise<TestServer> {
	const dir = mkdtempSync(join(tmpdir(), 'sync-test-'));
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	let child: ChildProcess | null = null;
	const start = async () => {
		// Run in its folder: the server writes its config.json and log.txt where it runs.
		child = spawn(
			resolve('node_modules/.bin/pouchdb-server'),
			['--port', String(port), '--dir', dir, '--host', '127.0.0.1'],
			{ stdio: 'ignore', cwd: dir }
		);
		for (let i = 0; i < 200; i++) {
			try {
				if ((await fetch(`${url}/`)).ok) return;
			} catch {
				// Not listening yet.
			}
			await new Promise((r) => setTimeout(r, 50));
		}
		throw new Error('pouchdb-server did not start');
	};
	const stop = async () => {
		const c = child;
		child = null;
		if (!c || c.exitCode !== null) return;
		await new Promise<void>((resolve) => {
			c.once('exit', () => resolve());
			c.kill('SIGKILL');
		});
	};
	await start();
	return {
		url,
		start,
		stop,
		async dispose() {
			await stop();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

/** A `fetch` that keeps the server's session cookie (a browser's cookie jar, for one site). */
export function cookieFetch(): typeof fetch & { forget(): void } {
	let cookie = '';
	const f = async (input: string | URL | Request, init: RequestInit = {}) => {
		const headers = new Headers(init.headers as HeadersInit | undefined);
		if (cookie) headers.set('Cookie', cookie);
		const res = await fetch(input, { ...init, headers });
		const set = res.headers.get('set-cookie');
		const m = set && /AuthSession=([^;]*)/.exec(set);
		if (m) cookie = m[1] ? `AuthSession=${m[1]}` : '';
		return res;
	};
	return Object.assign(f, { forget: () => (cookie = '') }) as typeof fetch & { forget(): void };
}

let devices = 0;

/** A device: its own IndexedDB (a fake factory of its own) and database. */
export async function device(): Promise<Repository> {
	globalThis.indexedDB = new IDBFactory();
	return Repository.open(`device-${++devices}`);
}
