/**
 * One sync of this device with the learner's database on the server: pull, merge, push.
 *
 * - Pull: a device's first pull reads every document (`allDocs`, in pages, with progress);
 *   later pulls read the changes since the sequence the last one reached. Every document is
 *   checked (docs.ts); what passes is merged into IndexedDB in one transaction (the log as a
 *   union by id, nothing twice), the facts it touched are replayed, and only then is the new
 *   sequence saved: a pull cut short is read again, and merging twice changes nothing.
 * - Push: the outbox's changes (storage/sync-outbox.ts) with `bulkDocs`, in pages. Sending is
 *   idempotent: a log document is immutable, so a conflict on one means it is there already; a
 *   deck, draft, attempt or the settings is sent over the server's current revision. A change
 *   leaves the outbox only once the server has it.
 *
 * PouchDB (pouchdb-core and its HTTP adapter) speaks CouchDB's protocol; it is imported here
 * only, and this module only by dynamic import once sync is on.
 */
import type { Database } from 'pouchdb-core';
import type { Repository } from '../storage/repository';
import { mergeIncoming, type MergeResult } from '../storage/sync-merge';
import { pending, sent, type Pending } from '../storage/sync-outbox';
import { readOutgoing } from '../storage/sync-records';
import { readSyncMeta, writeSyncMeta } from '../storage/sync-state';
import { checkDocs, toDoc, type SyncDoc } from './docs';
import { dbName, SyncError, type RemoteOptions } from './remote';

export interface SyncReport {
	pulled: number;
	merged: MergeResult | null;
	pushed: number;
	/** Documents the server sent that were refused (set aside), with why. */
	refused: string[];
}

export interface EngineOptions extends RemoteOptions {
	account: string;
	/** Documents per request. */
	pageSize?: number;
	/** A first pull's progress: documents read of the total. */
	onProgress?: (done: number, total: number) => void;
}

type Db = Database;

/** The server's database of `account`, through PouchDB's HTTP adapter (loaded on first use). */
async function openDb(opts: EngineOptions): Promise<Db> {
	const [{ default: PouchDB }, { default: http }] = await Promise.all([
		import('pouchdb-core'),
		import('pouchdb-adapter-http')
	]);
	PouchDB.plugin(http);
	const origin = typeof location === 'undefined' ? 'http://localhost' : location.href;
	const url = new URL(`${opts.url.replace(/\/+$/, '')}/${dbName(opts.account)}`, origin).href;
	const f = opts.fetch;
	return new PouchDB(url, {
		skip_setup: true,
		...(f ? { fetch: (u: string | Request, init?: RequestInit) => f(u, init) } : {})
	});
}

/** A PouchDB failure as a SyncError the page can word. */
export function syncErrorOf(e: unknown): SyncError {
	if (e instanceof SyncError) return e;
	const err = e as { status?: number; name?: string; message?: string; reason?: string } | null;
	const status = err?.status;
	if (status === 401)
		return new SyncError('expired', 'The session has expired: sign in again.', { cause: e });
	if (status === 403)
		return new SyncError('forbidden', 'The server refused this account’s database.', {
			cause: e
		});
	if (
		status === undefined ||
		status === 502 ||
		status === 503 ||
		status === 504 ||
		/fetch|network|ECONNREFUSED|socket/i.test(`${err?.name} ${err?.message}`)
	)
		return new SyncError('unreachable', 'The sync server cannot be reached.', { cause: e });
	return new SyncError(
		'server',
		`The sync server failed (HTTP ${status}: ${err?.reason ?? err?.message ?? ''}).`,
		{ cause: e }
	);
}

export class SyncEngine {
	readonly #repo: Repository;
	readonly #opts: EngineOptions;
	#db: Db | null = null;
	/** The revisions this engine sent: when the changes feed brings them back, they are ours. */
	readonly #sentRevs = new Map<string, string>();
	/**
	 * Log documents the server is known to hold (pulled from it, or sent): immutable, so never
	 * sent again (after signing in, everything is marked to send, the pulled log too).
	 */
	readonly #held = new Set<string>();

	constructor(repo: Repository, opts: EngineOptions) {
		this.#repo = repo;
		this.#opts = opts;
	}

	async #database(): Promise<Db> {
		return (this.#db ??= await openDb(this.#opts));
	}

