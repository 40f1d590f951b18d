/**
 * The sync guard: the only door to the embedded CouchDB (sync-couch.ts). pouchdb-server speaks
 * CouchDB's API, but it has no per-user databases (`couch_peruser`), its `_bulk_get` and `_find`
 * ignore a database's `_security`, `/_all_dbs` lists every database, and a non-admin
 * `PUT /<db>` crashes it. So the guard lets through only what CouchDB 3 with couch_peruser lets
 * a user do (sync-rules.ts), checks that a user database is the session's own, and makes the
 * database at sign-up. Requests go on with the caller's own cookie, so pouchdb-server's
 * `_security` (members only, no design documents) holds as a second wall.
 */
import {
	Agent,
	createServer,
	request,
	type IncomingHttpHeaders,
	type IncomingMessage,
	type Server,
	type ServerResponse
} from 'node:http';
import type { Couch } from './sync-couch';
import { call } from './sync-couch';
import { route, signUpProblem, userDb } from './sync-rules';
import {
	classCode,
	classSecurity,
	KEEP_FOR_MS,
	LIVE_DESIGN,
	securityProblem,
	teacherClasses,
	type ClassSecurity
} from './sync-class-rules';

/** A sign-up's body is small: refuse anything larger without reading it all. */
const SIGN_UP_LIMIT = 16 * 1024;
const agent = new Agent({ keepAlive: true });

function send(res: ServerResponse, status: number, body: unknown) {
	if (res.headersSent) return void res.destroy();
	res.writeHead(status, { 'content-type': 'application/json' });
	res.end(JSON.stringify(body) + '\n');
}

const error = (res: ServerResponse, status: number, error: string, reason: string) =>
	send(res, status, { error, reason });

const unavailable = (res: ServerResponse) =>
	error(res, 503, 'unavailable', 'The sync server is down for now; try again later.');

/** The caller's credentials, the only request headers that matter to who they are. */
const credentials = (req: IncomingMessage) => {
	const { cookie, authorization } = req.headers;
	return { ...(cookie && { cookie }), ...(authorization && { authorization }) };
};

/**
 * pouchdb-server's session cookie lasts as long as the browser, refreshed on every request;
 * like CouchDB's `allow_persistent_cookies`, give it the session's timeout as a Max-Age so that
 * a learner stays signed in across browser restarts. Signing out sends the refreshed cookie and
 * then the cleared one: send only the cleared one.
 */
function persistent(headers: IncomingHttpHeaders, timeout: number): IncomingHttpHeaders {
	const cookies = headers['set-cookie'];
	if (!cookies) return headers;
	const cleared = cookies.some((c) => c.startsWith('AuthSession=;'));
	return {
		...headers,
		'set-cookie': cookies
			.filter((c) => !cleared || !/^AuthSession=[^;]/.test(c))
			.map((c) => (/^AuthSession=[^;]/.test(c) ? `${c}; Max-Age=${timeout}` : c))
	};
}

/** Sends the request on to pouchdb-server, streaming both ways. */
function forward(couch: Couch, req: IncomingMessage, res: ServerResponse, path: string) {
	const port = couch.port;
	if (port === undefined) return unavailable(res);
	const headers = { ...req.headers };
	delete headers.host;
	delete headers.connection;
	const upstream = request(
		{ host: '127.0.0.1', port, method: req.method, path, headers, agent },
		(reply) => {
			res.writeHead(reply.statusCode ?? 502, persistent(reply.headers, couch.sessionTimeout));
			reply.pipe(res);
			reply.on('error', () => res.destroy());
		}
	);
	// The database stopped or crashed mid-request.
	upstream.on('error', () => unavailable(res));
	res.on('close', () => {
		if (!res.writableFinished) upstream.destroy();
	});
	req.pipe(upstream);
}

interface UserCtx {
	name: string;
	roles: string[];
}

/**
 * Who has these exact credentials, for a few seconds: asking pouchdb-server costs as much as the
 * request itself (a third of a replication's time). A cookie changes at most once a second (it
 * carries its time), so a burst of requests asks about once a second; a cookie that expires is
 * honoured at most this long after.
 */
const known = new Map<string, { user: UserCtx; until: number }>();
const KNOWN_FOR = 5000;

