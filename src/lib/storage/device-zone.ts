/**
 * The device's time zone without the page's first Intl call, which costs 40-65 ms of ICU
 * start-up on a cold load in Chromium. Where the browser has Temporal, it names the zone in
 * well under a millisecond; elsewhere Intl does. The name is kept in localStorage with the
 * device's UTC offsets on the 1st of each month of this year; while those offsets match, the
 * device is still in that zone (or one with the same offsets and DST rules), so neither is asked.
 *
 * It lives in storage, not srs, because it reads localStorage and the clock; each time it
 * determines the zone it tells srs/day.ts (setDeviceZone), whose shortcut for the device's own
 * zone then skips Intl.
 */
import { setDeviceZone } from '../srs/day';
import { isValidTimeZone } from '../srs/settings';
import { WEB_KEYS } from './web-keys';

const KEY = WEB_KEYS.deviceZone;

let memo: string | undefined;
/** False while `memo` is the UTC stand-in for a zone the platform would not name. */
let named = false;
/** The offsets `memo` was found with, and when they were last checked (an app left open). */
let memoOffsets: number[] = [];
let checkedAt = 0;
const RECHECK_MS = 60_000;

/** getTimezoneOffset on the 1st of each month of this year: the zone's offsets and DST rules. */
function fingerprint(): number[] {
	const year = new Date().getFullYear();
	return Array.from({ length: 12 }, (_, month) => new Date(year, month, 1).getTimezoneOffset());
}

interface TemporalNow {
	Temporal?: { Now?: { timeZoneId?: () => string } };
}

/** The platform's name for the device's zone (undefined where it has none). */
function hostZone(): string | undefined {
	try {
		const id = (globalThis as TemporalNow).Temporal?.Now?.timeZoneId?.();
		if (id) return id;
	} catch {
		// A partial Temporal: ask Intl.
	}
	try {
		return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
	} catch {
		// An Intl without time zones: UTC in its place, and nothing is cached.
		return undefined;
	}
}

function cached(now: number[]): string | undefined {
	try {
		const c: unknown = JSON.parse(localStorage.getItem(KEY) ?? 'null');
		if (typeof c !== 'object' || c === null) return undefined;
		const { zone, offsets } = c as Record<string, unknown>;
		const same = Array.isArray(offsets) && offsets.length === 12;
		if (typeof zone === 'string' && zone && same && now.every((o, i) => o === offsets[i]))
			return zone;
	} catch {
		// No localStorage (Node, workers), storage refused, or a malformed cache: ask the platform.
	}
	return undefined;
}

/**
 * The device's IANA time zone, or UTC where the platform cannot tell: looked up once per page,
 * and again if the device's offsets have changed (checked at most once a minute: a page left
 * open while the device moves to another zone).
 */
export function deviceTimeZone(): string {
	const t = Date.now();
	if (memo !== undefined && t - checkedAt < RECHECK_MS) return memo;
	const now = fingerprint();
	checkedAt = t;
	if (memo !== undefined && now.every((o, i) => o === memoOffsets[i])) return memo;
	memoOffsets = now;
	let zone = cached(now);
	if (zone === undefined) {
		zone = hostZone();
		if (zone !== undefined)
			try {
				localStorage.setItem(KEY, JSON.stringify({ zone, offsets: now }));
			} catch {
				// Private mode, quota, or no localStorage: the next page asks again.
			}
	}
	named = zone !== undefined;
	memo = zone ?? 'UTC';
	setDeviceZone(named ? memo : null);
	return memo;
}

/** True if `zone` is the device's own, so `Date#getTimezoneOffset` gives its offsets. */
export function isDeviceZone(zone: string): boolean {
	return zone === deviceTimeZone() && named;
}

const checkedZones = new Map<string, boolean>();

/**
 * True if the platform knows `zone`. The device's own zone is known without asking Intl (whose
 * first call costs tens of milliseconds); any other is asked once per page. A stored zone the
 * platform does not know ("Mars/Olympus_Mons" from a hand-made backup) would make every date
 * computation throw a RangeError.
 */
export function isKnownZone(zone: string): boolean {
	if (isDeviceZone(zone)) return true;
	let known = checkedZones.get(zone);
	if (known === undefined) checkedZones.set(zone, (known = isValidTimeZone(zone)));
	return known;
}

/** The message that names a time zone the platform does not know. */
export const unknownZoneMessage = (zone: string) =>
	`"${zone}" is not a time zone this browser knows`;
