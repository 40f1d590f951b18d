/**
 * Backup: everything (states, log, settings, test attempts, the learner's own decks, the drafts
 * of decks being written) as one versioned JSON file. Import validates the whole file first, then applies all of it or
 * nothing: replace (the file's log, with the fact states rebuilt from it), or merge (the union
 * of both logs, replayed through the scheduler, never overwriting a stored record that differs).
 * The export, and the file's text, are in backup-export.ts.
 */
import * as z from 'zod/mini';
import { memoryKey, replay } from '../srs/memory';
import { BackupError, StaleRecordError } from './errors';
import { eventFromRecord } from './convert';
import { isKnownZone, unknownZoneMessage } from './device-zone';
import { canonical, diffStates, writeReplay } from './rebuild';
import { counter, putsById, writeInSteps, writeLogRecords, type ProgressOptions } from './progress';
import { clearLog, countEntries } from './log-days';
import { BACKUP_FORMAT, BACKUP_STORES } from './backup-export';
import {
	readRecord,
	SCHEMA_VERSION,
	type DeckRecord,
	type LogRecord,
	type StateRecord
} from './records';
import { putParams, renamed } from './backup-params';
import { markAll } from './sync-outbox';
import { weightsInForce } from './settings';

export { placeParams } from './backup-params';
export { BACKUP_FORMAT, exportBackup, type Backup } from './backup-export';
import { readDraftRecord, draftToRecord, type DraftRecord } from './drafts';
import type { Repository } from './repository';
import { deckToRecord, readDeckRecord } from './decks';
import { clearDerived, writeDerived } from './deck-summaries';
import { readAttempt, type AttemptRecord } from './attempts';
import {
	ScheduleParamsSchema,
	type ScheduleParams,
	type SchedulingSettings
} from '../srs/settings';

/** An import writes these, and what is derived from the decks (never in a file: see deck-summaries.ts). */
const IMPORT_STORES = [...BACKUP_STORES, 'deck-summaries'] as const;

const EnvelopeSchema = z.object({
	format: z.literal(BACKUP_FORMAT),
	schemaVersion: z.int().check(z.minimum(1)),
	exportedAt: z.string(),
	settings: z.nullable(z.unknown()),
	/** The scheduling parameters that log entries name by id. */
	params: z.record(z.string(), z.unknown()),
	states: z.array(z.unknown()),
	log: z.array(z.unknown()),
	/** Mock-test attempts (files written before tests existed have none). */
	attempts: z.optional(z.array(z.unknown())),
	/** The learner's own decks (files written before imports existed have none). */
	decks: z.optional(z.array(z.unknown())),
	/** Decks being written in the app (files written before the editor have none). */
	drafts: z.optional(z.array(z.unknown()))
});

/** A backup, read and validated in full: nothing is written until every record passed. */
export interface ParsedBackup {
	settings: SchedulingSettings | null;
	params: Map<string, ScheduleParams>;
	states: StateRecord[];
	log: LogRecord[];
	attempts: AttemptRecord[];
	decks: DeckRecord[];
	drafts: DraftRecord[];
}

const MAX_PROBLEMS = 20;

