/**
 * The sync server's accounts, through CouchDB's documented HTTP API: sign up (a user document
 * in `_users`), sign in and out (`_session`, a cookie the browser keeps: no password or token is
 * stored by the app), and who is signed in. Each learner's data is the database
 * `userdb-<hex of the name's UTF-8>` (CouchDB's couch_peruser naming), which only they may read
 * or write. Failures become a SyncError whose kind the page words (session/sync-words.ts).
 */

export type SyncErrorKind =
	'wrong-password' | 'taken' | 'invalid' | 'expired' | 'forbidden' | 'unreachable' | 'server';

export class SyncError extends Error {
	readonly kind: SyncErrorKind;
	constructor(kind: SyncErrorKind, message: string, options?: { cause?: unknown }) {
		super(message, options);
		this.kind = kind;
		this.name = 'SyncError';
	}
}

export interface RemoteOptions {
	/** The server's URL, absolute (`https://host/sync`) or on this origin (`/sync`). */
	url: string;
	/** `fetch` (the tests pass one that keeps cookies, as a browser does). */
	fetch?: typeof fetch;
}

/** The name of an account's database: `userdb-` and the name's UTF-8 bytes in hex. */
export function dbName(account: string): string {
	return `userdb-${[...new TextEncoder().encode(account)].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** Why a name cannot be an account's, or null. */
export function nameProblem(name: string): string | null {
	if (!name.trim()) return 'Enter a name for the account.';
	if (name !== name.trim()) return 'The name cannot begin or end with a space.';
	if (name.startsWith('_')) return 'The name cannot begin with an underscore.';
	if (name.length > 100) return 'The name is too long (at most 100 characters).';
	return null;
}

const base = (url: string) => url.replace(/\/+$/, '');

/** A request to the server as JSON; a failure to connect is `unreachable`. */
async function request(
	opts: RemoteOptions,
	path: string,
	init: RequestInit = {}
): Promise<{ status: number; body: Record<string, unknown> }> {
	const f = opts.fetch ?? fetch;
	let res: Response;
	try {
		res = await f(`${base(opts.url)}${path}`, {
			...init,
			credentials: 'include',
			headers: { Accept: 'application/json', 'Content-Type': 'application/json', ...init.headers }
		});
	} catch (e) {
		throw new SyncError('unreachable', 'The sync server cannot be reached.', { cause: e });
	}
	let body: Record<string, unknown> = {};
	try {
		const parsed: unknown = await res.json();
		if (parsed && typeof parsed === 'object') body = parsed as Record<string, unknown>;
	} catch {
		// Not JSON (a proxy's error page): the status says enough.
	}
	if (res.status === 502 || res.status === 503 || res.status === 504)
		throw new SyncError('unreachable', `The sync server is not answering (HTTP ${res.status}).`);
	return { status: res.status, body };
}

const reason = (body: Record<string, unknown>) =>
	typeof body.reason === 'string' ? body.reason : '';

/** Create an account; it is not signed in yet. */
export async function signUp(opts: RemoteOptions, name: string, password: string): Promise<void> {
	const problem = nameProblem(name);
	if (problem) throw new SyncError('invalid', problem);
	if (!password) throw new SyncError('invalid', 'Enter a password.');
	const { status, body } = await request(
		opts,
		`/_users/${encodeURIComponent(`org.couchdb.user:${name}`)}`,
		{ method: 'PUT', body: JSON.stringify({ name, password, roles: [], type: 'user' }) }
	);
	if (status === 201 || status === 202) return;
	if (status === 409) throw new SyncError('taken', `The name "${name}" is taken: choose another.`);
	throw new SyncError(
		'server',
		`The account could not be created (HTTP ${status}${reason(body) ? `: ${reason(body)}` : ''}).`
	);
}

/** Sign in: the server sets its session cookie. */
export async function signIn(opts: RemoteOptions, name: string, password: string): Promise<void> {
	if (!name || !password) throw new SyncError('invalid', 'Enter the name and the password.');
	const { status, body } = await request(opts, '/_session', {
		method: 'POST',
		body: JSON.stringify({ name, password })
	});
	if (status === 200 && body.ok === true) return;
	if (status === 401)
		throw new SyncError('wrong-password', 'Wrong name or password: check them and try again.');
	throw new SyncError(
		'server',
		`Signing in failed (HTTP ${status}${reason(body) ? `: ${reason(body)}` : ''}).`
	);
}

/** Sign out (the server forgets the session; a server out of reach is no matter). */
export async function signOut(opts: RemoteOptions): Promise<void> {
	try {
		await request(opts, '/_session', { method: 'DELETE' });
	} catch (e) {
		if (!(e instanceof SyncError && e.kind === 'unreachable')) throw e;
	}
}

/** The name signed in on the server (null: none, the session expired). */
export async function sessionName(opts: RemoteOptions): Promise<string | null> {
	const { status, body } = await request(opts, '/_session');
	if (status !== 200)
		throw new SyncError('server', `The session could not be checked (HTTP ${status}).`);
	const ctx = body.userCtx as { name?: unknown } | undefined;
	return typeof ctx?.name === 'string' ? ctx.name : null;
}