/** Who the caller is: null without a session, undefined when the database is down. */
async function whoIs(couch: Couch, req: IncomingMessage): Promise<UserCtx | null | undefined> {
	const port = couch.port;
	if (port === undefined) return undefined;
	const headers = credentials(req);
	const key = `${headers.cookie ?? ''}\n${headers.authorization ?? ''}`;
	const cached = known.get(key);
	if (cached && cached.until > Date.now()) return cached.user;
	const reply = await call(port, 'GET', '/_session', headers).catch(() => undefined);
	if (!reply) return undefined;
	const ctx = (reply.body as { userCtx?: Partial<UserCtx> } | null)?.userCtx;
	if (reply.status !== 200 || typeof ctx?.name !== 'string') return null;
	const user = { name: ctx.name, roles: Array.isArray(ctx.roles) ? ctx.roles : [] };
	if (known.size > 1000) known.clear();
	known.set(key, { user, until: Date.now() + KNOWN_FOR });
	return user;
}

/** The signed-in caller; or, having answered 503 (server down) or 401 (saying `why`), undefined. */
async function signedIn(
	couch: Couch,
	req: IncomingMessage,
	res: ServerResponse,
	why: string
): Promise<UserCtx | undefined> {
	const user = await whoIs(couch, req);
	if (user === undefined) unavailable(res);
	else if (user === null) error(res, 401, 'unauthorized', why);
	else return user;
	return undefined;
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (c: Buffer) => {
			size += c.length;
			if (size > limit) {
				resolve(undefined);
				req.destroy();
			} else chunks.push(c);
		});
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

/**
 * A sign-up: the body must be a plain new user; once pouchdb-server has stored it, the user's
 * database is made with its `_security` (members: the user alone) before the answer goes back,
 * as couch_peruser does.
 */
async function signUp(couch: Couch, name: string, req: IncomingMessage, res: ServerResponse) {
	const body = await readBody(req, SIGN_UP_LIMIT);
	if (!body) return error(res, 413, 'too_large', 'A sign-up is a few fields, not this much.');
	let parsed: unknown;
	try {
		parsed = JSON.parse(body.toString('utf8'));
	} catch {
		return error(res, 400, 'bad_request', 'The body must be JSON.');
	}
	const problem = signUpProblem(name, parsed);
	if (problem) return error(res, 403, 'forbidden', problem);
	const port = couch.port;
	if (port === undefined) return unavailable(res);
	const path = `/_users/${encodeURIComponent('org.couchdb.user:' + name)}`;
	// pouchdb-server answers 403 to a name taken (CouchDB 409): ask first.
	const taken = await couch.admin('GET', path).catch(() => undefined);
	if (!taken) return unavailable(res);
	if (taken.status === 200)
		return error(res, 409, 'conflict', 'An account with this name exists already.');
	// Anonymous, as a sign-up is: whoever is signed in, the new user gets no roles.
	const reply = await call(port, 'PUT', path, {}, parsed).catch(() => undefined);
	if (!reply) return unavailable(res);
	if (reply.status !== 201) return send(res, reply.status, reply.body);
	const db = userDb(name);
	const made = await couch.admin('PUT', `/${db}`).catch(() => undefined);
	const secured =
		(made?.status === 201 || made?.status === 412) &&
		(await couch
			.admin('PUT', `/${db}/_security`, {
				admins: { names: [], roles: [] },
				members: { names: [name], roles: [] }
			})
			.catch(() => undefined));
	if (!secured || secured.status !== 200)
		return error(res, 500, 'internal_server_error', `The account was made but not ${db}.`);
	send(res, 201, reply.body);
}

/**
 * What CouchDB 3 leaves to a server admin, done for a class's teacher: making a class database
 * (its `_security` and `_design/live` with it), deleting it a week on, and setting its live
 * state (`_security.live`: the open question, ended), which its design document reads.
 */
