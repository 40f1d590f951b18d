/**
 * What is stored, record by record: plain JSON-safe objects with ISO dates and a schema
 * version, validated with zod when read. Converting records <-> the scheduler's types (Date,
 * ts-fsrs Card) happens here and nowhere else.
 */
import * as z from 'zod/mini';
import type { Card } from 'ts-fsrs';
import { QUESTION_TYPES } from '../bank/question-types';
import { paramsId } from '../srs/keys';
import type { MemoryEvent, MemoryState } from '../srs/memory';
import {
	ScheduleParamsSchema,
	SchedulingSettingsSchema,
	type ScheduleParams,
	type SchedulingSettings
} from '../srs/settings';

/** The current layout of every stored record and of backup files. */
export const SCHEMA_VERSION = 2;

export const Iso = z.iso.datetime({ offset: true });
export const Version = z.literal(SCHEMA_VERSION);
export const Count = z.int().check(z.minimum(0));
const CardState = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]);

export const CardRecordSchema = z.strictObject({
	due: Iso,
	stability: z.number().check(z.minimum(0)),
	difficulty: z.number().check(z.minimum(0)),
	elapsed_days: z.number(),
	scheduled_days: z.number(),
	learning_steps: Count,
	reps: Count,
	lapses: Count,
	state: CardState,
	last_review: z.nullable(Iso)
});

export const StateRecordSchema = z.strictObject({
	schemaVersion: Version,
	deck: z.string(),
	fact: z.string(),
	card: CardRecordSchema,
	suspended: z.boolean(),
	buriedUntil: z.nullable(Iso),
	introduced: z.nullable(Iso),
	statementHash: z.nullable(z.string()),
	lastShown: z.partialRecord(z.enum(QUESTION_TYPES), Iso),
	lastEvent: z.nullable(z.string()),
	events: Count
});

const EventBase = {
	schemaVersion: Version,
	id: z.string().check(z.minLength(1), z.maxLength(100)),
	deck: z.string().check(z.minLength(1)),
	fact: z.string().check(z.minLength(1)),
	at: Iso
};

export const LogRecordSchema = z.discriminatedUnion('kind', [
	z.strictObject({
		...EventBase,
		kind: z.literal('review'),
		rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
		correct: z.boolean(),
		question: z.string(),
		questionType: z.enum(QUESTION_TYPES),
		durationMs: Count,
		source: z.enum(['review', 'test', 'classroom']),
		/** Key of the scheduling parameters in force (stored once, see ParamsRecordSchema). */
		paramsId: z.string().check(z.minLength(1)),
		statementHash: z.string(),
		stateBefore: CardState
	}),
	z.strictObject({ ...EventBase, kind: z.literal('reset') }),
	z.strictObject({ ...EventBase, kind: z.literal('suspend') }),
	z.strictObject({ ...EventBase, kind: z.literal('unsuspend') }),
	z.strictObject({ ...EventBase, kind: z.literal('bury'), until: Iso })
]);

export const SettingsRecordSchema = z.strictObject({
	schemaVersion: Version,
	settings: SchedulingSettingsSchema
});

/** A set of scheduling parameters, stored once under `params:<id>` in the settings store. */
export const ParamsRecordSchema = z.strictObject({
	schemaVersion: Version,
	params: ScheduleParamsSchema
});

export const MetaRecordSchema = z.strictObject({
	schemaVersion: Version,
	createdAt: Iso
});

/**
 * A deck of the learner's own (imported from JSON or CSV). The deck itself is checked with the
 * bank's validator when read (schema, references, quotes against its own `source.text`).
 */
export const DeckRecordSchema = z.strictObject({
	schemaVersion: Version,
	id: z.string().check(z.minLength(1)),
	/**
	 * The deck as JSON text (one string: IndexedDB reads a 10 000-fact deck back as text several
	 * times faster than as objects), or, in records written before, as an object. One of the two.
	 */
	deckText: z.optional(z.string()),
	deck: z.optional(z.unknown()),
	importedAt: Iso,
	/** The file it came from, as the learner knows it. */
	fileName: z.string(),
	format: z.enum(['json', 'csv']),
	/**
	 * The hash of the deck (and of the validator's rules) when the validator last passed it: a
	 * deck read back unchanged need not be checked again (see storage/decks.ts).
	 */
	checked: z.optional(z.string())
});

