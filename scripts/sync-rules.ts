/**
 * What the sync guard lets through, decided from the method and the URL alone (pure): what
 * CouchDB 3 with `couch_peruser` allows a signed-in user, and nothing more. Each learner has
 * one database, `userdb-<hex of the UTF-8 name>`; everything else on the server is refused.
 * docs/sync-server.md explains why the embedded server needs this.
 */

export type Route =
	/** Sent on as it is (the welcome JSON, sessions). */
	| { kind: 'forward' }
	/** `PUT /_users/org.couchdb.user:<name>`: a sign-up, once its body is checked. */
	| { kind: 'sign-up'; name: string }
	/** A request inside `owner`'s database: sent on only with `owner`'s session. */
	| { kind: 'user-db'; owner: string }
	| ClassRoute
	| { kind: 'refuse'; status: number; error: string; reason: string };

import { classCode, classRoute, type ClassRoute } from './sync-class-rules';

const USER_PREFIX = 'org.couchdb.user:';
const DB_PREFIX = 'userdb-';

/** The database of account `name`, as CouchDB's couch_peruser names it. */
export const userDb = (name: string) => DB_PREFIX + Buffer.from(name, 'utf8').toString('hex');

/** The account a database name belongs to, if it is a user's database. */
export function ownerOf(db: string): string | undefined {
	const hex = db.slice(DB_PREFIX.length);
	if (!db.startsWith(DB_PREFIX) || !/^(?:[0-9a-f]{2})+$/.test(hex)) return undefined;
	const name = Buffer.from(hex, 'hex').toString('utf8');
	return userDb(name) === db ? name : undefined;
}

/** The endpoints of a user's own database, by method (a document or `_local/…` aside). */
const DB_ENDPOINTS = new Map<string, readonly string[]>([
	['', ['GET', 'HEAD', 'POST']],
	['_all_docs', ['GET', 'HEAD', 'POST']],
	['_changes', ['GET', 'HEAD', 'POST']],
	['_bulk_docs', ['POST']],
	['_bulk_get', ['POST']],
	['_revs_diff', ['POST']],
	['_ensure_full_commit', ['POST']]
]);
const DOC_METHODS = ['GET', 'HEAD', 'PUT', 'DELETE'];

const refuse = (status: number, reason: string): Route => ({
	kind: 'refuse',
	status,
	error: status === 404 ? 'not_found' : status === 405 ? 'method_not_allowed' : 'forbidden',
	reason
});

/** Decodes a path segment; undefined when it is not valid percent-encoding. */
function decode(segment: string): string | undefined {
	try {
		return decodeURIComponent(segment);
	} catch {
		return undefined;
	}
}

/** Where a request goes. `pathname` is the URL's, already normalised (no `.` or `..`). */
export function route(method: string, pathname: string): Route {
	if (pathname === '/') {
		return method === 'GET' || method === 'HEAD'
			? { kind: 'forward' }
			: refuse(405, 'Only GET is allowed on /.');
	}
	const [first, ...rest] = pathname.slice(1).split('/');
	// An empty segment (`//`) is nothing CouchDB names; only a database may end in `/`.
	if (first === '' || rest.slice(0, -1).includes('') || (rest.length > 1 && rest.at(-1) === ''))
		return refuse(404, 'There is nothing at this path.');
	if (first === '_session' && rest.length === 0) {
		return ['GET', 'HEAD', 'POST', 'DELETE'].includes(method)
			? { kind: 'forward' }
			: refuse(405, `${method} is not allowed on /_session.`);
	}
	if (first === '_classes' && rest.length === 0)
		return method === 'GET' || method === 'HEAD'
			? { kind: 'class-list' }
			: refuse(405, `${method} is not allowed on /_classes.`);
	if (first === '_users') {
		const id = rest.length === 1 ? decode(rest[0]) : undefined;
		if (method === 'PUT' && id?.startsWith(USER_PREFIX))
			return { kind: 'sign-up', name: id.slice(USER_PREFIX.length) };
		return refuse(403, 'The accounts database only takes sign-ups (PUT of a new user).');
	}
	if (classCode(first) !== undefined) {
		const inside = rest.map(decode);
		if (inside.some((p) => p === undefined)) return refuse(400, 'The path is not valid.');
		return classRoute(method, first, inside.join('/'));
	}
	const owner = ownerOf(first);
	if (owner === undefined) {
		return refuse(
			403,
			first.startsWith('_')
				? `${decode(first) ?? first} is not available through the sync server.`
				: 'Only your own database (userdb-<hex of your name>) or a class (class-<code>) is available.'
		);
	}
	const parts = rest.map(decode);
	if (parts.some((p) => p === undefined)) return refuse(400, 'The path is not valid.');
	// `_design%2Fx` is `_design/x`, as CouchDB reads it.
	const inside = parts.join('/');
	const endpoint = DB_ENDPOINTS.get(inside);
	if (endpoint) {
		if (endpoint.includes(method)) return { kind: 'user-db', owner };
		return refuse(
			403,
			inside === ''
				? `${method} of a database is not allowed: each account has one, made at sign-up.`
				: `${method} is not allowed on ${inside}.`
		);
	}
	if (inside.startsWith('_local/') && DOC_METHODS.includes(method))
		return { kind: 'user-db', owner };
	if (/^_design\/[^/]+$/.test(inside) && (method === 'GET' || method === 'HEAD'))
		return { kind: 'user-db', owner };
	if (inside.startsWith('_'))
		return refuse(403, `${inside.split('/')[0]} is not available through the sync server.`);
	if (DOC_METHODS.includes(method)) return { kind: 'user-db', owner };
	return refuse(405, `${method} is not allowed on a document.`);
}

/**
 * Why a sign-up's body is refused, or undefined when it is a plain new user: exactly
 * `{ name, password, roles: [], type: "user" }`, the name the one in the URL.
 */
export function signUpProblem(urlName: string, body: unknown): string | undefined {
	if (typeof body !== 'object' || body === null || Array.isArray(body))
		return 'The body must be a JSON object.';
	const fields = Object.keys(body).sort().join(',');
	if (fields !== 'name,password,roles,type')
		return 'A sign-up has exactly the fields name, password, roles and type.';
	const { name, password, roles, type } = body as Record<string, unknown>;
	if (type !== 'user') return 'type must be "user".';
	if (!Array.isArray(roles) || roles.length > 0) return 'roles must be empty: roles are not given.';
	if (name !== urlName) return 'name must be the name in the URL.';
	if (typeof password !== 'string' || password === '') return 'password must not be empty.';
	return nameProblem(urlName);
}

function nameProblem(name: string): string | undefined {
	if (name.trim() === '') return 'name must not be empty.';
	if (name !== name.trim()) return 'name must not start or end with a space.';
	if (name.startsWith('_')) return 'name must not start with an underscore.';
	if (name.includes(':')) return 'name must not contain a colon.';
	if (Buffer.byteLength(name, 'utf8') > 100) return 'name must be at most 100 bytes long.';
	return undefined;
}
