/**
 * Class databases (the live classroom, issue 19): what the sync guard lets through for
 * `class-<code>` and the design document that gates every write, decided from the method and
 * the URL alone (pure). A class database is public, as a CouchDB database whose `_security` has
 * no members is: a student has no account, so reads and writes are anonymous, and the design
 * document `_design/live` (its `validate_doc_update`) is the gate. The teacher who made it is its
 * only admin; the open question and whether the session has ended live in its `_security`
 * object (`live`), the one thing a validate function can read besides the document itself.
 * docs/sync-server.md explains how CouchDB 3 gets the same effect.
 */

/** Letters and digits nobody misreads (no 0/o, 1/l/i); lower case, as CouchDB names databases. */
export const CODE_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export const CODE_LENGTH = 6;
const CLASS_DB = new RegExp(`^class-([${CODE_ALPHABET}]{${CODE_LENGTH}})$`);

/** A class database's join code, if `db` names one. */
export const classCode = (db: string): string | undefined => CLASS_DB.exec(db)?.[1];

/** A week: a teacher may delete a class database only once it is this old (one constant, the app's). */
export { KEEP_FOR_MS } from '../src/lib/srs/live-class';

/** The live state a class database's `_security` carries (`live`), read by the validate function. */
export interface LiveSecurity {
	/** When it was made (ms since the epoch, set by the guard). */
	createdAt: number;
	/** The question open for answers, or null. */
	open: string | null;
	/** Once true, nobody but the server's admin writes any more. */
	ended: boolean;
}

export interface ClassSecurity {
	admins: { names: string[]; roles: string[] };
	members: { names: string[]; roles: string[] };
	live: LiveSecurity;
}

export const classSecurity = (teacher: string, createdAt: number): ClassSecurity => ({
	admins: { names: [teacher], roles: [] },
	members: { names: [], roles: [] },
	live: { createdAt, open: null, ended: false }
});

/** A question id as it may appear in an answer's id (the app's fact ids fit). */
export const QUESTION_ID = /^[A-Za-z0-9_.-]{1,80}$/;

/**
 * Why a teacher's new `_security` is refused, or undefined: only `live.open` and `live.ended`
 * may change, and an ended session stays ended.
 */
export function securityProblem(current: ClassSecurity, next: unknown): string | undefined {
	if (typeof next !== 'object' || next === null || Array.isArray(next))
		return 'The body must be a JSON object.';
	const { admins, members, live, ...rest } = next as Record<string, unknown>;
	if (Object.keys(rest).length > 0) return 'Only admins, members and live may be set.';
	if (JSON.stringify(admins) !== JSON.stringify(current.admins))
		return 'admins cannot change: the teacher who made the class is its admin.';
	if (JSON.stringify(members) !== JSON.stringify(current.members))
		return 'members cannot change: a class database is open to its students.';
	if (typeof live !== 'object' || live === null) return 'live must be an object.';
	const { createdAt, open, ended, ...extra } = live as Record<string, unknown>;
	if (Object.keys(extra).length > 0) return 'live has only createdAt, open and ended.';
	if (createdAt !== current.live.createdAt) return 'live.createdAt cannot change.';
	if (typeof ended !== 'boolean') return 'live.ended must be true or false.';
	if (current.live.ended && !ended) return 'An ended session cannot open again.';
	if (open !== null && (typeof open !== 'string' || !QUESTION_ID.test(open)))
		return 'live.open must be a question id or null.';
	if (ended && open !== null) return 'An ended session has no open question.';
	return undefined;
}

/**
 * The gate on every write to a class database (CouchDB's `validate_doc_update`, ES5 as CouchDB's
 * JavaScript engine takes it). The teacher (a database admin) writes anything until the session
 * ends. A student writes only `student:<session>` (their name, once) and
 * `answer:<session>:<question>` for the open question, once: a session id is a random secret of
 * the student's phone, and a document is never changed, so nobody changes another's answer and
 * sending the same answer twice changes nothing.
 */