/**
 * Every fact state in one record (meta store, key `states-snapshot`), as the JSON text of their
 * rows (StateRow): one read of one string instead of a read and a check per fact. A cache, never the
 * source: current only at the states' revision it names (kv.ts) and while its text still has
 * its hash; otherwise the states are read record by record, checked, and the snapshot rewritten.
 */
export const SnapshotRecordSchema = z.strictObject({
	schemaVersion: Version,
	/** The layout of StateRow: a snapshot in another layout is not read, only replaced. */
	rows: z.literal(1),
	rev: Count,
	count: Count,
	hash: z.string(),
	states: z.string()
});

export type StateRecord = z.infer<typeof StateRecordSchema>;
export type SnapshotRecord = z.infer<typeof SnapshotRecordSchema>;
export type DeckRecord = z.infer<typeof DeckRecordSchema>;
export type { AttemptRecord } from './attempts';
export type LogRecord = z.infer<typeof LogRecordSchema>;
export type SettingsRecord = z.infer<typeof SettingsRecordSchema>;
export type ParamsRecord = z.infer<typeof ParamsRecordSchema>;

/** The settings-store key of a parameter set. */
export const paramsKey = (id: string) => `params:${id}`;

export function paramsToRecord(params: ScheduleParams): ParamsRecord {
	return { schemaVersion: SCHEMA_VERSION, params };
}

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const date = (s: string) => new Date(s);
const dateOrNull = (s: string | null) => (s === null ? null : new Date(s));

export function cardToRecord(c: Card): StateRecord['card'] {
	return {
		due: iso(c.due),
		stability: c.stability,
		difficulty: c.difficulty,
		elapsed_days: c.elapsed_days,
		scheduled_days: c.scheduled_days,
		learning_steps: c.learning_steps,
		reps: c.reps,
		lapses: c.lapses,
		state: c.state,
		last_review: isoOrNull(c.last_review)
	};
}

export function cardFromRecord(r: StateRecord['card']): Card {
	const card: Card = {
		due: date(r.due),
		stability: r.stability,
		difficulty: r.difficulty,
		elapsed_days: r.elapsed_days,
		scheduled_days: r.scheduled_days,
		learning_steps: r.learning_steps,
		reps: r.reps,
		lapses: r.lapses,
		state: r.state
	};
	if (r.last_review) card.last_review = date(r.last_review);
	return card;
}

export function stateToRecord(s: MemoryState): StateRecord {
	return {
		schemaVersion: SCHEMA_VERSION,
		deck: s.deck,
		fact: s.fact,
		card: cardToRecord(s.card),
		suspended: s.suspended,
		buriedUntil: isoOrNull(s.buriedUntil),
		introduced: isoOrNull(s.introduced),
		statementHash: s.statementHash,
		lastShown: Object.fromEntries(Object.entries(s.lastShown).map(([t, d]) => [t, iso(d)])),
		lastEvent: s.lastEvent,
		events: s.events
	};
}

export function stateFromRecord(r: StateRecord): MemoryState {
	return {
		deck: r.deck,
		fact: r.fact,
		card: cardFromRecord(r.card),
		suspended: r.suspended,
		buriedUntil: dateOrNull(r.buriedUntil),
		introduced: dateOrNull(r.introduced),
		statementHash: r.statementHash,
		lastShown: Object.fromEntries(Object.entries(r.lastShown).map(([t, d]) => [t, date(d)])),
		lastEvent: r.lastEvent,
		events: r.events
	};
}

/**
 * A fact state as the snapshot stores it: a row of values in a fixed order, times as epoch
 * milliseconds. Less than half the JSON of a record, and read back without parsing dates.
 */
