/**
 * The live classroom's calls to the sync server (docs/sync-server.md, "Class databases"): plain
 * fetch, same origin at `/sync`, the teacher's session cookie sent along. A class database is
 * `class-<code>`; its `_security.live` holds the open question (the server's gate) and the
 * `state` document what every phone shows.
 */
import * as z from 'zod/mini';

export const SYNC_URL = '/sync';
const CODE_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A join code as typed or linked (any case), or undefined when it cannot be one. */
export function classCodeOf(text: string | null): string | undefined {
	const code = text?.trim().toLowerCase();
	return code && new RegExp(`^[${CODE_ALPHABET}]{6}$`).test(code) ? code : undefined;
}

function newCode(random: () => number = Math.random): string {
	let code = '';
	for (let i = 0; i < 6; i++) code += CODE_ALPHABET[Math.floor(random() * CODE_ALPHABET.length)];
	return code;
}

const dbUrl = (code: string) => `${SYNC_URL}/class-${code}`;
const docUrl = (code: string, id: string) => `${dbUrl(code)}/${encodeURIComponent(id)}`;

async function json(method: string, url: string, body?: unknown): Promise<Response> {
	return fetch(url, {
		method,
		credentials: 'include',
		headers: body === undefined ? {} : { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body)
	});
}

/** The signed-in account's name, or null (no session, or no server). */
export async function signedInName(): Promise<string | null> {
	try {
		const reply = await json('GET', `${SYNC_URL}/_session`);
		if (!reply.ok) return null;
		const name = ((await reply.json()) as { userCtx?: { name?: unknown } }).userCtx?.name;
		return typeof name === 'string' ? name : null;
	} catch {
		return null;
	}
}

/** Makes a class database with a fresh code; the code, or an error in words. */
export async function createClass(): Promise<string> {
	for (let attempt = 0; attempt < 5; attempt++) {
		const code = newCode();
		const reply = await json('PUT', dbUrl(code), {});
		if (reply.status === 201) return code;
		if (reply.status !== 412) throw new Error(await reasonOf(reply));
	}
	throw new Error('No free class code was found: try again.');
}

async function reasonOf(reply: Response): Promise<string> {
	const body = (await reply.json().catch(() => ({}))) as { reason?: unknown };
	return typeof body.reason === 'string' ? body.reason : `The server answered ${reply.status}.`;
}

const LiveSchema = z.object({
	createdAt: z.number(),
	open: z.nullable(z.string()),
	ended: z.boolean()
});
export type Live = z.infer<typeof LiveSchema>;

/** Sets the class's open question and whether it has ended (the teacher only). */
export async function setLive(code: string, live: Partial<Live>): Promise<void> {
	const reply = await json('GET', `${dbUrl(code)}/_security`);
	if (!reply.ok) throw new Error(await reasonOf(reply));
	const security = (await reply.json()) as Record<string, unknown>;
	const current = LiveSchema.parse(security.live);
	const put = await json('PUT', `${dbUrl(code)}/_security`, {
		...security,
		live: { ...current, ...live }
	});
	if (!put.ok) throw new Error(await reasonOf(put));
}

/** A document, or null when there is none. */
export async function getDoc(code: string, id: string): Promise<Record<string, unknown> | null> {
	const reply = await json('GET', docUrl(code, id));
	if (reply.status === 404) return null;
	if (!reply.ok) throw new Error(await reasonOf(reply));
	return (await reply.json()) as Record<string, unknown>;
}

/**
 * Writes a document, replacing the one there (the teacher's state): its revision is fetched
 * when the write conflicts.
 */
export async function putOver(code: string, id: string, body: Record<string, unknown>) {
	for (let attempt = 0; attempt < 3; attempt++) {
		const old = await getDoc(code, id);
		const reply = await json('PUT', docUrl(code, id), { ...body, ...(old && { _rev: old._rev }) });
		if (reply.ok) return;
		if (reply.status !== 409) throw new Error(await reasonOf(reply));
	}
	throw new Error(`${id} kept changing while it was written.`);
}

