/**
 * The settings page's state: scheduling settings, backup, reset and storage status.
 * Writes happen in explicit async methods, never in effects (see docs/ARCHITECTURE.md).
 */
import * as z from 'zod/mini';
import {
	checkAndRebuild,
	checkStoredData,
	exportBackup,
	forgetBackup,
	importBackup,
	readBackup,
	resetProgress,
	type CheckedBackup,
	type CheckReport,
	type ImportMode,
	type StoredStatus
} from '$lib/session/backup';
import { tracker, type JobState } from './job-progress';
import { saveFailure } from '$lib/session/save-error';
import { repository, storageHealth } from '$lib/session/storage.svelte';
import { downloadFile } from '$lib/session/download';
import { deviceTimeZone } from '$lib/session/device-zone';
import {
	defaultSettings,
	isValidTimeZone,
	SchedulingSettingsSchema,
	type SchedulingSettings
} from '$lib/srs/settings';
import { DEFAULT_TARGET, examPlanOf } from '$lib/srs/exam-dates';

/** The form as typed: steps as text ("1m 10m"), numbers as the inputs give them. */
export interface SettingsDraft {
	desiredRetention: number;
	maximumInterval: number;
	fuzz: boolean;
	learningSteps: string;
	relearningSteps: string;
	dayStartHour: number;
	timeZone: string;
	newPerDay: number;
	reviewsPerDay: number;
	leechThreshold: number;
	/** Exam dates (srs/exam-dates.ts): each exam's target as a percentage, as typed. */
	exams: Array<{ name: string; date: string; target: number }>;
	examModeDays: number;
	examLimitsRaise: number;
	/** FSRS weights (FitPanel.svelte): not in the form, kept as they are when it is saved. */
	weights?: number[];
	previousWeights?: number[] | null;
}

export function toDraft(s: SchedulingSettings): SettingsDraft {
	const { examPlan: _plan, ...rest } = s;
	const plan = examPlanOf(s);
	return {
		...rest,
		learningSteps: s.learningSteps.join(' '),
		relearningSteps: s.relearningSteps.join(' '),
		exams: plan.exams.map((e) => ({ ...e, target: Math.round(e.target * 100) })),
		examModeDays: plan.modeDays,
		examLimitsRaise: plan.limitsRaise
	};
}

/** A new exam's row in the form: a name to type, a date, the default target. */
export function newExamDraft(): SettingsDraft['exams'][number] {
	return { name: '', date: '', target: Math.round(DEFAULT_TARGET * 100) };
}

/** The form's field of an issue's path in the settings ("exams.0.date", "examModeDays"). */
function fieldOf(path: readonly PropertyKey[]): string {
	if (path[0] !== 'examPlan') return String(path[0]);
	if (path[1] === 'exams') return path.slice(1, 4).map(String).join('.');
	return path[1] === 'modeDays' ? 'examModeDays' : 'examLimitsRaise';
}

const steps = (text: string) => text.split(/[\s,]+/).filter(Boolean);

/** Validate a draft; errors are keyed by field, in words for the form. */
export function fromDraft(
	d: SettingsDraft
): { ok: true; settings: SchedulingSettings } | { ok: false; errors: Record<string, string> } {
	const { exams, examModeDays, examLimitsRaise, ...rest } = d;
	const candidate = {
		...rest,
		learningSteps: steps(d.learningSteps),
		relearningSteps: steps(d.relearningSteps),
		examPlan: {
			// The target is typed as a percentage (90), stored as a probability (0.9).
			exams: exams.map((e) => ({ ...e, name: e.name.trim(), target: e.target / 100 })),
			modeDays: examModeDays,
			limitsRaise: examLimitsRaise
		}
	};
	const errors: Record<string, string> = {};
	const parsed = z.safeParse(SchedulingSettingsSchema(), candidate);
	if (!parsed.success)
		for (const issue of parsed.error.issues) errors[fieldOf(issue.path)] ??= issue.message;
	if (!errors.timeZone && !isValidTimeZone(d.timeZone))
		errors.timeZone = `"${d.timeZone}" is not a time zone this browser knows`;
	if (Object.keys(errors).length || !parsed.success) return { ok: false, errors };
	return { ok: true, settings: parsed.data };
}

export class SettingsPage {
	draft = $state<SettingsDraft>(toDraft(defaultSettings(deviceTimeZone())));
	errors = $state<Record<string, string>>({});
	/** Announced in a live region after each action. */
	message = $state('');
	/** What storage refused (a save or a reset), until the next try succeeds. */
	error = $state<string | null>(null);
	/** The last "Check and rebuild": what it found and repaired. */
	check = $state.raw<CheckReport | null>(null);
	loaded = $state(false);

	counts = $state.raw<StoredStatus['counts'] | null>(null);
	bytes = $state.raw<StoredStatus['bytes']>(null);
	quarantined = $state.raw<StoredStatus['quarantined']>([]);

	importFile = $state.raw<{ name: string; backup: CheckedBackup } | null>(null);
	/** The long job running (reading a file, restoring, checking), and how far it is. */
	job = $state.raw<(JobState & { panel: 'backup' | 'check' }) | null>(null);
	importProblems = $state.raw<string[]>([]);
	importMode = $state<ImportMode>('merge');
	busy = $state(false);

	async load(): Promise<void> {
		const repo = await repository();
		this.draft = toDraft(await repo.loadSettings());
		await this.refreshStatus();
		this.loaded = true;
	}

	async refreshStatus(): Promise<void> {
		const { counts, bytes, quarantined } = await checkStoredData();
		this.counts = counts;
		this.bytes = bytes;
		this.quarantined = quarantined;
	}

