/**
 * The review log, the source of truth: read whole (bad entries are set aside), with the
 * scheduling parameters its entries name by id; counted for the daily limits.
 */
import { State } from '../srs/fsrs-enums';
import type { MemoryEvent } from '../srs/memory';
import type { ScheduleParams } from '../srs/settings';
import { eventOrReason } from './convert';
import { isKnownZone, unknownZoneMessage } from './device-zone';
import type { Kv } from './kv';
import { readRecord } from './records';
import { setAside, sortRows } from './set-aside';

/** The whole log in key (time) order; bad entries are moved aside and reported in `bad`. */
export async function readLog(kv: Kv): Promise<{ events: MemoryEvent[]; bad: number }> {
	const { params, unusable } = await readParams(kv);
	const { good, bad, migrated } = await kv.run(['log'], 'readonly', async (tx) =>
		sortRows(await tx.entries('log'), (raw) => readRecord('log', raw))
	);
	const events: MemoryEvent[] = [];
	for (const [key, record] of good) {
		const event = eventOrReason(record, params);
		const why = record.kind === 'review' ? unusable.get(record.paramsId) : undefined;
		if (typeof event === 'string') bad.push([key, record, why ?? event]);
		else events.push(event);
	}
	if (bad.length || migrated.length)
		await kv.run(['log', 'quarantine'], 'readwrite', async (tx) => {
			await setAside(tx, 'log', bad);
			for (const [key, r] of migrated) tx.put('log', key, r);
		});
	return { events, bad: bad.length };
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

/** When each logged event happened, oldest first (from the log's keys alone: cheap). */
export async function logTimes(kv: Kv): Promise<Date[]> {
	const keys = await kv.run(['log'], 'readonly', (tx) => tx.keys('log'));
	return keys.map((k) => new Date(k.slice(0, k.indexOf(' '))));
}

/** New facts introduced and reviews done since `dayStart` (for the daily limits). */
export async function todayCounts(
	kv: Kv,
	dayStart: Date
): Promise<{ newToday: number; reviewsToday: number }> {
	const rows = await kv.run(['log'], 'readonly', (tx) => tx.entries('log', dayStart.toISOString()));
	let newToday = 0;
	let reviewsToday = 0;
	for (const [, raw] of rows) {
		const r = raw as { kind?: unknown; stateBefore?: unknown; source?: unknown };
		if (r.kind !== 'review') continue;
		if (r.stateBefore === State.New) newToday++;
		else if (r.stateBefore === State.Review && r.source === 'review') reviewsToday++;
	}
	return { newToday, reviewsToday };
}
