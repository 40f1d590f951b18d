/**
 * What the settings page does with the stored data as a whole: export and import a backup,
 * reset progress, check the fact states against the log (and rebuild them), and report what
 * is stored (records, bytes, records set aside).
 */
import type { Backup, ImportMode, ImportResult } from '$lib/storage/backup';
import type { OnProgress } from '$lib/storage/progress';
import type { CheckReport } from '$lib/storage/rebuild';
import { storageEstimate } from '$lib/storage/persistence';
import type { QuarantinedRecord } from '$lib/storage/repository';
import type { StoreName } from '$lib/storage/kv';
import type { BackupJobTypes, CheckedBackup, ExportedBackup, ReadOutcome } from './backup-jobs';
import { JobQueue } from './jobs';
import { noteWrite } from './preview';
import { repository, storageHealth } from './storage.svelte';

export type {
	Backup,
	CheckedBackup,
	CheckReport,
	ExportedBackup,
	ImportMode,
	ImportResult,
	OnProgress,
	QuarantinedRecord,
	ReadOutcome
};

/**
 * The jobs that touch every record run in a worker (see jobs.ts); where there is none, on the
 * page, with the page's own connection to the database.
 */
const jobs = new JobQueue<BackupJobTypes>(
	() => new Worker(new URL('./backup.worker.ts', import.meta.url), { type: 'module' }),
	async () => (await import('./backup-jobs')).backupJobs(repository)
);

/**
 * Run a job in the worker, or on the page where this page keeps progress only in memory (no
 * IndexedDB here): a worker could not see it, and would keep what it wrote to itself.
 */
async function run<K extends keyof BackupJobTypes & string>(
	job: K,
	input: BackupJobTypes[K]['input'],
	onProgress?: OnProgress
): Promise<BackupJobTypes[K]['output']> {
	const inMemory = (await repository()).kv.backend === 'memory';
	return jobs.run(job, input, onProgress, { onPage: inMemory });
}

/** Every store a restore writes (the worker's writes are not seen by the page's own watch). */
const RESTORED: StoreName[] = ['states', 'log', 'settings', 'attempts', 'decks'];

/**
 * After a job wrote (in the worker, on a connection of its own): what the page keeps about
 * the stored data follows, and so does every other open tab (see storage.svelte.ts).
 */
async function afterWrite(stores: readonly StoreName[], changed = true): Promise<void> {
	noteWrite(stores);
	(await repository()).snapshot.forget();
	if (changed) await storageHealth.changed(stores);
	else await storageHealth.refresh();
}

/** Everything stored, as the backup file's bytes, made off the page (the page only saves it). */
export function exportBackup(now = new Date(), onProgress?: OnProgress): Promise<ExportedBackup> {
	return run('export', now, onProgress);
}

/** A backup file, read and checked in full (off the page): what it holds, or every problem. */
export function readBackup(file: Blob, onProgress?: OnProgress): Promise<ReadOutcome> {
	return run('read', file, onProgress);
}

/** Apply a checked backup, all or nothing (see storage/backup.ts importBackup). */
export async function importBackup(
	backup: CheckedBackup,
	mode: ImportMode,
	onProgress?: OnProgress
): Promise<ImportResult> {
	const result = await run('restore', { token: backup.token, mode }, onProgress);
	// A Replace brings the file's settings (and perhaps a fix of an unknown time zone).
	await afterWrite(RESTORED);
	return result;
}

/** The checked backup will not be applied: the memory it holds is let go. */
export async function forgetBackup(): Promise<void> {
	await run('forget', null);
}

/**
 * Replay the log and repair every fact state that differs from it (see storage/rebuild.ts):
 * the settings page's "Check and rebuild".
 */
export async function checkAndRebuild(onProgress?: OnProgress): Promise<CheckReport> {
	const report = await run('check', null, onProgress);
	const { added, changed, removed } = report;
	await afterWrite(['states', 'log'], added.length + changed.length + removed.length > 0);
	return report;
}

/**
 * Put FSRS weights in force (null: the defaults; see storage/weights.ts): the settings keep the
 * ones replaced, and every fact's state is the log replayed under the new ones. Returns how
 * many facts' states changed.
 */
export async function putWeightsInForce(weights: readonly number[] | null): Promise<number> {
	const r = await run('weights', weights ? [...weights] : null);
	await afterWrite(['states', 'settings']);
	return r.changed.length + r.added.length + r.removed.length;
}

/** Forget all progress (states, log and test attempts); settings stay. */
export async function resetProgress(): Promise<void> {
	await (await repository()).resetProgress();
}

export interface StoredStatus {
	counts: { states: number; log: number; quarantined: number };
	/** Bytes used and available to the site, when the browser tells. */
	bytes: { usage: number; quota: number } | null;
	quarantined: QuarantinedRecord[];
}

/**
 * What is stored, after reading every record (not the states' snapshot), so that damaged ones
 * are set aside before they are counted; the banner's count follows.
 */
export async function checkStoredData(): Promise<StoredStatus> {
	const [{ counts, quarantined }, bytes] = await Promise.all([
		run('status', null),
		storageEstimate()
	]);
	await storageHealth.refresh();
	return { counts, bytes, quarantined };
}
