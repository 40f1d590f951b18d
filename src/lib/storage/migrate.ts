/**
 * The versioned record: every stored record (and backup file) carries `schemaVersion`; reading
 * one brings it to the current version step by step, then validates it with its schema. The
 * fields every record kind shares (the version, ISO times, counts) are defined here too, so that
 * a record kind in a module of its own (attempts.ts) needs nothing else from storage.
 */
import * as z from 'zod/mini';
import { lazySchema } from '../question-types/shared/lazy-schema';

/** The current layout of every stored record and of backup files. */
export const SCHEMA_VERSION = 2;

export const Iso = lazySchema(() => z.iso.datetime({ offset: true }));
export const Version = lazySchema(() => z.literal(SCHEMA_VERSION));
export const Count = lazySchema(() => z.int().check(z.minimum(0)));

export type RecordKind =
	| 'state'
	| 'log'
	| 'logDay'
	| 'settings'
	| 'params'
	| 'meta'
	| 'attempt'
	| 'deck'
	| 'deck-summary'
	| 'draft';

// Each step takes a record of version n to n + 1; `migrate` runs the steps a record needs.
// Version 1 stored every date as epoch milliseconds; version 2 stores ISO strings, which stay
// readable in a backup file and sort as text in the log's keys.

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

/** A record as read: valid (and whether it had to be migrated), or why not. */
export type Read<T> = { ok: true; value: T; migrated: boolean } | { ok: false; error: string };

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
