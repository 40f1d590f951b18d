import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import {
	formerName,
	joinNameKey,
	readWebKey,
	WEB_KEY_PREFIX,
	WEB_KEYS,
	writeWebKey
} from './web-keys';

/** A Map-backed Storage; `refused` makes every call throw, as a blocked storage does. */
function fakeStorage(refused = false) {
	const data = new Map<string, string>();
	const guard = () => {
		if (refused) throw new DOMException('refused', 'SecurityError');
	};
	return {
		data,
		getItem: (k: string) => (guard(), data.get(k) ?? null),
		setItem: (k: string, v: string) => (guard(), void data.set(k, String(v))),
		removeItem: (k: string) => (guard(), void data.delete(k))
	};
}

let local: ReturnType<typeof fakeStorage>;
beforeEach(() => {
	local = fakeStorage();
	vi.stubGlobal('localStorage', local);
	vi.stubGlobal('sessionStorage', fakeStorage());
});
afterEach(() => vi.unstubAllGlobals());

/** Every source file under src (tests aside). */
function sources(dir = 'src'): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return sources(path);
		return /\.(ts|js|svelte|html)$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
	});
}

describe('the web-storage keys', () => {
	test('all are under one prefix, and no two are the same', () => {
		const keys = [...Object.values(WEB_KEYS), joinNameKey(7)];
		for (const key of keys) expect(key.startsWith(WEB_KEY_PREFIX), key).toBe(true);
		expect(new Set(keys).size).toBe(keys.length);
	});

	test('a key written as a literal anywhere in src is one of them', () => {
		const named = new Set<string>(Object.values(WEB_KEYS));
		for (const file of sources()) {
			if (file.endsWith('web-keys.ts')) continue;
			const text = readFileSync(file, 'utf8');
			for (const [, key] of text.matchAll(/['"`]((?:car-|recall:|join-name:)[\w:-]*)['"`]/g))
				expect(named.has(key), `${file}: '${key}' is not named in storage/web-keys.ts`).toBe(true);
		}
	});
});

describe('a value stored under a former name', () => {
	test('is read once there and moved, so that a choice survives the rename', () => {
		local.data.set('recall:persistence-note-read', '2026-01-13T10:00:00.000Z');
		expect(readWebKey('local', WEB_KEYS.persistenceNoteRead)).toBe('2026-01-13T10:00:00.000Z');
		expect([...local.data]).toEqual([[WEB_KEYS.persistenceNoteRead, '2026-01-13T10:00:00.000Z']]);
		expect(readWebKey('local', WEB_KEYS.persistenceNoteRead)).toBe('2026-01-13T10:00:00.000Z');
	});

	test('the former names: the two `recall:` keys and the join name without a prefix', () => {
		expect(formerName(WEB_KEYS.databaseCreated)).toBe('recall:database-created');
		expect(formerName(joinNameKey(42))).toBe('join-name:42');
		expect(formerName(WEB_KEYS.theme)).toBeUndefined();
	});

	test('a value under the new name wins over one left under the former', () => {
		local.data.set('recall:database-created', 'old');
		local.data.set(WEB_KEYS.databaseCreated, 'new');
		expect(readWebKey('local', WEB_KEYS.databaseCreated)).toBe('new');
	});
});

describe('storage refused or missing', () => {
	test('reads give nothing and writes say they failed, without throwing', () => {
		vi.stubGlobal('localStorage', fakeStorage(true));
		expect(readWebKey('local', WEB_KEYS.theme)).toBeNull();
		expect(writeWebKey('local', WEB_KEYS.theme, 'dark')).toBe(false);
		vi.stubGlobal('sessionStorage', undefined);
		expect(readWebKey('session', joinNameKey(1))).toBeNull();
		expect(writeWebKey('session', joinNameKey(1), 'Asha')).toBe(false);
	});

	test('writing null removes the key', () => {
		writeWebKey('local', WEB_KEYS.theme, 'dark');
		expect(readWebKey('local', WEB_KEYS.theme)).toBe('dark');
		writeWebKey('local', WEB_KEYS.theme, null);
		expect(local.data.size).toBe(0);
	});
});
