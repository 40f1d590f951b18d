/**
 * Local study days. A day starts at `dayStartHour` (default 4 AM) in the learner's time zone,
 * as in Anki; ts-fsrs counts days by UTC date, which in India flips at 05:30 local time.
 *
 * The trick that makes ts-fsrs count local days: run it on a "virtual clock" shifted so that
 * UTC midnight of the virtual clock is the local day start. Learning steps (minutes) are
 * unaffected; day counts (elapsed days, intervals) become local days.
 */

/**
 * The device's own time zone, as storage found it (storage/device-zone.ts tells this module
 * whenever it determines it); null when unknown. Only a shortcut: for this zone the Date
 * knows its offsets, so no Intl call is needed, and the results are the same either way.
 */
let deviceZone: string | null = null;

/** Say which zone the device is in (null: unknown), so that zoneOffsetMinutes can skip Intl. */
export function setDeviceZone(zone: string | null): void {
	deviceZone = zone;
}

const HOUR = 3_600_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
	let f = formatters.get(timeZone);
	if (!f) {
		f = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric'
		});
		formatters.set(timeZone, f);
	}
	return f;
}

/** Minutes to add to UTC to get local wall-clock time in `timeZone` at instant `at`. */
export function zoneOffsetMinutes(at: Date, timeZone: string): number {
	// Nearly always the device's own zone: the Date knows its offset, no Intl needed (+ 0 turns
	// UTC's -0 into 0, as the Intl path gives).
	if (timeZone === deviceZone) return -at.getTimezoneOffset() + 0;
	// Another zone (or a worker, which is not told the device's): Intl is slow (a replay of a
	// year's log asks 100 000s of times), so each UTC hour's offset is kept, for an hour whose
	// offset is the same at both ends. Clocks change at most once within an hour, so such an
	// hour has one offset throughout; an hour with a change is computed every time.
	const hour = Math.floor(at.getTime() / HOUR);
	const key = `${timeZone} ${hour}`;
	let offset = hourOffsets.get(key);
	if (offset === undefined) {
		const start = intlOffset(new Date(hour * HOUR), timeZone);
		offset = start === intlOffset(new Date((hour + 1) * HOUR), timeZone) ? start : null;
		if (hourOffsets.size >= MAX_HOURS) hourOffsets.clear();
		hourOffsets.set(key, offset);
	}
	return offset ?? intlOffset(at, timeZone);
}

/** Offsets of whole UTC hours by zone and hour (null: the clocks change in that hour). */
const hourOffsets = new Map<string, number | null>();
/** About six years of hours: plenty for one replay, and a bound on the memory kept. */
const MAX_HOURS = 50_000;

/** The offset of `timeZone` at `at`, as Intl gives it. */
function intlOffset(at: Date, timeZone: string): number {
	const parts: Record<string, number> = {};
	for (const p of formatter(timeZone).formatToParts(at))
		if (p.type !== 'literal') parts[p.type] = Number(p.value);
	const wall = Date.UTC(
		parts.year,
		parts.month - 1,
		parts.day,
		parts.hour,
		parts.minute,
		parts.second
	);
	return Math.round((wall - Math.floor(at.getTime() / 1000) * 1000) / 60000);
}

const DAY = 24 * HOUR;

/** The instant on the virtual clock whose UTC date is the local study day of `at`. */
export function toVirtual(at: Date, timeZone: string, dayStartHour: number): Date {
	return new Date(at.getTime() + zoneOffsetMinutes(at, timeZone) * 60000 - dayStartHour * HOUR);
}

/** The real instant of a virtual-clock time (inverse of toVirtual, exact outside DST gaps). */
export function fromVirtual(v: Date, timeZone: string, dayStartHour: number): Date {
	const wall = v.getTime() + dayStartHour * HOUR;
	let real = wall - zoneOffsetMinutes(new Date(wall), timeZone) * 60000;
	real = wall - zoneOffsetMinutes(new Date(real), timeZone) * 60000;
	return new Date(real);
}

/** The study day of `at` as "YYYY-MM-DD" (a day starting at dayStartHour local time). */
export function studyDay(at: Date, timeZone: string, dayStartHour: number): string {
	return toVirtual(at, timeZone, dayStartHour).toISOString().slice(0, 10);
}

/**
 * The instant the study day of `at` began. Computed from the local day itself, not as the next
 * day's start minus 24 hours: on the days clocks change, a study day lasts 23 or 25 hours.
 * @example dayStart(new Date('2026-03-08T05:00:00Z'), 'America/New_York', 4) // 2026-03-07T09:00Z
 */
export function dayStart(at: Date, timeZone: string, dayStartHour: number): Date {
	const v = toVirtual(at, timeZone, dayStartHour).getTime();
	return fromVirtual(new Date(Math.floor(v / DAY) * DAY), timeZone, dayStartHour);
}

/** The instant the next study day starts: "due today" means due before this. */
export function nextDayStart(at: Date, timeZone: string, dayStartHour: number): Date {
	const v = toVirtual(at, timeZone, dayStartHour).getTime();
	return fromVirtual(new Date(Math.floor(v / DAY) * DAY + DAY), timeZone, dayStartHour);
}

/** Whole study days from day `a` to day `b` ("YYYY-MM-DD"). */
export function daysBetween(a: string, b: string): number {
	return Math.round((Date.parse(b) - Date.parse(a)) / DAY);
}

/**
 * Consecutive study days up to today (or up to yesterday, when today has no review yet).
 * `times` are review times in ascending order (the log's keys).
 */
export function studyStreak(
	times: readonly Date[],
	now: Date,
	timeZone: string,
	dayStartHour: number
): number {
	const today = studyDay(now, timeZone, dayStartHour);
	let streak = 0;
	let cursor = today;
	for (let i = times.length - 1; i >= 0; i--) {
		const day = studyDay(times[i], timeZone, dayStartHour);
		if (day > today || day === cursor) {
			if (streak === 0 && day === today) streak = 1;
			continue;
		}
		const gap = daysBetween(day, cursor);
		// The first day found may be today or yesterday; after that, each must follow on.
		if (gap === 1) {
			streak++;
			cursor = day;
		} else break;
	}
	return streak;
}