export type StateRow = [
	deck: string,
	fact: string,
	due: number,
	stability: number,
	difficulty: number,
	elapsedDays: number,
	scheduledDays: number,
	learningSteps: number,
	reps: number,
	lapses: number,
	state: Card['state'],
	lastReview: number | null,
	suspended: boolean,
	buriedUntil: number | null,
	introduced: number | null,
	statementHash: string | null,
	lastShown: Partial<Record<string, number>>,
	lastEvent: string | null,
	events: number
];

const ms = (d: Date | null | undefined) => (d ? d.getTime() : null);
const msDate = (t: number | null) => (t === null ? null : new Date(t));

export function stateToRow(s: MemoryState): StateRow {
	const c = s.card;
	const shown: Partial<Record<string, number>> = {};
	for (const [t, d] of Object.entries(s.lastShown)) shown[t] = d.getTime();
	return [
		s.deck,
		s.fact,
		c.due.getTime(),
		c.stability,
		c.difficulty,
		c.elapsed_days,
		c.scheduled_days,
		c.learning_steps,
		c.reps,
		c.lapses,
		c.state,
		ms(c.last_review),
		s.suspended,
		ms(s.buriedUntil),
		ms(s.introduced),
		s.statementHash,
		shown,
		s.lastEvent,
		s.events
	];
}

export function stateFromRow(r: StateRow): MemoryState {
	const card: Card = {
		due: new Date(r[2]),
		stability: r[3],
		difficulty: r[4],
		elapsed_days: r[5],
		scheduled_days: r[6],
		learning_steps: r[7],
		reps: r[8],
		lapses: r[9],
		state: r[10]
	};
	if (r[11] !== null) card.last_review = new Date(r[11]);
	const lastShown: MemoryState['lastShown'] = {};
	for (const [t, at] of Object.entries(r[16]))
		lastShown[t as (typeof QUESTION_TYPES)[number]] = new Date(at!);
	return {
		deck: r[0],
		fact: r[1],
		card,
		suspended: r[12],
		buriedUntil: msDate(r[13]),
		introduced: msDate(r[14]),
		statementHash: r[15],
		lastShown,
		lastEvent: r[17],
		events: r[18]
	};
}

export function eventToRecord(e: MemoryEvent): LogRecord {
	const base = {
		schemaVersion: SCHEMA_VERSION,
		id: e.id,
		deck: e.deck,
		fact: e.fact,
		at: iso(e.at)
	} as const;
	switch (e.kind) {
		case 'review':
			return {
				...base,
				kind: 'review',
				rating: e.rating,
				correct: e.correct,
				question: e.question,
				questionType: e.questionType,
				durationMs: Math.max(0, Math.round(e.durationMs)),
				source: e.source,
				paramsId: paramsId(e.params),
				statementHash: e.statementHash,
				stateBefore: e.stateBefore
			};
		case 'bury':
			return { ...base, kind: 'bury', until: iso(e.until) };
		default:
			return { ...base, kind: e.kind };
	}
}

/** Parameters by id, for turning log records back into events. */
export type ParamsById = ReadonlyMap<string, ScheduleParams>;

/** The event of a log record; throws if its parameters are unknown (a damaged store or file). */
export function eventFromRecord(r: LogRecord, params: ParamsById): MemoryEvent {
	const { schemaVersion: _v, ...rest } = r;
	const at = date(rest.at);
	if (rest.kind === 'bury') return { ...rest, at, until: date(rest.until) };
	if (rest.kind !== 'review') return { ...rest, at };
	const { paramsId: id, ...review } = rest;
	const p = params.get(id);
	if (!p) throw new Error(`paramsId: "${id}" names no stored scheduling parameters`);
	return { ...review, at, params: p };
}

/** The log's key: time first, so that a day's entries are one key range; the id keeps it unique. */
export function logKey(e: { at: Date | string; id: string }): string {
	return `${typeof e.at === 'string' ? e.at : e.at.toISOString()} ${e.id}`;
}