	get #page() {
		return this.#opts.pageSize ?? 1000;
	}

	/** Pull, merge and push; the time is recorded when all went through. */
	async sync(now = () => new Date()): Promise<SyncReport> {
		try {
			const pulled = await this.pull();
			const pushed = await this.push();
			await writeSyncMeta(this.#repo.kv, this.#opts.account, { syncedAt: now().toISOString() });
			return { ...pulled, pushed };
		} catch (e) {
			throw syncErrorOf(e);
		}
	}

	/** Read what changed on the server since the last pull, and merge it. */
	async pull(): Promise<Omit<SyncReport, 'pushed'>> {
		const db = await this.#database();
		const kv = this.#repo.kv;
		const meta = await readSyncMeta(kv, this.#opts.account);
		const docs: unknown[] = [];
		let seq: string | number;
		if (meta.seq === null) {
			// A new device: every document, in pages by id. Changes made meanwhile are read by the
			// next pull (from the sequence before the first page).
			const info = await db.info();
			seq = info.update_seq;
			const total = info.doc_count;
			this.#opts.onProgress?.(0, total);
			let startkey: string | undefined;
			for (;;) {
				const page = await db.allDocs({
					include_docs: true,
					limit: this.#page,
					...(startkey === undefined ? {} : { startkey, skip: 1 })
				});
				for (const row of page.rows) if (row.doc) docs.push(row.doc);
				this.#opts.onProgress?.(Math.min(docs.length, total), total);
				if (page.rows.length < this.#page) break;
				startkey = page.rows[page.rows.length - 1].id;
			}
		} else {
			seq = meta.seq;
			for (;;) {
				const page = await db.changes({ since: seq, include_docs: true, limit: this.#page });
				for (const r of page.results) {
					const doc = r.doc ?? { _id: r.id, _deleted: true };
					// What this device sent itself comes back here: it is stored already.
					if (this.#sentRevs.get(r.id) === (doc as { _rev?: string })._rev) continue;
					docs.push(doc);
				}
				seq = page.last_seq;
				if (page.results.length < this.#page) break;
			}
		}
		for (const d of docs) {
			const { _id, _deleted } = d as { _id?: unknown; _deleted?: unknown };
			if (typeof _id === 'string' && _id.startsWith('log:') && _deleted !== true)
				this.#held.add(_id);
		}
		const { changes, refused } = checkDocs(docs.filter((d) => !isDesign(d)));
		const merged =
			changes.length || refused.length ? await mergeIncoming(this.#repo, changes, refused) : null;
		await writeSyncMeta(kv, this.#opts.account, {
			seq,
			...(merged?.settingsFrom ? { settingsFrom: merged.settingsFrom } : {})
		});
		return { pulled: docs.length, merged, refused: refused.map((r) => r.error) };
	}

	/** Send the outbox's changes; each leaves the outbox once the server has it. */
	async push(): Promise<number> {
		const marks = await pending(this.#repo.kv);
		if (!marks.length) return 0;
		const db = await this.#database();
		const { items, nothing } = await readOutgoing(this.#repo.kv, marks);
		// The server's current revisions of the documents sent over (all but new log entries).
		const over = items.filter((i) => i.change.deleted || !i.change.id.startsWith('log:'));
		const revs = new Map<string, { rev: string; deleted: boolean }>();
		for (let i = 0; i < over.length; i += this.#page) {
			const keys = over.slice(i, i + this.#page).map((x) => x.change.id);
			const res = await db.allDocs({ keys });
			for (const row of res.rows as Array<{
				id?: string;
				value?: { rev: string; deleted?: boolean };
			}>)
				if (row.id && row.value)
					revs.set(row.id, { rev: row.value.rev, deleted: !!row.value.deleted });
		}
		const done: Pending[] = [];
		const docs: Array<{ doc: SyncDoc; marks: Pending[] }> = [];
		for (const { change, marks } of items) {
			if (!change.deleted && this.#held.has(change.id)) {
				done.push(...marks); // A log document the server holds already.
				continue;
			}
			const current = revs.get(change.id);
			// Deleting what the server does not hold, or holds deleted: nothing to send.
			if (change.deleted && (!current || current.deleted)) done.push(...marks);
			else
				docs.push({
					doc: toDoc(change, current && !current.deleted ? current.rev : undefined),
					marks
				});
		}
		let failed = 0;
		let pushed = 0;
		for (let i = 0; i < docs.length; i += this.#page) {
			const batch = docs.slice(i, i + this.#page);
			const results = await db.bulkDocs(batch.map((d) => d.doc));
			results.forEach((r, j) => {
				const { doc, marks } = batch[j];
				const res = r as {
					ok?: boolean;
					rev?: string;
					error?: string | boolean;
					name?: string;
					status?: number;
				};
				const conflict = res.error === 'conflict' || res.name === 'conflict' || res.status === 409;
				if (res.ok && res.rev) {
					this.#sentRevs.set(doc._id, res.rev);
					if (doc._id.startsWith('log:') && !doc._deleted) this.#held.add(doc._id);
					pushed++;
					done.push(...marks);
				} else if (conflict && doc._id.startsWith('log:') && !doc._deleted) {
					done.push(...marks); // An immutable document that is there already.
				} else failed++;
			});
			await sent(this.#repo.kv, done.splice(0));
		}
		await sent(this.#repo.kv, done);
		if (failed)
			throw new SyncError(
				'server',
				`${failed} changes were refused by the server; they will be sent again.`
			);
		await sent(this.#repo.kv, nothing);
		return pushed;
	}
}

const isDesign = (d: unknown) =>
	typeof (d as { _id?: unknown })?._id === 'string' &&
	(d as { _id: string })._id.startsWith('_design/');
