import { afterEach, describe, expect, test, vi } from 'vitest';

const KEY = 'car-device-zone';
const intlZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const year = new Date().getFullYear();
const fingerprint = Array.from({ length: 12 }, (_, m) => new Date(year, m, 1).getTimezoneOffset());

/** A Map-backed localStorage; `broken` makes every call throw, as a refused storage does. */
function stubStorage(entries: Record<string, string> = {}, broken = false) {
	const map = new Map(Object.entries(entries));
	const refuse = () => {
		throw new DOMException('refused', 'SecurityError');
	};
	vi.stubGlobal('localStorage', {
		getItem: (k: string) => (broken ? refuse() : (map.get(k) ?? null)),
		setItem: (k: string, v: string) => (broken ? refuse() : map.set(k, String(v))),
		removeItem: (k: string) => map.delete(k)
	});
	return map;
}

/** A fresh copy of the module, so its per-page memo starts empty. */
async function load() {
	vi.resetModules();
	return import('./device-zone');
}

afterEach(() => {
	vi.unstubAllGlobals();
	vi.restoreAllMocks();
});

describe('deviceTimeZone', () => {
	test('without localStorage (Node, workers) it asks Intl, once per page', async () => {
		expect(typeof localStorage).toBe('undefined');
		const intl = vi.spyOn(Intl, 'DateTimeFormat');
		const { deviceTimeZone, isDeviceZone } = await load();
		expect(deviceTimeZone()).toBe(intlZone);
		expect(deviceTimeZone()).toBe(intlZone);
		expect(intl).toHaveBeenCalledTimes(1);
		expect(isDeviceZone(intlZone)).toBe(true);
		expect(isDeviceZone(intlZone === 'Asia/Kolkata' ? 'Europe/Paris' : 'Asia/Kolkata')).toBe(false);
	});

	test('where the browser has Temporal, it names the zone and Intl is not asked', async () => {
		const map = stubStorage();
		vi.stubGlobal('Temporal', { Now: { timeZoneId: () => 'Temporal/Zone' } });
		const intl = vi.spyOn(Intl, 'DateTimeFormat');
		const { deviceTimeZone, isDeviceZone } = await load();
		expect(deviceTimeZone()).toBe('Temporal/Zone');
		expect(isDeviceZone('Temporal/Zone')).toBe(true);
		expect(intl).not.toHaveBeenCalled();
		expect(JSON.parse(map.get(KEY)!)).toEqual({ zone: 'Temporal/Zone', offsets: fingerprint });
	});

	test('a Temporal without a zone, or one that throws, leaves it to Intl', async () => {
		for (const temporal of [
			{ Now: { timeZoneId: () => '' } },
			{ Now: {} },
			{
				Now: {
					timeZoneId: () => {
						throw new RangeError('no zone');
					}
				}
			}
		]) {
			stubStorage();
			vi.stubGlobal('Temporal', temporal);
			expect((await load()).deviceTimeZone()).toBe(intlZone);
		}
	});

	test('a cache whose offsets match the device is used without any Intl call', async () => {
		stubStorage({ [KEY]: JSON.stringify({ zone: 'Cached/Zone', offsets: fingerprint }) });
		const intl = vi.spyOn(Intl, 'DateTimeFormat');
		const { deviceTimeZone, isDeviceZone } = await load();
		expect(deviceTimeZone()).toBe('Cached/Zone');
		expect(isDeviceZone('Cached/Zone')).toBe(true);
		expect(intl).not.toHaveBeenCalled();
	});

	test('tells srs/day.ts the zone it found, whose offsets then need no Intl call', async () => {
		stubStorage({ [KEY]: JSON.stringify({ zone: 'Cached/Zone', offsets: fingerprint }) });
		const { deviceTimeZone } = await load();
		const { zoneOffsetMinutes } = await import('../srs/day');
		const intl = vi.spyOn(Intl, 'DateTimeFormat');
		deviceTimeZone();
		const at = new Date(`${year}-07-01T00:00:00Z`);
		expect(zoneOffsetMinutes(at, 'Cached/Zone')).toBe(-at.getTimezoneOffset() + 0);
		expect(intl).not.toHaveBeenCalled();
	});

	test('a miss stores the zone and offsets, which the next page then uses', async () => {
		const map = stubStorage();
		expect((await load()).deviceTimeZone()).toBe(intlZone);
		expect(JSON.parse(map.get(KEY)!)).toEqual({ zone: intlZone, offsets: fingerprint });
		const intl = vi.spyOn(Intl, 'DateTimeFormat');
		expect((await load()).deviceTimeZone()).toBe(intlZone);
		expect(intl).not.toHaveBeenCalled();
	});

	test.each([
		[
			'other offsets (the device moved)',
			{ zone: 'Cached/Zone', offsets: fingerprint.map((o) => o + 60) }
		],
		['eleven offsets', { zone: 'Cached/Zone', offsets: fingerprint.slice(1) }],
		['offsets as text', { zone: 'Cached/Zone', offsets: fingerprint.join() }],
		['an empty zone', { zone: '', offsets: fingerprint }],
		['a numeric zone', { zone: 5, offsets: fingerprint }],
		['no zone', { offsets: fingerprint }],
		['null', null],
		['malformed JSON', '{"zone":']
	])('a cache with %s is replaced by what Intl says', async (_, cache) => {
		const map = stubStorage({ [KEY]: typeof cache === 'string' ? cache : JSON.stringify(cache) });
		const intl = vi.spyOn(Intl, 'DateTimeFormat');
		const { deviceTimeZone } = await load();
		expect(deviceTimeZone()).toBe(intlZone);
		expect(intl).toHaveBeenCalledTimes(1);
		expect(JSON.parse(map.get(KEY)!)).toEqual({ zone: intlZone, offsets: fingerprint });
	});

	test('storage that throws on every call is tolerated', async () => {
		stubStorage({}, true);
		const { deviceTimeZone } = await load();
		expect(deviceTimeZone()).toBe(intlZone);
	});

	test('where Intl cannot name the zone it is UTC, not cached, and not the device zone', async () => {
		const map = stubStorage();
		vi.spyOn(Intl, 'DateTimeFormat').mockImplementation(() => {
			throw new RangeError('no time zones');
		});
		const { deviceTimeZone, isDeviceZone } = await load();
		expect(deviceTimeZone()).toBe('UTC');
		expect(isDeviceZone('UTC')).toBe(false);
		expect(map.has(KEY)).toBe(false);
	});
});

describe('a page left open', () => {
	test('notices within a minute that the device moved to a zone with other offsets', async () => {
		vi.useFakeTimers({ toFake: ['Date'] });
		try {
			vi.setSystemTime(new Date(`${year}-03-15T12:00:00Z`));
			stubStorage({ [KEY]: JSON.stringify({ zone: 'Cached/Zone', offsets: fingerprint }) });
			const { deviceTimeZone } = await load();
			expect(deviceTimeZone()).toBe('Cached/Zone');
			// The device now reports other offsets (the learner flew somewhere).
			const real = Date.prototype.getTimezoneOffset;
			vi.spyOn(Date.prototype, 'getTimezoneOffset').mockImplementation(function (this: Date) {
				return real.call(this) + 60;
			});
			vi.setSystemTime(new Date(`${year}-03-15T12:00:30Z`));
			expect(deviceTimeZone()).toBe('Cached/Zone');
			vi.setSystemTime(new Date(`${year}-03-15T12:01:01Z`));
			expect(deviceTimeZone()).toBe(intlZone);
		} finally {
			vi.useRealTimers();
		}
	});
});
