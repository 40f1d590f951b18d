/**
 * The outbox: the records changed on this device and not yet sent to the sync server, one
 * record per document to send (its id, see docs/sync.md), written in the transaction that makes
 * the change (kv.ts puts the store in the scope of every write of a store that syncs), so that a
 * crash never loses a change to send. A mark names the document, not its content: the content is
 * read when it is sent (a deck that is gone is sent as deleted). Marks are kept only while sync
 * is on (an account in localStorage); signing in marks everything (`all`).
 */
import type { LogRecord } from './records';
import type { KvTx, Kv, StoreName } from './kv';
import { readWebKey, WEB_KEYS } from './web-keys';

export interface OutboxMark {
	/** `put`: send the record as stored; `delete`: a log entry removed (an undone answer). */
	op: 'put' | 'delete' | 'all';
	/** A log entry's time (it locates the entry's day). */
	at?: string;
	/** Changes with each mark: a mark sent is removed only if it was not marked again meanwhile. */
	stamp: string;
}

export interface Pending {
	id: string;
	mark: OutboxMark;
}

/** The mark of everything this device holds (signing in; a backup restored). */
export const ALL = 'all';

/** The document ids (docs/sync.md). */
export const docIds = {
	log: (eventId: string) => `log:${eventId}`,
	deck: (deckId: string) => `deck:${deckId}`,
	draft: (draftId: string) => `draft:${draftId}`,
	attempt: (attemptId: string) => `attempt:${attemptId}`,
	settings: 'settings'
} as const;

let forced: boolean | null = null;

/** Whether sync is on for this browser (an account is named in localStorage). */
export function syncOn(): boolean {
	return forced ?? readWebKey('local', WEB_KEYS.syncAccount) !== null;
}

/** For tests in Node, which has no localStorage: force sync on or off (null: ask localStorage). */
export function forceSyncOn(on: boolean | null): void {
	forced = on;
}

let counter = 0;
const stamp = () => `${Date.now().toString(36)}.${(counter++).toString(36)}.${Math.random()}`;

/** In a read-write transaction that changes the record behind `id`: mark it to send. */
export function markChanged(tx: KvTx, id: string, op: 'put' | 'delete' = 'put', at?: string): void {
	if (!syncOn()) return;
	const mark: OutboxMark = at === undefined ? { op, stamp: stamp() } : { op, at, stamp: stamp() };
	tx.put('outbox', id, mark);
}

/** In a read-write transaction: store a record and mark its document (`id`) to send. */
export function putMarked(
	tx: KvTx,
	store: StoreName,
	key: string,
	value: unknown,
	id: string
): void {
	tx.put(store, key, value);
	markChanged(tx, id);
}

/** In a read-write transaction over the attempts: store a mock test's attempt, marked to send. */
export const putAttempt = (tx: KvTx, a: { id: string }) =>
	putMarked(tx, 'attempts', a.id, a, docIds.attempt(a.id));

/** In a read-write transaction over the log: mark log entries added (or removed) to send. */
export function markLog(
	tx: KvTx,
	entries: ReadonlyArray<Pick<LogRecord, 'id'> & { at: string | Date }>,
	op: 'put' | 'delete' = 'put'
): void {
	for (const e of entries)
		markChanged(tx, docIds.log(e.id), op, typeof e.at === 'string' ? e.at : e.at.toISOString());
}

/** In a read-write transaction: mark everything this device holds to send (whether sync is on). */
export function markAll(tx: KvTx): void {
	tx.put('outbox', ALL, { op: 'all', stamp: stamp() } satisfies OutboxMark);
}

const isMark = (v: unknown): v is OutboxMark =>
	typeof v === 'object' &&
	v !== null &&
	['put', 'delete', 'all'].includes((v as OutboxMark).op) &&
	typeof (v as OutboxMark).stamp === 'string';

/** Every change still to send (a damaged mark counts as a `put`: sending twice is harmless). */
export async function pending(kv: Kv): Promise<Pending[]> {
	const rows = await kv.run(['outbox'], 'readonly', (tx) => tx.entries('outbox'));
	return rows.map(([id, v]) => ({ id, mark: isMark(v) ? v : { op: 'put', stamp: '' } }));
}

/** How many answers (log entries) are still to send, and whether everything is (`all`). */
export async function toSend(kv: Kv): Promise<{ answers: number; all: boolean; total: number }> {
	const keys = await kv.run(['outbox'], 'readonly', (tx) => tx.keys('outbox'));
	return {
		answers: keys.filter((k) => k.startsWith('log:')).length,
		all: keys.includes(ALL),
		total: keys.length
	};
}

/** The ids marked to send, in a transaction that has the outbox (a merge skips them). */
export async function markedIds(tx: KvTx): Promise<Set<string>> {
	return new Set(await tx.keys('outbox'));
}

/** Remove the marks that were sent, unless marked again since they were read. */
export async function sent(kv: Kv, done: readonly Pending[]): Promise<void> {
	if (!done.length) return;
	await kv.run(['outbox'], 'readwrite', async (tx) => {
		const now = await Promise.all(done.map((p) => tx.get('outbox', p.id)));
		done.forEach((p, i) => {
			const current = now[i];
			if (current !== undefined && (!isMark(current) || current.stamp === p.mark.stamp))
				tx.delete('outbox', p.id);
		});
	});
}

/** Forget every change to send (signing out). */
export async function clearOutbox(kv: Kv): Promise<void> {
	await kv.run(['outbox'], 'readwrite', async (tx) => tx.clear('outbox'));
}
