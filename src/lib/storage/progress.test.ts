import { describe, expect, test } from 'vitest';
import { Rating } from 'ts-fsrs';
import { apply, newMemory, paramsId } from '../srs/memory';
import { makeReview } from '../srs/test-helpers';
import { exportBackup, importBackup, parseBackup, BACKUP_FORMAT } from './backup';
import { checkAndRebuild } from './rebuild';
import { eventToRecord, stateToRecord } from './convert';
import { SCHEMA_VERSION } from './records';
import { StorageError } from './errors';
import { Repository } from './repository';
import { WRITE_STEP, writeInSteps, type Phase } from './progress';
import { freshRepo, study } from './test-helpers';
import type { Kv, KvTx } from './kv';

/** A backup file of `n` facts answered once each (n log entries, n states). */
function bigBackup(n: number): string {
	const states = [];
	const log = [];
	const params: Record<string, unknown> = {};
	for (let i = 0; i < n; i++) {
		const event = makeReview(new Date(Date.UTC(2026, 0, 13, 10, 0, i)), Rating.Good, {
			fact: `f${i}`,
			id: `e${i}`
		});
		states.push(stateToRecord(apply(newMemory('d', `f${i}`), event)));
		params[paramsId(event.params)] = event.params;
		log.push(eventToRecord(event));
	}
	const file = {
		format: BACKUP_FORMAT,
		schemaVersion: SCHEMA_VERSION,
		exportedAt: '',
		settings: null
	};
	return JSON.stringify({ ...file, params, states, log });
}

type Report = [done: number, total: number, phase: Phase];

const phases = (reports: Report[]) => [...new Set(reports.map(([, , p]) => p))];

/** Within each phase, `done` never goes back and the last report is the whole. */
function expectMonotonic(reports: Report[]) {
	for (const phase of phases(reports)) {
		const of = reports.filter(([, , p]) => p === phase);
		of.forEach(([done, total], i) => {
			expect(done).toBeLessThanOrEqual(total);
			if (i) expect(done).toBeGreaterThanOrEqual(of[i - 1][0]);
		});
		const [done, total] = of[of.length - 1];
		expect(done).toBe(total);
	}
}

/** The same store, whose transactions refuse the `failAt`-th write of the log (as a full disk would). */
function failingKv(kv: Kv, failAt: number): Kv {
	let writes = 0;
	return {
		...kv,
		run: (stores, mode, body) =>
			kv.run(stores, mode, (tx) => {
				const put: KvTx['put'] = (s, key, value) => {
					if (s === 'states' && ++writes === failAt) throw new StorageError('storage is full');
					tx.put(s, key, value);
				};
				return body({ ...tx, put });
			})
	};
}

// Thousands of records through fake-indexeddb: slow on a busy machine.
describe('progress of a restore', { timeout: 30_000 }, () => {
	test('reading, checking, replaying and writing are reported, and writing moves in steps', async () => {
		const n = 2 * WRITE_STEP + 500;
		const reports: Report[] = [];
		const onProgress = (...r: Report) => void reports.push(r);
		const backup = parseBackup(bigBackup(n), { onProgress });
		const repo = await freshRepo();
		const result = await importBackup(repo, backup, 'replace', { onProgress });
		expect(result.log).toBe(n);
		expect(phases(reports)).toEqual(['reading', 'checking', 'replaying', 'writing']);
		expectMonotonic(reports);
		const writing = reports.filter(([, , p]) => p === 'writing');
		// Log and states: at least one report per step of each, not one per record.
		expect(writing.length).toBeGreaterThanOrEqual(5);
		expect(writing.length).toBeLessThan(20);
		expect(writing[writing.length - 1][1]).toBe(2 * n);
	});

	test('a write refused midway leaves the stored progress as it was', async () => {
		const name = `progress-${Math.random()}`;
		const repo = await freshRepo(name);
		await study(repo, 5, 3);
		const before = await exportBackup(repo, new Date(0));
		const reports: Report[] = [];
		const failing = new Repository(failingKv(repo.kv, WRITE_STEP + 10));
		await expect(
			importBackup(failing, parseBackup(bigBackup(3 * WRITE_STEP)), 'replace', {
				onProgress: (...r) => void reports.push(r)
			})
		).rejects.toThrow('storage is full');
		// It failed after the first step was written, inside the transaction.
		expect(reports.some(([done, , p]) => p === 'writing' && done >= WRITE_STEP)).toBe(true);
		const after = await exportBackup(await Repository.open(name), new Date(0));
		expect(after).toEqual(before);
	});

	test('check and rebuild reports its phases', async () => {
		const repo = await freshRepo();
		await study(repo, 4, 2);
		const reports: Report[] = [];
		const report = await checkAndRebuild(repo, { onProgress: (...r) => void reports.push(r) });
		expect(report.facts).toBe(4);
		expect(phases(reports)).toEqual(['checking', 'replaying', 'writing']);
		expectMonotonic(reports);
	});
});

test('a write refused while a step waits is reported with its cause, not as "aborted"', async () => {
	const repo = await freshRepo();
	await repo.kv.run(['decks'], 'readwrite', async (tx) => tx.put('decks', 'a', 1));
	const adding = repo.kv.run(['decks'], 'readwrite', (tx) =>
		writeInSteps(tx, [{ op: 'add', store: 'decks', key: 'a', value: 2 }])
	);
	await expect(adding).rejects.toThrow('A record with this key already exists');
	expect(await repo.kv.run(['decks'], 'readonly', (tx) => tx.get('decks', 'a'))).toBe(1);
});
