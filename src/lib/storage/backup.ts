/**
 * Backup: everything (states, log, settings, test attempts, the learner's own decks) as one versioned JSON file. Import validates the
 * whole file first, then applies all of it or nothing: replace, or merge (the union of both
 * logs, replayed through the scheduler, so that nothing conflicts).
 */
import * as z from 'zod/mini';
import { memoryKey, replay } from '../srs/memory';
import { BackupError, StaleRecordError } from './errors';
import { eventFromRecord, stateToRecord } from './convert';
import {
	logKey,
	paramsKey,
	paramsToRecord,
	readRecord,
	SCHEMA_VERSION,
	type DeckRecord,
	type LogRecord,
	type StateRecord
} from './records';
import type { Repository } from './repository';
import { deckRecordForBackup, deckToRecord, readDeckRecord } from './decks';
import { readAttempt, type AttemptRecord } from './attempts';
import {
	ScheduleParamsSchema,
	type ScheduleParams,
	type SchedulingSettings
} from '../srs/settings';

export const BACKUP_FORMAT = 'current-affairs-recall-backup';

const BACKUP_STORES = ['states', 'log', 'settings', 'attempts', 'decks'] as const;

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
	decks: z.optional(z.array(z.unknown()))
});

export interface Backup {
	format: typeof BACKUP_FORMAT;
	schemaVersion: number;
	exportedAt: string;
	settings: { schemaVersion: number; settings: SchedulingSettings } | null;
	params: Record<string, ScheduleParams>;
	states: StateRecord[];
	log: LogRecord[];
	attempts: AttemptRecord[];
	decks: DeckRecord[];
}

/** A backup, read and validated in full: nothing is written until every record passed. */
export interface ParsedBackup {
	settings: SchedulingSettings | null;
	params: Map<string, ScheduleParams>;
	states: StateRecord[];
	log: LogRecord[];
	attempts: AttemptRecord[];
	decks: DeckRecord[];
}

/** Everything stored, as one JSON-safe object. */
export async function exportBackup(repo: Repository, now = new Date()): Promise<Backup> {
	const params = Object.fromEntries(await repo.loadParams());
	return repo.kv.run(BACKUP_STORES, 'readonly', async (tx) => {
		const [states, log, settings, attempts, decks] = await Promise.all([
			tx.entries('states'),
			tx.entries('log'),
			tx.get('settings', 'scheduling'),
			tx.entries('attempts'),
			tx.entries('decks')
		]);
		return {
			format: BACKUP_FORMAT,
			schemaVersion: SCHEMA_VERSION,
			exportedAt: now.toISOString(),
			settings: (settings ?? null) as Backup['settings'],
			params,
			states: states.map(([, v]) => v as StateRecord),
			log: log.map(([, v]) => v as LogRecord),
			attempts: attempts.map(([, v]) => v as AttemptRecord),
			decks: decks.map(([, v]) => deckRecordForBackup(v as DeckRecord))
		};
	});
}

const MAX_PROBLEMS = 20;

