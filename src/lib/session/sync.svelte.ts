/**
 * Sync in the background: this device's IndexedDB stays the primary store and studying never
 * waits for the network. A sync (sync/engine.ts: pull, merge, push) runs when the app starts,
 * about a second after answers (several answers, one sync), when the browser comes back online,
 * when the tab is shown again, and every 30 s; after a failure it waits longer each time (2 s
 * doubling, at most 5 min). An expired session stops it until the learner signs in again.
 *
 * The account's name is in localStorage (WEB_KEYS.syncAccount), nothing more: the session is
 * the server's cookie. The header loads this module only when that key is set.
 */
import * as env from '$env/static/public';
import type { Repository } from '$lib/storage/repository';
import { toSend } from '$lib/storage/sync-outbox';
import {
	endAccount,
	readSettingsChanged,
	readSyncMeta,
	startAccount,
	writeSyncMeta
} from '$lib/storage/sync-state';
import type { SyncEngine } from '$lib/sync/engine';
import { SyncError, type RemoteOptions } from '$lib/sync/remote';
import { repository, writeListeners } from './storage.svelte';
import { backoff, type SyncPhase, type SyncView } from './sync-words';
import { readWebKey, SYNC_ACCOUNT_EVENT, WEB_KEYS, writeWebKey } from './web-keys';

/** The sync server: `PUBLIC_SYNC_URL` at build time, else `/sync` on this origin. */
export const SYNC_URL = (env as Record<string, string | undefined>).PUBLIC_SYNC_URL || '/sync';

const CHANNEL = 'current-affairs-recall:sync';
const SYNCED = new Set(['log', 'decks', 'drafts', 'settings', 'attempts']);
const AFTER_ANSWERS_MS = 1000;
const EVERY_MS = 30_000;

export class SyncSession {
	#phase = $state<SyncPhase>('signed-out');
	#account = $state<string | null>(null);
	#syncedAt = $state.raw<Date | null>(null);
	#answers = $state(0);
	#everything = $state(false);
	#error = $state.raw<SyncView['error']>(null);
	#progress = $state.raw<SyncView['progress']>(null);
	#settingsFrom = $state.raw<{ device: string; at: string } | null>(null);
	#now = $state.raw(new Date());
	#arrived = $state(false);
	/** Tells this app's other tabs that a sync changed the stored data. */
	#channel: BroadcastChannel | null = null;

	#engine: SyncEngine | null = null;
	#running: Promise<void> | null = null;
	#again = false;
	#failures = 0;
	#timer: ReturnType<typeof setTimeout> | null = null;
	#tick: ReturnType<typeof setInterval> | null = null;
	#started = false;
	readonly #remote: RemoteOptions;

	constructor(remote: RemoteOptions = { url: SYNC_URL }) {
		this.#remote = remote;
	}

	/** Everything the words need (sync-words.ts). */
	get view(): SyncView {
		return {
			phase: this.#phase,
			account: this.#account,
			syncedAt: this.#syncedAt,
			answers: this.#answers,
			everything: this.#everything,
			error: this.#error,
			progress: this.#progress
		};
	}
	get now() {
		return this.#now;
	}
	get account() {
		return this.#account;
	}
	get settingsFrom() {
		return this.#settingsFrom;
	}
	/** A sync (here or in another tab) stored changes from other devices: the page shows older data. */
	get arrived() {
		return this.#arrived;
	}

