/**
 * What the settings page does with the stored data as a whole: export and import a backup,
 * reset progress, check the fact states against the log (and rebuild them), and report what
 * is stored (records, bytes, records set aside).
 */
import {
	exportBackup as exportFrom,
	importBackup as importInto,
	parseBackup,
	type Backup,
	type ImportMode,
	type ImportResult,
	type ParsedBackup
} from '$lib/storage/backup';
import { checkAndRebuild as checkInto, type CheckReport } from '$lib/storage/rebuild';
import { BackupError } from '$lib/storage/errors';
import { storageEstimate } from '$lib/storage/persistence';
import type { QuarantinedRecord } from '$lib/storage/repository';
import { repository, storageHealth } from './storage.svelte';

export type { Backup, CheckReport, ImportMode, ImportResult, ParsedBackup, QuarantinedRecord };

/** Everything stored, as one backup file's content. */
export async function exportBackup(now = new Date()): Promise<Backup> {
	return exportFrom(await repository(), now);
}

/** A backup file, read and checked in full: the backup, or every problem found. */
export async function readBackup(
	file: Blob
): Promise<{ ok: true; backup: ParsedBackup } | { ok: false; problems: string[] }> {
	try {
		return { ok: true, backup: parseBackup(await file.text()) };
	} catch (e) {
		return { ok: false, problems: e instanceof BackupError ? [...e.problems] : [String(e)] };
	}
}

/** Apply a checked backup, all or nothing (see storage/backup.ts importBackup). */
export async function importBackup(backup: ParsedBackup, mode: ImportMode): Promise<ImportResult> {
	const result = await importInto(await repository(), backup, mode);
	// A Replace brings the file's settings (and perhaps a fix of an unknown time zone).
	await storageHealth.refresh();
	return result;
}

/**
 * Replay the log and repair every fact state that differs from it (see storage/rebuild.ts):
 * the settings page's "Check and rebuild".
 */
export async function checkAndRebuild(): Promise<CheckReport> {
	const report = await checkInto(await repository());
	await storageHealth.refresh();
	return report;
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
	const repo = await repository();
	await repo.loadStates({ fromRecords: true });
	await repo.readLog();
	const [counts, bytes, quarantined] = await Promise.all([
		repo.counts(),
		storageEstimate(),
		repo.quarantined()
	]);
	await storageHealth.refresh();
	return { counts, bytes, quarantined };
}
