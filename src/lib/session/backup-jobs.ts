/**
 * The work on the stored data as a whole that touches every record: exporting a backup (its
 * file's bytes), reading a backup file, restoring it, "Check and rebuild", putting fitted FSRS weights in force (every state replayed),
 * and counting what is stored (reading every record so that damaged ones are set aside). Run in a worker (backup.worker.ts) so that the page stays
 * responsive, or on the page in steps when workers are unavailable; see docs/ARCHITECTURE.md,
 * "Work off the main thread". Inputs and results cross the worker's boundary, so they are
 * plain data: a checked backup stays where it was read, and the page holds only its token.
 */
import {
	importBackup,
	parseBackup,
	type ImportMode,
	type ImportResult,
	type ParsedBackup
} from '$lib/storage/backup';
import { backupFile, exportBackup } from '$lib/storage/backup-export';
import { BackupError } from '$lib/storage/errors';
import type { JobTable } from './jobs';
import { checkAndRebuild, type CheckReport, type Repairs } from '$lib/storage/rebuild';
import { applyWeights } from '$lib/storage/weights';
import type { QuarantinedRecord, Repository } from '$lib/storage/repository';

/** A backup file, checked in full and held where it was read (`token`), with what it holds. */
export interface CheckedBackup {
	token: number;
	states: number;
	log: number;
	settings: boolean;
}

export type ReadOutcome = { ok: true; backup: CheckedBackup } | { ok: false; problems: string[] };

/** Everything stored, as the backup file's bytes, and how many states and log entries it holds. */
export interface ExportedBackup {
	file: Blob;
	states: number;
	log: number;
}

export interface StoredCounts {
	counts: { states: number; log: number; quarantined: number };
	quarantined: QuarantinedRecord[];
}

/** Each job's input and result. */
export type BackupJobTypes = {
	/** The backup file of everything stored, exported at the time given. */
	export: { input: Date; output: ExportedBackup };
	read: { input: Blob; output: ReadOutcome };
	restore: { input: { token: number; mode: ImportMode }; output: ImportResult };
	check: { input: null; output: CheckReport };
	status: { input: null; output: StoredCounts };
	/** Put FSRS weights in force (null: the defaults), every state replayed under them. */
	weights: { input: number[] | null; output: Repairs };
	/** Let go of the checked backup held (its import was cancelled). */
	forget: { input: null; output: void };
};

/** A file chosen again (or another) replaces the one held: only the last one can be applied. */
const HELD = 1;

/** The jobs, on the repository `repo` gives (the worker's own, or the page's). */
export function backupJobs(repo: () => Promise<Repository>): JobTable<BackupJobTypes> {
	const held = new Map<number, ParsedBackup>();
	let next = 0;
	return {
		async export(now, onProgress) {
			const backup = await exportBackup(await repo(), now, { onProgress });
			const { states, log } = backup;
			return { file: backupFile(backup, { onProgress }), states: states.length, log: log.length };
		},
		async read(file, onProgress) {
			held.clear();
			try {
				onProgress(0, 1, 'reading');
				const backup = parseBackup(await file.text(), { onProgress });
				const token = ++next;
				held.set(token, backup);
				while (held.size > HELD) held.delete(held.keys().next().value as number);
				const { states, log, settings } = backup;
				return {
					ok: true,
					backup: { token, states: states.length, log: log.length, settings: settings !== null }
				};
			} catch (e) {
				return { ok: false, problems: e instanceof BackupError ? [...e.problems] : [String(e)] };
			}
		},
		async restore({ token, mode }, onProgress) {
			const backup = held.get(token);
			if (!backup) throw new BackupError(['The file is no longer at hand: choose it again.']);
			const r = await repo();
			const result = await importBackup(r, backup, mode, { onProgress });
			held.delete(token);
			await freshSnapshot(r);
			return result;
		},
		async check(_, onProgress) {
			const r = await repo();
			const report = await checkAndRebuild(r, { onProgress });
			await freshSnapshot(r);
			return report;
		},
		async forget() {
			held.clear();
		},
		async weights(weights) {
			const r = await repo();
			const repairs = await applyWeights(r, weights, new Date());
			await freshSnapshot(r);
			return repairs;
		},
		async status() {
			const r = await repo();
			await r.loadStates({ fromRecords: true });
			await r.readLog();
			const [counts, quarantined] = await Promise.all([r.counts(), r.quarantined()]);
			return { counts, quarantined };
		}
	};
}

/**
 * After the states were rewritten: read them and store their snapshot here, so that the
 * pages' next read of them is the one snapshot, not every record on the page (snapshot.ts).
 */
async function freshSnapshot(repo: Repository): Promise<void> {
	await repo.loadStates({ fromRecords: true });
	await repo.saveSnapshot();
}
