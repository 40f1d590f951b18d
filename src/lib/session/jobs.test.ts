import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BackupError, StorageError } from '$lib/storage/errors';
import type { Phase } from '$lib/storage/progress';
import { JobQueue, type JobTable } from './jobs';
import { fakeWorker } from './test-helpers';

type Types = {
	double: { input: number; output: number };
	refuse: { input: null; output: never };
	fail: { input: null; output: never };
};

const table: JobTable<Types> = {
	async double(n, onProgress) {
		onProgress(0, 2, 'checking');
		onProgress(2, 2, 'checking');
		return n * 2;
	},
	async refuse() {
		throw new BackupError(['log[3].rating: too big']);
	},
	async fail() {
		throw new StorageError('storage is full');
	}
};

const onPage = async () => table;

describe('the job queue', () => {
	// Node has no Worker: the queue checks that the platform has one before it starts its own.
	const had = 'Worker' in globalThis;
	beforeAll(() => {
		if (!had) globalThis.Worker = class {} as unknown as typeof Worker;
	});
	afterAll(() => {
		if (!had) delete (globalThis as { Worker?: unknown }).Worker;
	});

	test('runs jobs in the worker, relaying progress, and rebuilds errors as their class', async () => {
		let pageRuns = 0;
		const jobs = new JobQueue<Types>(
			() => fakeWorker(table),
			async () => (pageRuns++, table)
		);
		const heard: Array<[number, number, Phase]> = [];
		expect(await jobs.run('double', 21, (...p) => heard.push(p))).toBe(42);
		expect(heard).toEqual([
			[0, 2, 'checking'],
			[2, 2, 'checking']
		]);
		const refused = await jobs.run('refuse', null).catch((e: unknown) => e);
		expect(refused).toBeInstanceOf(BackupError);
		expect((refused as BackupError).problems).toEqual(['log[3].rating: too big']);
		await expect(jobs.run('fail', null)).rejects.toThrow(StorageError);
		expect(pageRuns).toBe(0);
	});

	test('a worker that cannot start: its job and later ones run on the page', async () => {
		let pageRuns = 0;
		const jobs = new JobQueue<Types>(
			() => fakeWorker(table, true),
			async () => (pageRuns++, table)
		);
		expect(await jobs.run('double', 2)).toBe(4);
		expect(await jobs.run('double', 3)).toBe(6);
		// Both on the page, in one table, made once: its jobs keep what they hold between runs
		// (a file read, then restored).
		expect(pageRuns).toBe(1);
	});

	test('a job asked to run on the page does, while the worker serves the others', async () => {
		const ran: string[] = [];
		const where = (place: string): JobTable<Types> => ({
			...table,
			double: async (n) => (ran.push(`${place} ${n}`), n * 2)
		});
		const jobs = new JobQueue<Types>(
			() => fakeWorker(where('worker')),
			async () => where('page')
		);
		expect(await jobs.run('double', 5, undefined, { onPage: true })).toBe(10);
		expect(await jobs.run('double', 6)).toBe(12);
		expect(await jobs.run('double', 7, undefined, { onPage: true })).toBe(14);
		expect(ran).toEqual(['page 5', 'worker 6', 'page 7']);
	});

	test('jobs run one at a time, in order', async () => {
		const order: string[] = [];
		const slow: JobTable<Types> = {
			...table,
			async double(n) {
				order.push(`start ${n}`);
				await new Promise((r) => setTimeout(r, 5));
				order.push(`end ${n}`);
				return n;
			}
		};
		const jobs = new JobQueue<Types>(() => fakeWorker(slow), onPage);
		await Promise.all([jobs.run('double', 1), jobs.run('double', 2)]);
		expect(order).toEqual(['start 1', 'end 1', 'start 2', 'end 2']);
	});
});
