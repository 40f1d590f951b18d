import { describe, expect, test } from 'vitest';
import {
	ago,
	backoff,
	errorSentence,
	settingsNotice,
	statusLine,
	type SyncView
} from './sync-words';

const now = new Date('2026-03-01T12:00:00Z');
const view = (v: Partial<SyncView>): SyncView => ({
	phase: 'idle',
	account: 'amy',
	syncedAt: null,
	answers: 0,
	everything: false,
	error: null,
	progress: null,
	...v
});

describe('what the header says about sync', () => {
	test('synced, some time ago', () => {
		const at = (min: number) => new Date(now.getTime() - min * 60_000);
		expect(statusLine(view({ syncedAt: at(0) }), now)).toBe('Synced just now');
		expect(statusLine(view({ syncedAt: at(2) }), now)).toBe('Synced 2 min ago');
		expect(statusLine(view({ syncedAt: at(180) }), now)).toBe('Synced 3 h ago');
		expect(ago(at(60 * 30), now)).toBe('yesterday');
		expect(ago(at(60 * 24 * 4), now)).toBe('4 days ago');
	});

	test('offline, unreachable, expired, signed out, signing in, a first pull', () => {
		expect(statusLine(view({ phase: 'offline', answers: 12 }), now)).toBe(
			'Offline — 12 answers to send'
		);
		expect(statusLine(view({ phase: 'offline', answers: 1 }), now)).toBe(
			'Offline — 1 answer to send'
		);
		expect(statusLine(view({ phase: 'offline' }), now)).toBe('Offline');
		const unreachable = { kind: 'unreachable' as const, message: '' };
		expect(statusLine(view({ phase: 'error', error: unreachable, answers: 3 }), now)).toBe(
			'Server unreachable — 3 answers to send'
		);
		const expired = { kind: 'expired' as const, message: '' };
		expect(statusLine(view({ phase: 'error', error: expired }), now)).toBe(
			'Session expired — sign in again'
		);
		expect(statusLine(view({ phase: 'signed-out', account: null }), now)).toBe('Signed out');
		expect(statusLine(view({ phase: 'signing-in' }), now)).toBe('Signing in…');
		expect(
			statusLine(view({ phase: 'syncing', progress: { done: 1200, total: 100000 } }), now)
		).toBe('Downloading 1,200 of 100,000…');
	});

	test('the sentences for errors tell what to do; studying goes on', () => {
		expect(errorSentence({ kind: 'expired', message: '' })).toMatch(
			/Sign in again.*studying goes on/
		);
		expect(errorSentence({ kind: 'wrong-password', message: '' })).toMatch(
			/^Wrong name or password/
		);
		expect(errorSentence({ kind: 'unreachable', message: '' })).toMatch(/cannot be reached/);
		expect(errorSentence(null)).toBeNull();
	});

	test('another device’s settings are named, with when', () => {
		expect(settingsNotice({ device: 'Firefox on Android', at: '2026-03-01T10:00:00Z' })).toMatch(
			/^Settings were changed on Firefox on Android at .*2026/
		);
	});

	test('the back-off doubles from 2 s up to 5 min', () => {
		expect([1, 2, 3, 4, 12].map(backoff)).toEqual([2000, 4000, 8000, 16000, 300_000]);
	});
});
