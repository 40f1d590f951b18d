/**
 * What is stored, record by record: plain JSON-safe objects with ISO dates and a schema
 * version (migrate.ts), validated with zod when read. Their conversion to the scheduler's types
 * is in convert.ts.
 */
import * as z from 'zod/mini';
import { lazySchema } from '../question-types/shared/lazy-schema';
import { QUESTION_TYPES } from '../bank/question-types';
import {
	ScheduleParamsSchema,
	SchedulingSettingsSchema,
	type ScheduleParams,
	type SchedulingSettings
} from '../srs/settings';
import { Count, Iso, readRecordWith, SCHEMA_VERSION, Version, type Read } from './migrate';

export { SCHEMA_VERSION };
export type { AttemptRecord } from './attempts';

const CardState = lazySchema(() =>
	z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)])
);

export const CardRecordSchema = lazySchema(() =>
	z.strictObject({
		due: Iso(),
		stability: z.number().check(z.minimum(0)),
		difficulty: z.number().check(z.minimum(0)),
		elapsed_days: z.number(),
		scheduled_days: z.number(),
		learning_steps: Count(),
		reps: Count(),
		lapses: Count(),
		state: CardState(),
		last_review: z.nullable(Iso())
	})
);

export const StateRecordSchema = lazySchema(() =>
	z.strictObject({
		schemaVersion: Version(),
		deck: z.string(),
		fact: z.string(),
		card: CardRecordSchema(),
		suspended: z.boolean(),
		buriedUntil: z.nullable(Iso()),
		introduced: z.nullable(Iso()),
		statementHash: z.nullable(z.string()),
		lastShown: z.partialRecord(z.enum(QUESTION_TYPES), Iso()),
		lastEvent: z.nullable(z.string()),
		events: Count()
	})
);

const EventBase = lazySchema(() => ({
	schemaVersion: Version(),
	id: z.string().check(z.minLength(1), z.maxLength(100)),
	deck: z.string().check(z.minLength(1)),
	fact: z.string().check(z.minLength(1)),
	at: Iso()
}));

export const LogRecordSchema = lazySchema(() =>
	z.discriminatedUnion('kind', [
		z.strictObject({
			...EventBase(),
			kind: z.literal('review'),
			rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
			correct: z.boolean(),
			question: z.string(),
			questionType: z.enum(QUESTION_TYPES),
			durationMs: Count(),
			source: z.enum(['review', 'test', 'classroom']),
			/** Key of the scheduling parameters in force (stored once, see ParamsRecordSchema). */
			paramsId: z.string().check(z.minLength(1)),
			statementHash: z.string(),
			stateBefore: CardState()
		}),
		z.strictObject({ ...EventBase(), kind: z.literal('reset') }),
		z.strictObject({
			...EventBase(),
			kind: z.literal('restate'),
			statementHash: z.string(),
			keep: z.boolean()
		}),
		z.strictObject({ ...EventBase(), kind: z.literal('suspend') }),
		z.strictObject({ ...EventBase(), kind: z.literal('unsuspend') }),
		z.strictObject({ ...EventBase(), kind: z.literal('bury'), until: Iso() })
	])
);

export const SettingsRecordSchema = lazySchema(() =>
	z.strictObject({
		schemaVersion: Version(),
		settings: SchedulingSettingsSchema()
	})
);

/** A set of scheduling parameters, stored once under `params:<id>` in the settings store. */
export const ParamsRecordSchema = lazySchema(() =>
	z.strictObject({
		schemaVersion: Version(),
		params: ScheduleParamsSchema()
	})
);

export const MetaRecordSchema = lazySchema(() =>
	z.strictObject({
		schemaVersion: Version(),
		createdAt: Iso()
	})
);

/**
 * A deck of the learner's own (imported from JSON or CSV). The deck itself is checked with the
 * bank's validator when read (schema, references, quotes against its own `source.text`).
 */
export const DeckRecordSchema = lazySchema(() =>
	z.strictObject({
		schemaVersion: Version(),
		id: z.string().check(z.minLength(1)),
		/**
		 * The deck as JSON text (one string: IndexedDB reads a 10 000-fact deck back as text several
		 * times faster than as objects), or, in records written before, as an object. One of the two.
		 */
		deckText: z.optional(z.string()),
		deck: z.optional(z.unknown()),
		importedAt: Iso(),
		/** The file it came from, as the learner knows it. */
		fileName: z.string(),
		/** `written`: written in the app (/write) and published. */
		format: z.enum(['json', 'csv', 'written']),
		/**
		 * The hash of the deck (and of the validator's rules) when the validator last passed it: a
		 * deck read back unchanged need not be checked again (see storage/decks.ts).
		 */
		checked: z.optional(z.string())
	})
);

/**
 * Every fact state in one record (meta store, see snapshot.ts), as the JSON text of their rows
 * (StateRow, convert.ts): one read of one string instead of a read and a check per fact. A
 * cache, never the source: current only at the states' revision it names (kv.ts) and while its
 * text still has its hash; otherwise the states are read record by record, checked, and the
 * snapshot rewritten.
 */
export const SnapshotRecordSchema = lazySchema(() =>
	z.strictObject({
		schemaVersion: Version(),
		/** The layout of StateRow: a snapshot in another layout is not read, only replaced. */
		rows: z.literal(1),
		rev: Count(),
		count: Count(),
		hash: z.string(),
		states: z.string()
	})
);

export type StateRecord = z.infer<ReturnType<typeof StateRecordSchema>>;
export type SnapshotRecord = z.infer<ReturnType<typeof SnapshotRecordSchema>>;
export type DeckRecord = z.infer<ReturnType<typeof DeckRecordSchema>>;
export type LogRecord = z.infer<ReturnType<typeof LogRecordSchema>>;
export type SettingsRecord = z.infer<ReturnType<typeof SettingsRecordSchema>>;
export type ParamsRecord = z.infer<ReturnType<typeof ParamsRecordSchema>>;

/** The settings-store key of a parameter set. */
export const paramsKey = (id: string) => `params:${id}`;

export function paramsToRecord(params: ScheduleParams): ParamsRecord {
	return { schemaVersion: SCHEMA_VERSION, params };
}

/** The log's key: time first, so that a day's entries are one key range; the id keeps it unique. */
export function logKey(e: { at: Date | string; id: string }): string {
	return `${typeof e.at === 'string' ? e.at : e.at.toISOString()} ${e.id}`;
}

export function settingsToRecord(settings: SchedulingSettings): SettingsRecord {
	return { schemaVersion: SCHEMA_VERSION, settings };
}

/** Each kind's schema, built when a record of that kind is first read. */
const SCHEMAS = {
	state: StateRecordSchema,
	log: LogRecordSchema,
	settings: SettingsRecordSchema,
	params: ParamsRecordSchema,
	meta: MetaRecordSchema,
	deck: DeckRecordSchema
} as const;

/** Migrate and validate a stored record (a mock test's: see attempts.ts). */
export function readRecord<K extends keyof typeof SCHEMAS>(
	kind: K,
	raw: unknown
): Read<z.infer<ReturnType<(typeof SCHEMAS)[K]>>> {
	return readRecordWith(kind, SCHEMAS[kind](), raw) as Read<
		z.infer<ReturnType<(typeof SCHEMAS)[K]>>
	>;
}