export function settingsToRecord(settings: SchedulingSettings): SettingsRecord {
	return { schemaVersion: SCHEMA_VERSION, settings };
}

// ---------------------------------------------------------------------------------------------
// Migrations. Each step takes a record of version n to n + 1; `migrate` runs the steps a record
// needs. Version 1 stored every date as epoch milliseconds; version 2 stores ISO strings, which
// stay readable in a backup file and sort as text in the log's keys.

type Raw = Record<string, unknown>;
const msToIso = (v: unknown) => (typeof v === 'number' ? new Date(v).toISOString() : v);

const MIGRATIONS: Record<number, (kind: RecordKind, r: Raw) => Raw> = {
	1: (kind, r) => {
		const out: Raw = { ...r, schemaVersion: 2 };
		if (kind === 'state') {
			const card = r.card as Raw | undefined;
			if (card)
				out.card = { ...card, due: msToIso(card.due), last_review: msToIso(card.last_review) };
			out.buriedUntil = msToIso(r.buriedUntil);
			out.introduced = msToIso(r.introduced);
			const shown = (r.lastShown ?? {}) as Raw;
			out.lastShown = Object.fromEntries(Object.entries(shown).map(([k, v]) => [k, msToIso(v)]));
		} else if (kind === 'log') {
			out.at = msToIso(r.at);
			if ('until' in r) out.until = msToIso(r.until);
		} else if (kind === 'meta') {
			out.createdAt = msToIso(r.createdAt);
		}
		return out;
	}
};

export type RecordKind = 'state' | 'log' | 'settings' | 'params' | 'meta' | 'attempt' | 'deck';

/** Bring a stored record to the current schema version. Records from a newer app are refused. */
export function migrate(
	kind: RecordKind,
	raw: unknown
): { ok: true; value: unknown } | { ok: false; error: string } {
	if (typeof raw !== 'object' || raw === null) return { ok: false, error: 'not an object' };
	let r = raw as Raw;
	if (
		typeof r.schemaVersion !== 'number' ||
		!Number.isInteger(r.schemaVersion) ||
		r.schemaVersion < 1
	)
		return { ok: false, error: 'schemaVersion is missing or not a positive whole number' };
	let v: number = r.schemaVersion;
	if (v > SCHEMA_VERSION)
		return {
			ok: false,
			error: `written by a newer version of the app (schema ${v}; this app reads ${SCHEMA_VERSION})`
		};
	while (v < SCHEMA_VERSION) {
		r = MIGRATIONS[v](kind, r);
		v = r.schemaVersion as number;
	}
	return { ok: true, value: r };
}

const SCHEMAS = {
	state: StateRecordSchema,
	log: LogRecordSchema,
	settings: SettingsRecordSchema,
	params: ParamsRecordSchema,
	meta: MetaRecordSchema,
	deck: DeckRecordSchema
} as const;

type Read<T> = { ok: true; value: T; migrated: boolean } | { ok: false; error: string };

/** Migrate a stored record of `kind` and validate it with `schema`. The error names the field. */
export function readRecordWith<S extends z.ZodMiniType>(
	kind: RecordKind,
	schema: S,
	raw: unknown
): Read<z.infer<S>> {
	const m = migrate(kind, raw);
	if (!m.ok) return m;
	const parsed = z.safeParse(schema, m.value);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		const path = issue.path.map(String).join('.') || '(record)';
		return { ok: false, error: `${path}: ${issue.message}` };
	}
	return { ok: true, value: parsed.data, migrated: m.value !== raw };
}

/** Migrate and validate a stored record (a mock test's: see attempts.ts). */
export function readRecord<K extends keyof typeof SCHEMAS>(
	kind: K,
	raw: unknown
): Read<z.infer<(typeof SCHEMAS)[K]>> {
	return readRecordWith(kind, SCHEMAS[kind], raw) as Read<z.infer<(typeof SCHEMAS)[K]>>;
}
