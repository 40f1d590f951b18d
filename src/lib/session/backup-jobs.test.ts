// The export as a job: through a worker (here one in memory, messages cloned as postMessage
// does) and on the page, where workers are unavailable, it gives the same file, byte for byte:
// the format the page wrote before (storage/backup-export.ts), and one a restore reads back.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { exportBackup, parseBackup } from '$lib/storage/backup';
import { freshRepo, study } from '$lib/storage/test-helpers';
import type { Phase } from '$lib/storage/progress';
import { backupJobs, type BackupJobTypes } from './backup-jobs';
import { JobQueue } from './jobs';
import { fakeWorker } from './test-helpers';

const NOW = new Date('2026-02-01T00:00:00Z');

describe('the export job', () => {
	// Node has no Worker: the queue checks that the platform has one before it starts its own.
	const had = 'Worker' in globalThis;
	beforeAll(() => {
		if (!had) globalThis.Worker = class {} as unknown as typeof Worker;
	});
	afterAll(() => {
		if (!had) delete (globalThis as { Worker?: unknown }).Worker;
	});

	test('the worker and the page make the same file, the one the page made before', async () => {
		const repo = await freshRepo();
		await study(repo, 5, 3);
		const jobs = () => Promise.resolve(backupJobs(async () => repo));
		let pageRuns = 0;
		const inWorker = new JobQueue<BackupJobTypes>(
			() => fakeWorker(backupJobs(async () => repo)),
			async () => (pageRuns++, jobs())
		);
		const heard: Phase[] = [];
		const fromWorker = await inWorker.run('export', NOW, (_, __, phase) => heard.push(phase));
		expect(pageRuns).toBe(0);
		const onPage = new JobQueue<BackupJobTypes>(() => {
			throw new Error('no workers here');
		}, jobs);
		const fromPage = await onPage.run('export', NOW);

		const text = await fromWorker.file.text();
		expect(await fromPage.file.text()).toBe(text);
		expect(text).toBe(JSON.stringify(await exportBackup(repo, NOW), null, 1));
		expect(fromWorker.file.type).toBe('application/json');
		expect({ states: fromWorker.states, log: fromWorker.log }).toEqual({ states: 5, log: 15 });
		expect(new Set(heard)).toEqual(new Set(['gathering', 'encoding']));
		expect(parseBackup(text).log).toHaveLength(15);
	});
});