export const VALIDATE_DOC_UPDATE = `function (newDoc, oldDoc, userCtx, secObj) {
	var live = (secObj && secObj.live) || {};
	var admins = (secObj && secObj.admins && secObj.admins.names) || [];
	if (userCtx.roles.indexOf('_admin') !== -1) return;
	if (live.ended) throw { forbidden: 'This class session has ended.' };
	if (userCtx.name && admins.indexOf(userCtx.name) !== -1) return;
	if (oldDoc) throw { forbidden: 'An answer is sent once and never changed.' };
	if (newDoc._deleted) throw { forbidden: 'Students cannot delete documents.' };
	var student = /^student:([A-Za-z0-9_-]{16,64})$/.exec(newDoc._id);
	var answer = /^answer:([A-Za-z0-9_-]{16,64}):([A-Za-z0-9_.-]{1,80})$/.exec(newDoc._id);
	if (!student && !answer)
		throw { forbidden: 'Students write only student:<session> and answer:<session>:<question>.' };
	var keys = [];
	for (var key in newDoc) if (key !== '_id' && key !== '_rev' && key !== '_revisions') keys.push(key);
	keys.sort();
	var shape = keys.join(',');
	if (answer ? shape !== 'name,option' && shape !== 'name,response' : shape !== 'name')
		throw { forbidden: answer ? 'An answer has exactly name and option, or name and response.' : 'A student has exactly a name.' };
	var name = newDoc.name;
	if (typeof name !== 'string' || name.replace(/^\\s+|\\s+$/g, '') === '' || name.length > 40)
		throw { forbidden: 'name must be 1 to 40 characters.' };
	if (/[\\u0000-\\u001f\\u007f-\\u009f<>]/.test(name))
		throw { forbidden: 'name must be plain text.' };
	if (answer) {
		if (answer[2] !== live.open) throw { forbidden: 'Too late: this question is not open.' };
		if (shape === 'name,option') {
			var option = newDoc.option;
			if (typeof option !== 'number' || option % 1 !== 0 || option < 0 || option > 25)
				throw { forbidden: 'option must be a whole number from 0 to 25.' };
			return;
		}
		var r = newDoc.response;
		var lists = { choices: 1, pairing: 1, sequence: 1 };
		if (typeof r !== 'object' || r === null || (r.kind !== 'text' && lists[r.kind] !== 1))
			throw { forbidden: 'response.kind must be choices, text, pairing or sequence.' };
		var fields = [];
		for (var field in r) fields.push(field);
		if (fields.sort().join(',') !== ['kind', r.kind].sort().join(','))
			throw { forbidden: 'response has exactly kind and ' + r.kind + '.' };
		var value = r[r.kind];
		if (r.kind === 'text') {
			if (typeof value !== 'string' || value.length < 1 || value.length > 200)
				throw { forbidden: 'response.text must be 1 to 200 characters.' };
			return;
		}
		if (Object.prototype.toString.call(value) !== '[object Array]' || value.length > 26)
			throw { forbidden: 'response.' + r.kind + ' must be a list of at most 26 places.' };
		for (var i = 0; i < value.length; i++)
			if (typeof value[i] !== 'number' || value[i] % 1 !== 0 || value[i] < -1 || value[i] > 25)
				throw { forbidden: 'response.' + r.kind + ' holds whole numbers from -1 to 25.' };
	}
}`;

export const LIVE_DESIGN = { _id: '_design/live', validate_doc_update: VALIDATE_DOC_UPDATE };

export type ClassRoute =
	/** `GET /_classes`: the signed-in teacher's own classes (CouchDB's `_all_dbs` is admins'). */
	| { kind: 'class-list' }
	/** `PUT /class-<code>`: a signed-in teacher makes it. */
	| { kind: 'class-create'; db: string }
	/** `DELETE /class-<code>`: its teacher, once it is a week old. */
	| { kind: 'class-delete'; db: string }
	/** `GET`/`PUT /class-<code>/_security`: its teacher only. */
	| { kind: 'class-security'; db: string }
	/** Read or write inside it, with the caller's own credentials: the design document judges. */
	| { kind: 'class'; db: string };

type Refusal = { kind: 'refuse'; status: number; error: string; reason: string };

const CLASS_ENDPOINTS = new Map<string, readonly string[]>([
	['', ['GET', 'HEAD']],
	['_all_docs', ['GET', 'HEAD']],
	['_changes', ['GET', 'HEAD', 'POST']]
]);

/** Where a request inside class database `db` goes (`inside`: the decoded path after it). */
export function classRoute(method: string, db: string, inside: string): ClassRoute | Refusal {
	const refuse = (status: number, reason: string): Refusal => ({
		kind: 'refuse',
		status,
		error: status === 405 ? 'method_not_allowed' : 'forbidden',
		reason
	});
	if (inside === '') {
		if (method === 'PUT') return { kind: 'class-create', db };
		if (method === 'DELETE') return { kind: 'class-delete', db };
	}
	const endpoint = CLASS_ENDPOINTS.get(inside);
	if (endpoint)
		return endpoint.includes(method)
			? { kind: 'class', db }
			: refuse(405, `${method} is not allowed on ${inside || 'a class database'}.`);
	if (inside === '_security')
		return method === 'GET' || method === 'PUT'
			? { kind: 'class-security', db }
			: refuse(405, `${method} is not allowed on _security.`);
	if (inside === '_design/live' && (method === 'GET' || method === 'HEAD'))
		return { kind: 'class', db };
	if (inside.startsWith('_'))
		return refuse(403, `${inside.split('/')[0]} is not available in a class database.`);
	if (['GET', 'HEAD', 'PUT', 'DELETE'].includes(method)) return { kind: 'class', db };
	return refuse(405, `${method} is not allowed on a document.`);
}

/** One of a teacher's classes, as `GET /_classes` lists it (newest first). */
export interface ClassListing {
	code: string;
	createdAt: number;
	ended: boolean;
}

/** The classes among `dbs` (with their `_security`) that `teacher` made, newest first. */
export function teacherClasses(
	teacher: string,
	dbs: ReadonlyArray<{ db: string; security: Partial<ClassSecurity> | null }>
): ClassListing[] {
	return dbs
		.flatMap(({ db, security }) => {
			const code = classCode(db);
			const live = security?.live;
			if (!code || !live || security?.admins?.names?.[0] !== teacher) return [];
			return [{ code, createdAt: live.createdAt, ended: live.ended }];
		})
		.sort((a, b) => b.createdAt - a.createdAt || a.code.localeCompare(b.code));
}