	async save(): Promise<boolean> {
		const result = fromDraft($state.snapshot(this.draft));
		if (!result.ok) {
			this.errors = result.errors;
			this.message = `Not saved: ${Object.keys(result.errors).length} field(s) need a change.`;
			return false;
		}
		this.errors = {};
		try {
			await (await repository()).saveSettings(result.settings);
		} catch (e) {
			this.message = '';
			this.error = saveFailure('Your settings were not saved', e);
			return false;
		}
		this.error = null;
		this.message = 'Settings saved. They apply from your next answer.';
		// A time zone chosen in place of one the browser did not know: the banner goes.
		await storageHealth.refresh();
		return true;
	}

	addExam(): void {
		this.draft.exams.push(newExamDraft());
	}

	removeExam(index: number): void {
		this.draft.exams.splice(index, 1);
		this.errors = {};
	}

	restoreDefaults(): void {
		// The scheduling's defaults: the exam dates and exam mode stay as they are.
		const { exams, examModeDays, examLimitsRaise } = this.draft;
		const defaults = toDraft(defaultSettings(this.draft.timeZone));
		this.draft = { ...defaults, exams, examModeDays, examLimitsRaise };
		this.errors = {};
	}

	/** Export everything stored as a backup file (made off the page) and save it. */
	async exportFile(now = new Date()): Promise<void> {
		if (this.busy) return;
		this.busy = true;
		const show = (job: JobState) => (this.job = { ...job, panel: 'backup' });
		try {
			const { file, states, log } = await exportBackup(
				now,
				tracker('Exporting the backup', { gathering: 1, encoding: 2 }, show)
			);
			const day = now.toISOString().slice(0, 10);
			downloadFile(`current-affairs-recall-backup-${day}.json`, file);
			this.error = null;
			this.message = `Exported ${states} fact states and ${log} log entries.`;
		} catch (e) {
			this.message = '';
			this.error = saveFailure('The backup was not exported', e);
		} finally {
			this.busy = false;
			this.job = null;
		}
	}

	/** Read and validate a chosen file; nothing is written until `applyImport`. */
	async chooseImport(file: File): Promise<void> {
		this.importFile = null;
		this.importProblems = [];
		this.busy = true;
		const show = (job: JobState) => (this.job = { ...job, panel: 'backup' });
		const read = await readBackup(
			file,
			tracker('Reading the backup', { reading: 1, checking: 3 }, show)
		).finally(() => {
			this.busy = false;
			this.job = null;
		});
		if (read.ok) {
			const { backup } = read;
			this.importFile = { name: file.name, backup };
			this.message = `"${file.name}" is a valid backup: ${backup.states} fact states, ${backup.log} log entries.`;
		} else {
			this.importProblems = read.problems;
			this.message = `"${file.name}" cannot be imported; nothing was changed.`;
		}
	}

	async applyImport(): Promise<void> {
		if (!this.importFile) return;
		this.busy = true;
		const title = this.importMode === 'merge' ? 'Merging the backup' : 'Restoring the backup';
		const show = (job: JobState) => (this.job = { ...job, panel: 'backup' });
		try {
			const { states, log, rebuilt, kept } = await importBackup(
				this.importFile.backup,
				this.importMode,
				tracker(title, { replaying: 1, writing: 4 }, show)
			);
			this.message =
				this.importMode === 'merge'
					? `Merged: you now have ${log} log entries over ${states} facts.${kept.length ? ` Kept yours where the file differs: ${kept.join(', ')}.` : ''}`
					: `Replaced: ${log} log entries over ${states} facts.${rebuilt ? ` ${rebuilt} fact state(s) in the file did not match its log and were rebuilt from it.` : ''}`;
			this.importFile = null;
			this.draft = toDraft(await (await repository()).loadSettings());
			await this.refreshStatus();
		} catch (e) {
			this.message = `Import failed, nothing was changed: ${(e as Error).message}`;
		} finally {
			this.busy = false;
			this.job = null;
		}
	}

	cancelImport(): void {
		this.importFile = null;
		this.importProblems = [];
		void forgetBackup();
	}

	async resetProgress(): Promise<void> {
		try {
			await resetProgress();
		} catch (e) {
			this.message = '';
			this.error = saveFailure('Your progress was not reset', e);
			return;
		}
		this.error = null;
		await this.refreshStatus();
		this.message = 'All progress was reset. Your settings were kept.';
	}

	/** Replay the log, repair the fact states that differ from it, and say what was repaired. */
	async checkAndRebuild(): Promise<void> {
		this.busy = true;
		const show = (job: JobState) => (this.job = { ...job, panel: 'check' });
		try {
			this.check = await checkAndRebuild(
				tracker('Checking and rebuilding', { checking: 2, replaying: 1, writing: 2 }, show)
			);
			this.error = null;
			this.message = describeCheck(this.check);
			await this.refreshStatus();
		} catch (e) {
			this.message = '';
			this.error = saveFailure('The check did not finish', e);
		} finally {
			this.busy = false;
			this.job = null;
		}
	}
}

/** One sentence on what "Check and rebuild" found (the facts are listed on the page). */
export function describeCheck(r: CheckReport): string {
	const head = `Checked ${r.facts} fact(s) against ${r.log} log entries`;
	const parts = [
		r.changed.length && `${r.changed.length} fact state(s) differed from the log and were rebuilt`,
		r.added.length && `${r.added.length} missing fact state(s) were added`,
		r.removed.length && `${r.removed.length} fact state(s) with no log entries were removed`,
		r.setAside && `${r.setAside} unreadable record(s) were kept aside`
	].filter(Boolean);
	return parts.length
		? `${head}: ${parts.join('; ')}.`
		: `${head}: every fact state matches the log. Nothing needed repair.`;
}
