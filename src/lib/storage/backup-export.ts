/**
 * A backup's export: everything stored (see backup.ts), read in steps inside one read-only
 * transaction (so the file is one moment's data), then written as the file's bytes: the JSON
 * text `JSON.stringify(backup, null, 1)` gives, built a step at a time. Both steps report their
 * progress, so that the settings page shows a bar that moves while a worker does the work
 * (docs/ARCHITECTURE.md, "Work off the main thread").
 */
import { counter, type ProgressOptions } from './progress';
import { dayEntries } from './log-days';
import { SCHEMA_VERSION, type DeckRecord, type LogRecord, type StateRecord } from './records';
import { deckRecordForBackup } from './decks';
import type { DraftRecord } from './drafts';
import type { AttemptRecord } from './attempts';
import type { KvTx, StoreName } from './kv';
import type { Repository } from './repository';
import type { ScheduleParams, SchedulingSettings } from '../srs/settings';

export const BACKUP_FORMAT = 'current-affairs-recall-backup';

/** The stores a backup reads (and an import writes). */
export const BACKUP_STORES = [
	'states',
	'log',
	'settings',
	'attempts',
	'decks',
	'drafts',
	'quarantine'
] as const;

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
	drafts: DraftRecord[];
}

/**
 * Records read per request: small ones by the thousand; a day of the log (hundreds of
 * entries), a deck or a draft (a whole article) a few dozen at a time.
 */
const READ_STEP = 1000;
const BIG_READ_STEP = 25;

/** The records of `store`, in key order, `step` at a time, ticking `count` per record. */
async function readInSteps(
	tx: KvTx,
	store: StoreName,
	step: number,
	count: { tick(n?: number): void }
): Promise<unknown[]> {
	const keys = await tx.keys(store);
	const out: unknown[] = [];
	for (let i = 0; i < keys.length; i += step) {
		const values = await tx.values(store, keys[i], step);
		for (const v of values) out.push(v);
		count.tick(values.length);
	}
	return out;
}

/** Everything stored, as one JSON-safe object. */
export async function exportBackup(
	repo: Repository,
	now = new Date(),
	{ onProgress }: ProgressOptions = {}
): Promise<Backup> {
	const params = Object.fromEntries(await repo.loadParams());
	return repo.kv.run(BACKUP_STORES, 'readonly', async (tx) => {
		const sizes = await Promise.all(
			(['states', 'log', 'attempts', 'decks', 'drafts'] as const).map((s) => tx.count(s))
		);
		const read = counter(
			onProgress,
			'gathering',
			sizes.reduce((a, b) => a + b, 0),
			1
		);
		const settings = await tx.get('settings', 'scheduling');
		const states = await readInSteps(tx, 'states', READ_STEP, read);
		const days = await readInSteps(tx, 'log', BIG_READ_STEP, read);
		const attempts = await readInSteps(tx, 'attempts', READ_STEP, read);
		const decks = await readInSteps(tx, 'decks', BIG_READ_STEP, read);
		const drafts = await readInSteps(tx, 'drafts', BIG_READ_STEP, read);
		const log: unknown[] = [];
		for (const day of days) for (const entry of dayEntries(day)) log.push(entry);
		return {
			format: BACKUP_FORMAT,
			schemaVersion: SCHEMA_VERSION,
			exportedAt: now.toISOString(),
			settings: (settings ?? null) as Backup['settings'],
			params,
			states: states as StateRecord[],
			log: log as LogRecord[],
			attempts: attempts as AttemptRecord[],
			decks: decks.map((d) => deckRecordForBackup(d as DeckRecord)),
			drafts: drafts as DraftRecord[]
		};
	});
}

/** Items of the file's lists written between two progress reports (and joined as one part). */
const WRITE_STEP = 1000;

/**
 * `value`'s JSON as `JSON.stringify(…, null, 1)` writes it `depth` levels down: every line
 * after the first indented `depth` more. (A string in JSON has no raw line break of its own.)
 * Undefined where JSON has no value (`undefined`, a function).
 */
function nested(value: unknown, depth: number): string | undefined {
	const text = JSON.stringify(value, null, 1) as string | undefined;
	return text === undefined ? undefined : text.replaceAll('\n', `\n${' '.repeat(depth)}`);
}

/**
 * The backup file's text, in parts whose concatenation is exactly `JSON.stringify(backup,
 * null, 1)`: the lists are written an item at a time (their items reported as `encoding`), so
 * the text is never built, or held, as one string.
 */
export function backupParts(backup: Backup, { onProgress }: ProgressOptions = {}): string[] {
	const lists = Object.values(backup).filter((v): v is unknown[] => Array.isArray(v));
	const wrote = counter(
		onProgress,
		'encoding',
		lists.reduce((sum, list) => sum + list.length, 0)
	);
	const parts = ['{'];
	let first = true;
	for (const [key, value] of Object.entries(backup)) {
		const head = `${first ? '' : ','}\n ${JSON.stringify(key)}: `;
		if (Array.isArray(value) && value.length) {
			parts.push(`${head}[`);
			for (let i = 0; i < value.length; i += WRITE_STEP) {
				const step = value.slice(i, i + WRITE_STEP);
				// The step as a list in a list, less both lists' brackets: its items, two levels down
				// as in the file, without rewriting its lines ("[\n [" … "\n ]\n]").
				const items = JSON.stringify([step], null, 1).slice(4, -5);
				parts.push((i ? ',' : '') + items);
				wrote.tick(step.length);
			}
			parts.push('\n ]');
		} else {
			const text = nested(value, 1);
			if (text === undefined) continue;
			parts.push(head + text);
		}
		first = false;
	}
	parts.push(first ? '}' : '\n}');
	return parts;
}

/** The backup file: its JSON text's bytes (UTF-8), as a download saves them. */
export function backupFile(backup: Backup, options: ProgressOptions = {}): Blob {
	return new Blob(backupParts(backup, options), { type: 'application/json' });
}