	/** Start syncing if an account is set; idempotent (the header and Settings both call it). */
	async start(): Promise<void> {
		if (this.#started) return;
		this.#started = true;
		this.#account = readWebKey('local', WEB_KEYS.syncAccount);
		writeListeners.add((stores) => {
			if (stores.some((s) => SYNCED.has(s)) && !stores.includes('outbox')) {
				void this.#counts();
				this.soon(AFTER_ANSWERS_MS);
				if (stores.includes('settings')) void this.#noticeStillTrue();
			}
		});
		if (typeof BroadcastChannel !== 'undefined') {
			this.#channel = new BroadcastChannel(CHANNEL);
			this.#channel.onmessage = () => (this.#arrived = true);
		}
		if (typeof window !== 'undefined') {
			window.addEventListener('online', () => this.soon(0));
			window.addEventListener('offline', () => void this.#counts());
			document.addEventListener('visibilitychange', () => {
				if (document.visibilityState === 'visible') this.soon(0);
			});
			this.#tick = setInterval(() => {
				this.#now = new Date();
				if (this.#phase === 'idle') this.soon(0);
			}, EVERY_MS);
		}
		if (!this.#account) return;
		this.#phase = 'idle';
		const meta = await readSyncMeta((await repository()).kv, this.#account);
		this.#syncedAt = meta.syncedAt ? new Date(meta.syncedAt) : null;
		this.#settingsFrom = meta.settingsFrom ?? null;
		this.soon(0);
	}

	/** Stop the timers (tests; a page never needs to). */
	stop(): void {
		if (this.#timer) clearTimeout(this.#timer);
		if (this.#tick) clearInterval(this.#tick);
		this.#timer = this.#tick = null;
	}

	/** Sync in `ms` (batching: an earlier request stands). */
	soon(ms: number): void {
		if (!this.#account || this.#error?.kind === 'expired') return;
		if (this.#timer) {
			if (ms > 0) return;
			clearTimeout(this.#timer);
		}
		this.#timer = setTimeout(() => {
			this.#timer = null;
			void this.syncNow();
		}, ms);
	}

	async #counts(): Promise<Repository> {
		const repo = await repository();
		const n = await toSend(repo.kv);
		this.#answers = n.answers;
		this.#everything = n.all;
		const offline = typeof navigator !== 'undefined' && !navigator.onLine;
		if (offline && this.#account && this.#phase !== 'syncing') this.#phase = 'offline';
		else if (!offline && this.#phase === 'offline') this.#phase = 'idle';
		return repo;
	}

	/** One sync now (or, when one is running, one more after it). */
	syncNow(): Promise<void> {
		if (this.#running) {
			this.#again = true;
			return this.#running;
		}
		this.#running = this.#run().finally(() => {
			this.#running = null;
			if (this.#again) {
				this.#again = false;
				this.soon(0);
			}
		});
		return this.#running;
	}

	async #run(): Promise<void> {
		const account = this.#account;
		if (!account) return;
		const repo = await this.#counts();
		if (this.#phase === 'offline') return;
		this.#phase = 'syncing';
		try {
			this.#engine ??= await this.#newEngine(repo, account);
			const report = await this.#engine.sync();
			const merged = report.merged;
			if (merged?.settingsFrom) this.#settingsFrom = merged.settingsFrom;
			if (
				merged &&
				(merged.logAdded || merged.logRemoved || merged.records || merged.settingsFrom)
			) {
				this.#arrived = true;
				this.#channel?.postMessage('arrived');
			}
			this.#syncedAt = new Date();
			this.#error = null;
			this.#failures = 0;
			this.#phase = 'idle';
		} catch (e) {
			const error = e instanceof SyncError ? e : new SyncError('server', String(e));
			this.#error = { kind: error.kind, message: error.message };
			this.#phase = 'error';
			this.#failures++;
			if (error.kind !== 'expired') this.soon(backoff(this.#failures));
		} finally {
			this.#progress = null;
			this.#now = new Date();
			await this.#counts();
		}
	}

	async #newEngine(repo: Repository, account: string): Promise<SyncEngine> {
		const { SyncEngine } = await import('$lib/sync/engine');
		return new SyncEngine(repo, {
			...this.#remote,
			account,
			onProgress: (done, total) => (this.#progress = { done, total })
		});
	}

	/** Create an account, then sign in with it. */
	async signUp(name: string, password: string): Promise<void> {
		const { signUp } = await import('$lib/sync/remote');
		await this.#signingIn(async () => {
			await signUp(this.#remote, name, password);
			await this.#signIn(name, password);
		});
	}

	/** Sign in; this device's data is then sent, and the account's read (progress shown). */
	async signIn(name: string, password: string): Promise<void> {
		await this.#signingIn(() => this.#signIn(name, password));
	}

	async #signingIn(body: () => Promise<void>): Promise<void> {
		const before = this.#phase;
		this.#phase = 'signing-in';
		try {
			await body();
		} catch (e) {
			this.#phase = before === 'signing-in' ? 'signed-out' : before;
			throw e;
		}
	}

	async #signIn(name: string, password: string): Promise<void> {
		const { signIn } = await import('$lib/sync/remote');
		await signIn(this.#remote, name, password);
		const repo = await repository();
		await startAccount(repo.kv, name);
		writeWebKey('local', WEB_KEYS.syncAccount, name);
		if (this.#account !== name) this.#engine = null;
		this.#account = name;
		this.#error = null;
		this.#failures = 0;
		this.#phase = 'idle';
		if (typeof window !== 'undefined') window.dispatchEvent(new Event(SYNC_ACCOUNT_EVENT));
		await this.syncNow();
	}

	/** Sign out, keeping this device's copy of the data or clearing it. */
	async signOut(keepCopy: boolean): Promise<void> {
		const { signOut } = await import('$lib/sync/remote');
		await this.#running;
		await signOut(this.#remote);
		const repo = await repository();
		await endAccount(repo.kv, keepCopy);
		if (!keepCopy) repo.snapshot.forget();
		writeWebKey('local', WEB_KEYS.syncAccount, null);
		this.#account = null;
		this.#engine = null;
		this.#syncedAt = null;
		this.#error = null;
		this.#settingsFrom = null;
		this.#phase = 'signed-out';
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = null;
		await this.#counts();
		if (typeof window !== 'undefined') window.dispatchEvent(new Event(SYNC_ACCOUNT_EVENT));
	}

	/** The notice about another device's settings holds until this device changes them. */
	async #noticeStillTrue(): Promise<void> {
		const from = this.#settingsFrom;
		if (!from) return;
		const changed = await readSettingsChanged((await repository()).kv);
		if (changed?.updatedAt !== from.at) await this.dismissSettingsNotice();
	}

	/** The learner has read the notice about another device's settings. */
	async dismissSettingsNotice(): Promise<void> {
		this.#settingsFrom = null;
		if (this.#account)
			await writeSyncMeta((await repository()).kv, this.#account, { settingsFrom: null });
	}
}

export const syncSession = new SyncSession();
