/**
 * What the header and Settings say about sync, from its state: pure, so that every wording is
 * tested without a server ("Synced 2 min ago", "Offline — 12 answers to send", "Signed out").
 */
import type { SyncErrorKind } from '$lib/sync/remote';

export type SyncPhase =
	/** No account on this device. */
	| 'signed-out'
	| 'signing-in'
	/** Waiting for the next sync. */
	| 'idle'
	| 'syncing'
	/** The browser says it is offline. */
	| 'offline'
	/** The last sync failed (`error` says why); it is tried again later. */
	| 'error';

export interface SyncView {
	phase: SyncPhase;
	account: string | null;
	syncedAt: Date | null;
	/** Answers (log entries) still to send, and whether everything is (a first sync). */
	answers: number;
	everything: boolean;
	error: { kind: SyncErrorKind; message: string } | null;
	/** A first pull's progress. */
	progress: { done: number; total: number } | null;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "just now", "2 min ago", "3 h ago", "yesterday", "4 days ago". */
export function ago(then: Date, now: Date): string {
	const min = Math.floor((now.getTime() - then.getTime()) / 60_000);
	if (min < 1) return 'just now';
	if (min < 60) return `${min} min ago`;
	const h = Math.floor(min / 60);
	if (h < 24) return `${h} h ago`;
	const days = Math.floor(h / 24);
	return days === 1 ? 'yesterday' : `${days} days ago`;
}

/** What is still to send, as a clause: "12 answers to send" (or null: nothing). */
function toSend(v: SyncView): string | null {
	if (v.answers > 0) return `${plural(v.answers, 'answer')} to send`;
	if (v.everything) return 'this device’s data to send';
	return null;
}

/** The header's line: short. */
export function statusLine(v: SyncView, now: Date): string {
	const pending = toSend(v);
	switch (v.phase) {
		case 'signed-out':
			return 'Signed out';
		case 'signing-in':
			return 'Signing in…';
		case 'syncing':
			return v.progress
				? `Downloading ${v.progress.done.toLocaleString('en')} of ${v.progress.total.toLocaleString('en')}…`
				: 'Syncing…';
		case 'offline':
			return pending ? `Offline — ${pending}` : 'Offline';
		case 'error':
			if (v.error?.kind === 'expired') return 'Session expired — sign in again';
			if (v.error?.kind === 'unreachable')
				return pending ? `Server unreachable — ${pending}` : 'Sync server unreachable';
			return 'Sync failed — will retry';
		case 'idle':
			if (!v.syncedAt) return pending ? `Not synced yet — ${pending}` : 'Not synced yet';
			return `Synced ${ago(v.syncedAt, now)}`;
	}
}

/** Settings' fuller sentence about an error: what happened and what to do. */
export function errorSentence(error: SyncView['error']): string | null {
	if (!error) return null;
	switch (error.kind) {
		case 'expired':
			return 'Your session on the sync server has expired. Sign in again to go on syncing; studying goes on here meanwhile, and nothing is lost.';
		case 'unreachable':
			return 'The sync server cannot be reached. Your answers are kept on this device and sent when it is back.';
		case 'wrong-password':
			return 'Wrong name or password: check them and try again.';
		default:
			return error.message;
	}
}

/** The notice after another device's settings replaced these. */
export function settingsNotice(from: { device: string; at: string } | null): string | null {
	if (!from) return null;
	const at = new Date(from.at);
	const when = at.toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short' });
	return `Settings were changed on ${from.device} at ${when}: those are in force here now.`;
}

/** The wait before retrying after `failures` failures in a row: 2 s doubling, at most 5 min. */
export function backoff(failures: number): number {
	return Math.min(300_000, 2000 * 2 ** Math.max(0, failures - 1));
}