async function classAdmin(
	couch: Couch,
	kind: 'class-create' | 'class-delete' | 'class-security',
	db: string,
	req: IncomingMessage,
	res: ServerResponse
) {
	const user = await signedIn(
		couch,
		req,
		res,
		'Sign in first: a class is made by a signed-in teacher.'
	);
	if (!user) return;
	const failed = () => error(res, 500, 'internal_server_error', `${db} could not be set up.`);
	if (kind === 'class-create') {
		const made = await couch.admin('PUT', `/${db}`);
		if (made.status === 412)
			return error(res, 412, 'file_exists', 'This class code is taken: try another.');
		if (made.status !== 201) return failed();
		const secured = await couch.admin(
			'PUT',
			`/${db}/_security`,
			classSecurity(user.name, Date.now())
		);
		const designed = await couch.admin('PUT', `/${db}/_design/live`, LIVE_DESIGN);
		if (secured.status !== 200 || designed.status !== 201) {
			await couch.admin('DELETE', `/${db}`);
			return failed();
		}
		return send(res, 201, { ok: true });
	}
	const current = await couch.admin('GET', `/${db}/_security`);
	const security = current.body as Partial<ClassSecurity> | null;
	if (current.status === 404 || !security?.live)
		return error(res, 404, 'not_found', 'There is no class with this code.');
	if (security.admins?.names[0] !== user.name)
		return error(res, 403, 'forbidden', 'Only the teacher who made this class may do this.');
	if (kind === 'class-delete') {
		if (Date.now() - security.live.createdAt < KEEP_FOR_MS)
			return error(res, 403, 'forbidden', 'A class session can be deleted a week after it began.');
		const gone = await couch.admin('DELETE', `/${db}`);
		return send(res, gone.status, gone.body);
	}
	if (req.method === 'GET') return send(res, 200, security);
	const body = await readBody(req, SIGN_UP_LIMIT);
	if (!body)
		return error(res, 413, 'too_large', 'A security object is a few fields, not this much.');
	let next: unknown;
	try {
		next = JSON.parse(body.toString('utf8'));
	} catch {
		return error(res, 400, 'bad_request', 'The body must be JSON.');
	}
	const problem = securityProblem(security as ClassSecurity, next);
	if (problem) return error(res, 403, 'forbidden', problem);
	const put = await couch.admin('PUT', `/${db}/_security`, next);
	return send(res, put.status, put.body);
}

/**
 * `GET /_classes`: the signed-in teacher's classes (code, when made, ended), found as a server
 * admin would (`_all_dbs`, then each class's `_security`), which CouchDB 3 leaves to admins.
 */
async function classList(couch: Couch, req: IncomingMessage, res: ServerResponse) {
	const user = await signedIn(couch, req, res, 'Sign in first: your classes are your account’s.');
	if (!user) return;
	const all = await couch.admin('GET', '/_all_dbs');
	if (all.status !== 200 || !Array.isArray(all.body)) return unavailable(res);
	const dbs = (all.body as unknown[]).filter(
		(db): db is string => typeof db === 'string' && classCode(db) !== undefined
	);
	const secured = await Promise.all(
		dbs.map(async (db) => {
			const reply = await couch.admin('GET', `/${db}/_security`);
			return { db, security: reply.status === 200 ? (reply.body as Partial<ClassSecurity>) : null };
		})
	);
	return send(res, 200, { classes: teacherClasses(user.name, secured) });
}

/** The guard's HTTP server (not yet listening). */
export function createGuard(couch: Couch): Server {
	return createServer((req, res) => {
		void handle(couch, req, res).catch((e: unknown) => {
			console.error('sync guard:', e);
			error(res, 500, 'internal_server_error', 'The sync guard failed on this request.');
		});
	});
}

async function handle(couch: Couch, req: IncomingMessage, res: ServerResponse) {
	const method = req.method ?? 'GET';
	if (!req.url?.startsWith('/'))
		return error(res, 400, 'bad_request', 'The path must start with /.');
	// The WHATWG parser resolves `.` and `..` (encoded too): the guard judges the path it sends.
	// (Appended to an origin, so that `//x/y` stays a path, not a host.)
	const url = new URL(`http://guard${req.url}`);
	const path = url.pathname + url.search;
	const target = route(method, url.pathname);
	switch (target.kind) {
		case 'refuse':
			return error(res, target.status, target.error, target.reason);
		case 'forward':
			return forward(couch, req, res, path);
		case 'sign-up':
			return signUp(couch, target.name, req, res);
		case 'class':
			return forward(couch, req, res, path);
		case 'class-list':
			return classList(couch, req, res);
		case 'class-create':
		case 'class-delete':
		case 'class-security':
			return classAdmin(couch, target.kind, target.db, req, res);
		case 'user-db': {
			const user = await signedIn(
				couch,
				req,
				res,
				'Sign in first: your session is missing or expired.'
			);
			if (!user) return;
			// The server's admin may look, as in CouchDB (the tests check what reached the server).
			if (user.name !== target.owner && !user.roles.includes('_admin'))
				return error(res, 403, 'forbidden', 'This database belongs to another account.');
			return forward(couch, req, res, path);
		}
	}
}
