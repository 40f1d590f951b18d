/**
 * The embedded CouchDB: pouchdb-server as a child process, bound to 127.0.0.1 on a port of its
 * own, storing on disk in `<data>/db` (LevelDB). Only the guard (sync-guard.ts) talks to it.
 *
 * What it keeps in the data folder: `admin.json` (mode 0600: the admin's name and password and
 * the cookie secret, generated once), `config.json` (pouchdb-server's `/_config`, rewritten at
 * each start from admin.json: the admin, the session cookie's secret and timeout, the log file,
 * the largest request body), `log.txt` and `db/`. The cookie secret is fixed so that sessions outlive a restart.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { join } from 'node:path';

interface Admin {
	name: string;
	password: string;
	/** The secret pouchdb-server signs session cookies with. */
	secret: string;
}

export interface CouchReply {
	status: number;
	body: unknown;
}

const BIN = createRequire(import.meta.url).resolve('pouchdb-server/bin/pouchdb-server');
/**
 * Runs pouchdb-server (its path is argv[1]) until its stdin ends: when this process dies, however
 * it dies (a crash, SIGKILL), the pipe closes and the database goes with it, never left running.
 */
const UNTIL_ORPHANED =
	"process.stdin.on('end', () => process.exit(0)).resume(); require(process.argv[1]);";

/** The admin's credentials, generated into `<data>/admin.json` (mode 0600) on the first start. */
export function adminOf(dataDir: string): Admin {
	const file = join(dataDir, 'admin.json');
	if (!existsSync(file)) {
		const admin: Admin = {
			name: 'admin',
			password: randomBytes(24).toString('base64url'),
			secret: randomBytes(32).toString('hex')
		};
		writeFileSync(file, JSON.stringify(admin, null, '\t') + '\n', { mode: 0o600, flag: 'wx' });
	}
	return JSON.parse(readFileSync(file, 'utf8')) as Admin;
}

/** A port free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

/** One HTTP request to 127.0.0.1:port, its body read as JSON (or text when it is not JSON). */
export function call(
	port: number,
	method: string,
	path: string,
	headers: Record<string, string> = {},
	body?: unknown
): Promise<CouchReply> {
	return new Promise((resolve, reject) => {
		const data = body === undefined ? undefined : JSON.stringify(body);
		const req = request(
			{
				host: '127.0.0.1',
				port,
				method,
				path,
				headers: data ? { ...headers, 'content-type': 'application/json' } : headers
			},
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c: Buffer) => chunks.push(c));
				res.on('error', reject);
				res.on('end', () => {
					const text = Buffer.concat(chunks).toString('utf8');
					let parsed: unknown = text;
					try {
						parsed = JSON.parse(text);
					} catch {
						// Not JSON: keep the text.
					}
					resolve({ status: res.statusCode ?? 0, body: parsed });
				});
			}
		);
		req.on('error', reject);
		req.end(data);
	});
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class Couch {
	readonly #dataDir: string;
	readonly #admin: Admin;
	readonly #timeout: number;
	#child: ChildProcess | undefined;
	#port: number | undefined;
	/** Set while the child is meant to run: an exit then is a crash, and it is started again. */
	#wanted = false;

	/** `sessionTimeout`: seconds a session cookie stays valid since its last use. */
	constructor(dataDir: string, sessionTimeout: number) {
		mkdirSync(dataDir, { recursive: true, mode: 0o700 });
		this.#dataDir = dataDir;
		this.#admin = adminOf(dataDir);
		this.#timeout = sessionTimeout;
	}

	/** The port it answers on, or undefined while it is stopped. */
	get port(): number | undefined {
		return this.#port;
	}

	get sessionTimeout(): number {
		return this.#timeout;
	}

	/** The Authorization header of the admin (HTTP basic auth). */
	get adminAuthorization(): string {
		const { name, password } = this.#admin;
		return `Basic ${Buffer.from(`${name}:${password}`).toString('base64')}`;
	}

	/** A request with the admin's credentials. */
	admin(method: string, path: string, body?: unknown): Promise<CouchReply> {
		if (this.#port === undefined) return Promise.reject(new Error('the database is stopped'));
		return call(this.#port, method, path, { authorization: this.adminAuthorization }, body);
	}

	async start(): Promise<void> {
		if (this.#child) return;
		this.#wanted = true;
		this.#writeConfig();
		const port = await freePort();
		const child = spawn(
			process.execPath,
			[
				...['-e', UNTIL_ORPHANED, BIN],
				...['--port', String(port), '--host', '127.0.0.1', '--no-stdout-logs'],
				...['--dir', join(this.#dataDir, 'db'), '--config', join(this.#dataDir, 'config.json')]
			],
			{ cwd: this.#dataDir, stdio: ['pipe', 'ignore', 'pipe'] }
		);
		this.#child = child;
		let stderr = '';
		child.stderr?.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-2000)));
		const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
		let ready = false;
		child.once('exit', (code, signal) => {
			if (this.#child === child) {
				this.#child = undefined;
				this.#port = undefined;
			}
			// A crash after it was up (not a failure to start, not a stop): start it again.
			if (!this.#wanted || !ready) return;
			console.error(`sync: pouchdb-server exited (${signal ?? code}); starting it again.`);
			if (stderr) console.error(stderr);
			setTimeout(() => void this.start().catch((e) => console.error('sync:', e)), 1000);
		});
		// Ready once it answers; it takes a second or two to open its databases.
		for (;;) {
			const reply = await Promise.race([
				call(port, 'GET', '/').catch(() => undefined),
				exited.then(() => 'exited' as const)
			]);
			if (reply === 'exited') {
				this.#wanted = false;
				throw new Error(`pouchdb-server did not start: ${stderr}`);
			}
			if (reply?.status === 200) break;
			await pause(100);
		}
		this.#port = port;
		ready = true;
	}

	/** Stops the child and waits for it to exit (its LevelDB locks are then free). */
	async stop(): Promise<void> {
		this.#wanted = false;
		const child = this.#child;
		if (!child) return;
		this.#port = undefined;
		const exited = new Promise((resolve) => child.once('exit', resolve));
		child.kill('SIGTERM');
		const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
		await exited;
		clearTimeout(killer);
	}

	/**
	 * pouchdb-server's config: the admin (a plain password is hashed by pouchdb-server when it
	 * reads the file, so it is written only while no hash is there), the cookie secret and
	 * timeout, the log file, the body limit. Sessions are CouchDB's: a cookie refreshed on every
	 * request.
	 */
	#writeConfig() {
		const file = join(this.#dataDir, 'config.json');
		const config = existsSync(file)
			? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, unknown>>)
			: {};
		const admins = config.admins ?? {};
		admins[this.#admin.name] ??= this.#admin.password;
		config.admins = admins;
		config.couch_httpd_auth = {
			...config.couch_httpd_auth,
			secret: this.#admin.secret,
			timeout: this.#timeout
		};
		config.log = { ...config.log, file: join(this.#dataDir, 'log.txt') };
		// pouchdb-server reads a request's whole body into memory up to this (4 GB by default).
		config.couchdb = { ...config.couchdb, max_document_size: 64 * 1024 * 1024 };
		writeFileSync(file, JSON.stringify(config, null, 2) + '\n', { mode: 0o600 });
	}
}