/** Parse a backup file's text; every problem names the place in the file. */
export function parseBackup(text: string, { onProgress }: ProgressOptions = {}): ParsedBackup {
	let raw: unknown;
	onProgress?.(0, 1, 'reading');
	try {
		raw = JSON.parse(text);
	} catch (e) {
		throw new BackupError([`The file is not valid JSON: ${(e as Error).message}`]);
	}
	const envelope = z.safeParse(EnvelopeSchema, raw);
	if (!envelope.success) {
		const issue = envelope.error.issues[0];
		const where = issue.path.map(String).join('.') || '(file)';
		const hint =
			issue.path[0] === 'format' ? ' (this is not a Current Affairs Recall backup file)' : '';
		throw new BackupError([`${where}: ${issue.message}${hint}`]);
	}
	const file = envelope.data;
	onProgress?.(1, 1, 'reading');
	const checked = counter(
		onProgress,
		'checking',
		file.states.length +
			file.log.length +
			(file.attempts?.length ?? 0) +
			(file.decks?.length ?? 0) +
			(file.drafts?.length ?? 0)
	);
	if (file.schemaVersion > SCHEMA_VERSION)
		throw new BackupError([
			`schemaVersion: the file was written by a newer version of the app (${file.schemaVersion}; this app reads up to ${SCHEMA_VERSION}). Update the app first.`
		]);
	const problems: string[] = [];
	const note = (p: string) => problems.length < MAX_PROBLEMS && problems.push(p);
	// Records carry their own version; an old file's records are migrated one by one.
	const withVersion = (r: unknown) =>
		typeof r === 'object' && r !== null && !('schemaVersion' in r)
			? { ...r, schemaVersion: file.schemaVersion }
			: r;

	let settings: SchedulingSettings | null = null;
	if (file.settings !== null) {
		const read = readRecord('settings', withVersion(file.settings));
		if (!read.ok) note(`settings.${read.error}`);
		else if (!isKnownZone(read.value.settings.timeZone))
			note(`settings.settings.timeZone: ${unknownZoneMessage(read.value.settings.timeZone)}`);
		else settings = read.value.settings;
	}
	const params = new Map<string, ScheduleParams>();
	for (const [id, p] of Object.entries(file.params)) {
		const read = z.safeParse(ScheduleParamsSchema(), p);
		if (read.success && !isKnownZone(read.data.timeZone))
			note(`params.${id}.timeZone: ${unknownZoneMessage(read.data.timeZone)}`);
		else if (read.success) params.set(id, read.data);
		else
			note(
				`params.${id}.${read.error.issues[0].path.map(String).join('.')}: ${read.error.issues[0].message}`
			);
	}
	const states: StateRecord[] = [];
	file.states.forEach((r, i) => {
		checked.tick();
		const read = readRecord('state', withVersion(r));
		if (read.ok) states.push(read.value);
		else note(`states[${i}].${read.error}`);
	});
	const log: LogRecord[] = [];
	const ids = new Map<string, number>();
	file.log.forEach((r, i) => {
		checked.tick();
		const read = readRecord('log', withVersion(r));
		if (!read.ok) return void note(`log[${i}].${read.error}`);
		const first = ids.get(read.value.id);
		if (first !== undefined)
			return void note(`log[${i}].id: "${read.value.id}" repeats log[${first}]`);
		ids.set(read.value.id, i);
		// An own-property check: `constructor` or `__proto__` would otherwise find Object's own.
		if (
			read.value.kind === 'review' &&
			!params.has(read.value.paramsId) &&
			!Object.hasOwn(file.params, read.value.paramsId)
		)
			return void note(`log[${i}].paramsId: "${read.value.paramsId}" is not in the file's params`);
		log.push(read.value);
	});
	const stateKeys = new Map<string, number>();
	states.forEach((s, i) => {
		const key = memoryKey(s.deck, s.fact);
		const first = stateKeys.get(key);
		if (first !== undefined) note(`states[${i}]: fact "${key}" repeats states[${first}]`);
		stateKeys.set(key, i);
	});
	// Attempts and decks are stored by id: two entries with one id would keep only the last.
	const seen = new Map<string, number>();
	const once = (list: 'attempts' | 'decks' | 'drafts', id: string, i: number) => {
		const first = seen.get(`${list}/${id}`);
		if (first !== undefined) note(`${list}[${i}].id: "${id}" repeats ${list}[${first}]`);
		else seen.set(`${list}/${id}`, i);
		return first === undefined;
	};
	const attempts: AttemptRecord[] = [];
	(file.attempts ?? []).forEach((r, i) => {
		checked.tick();
		const read = readAttempt(withVersion(r));
		if (!read.ok) note(`attempts[${i}].${read.error}`);
		else if (once('attempts', read.value.id, i)) attempts.push(read.value);
	});
	const decks: DeckRecord[] = [];
	(file.decks ?? []).forEach((r, i) => {
		checked.tick();
		const read = readDeckRecord(withVersion(r));
		if (!read.ok) note(`decks[${i}]: ${read.error}`);
		else if (once('decks', read.value.deck.id, i)) decks.push(deckToRecord(read.value));
	});
	const drafts: DraftRecord[] = [];
	(file.drafts ?? []).forEach((r, i) => {
		checked.tick();
		const read = readDraftRecord(withVersion(r));
		if (!read.ok) note(`drafts[${i}].${read.error}`);
		else if (once('drafts', read.value.draft.draftId, i))
			drafts.push(draftToRecord(read.value.draft, new Date(read.value.savedAt)));
	});
	if (problems.length) {
		const total = problems.length >= MAX_PROBLEMS ? `${MAX_PROBLEMS}+` : String(problems.length);
		throw new BackupError([...problems, `${total} problem(s): nothing was imported.`]);
	}
	return { settings, params, states, log, attempts, decks, drafts };
}

export type ImportMode = 'replace' | 'merge';

export interface ImportResult {
	/** Facts with a state, and log entries, after the import. */
	states: number;
	log: number;
	/** Replace: the file's fact states that its log did not give (rebuilt from the log). */
	rebuilt: number;
	/** Merge: the file's decks and test attempts that differ from the ones here (not imported). */
	kept: string[];
}

/**
 * Apply a parsed backup, all or nothing. `replace` swaps in the file's log, decks, attempts
 * and settings, and rebuilds the fact states from its log (a file's states are not trusted: the
 * log is the source of truth); `merge` keeps both: the union of the two logs by entry id,
 * replayed, and the current settings. A merge never overwrites a stored record that differs.
 */