export type SendResult = 'sent' | 'too-late' | 'offline';

/** A student's write, once: already there counts as sent; refused means too late. */
export async function sendOnce(code: string, id: string, body: Record<string, unknown>) {
	let reply: Response;
	try {
		reply = await json('PUT', docUrl(code, id), body);
	} catch {
		return 'offline' satisfies SendResult;
	}
	if (reply.ok || reply.status === 409) return 'sent' satisfies SendResult;
	if (reply.status === 403) {
		const reason = await reasonOf(reply);
		// "sent once": the same answer reached the server before (pouchdb-server's answer).
		return reason.includes('sent once') ? 'sent' : ('too-late' satisfies SendResult);
	}
	return 'offline' satisfies SendResult;
}

interface Change {
	id: string;
	doc?: unknown;
}

/**
 * Follows the class's `_changes` feed (longpoll) until `signal` aborts, handing each batch of
 * documents to `onDocs`; on a dropped connection it waits and asks again from where it was.
 * `docIds` narrows the feed (a phone follows only `state`).
 */
export async function follow(
	code: string,
	onDocs: (docs: unknown[]) => void,
	signal: AbortSignal,
	docIds?: string[],
	onOnline: (online: boolean) => void = () => {}
): Promise<void> {
	let since: unknown = 0;
	while (!signal.aborted) {
		const params = new URLSearchParams({
			feed: 'longpoll',
			include_docs: 'true',
			timeout: '25000',
			since: String(since)
		});
		if (docIds) {
			params.set('filter', '_doc_ids');
			params.set('doc_ids', JSON.stringify(docIds));
		}
		try {
			const reply = await fetch(`${dbUrl(code)}/_changes?${params}`, {
				credentials: 'include',
				signal
			});
			if (!reply.ok) throw new Error(String(reply.status));
			const body = (await reply.json()) as { results: Change[]; last_seq: unknown };
			onOnline(true);
			since = body.last_seq;
			const docs = body.results.map((r) => r.doc).filter((d) => d !== undefined);
			if (docs.length) onDocs(docs);
		} catch {
			if (signal.aborted) return;
			onOnline(false);
			await new Promise((r) => setTimeout(r, 1000));
		}
	}
}

const ClassListSchema = z.object({
	classes: z.array(z.object({ code: z.string(), createdAt: z.number(), ended: z.boolean() }))
});
export type ClassListing = z.infer<typeof ClassListSchema>['classes'][number];

/** The signed-in teacher's classes, newest first (the guard's `GET /_classes`). */
export async function listClasses(): Promise<ClassListing[]> {
	const reply = await json('GET', `${SYNC_URL}/_classes`);
	if (!reply.ok) throw new Error(await reasonOf(reply));
	const parsed = ClassListSchema.safeParse(await reply.json());
	if (!parsed.success) throw new Error('The server sent a class list this app cannot read.');
	return parsed.data.classes.filter((c) => classCodeOf(c.code) === c.code);
}

/** Every document of class `code` (the teacher's and the students'), untrusted. */
export async function allDocs(code: string, range?: { from: string; to: string }) {
	const params = new URLSearchParams(
		range
			? { start_key: JSON.stringify(range.from), end_key: JSON.stringify(range.to) }
			: { include_docs: 'true' }
	);
	const reply = await json('GET', `${dbUrl(code)}/_all_docs?${params}`);
	if (!reply.ok) throw new Error(await reasonOf(reply));
	const body = (await reply.json()) as { rows?: { doc?: unknown }[] };
	return Array.isArray(body.rows) ? body.rows : [];
}

/** Deletes class `code` (its teacher, a week after it began). */
export async function deleteClass(code: string): Promise<void> {
	const reply = await json('DELETE', dbUrl(code));
	if (!reply.ok) throw new Error(await reasonOf(reply));
}
