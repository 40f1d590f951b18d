/**
 * Stored records <-> the scheduler's types (Date, ts-fsrs Card): a fact state as a record and
 * as a snapshot row, a log record as an event. Converting happens here and nowhere else.
 */
import type { Card } from 'ts-fsrs';
import { paramsId } from '../srs/keys';
import type { MemoryEvent, MemoryState } from '../srs/memory';
import type { ScheduleParams } from '../srs/settings';
import { SCHEMA_VERSION } from './migrate';
import type { LogRecord, StateRecord } from './records';

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
		lastShown[t as keyof MemoryState['lastShown']] = new Date(at!);
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
		case 'restate':
			return { ...base, kind: 'restate', statementHash: e.statementHash, keep: e.keep };
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

/** The event of a valid log record, or the reason it cannot be replayed. */
export function eventOrReason(record: LogRecord, params: ParamsById): MemoryEvent | string {
	try {
		return eventFromRecord(record, params);
	} catch (e) {
		return (e as Error).message;
	}
}