export async function importBackup(
	repo: Repository,
	backup: ParsedBackup,
	mode: ImportMode,
	{ onProgress }: ProgressOptions = {}
): Promise<ImportResult> {
	const { decks, attempts, drafts } = backup;
	const draftPuts = drafts.map((d) => ({
		id: (d.draft as { draftId: string }).draftId,
		record: d
	}));
	if (mode === 'replace') {
		onProgress?.(0, 1, 'replaying');
		// Under the weights in force after the restore: the file's settings', else the stored ones.
		const events = backup.log.map((e) => eventFromRecord(e, backup.params));
		const states = replay(events, await weightsInForce(repo.kv, backup.settings));
		onProgress?.(1, 1, 'replaying');
		const fileStates = diffStates(
			states,
			backup.states.map((s) => [memoryKey(s.deck, s.fact), s])
		);
		await repo.kv.run(IMPORT_STORES, 'readwrite', async (tx) => {
			clearLog(tx);
			markAll(tx);
			tx.clear('attempts');
			tx.clear('decks');
			tx.clear('drafts');
			clearDerived(tx);
			const written = counter(
				onProgress,
				'writing',
				decks.length + attempts.length + drafts.length + backup.log.length + states.size
			);
			await writeInSteps(
				tx,
				[
					...putsById('decks', decks),
					...putsById('attempts', attempts),
					...draftPuts.map(({ id, record }) => ({
						op: 'put' as const,
						store: 'drafts' as const,
						key: id,
						value: record
					}))
				],
				written
			);
			for (const d of decks) writeDerived(tx, d);
			const rename = await putParams(tx, backup.params);
			await writeLogRecords(
				tx,
				backup.log.map((e) => renamed(e, rename)),
				'put',
				written
			);
			await writeReplay(tx, states, written);
			if (backup.settings)
				tx.put('settings', 'scheduling', {
					schemaVersion: SCHEMA_VERSION,
					settings: backup.settings
				});
		});
		repo.snapshot.forget();
		const rebuilt = fileStates.added.length + fileStates.changed.length + fileStates.removed.length;
		return { states: states.size, log: backup.log.length, rebuilt, kept: [] };
	}
	// Merge: replay the union. Retry if another tab wrote to the log meanwhile.
	for (let attempt = 0; attempt < 3; attempt++) {
		const { events } = await repo.readLog();
		const known = new Set(events.map((e) => e.id));
		const added = backup.log.filter((e) => !known.has(e.id));
		const union = [...events, ...added.map((e) => eventFromRecord(e, backup.params))];
		onProgress?.(0, 1, 'replaying');
		const states = replay(union, await weightsInForce(repo.kv));
		onProgress?.(1, 1, 'replaying');
		try {
			const kept = await repo.kv.run(IMPORT_STORES, 'readwrite', async (tx) => {
				if ((await countEntries(tx)) !== events.length) throw new StaleRecordError('log');
				markAll(tx);
				const kept: string[] = [];
				// Decks and attempts merge by id: one already here (an attempt perhaps in progress)
				// is kept as it is; the file's, when it differs, is named in the result.
				const merge = async (
					store: 'decks' | 'attempts' | 'drafts',
					id: string,
					record: unknown
				) => {
					const here = await tx.get(store, id);
					if (here === undefined) {
						tx.put(store, id, record);
						if (store === 'decks') writeDerived(tx, record as DeckRecord);
					} else if (content(store, here) !== content(store, record)) kept.push(`${store}/${id}`);
				};
				for (const d of decks) await merge('decks', d.id, d);
				for (const a of attempts) await merge('attempts', a.id, a);
				for (const { id, record } of draftPuts) await merge('drafts', id, record);
				const rename = await putParams(tx, backup.params);
				const written = counter(onProgress, 'writing', added.length + states.size);
				await writeLogRecords(
					tx,
					added.map((e) => renamed(e, rename)),
					'add',
					written
				);
				await writeReplay(tx, states, written);
				return kept;
			});
			repo.snapshot.forget();
			return { states: states.size, log: union.length, rebuilt: 0, kept };
		} catch (e) {
			if (!(e instanceof StaleRecordError)) throw e;
		}
	}
	throw new StaleRecordError('log');
}

/**
 * What a merge compares: a deck's content (the same deck imported on two devices differs only
 * in when and from which file), an attempt whole.
 */
function content(store: 'decks' | 'attempts' | 'drafts', record: unknown): string {
	if (store === 'attempts') return canonical(record);
	if (store === 'drafts') return canonical((record as DraftRecord).draft);
	const { deck, deckText } = record as { deck?: unknown; deckText?: string };
	try {
		return canonical(deckText === undefined ? deck : JSON.parse(deckText));
	} catch {
		return canonical(record); // Damaged: it differs, and the one here is kept.
	}
}