/** Parse a backup file's text; every problem names the place in the file. */
export function parseBackup(text: string): ParsedBackup {
	let raw: unknown;
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
		if (read.ok) settings = read.value.settings;
		else note(`settings.${read.error}`);
	}
	const params = new Map<string, ScheduleParams>();
	for (const [id, p] of Object.entries(file.params)) {
		const read = z.safeParse(ScheduleParamsSchema, p);
		if (read.success) params.set(id, read.data);
		else
			note(
				`params.${id}.${read.error.issues[0].path.map(String).join('.')}: ${read.error.issues[0].message}`
			);
	}
	const states: StateRecord[] = [];
	file.states.forEach((r, i) => {
		const read = readRecord('state', withVersion(r));
		if (read.ok) states.push(read.value);
		else note(`states[${i}].${read.error}`);
	});
	const log: LogRecord[] = [];
	const ids = new Map<string, number>();
	file.log.forEach((r, i) => {
		const read = readRecord('log', withVersion(r));
		if (!read.ok) return void note(`log[${i}].${read.error}`);
		const first = ids.get(read.value.id);
		if (first !== undefined)
			return void note(`log[${i}].id: "${read.value.id}" repeats log[${first}]`);
		ids.set(read.value.id, i);
		// An own-property check: `constructor` or `__proto__` would otherwise find Object's own.
		if (read.value.kind === 'review' && !Object.hasOwn(file.params, read.value.paramsId))
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
	const attempts: AttemptRecord[] = [];
	(file.attempts ?? []).forEach((r, i) => {
		const read = readAttempt(withVersion(r));
		if (read.ok) attempts.push(read.value);
		else note(`attempts[${i}].${read.error}`);
	});
	const decks: DeckRecord[] = [];
	(file.decks ?? []).forEach((r, i) => {
		const read = readDeckRecord(withVersion(r));
		if (read.ok) decks.push(deckToRecord(read.value));
		else note(`decks[${i}]: ${read.error}`);
	});
	if (problems.length) {
		const total = problems.length >= MAX_PROBLEMS ? `${MAX_PROBLEMS}+` : String(problems.length);
		throw new BackupError([...problems, `${total} problem(s): nothing was imported.`]);
	}
	return { settings, params, states, log, attempts, decks };
}

export type ImportMode = 'replace' | 'merge';

/**
 * Apply a parsed backup, all or nothing. `replace` swaps in the file's progress and settings;
 * `merge` keeps both: the union of the two logs by entry id, replayed, and the current settings.
 */
export async function importBackup(
	repo: Repository,
	backup: ParsedBackup,
	mode: ImportMode
): Promise<{ states: number; log: number }> {
	if (mode === 'replace') {
		await repo.kv.run(BACKUP_STORES, 'readwrite', async (tx) => {
			tx.clear('states');
			tx.clear('log');
			tx.clear('attempts');
			tx.clear('decks');
			for (const d of backup.decks) tx.put('decks', d.id, d);
			for (const a of backup.attempts) tx.put('attempts', a.id, a);
			for (const s of backup.states) tx.put('states', memoryKey(s.deck, s.fact), s);
			for (const [id, p] of backup.params) tx.put('settings', paramsKey(id), paramsToRecord(p));
			for (const e of backup.log) tx.put('log', logKey(e), e);
			if (backup.settings)
				tx.put('settings', 'scheduling', {
					schemaVersion: SCHEMA_VERSION,
					settings: backup.settings
				});
		});
		return { states: backup.states.length, log: backup.log.length };
	}
	// Merge: replay the union. Retry if another tab wrote to the log meanwhile.
	for (let attempt = 0; attempt < 3; attempt++) {
		const { events } = await repo.readLog();
		const known = new Set(events.map((e) => e.id));
		const added = backup.log.filter((e) => !known.has(e.id));
		const union = [...events, ...added.map((e) => eventFromRecord(e, backup.params))];
		const states = replay(union);
		try {
			await repo.kv.run(BACKUP_STORES, 'readwrite', async (tx) => {
				if ((await tx.count('log')) !== events.length) throw new StaleRecordError('log');
				// Decks merge by id: a deck already here is kept as it is.
				for (const d of backup.decks)
					if ((await tx.get('decks', d.id)) === undefined) tx.put('decks', d.id, d);
				// Attempts merge by id: one already here (perhaps in progress) is kept as it is.
				for (const a of backup.attempts)
					if ((await tx.get('attempts', a.id)) === undefined) tx.put('attempts', a.id, a);
				for (const [id, p] of backup.params) tx.put('settings', paramsKey(id), paramsToRecord(p));
				for (const e of added) tx.add('log', logKey(e), e);
				for (const [key, s] of states) tx.put('states', key, stateToRecord(s));
			});
			return { states: states.size, log: union.length };
		} catch (e) {
			if (!(e instanceof StaleRecordError)) throw e;
		}
	}
	throw new StaleRecordError('log');
}
