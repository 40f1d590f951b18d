/**
 * The review log, the source of truth: read whole (bad entries are set aside), with the
 * scheduling parameters its entries name by id; counted for the daily limits. Stored one record
 * per day: see log-days.ts.
 */
import { State } from '../srs/fsrs-enums';
import type { MemoryEvent } from '../srs/memory';
import type { ScheduleParams } from '../srs/settings';
import { eventOrReason } from './convert';
import { isKnownZone, unknownZoneMessage } from './device-zone';
import type { Kv } from './kv';
import { dayOf, dayTimes, fixDays, rawEntries, sortDays, type DayFix } from './log-days';
import { readRecord } from './records';

/** The whole log in key (time) order; bad entries are moved aside and reported in `bad`. */
export async function readLog(kv: Kv): Promise<{ events: MemoryEvent[]; bad: number }> {
	const { params, unusable } = await readParams(kv);
	const { good, fix, badDays } = await kv.run(['log'], 'readonly', async (tx) =>
		sortDays(await tx.entries('log'))
	);
	const events: MemoryEvent[] = [];
	let bad = badDays.length;
	for (const [key, record, raw] of good) {
		const event = eventOrReason(record, params);
		const why = record.kind === 'review' ? unusable.get(record.paramsId) : undefined;
		if (typeof event === 'string') {
			const day = dayOf(record.at);
			const f: DayFix = fix.get(day) ?? { changes: new Map() };
			f.changes.set(JSON.stringify(raw), { error: why ?? event, key });
			fix.set(day, f);
		} else events.push(event);
	}
	for (const f of fix.values()) for (const c of f.changes.values()) if ('error' in c) bad++;
	if (fix.size || badDays.length)
		await kv.run(['log', 'quarantine'], 'readwrite', (tx) => fixDays(tx, { fix, badDays }));
	return { events, bad };
}

/** Every stored set of scheduling parameters, by id (bad ones are skipped: their entries go aside). */
export async function loadParams(kv: Kv): Promise<Map<string, ScheduleParams>> {
	return (await readParams(kv)).params;
}

/**
 * The stored parameter sets, and why the others cannot be used: unreadable, or naming a time
 * zone the platform does not know (data from before imports refused them), which would make
 * every replay throw. The log entries that name those are set aside with that reason.
 */
async function readParams(
	kv: Kv
): Promise<{ params: Map<string, ScheduleParams>; unusable: Map<string, string> }> {
	const rows = await kv.run(['settings'], 'readonly', (tx) => tx.entries('settings', 'params:'));
	const params = new Map<string, ScheduleParams>();
	const unusable = new Map<string, string>();
	for (const [key, raw] of rows) {
		if (!key.startsWith('params:')) continue;
		const id = key.slice('params:'.length);
		const read = readRecord('params', raw);
		if (!read.ok) unusable.set(id, `params "${id}": ${read.error}`);
		else if (!isKnownZone(read.value.params.timeZone))
			unusable.set(
				id,
				`params "${id}": timeZone: ${unknownZoneMessage(read.value.params.timeZone)}`
			);
		else params.set(id, read.value.params);
	}
	return { params, unusable };
}

/**
 * When each logged event happened, oldest first, from `from` on if given (from the entries'
 * times alone, unchecked: cheap).
 */
export async function logTimes(kv: Kv, from?: Date): Promise<Date[]> {
	const times = await kv.run(['log'], 'readonly', (tx) => dayTimes(tx, from && dayOf(from)));
	const since = from?.getTime() ?? -Infinity;
	return times.filter((t) => t >= since).map((t) => new Date(t));
}

/** New facts introduced and reviews done since `dayStart` (for the daily limits). */
export async function todayCounts(
	kv: Kv,
	dayStart: Date
): Promise<{ newToday: number; reviewsToday: number }> {
	const since = dayStart.toISOString();
	const entries = await kv.run(['log'], 'readonly', (tx) => rawEntries(tx, dayOf(dayStart)));
	let newToday = 0;
	let reviewsToday = 0;
	for (const raw of entries) {
		const r = raw as { at?: unknown; kind?: unknown; stateBefore?: unknown; source?: unknown };
		if (r.kind !== 'review' || typeof r.at !== 'string' || r.at < since) continue;
		if (r.stateBefore === State.New) newToday++;
		else if (r.stateBefore === State.Review && r.source === 'review') reviewsToday++;
	}
	return { newToday, reviewsToday };
}
