import { afterEach, describe, expect, test } from 'vitest';
import {
	dayStart,
	nextDayStart,
	setDeviceZone,
	studyDay,
	studyStreak,
	toVirtual,
	fromVirtual,
	zoneOffsetMinutes
} from './day';

/** The device's zone as the platform names it (storage/device-zone.ts finds it the same way). */
const deviceZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

describe('study days in Asia/Kolkata (UTC+05:30), day starting at 4 AM', () => {
	const tz = 'Asia/Kolkata';
	test('03:59 IST still belongs to the previous study day, 04:00 IST starts the next', () => {
		// 03:59 IST on 14 Jan = 22:29 UTC on 13 Jan.
		expect(studyDay(new Date('2026-01-13T22:29:00Z'), tz, 4)).toBe('2026-01-13');
		expect(studyDay(new Date('2026-01-13T22:30:00Z'), tz, 4)).toBe('2026-01-14');
	});

	test('the UTC date flips at 05:30 IST, but the study day does not', () => {
		const before = new Date('2026-01-13T23:59:00Z'); // 05:29 IST, 14 Jan
		const after = new Date('2026-01-14T00:01:00Z'); // 05:31 IST, 14 Jan
		expect(before.toISOString().slice(0, 10)).not.toBe(after.toISOString().slice(0, 10));
		expect(studyDay(before, tz, 4)).toBe(studyDay(after, tz, 4));
	});

	test('the offset is +330 minutes', () => {
		expect(zoneOffsetMinutes(new Date('2026-01-13T00:00:00Z'), tz)).toBe(330);
	});
});

describe('study days across daylight saving time (America/New_York)', () => {
	const tz = 'America/New_York';
	test('the study day that contains the fall-back night is 25 hours long', () => {
		// 1 November 2026: 02:00 EDT falls back to 01:00 EST; 31 October's study day runs
		// from 04:00 EDT (08:00 UTC) to 04:00 EST on 1 November (09:00 UTC).
		const start = nextDayStart(new Date('2026-10-30T12:00:00Z'), tz, 4);
		const end = nextDayStart(new Date('2026-10-31T12:00:00Z'), tz, 4);
		expect(start.toISOString()).toBe('2026-10-31T08:00:00.000Z');
		expect(end.toISOString()).toBe('2026-11-01T09:00:00.000Z');
		expect((end.getTime() - start.getTime()) / 3_600_000).toBe(25);
	});

	test('the virtual clock round-trips', () => {
		for (const iso of ['2026-03-08T06:59:00Z', '2026-03-08T07:30:00Z', '2026-11-01T05:30:00Z']) {
			const at = new Date(iso);
			expect(fromVirtual(toVirtual(at, tz, 4), tz, 4).toISOString()).toBe(at.toISOString());
		}
	});
});

describe('the study streak', () => {
	const tz = 'Asia/Kolkata';
	const at = (iso: string) => new Date(iso);
	const now = at('2026-01-20T06:00:00Z'); // 11:30 IST, study day 20 Jan
	test('counts consecutive study days up to today', () => {
		const times = [
			'2026-01-17T06:00:00Z',
			'2026-01-18T06:00:00Z',
			'2026-01-19T06:00:00Z',
			'2026-01-20T05:00:00Z'
		].map(at);
		expect(studyStreak(times, now, tz, 4)).toBe(4);
	});
	test('still counts up to yesterday before today’s first review', () => {
		const times = ['2026-01-18T06:00:00Z', '2026-01-19T06:00:00Z'].map(at);
		expect(studyStreak(times, now, tz, 4)).toBe(2);
	});
	test('a missed day ends the streak; no reviews means none', () => {
		const times = ['2026-01-16T06:00:00Z', '2026-01-18T06:00:00Z', '2026-01-19T06:00:00Z'].map(at);
		expect(studyStreak(times, now, tz, 4)).toBe(2);
		expect(studyStreak([at('2026-01-17T06:00:00Z')], now, tz, 4)).toBe(0);
		expect(studyStreak([], now, tz, 4)).toBe(0);
	});
	test('a review at 02:00 IST belongs to the previous study day', () => {
		// 02:00 IST on 20 Jan = 20:30 UTC on 19 Jan: study day 19 Jan.
		const times = ['2026-01-18T06:00:00Z', '2026-01-19T20:30:00Z'].map(at);
		expect(studyStreak(times, now, tz, 4)).toBe(2);
	});
});

describe('the device zone’s offsets, from the Date instead of Intl', () => {
	const zone = deviceZone;
	const MINUTE = 60_000;
	const range = (from: number, to: number, step: number) =>
		Array.from({ length: Math.ceil((to - from) / step) }, (_, i) => from + i * step);
	afterEach(() => setDeviceZone(null));

	/** zoneOffsetMinutes at each instant by the fast path, then by Intl alone. */
	function bothPaths(times: number[]) {
		setDeviceZone(zone);
		const fast = times.map((t) => zoneOffsetMinutes(new Date(t), zone));
		setDeviceZone(null);
		const intl = times.map((t) => zoneOffsetMinutes(new Date(t), zone));
		return { fast, intl };
	}

	test(`agree for ${zone} every 6 hours over two years and minute by minute at each DST change`, () => {
		// Odd milliseconds too: the Intl path floors to whole seconds.
		const grid = range(Date.UTC(2025, 0, 1), Date.UTC(2027, 0, 1), 6 * 3_600_000).flatMap((t) => [
			t,
			t + 29_999
		]);
		const g = bothPaths(grid);
		expect(g.fast).toEqual(g.intl);
		const near = grid.flatMap((t, i) =>
			i > 0 && g.intl[i] !== g.intl[i - 1]
				? range(grid[i - 1], t + MINUTE, MINUTE).flatMap((m) => [m - 1, m, m + 59_999])
				: []
		);
		if (new Set(g.intl).size > 1) expect(near.length).toBeGreaterThan(0);
		const n = bothPaths(near);
		expect(n.fast).toEqual(n.intl);
	});

	test('another zone still goes through Intl', () => {
		setDeviceZone(zone);
		const other = zone === 'Asia/Kolkata' ? 'America/New_York' : 'Asia/Kolkata';
		expect(zoneOffsetMinutes(new Date('2026-07-01T00:00:00Z'), other)).toBe(
			other === 'Asia/Kolkata' ? 330 : -240
		);
	});
});

describe('the start of the study day and of the next, in India and on both DST changes of 2026', () => {
	// [zone, an instant, the start of its study day, the start of the next], day starting at 4 AM.
	const cases: Array<[string, string, string, string]> = [
		// India keeps UTC+05:30 all year: the day starts at 04:00 IST, 22:30 UTC the day before.
		['Asia/Kolkata', '2026-01-13T10:00:00Z', '2026-01-12T22:30:00Z', '2026-01-13T22:30:00Z'],
		// At 02:00 IST the day that is ending started yesterday; the next starts at 04:00 today.
		['Asia/Kolkata', '2026-01-13T20:30:00Z', '2026-01-12T22:30:00Z', '2026-01-13T22:30:00Z'],
		// New York springs forward on 8 March (02:00 EST → 03:00 EDT): 7 March's day is 23 hours.
		['America/New_York', '2026-03-07T17:00:00Z', '2026-03-07T09:00:00Z', '2026-03-08T08:00:00Z'],
		['America/New_York', '2026-03-08T05:00:00Z', '2026-03-07T09:00:00Z', '2026-03-08T08:00:00Z'],
		['America/New_York', '2026-03-08T12:00:00Z', '2026-03-08T08:00:00Z', '2026-03-09T08:00:00Z'],
		['America/New_York', '2026-03-08T17:00:00Z', '2026-03-08T08:00:00Z', '2026-03-09T08:00:00Z'],
		// It falls back on 1 November (02:00 EDT → 01:00 EST): 31 October's day is 25 hours.
		['America/New_York', '2026-10-31T12:00:00Z', '2026-10-31T08:00:00Z', '2026-11-01T09:00:00Z'],
		['America/New_York', '2026-11-01T07:00:00Z', '2026-10-31T08:00:00Z', '2026-11-01T09:00:00Z'],
		['America/New_York', '2026-11-01T12:00:00Z', '2026-11-01T09:00:00Z', '2026-11-02T09:00:00Z'],
		// London springs forward on 29 March (01:00 GMT → 02:00 BST).
		['Europe/London', '2026-03-28T12:00:00Z', '2026-03-28T04:00:00Z', '2026-03-29T03:00:00Z'],
		['Europe/London', '2026-03-29T02:00:00Z', '2026-03-28T04:00:00Z', '2026-03-29T03:00:00Z'],
		['Europe/London', '2026-03-29T12:00:00Z', '2026-03-29T03:00:00Z', '2026-03-30T03:00:00Z'],
		// It falls back on 25 October (02:00 BST → 01:00 GMT).
		['Europe/London', '2026-10-24T12:00:00Z', '2026-10-24T03:00:00Z', '2026-10-25T04:00:00Z'],
		['Europe/London', '2026-10-25T02:00:00Z', '2026-10-24T03:00:00Z', '2026-10-25T04:00:00Z'],
		['Europe/London', '2026-10-25T12:00:00Z', '2026-10-25T04:00:00Z', '2026-10-26T04:00:00Z']
	];

	test.each(cases)(
		'in %s at %s the day began at %s and the next begins at %s',
		(tz, at, start, next) => {
			const t = new Date(at);
			expect(dayStart(t, tz, 4).toISOString()).toBe(new Date(start).toISOString());
			expect(nextDayStart(t, tz, 4).toISOString()).toBe(new Date(next).toISOString());
		}
	);

	test('the day starts where studyDay changes, hour by hour through March, October and November', () => {
		for (const tz of ['America/New_York', 'Europe/London', 'Asia/Kolkata'])
			for (const [from, to] of [
				['2026-03-01', '2026-04-05'],
				['2026-10-20', '2026-11-05']
			])
				for (let t = Date.parse(from); t < Date.parse(to); t += 3_600_000) {
					const at = new Date(t);
					const start = dayStart(at, tz, 4);
					expect(start.getTime()).toBeLessThanOrEqual(t);
					expect(studyDay(start, tz, 4)).toBe(studyDay(at, tz, 4));
					expect(studyDay(new Date(start.getTime() - 1), tz, 4)).not.toBe(studyDay(at, tz, 4));
					expect(nextDayStart(new Date(start.getTime() - 1), tz, 4)).toEqual(start);
				}
	});
});

describe('zone offsets kept by the hour', () => {
	/** The offset as Intl gives it, computed afresh. */
	function reference(at: Date, timeZone: string): number {
		const f = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			...{ year: 'numeric', month: 'numeric', day: 'numeric' },
			...{ hour: 'numeric', minute: 'numeric', second: 'numeric' }
		});
		const p = Object.fromEntries(f.formatToParts(at).map((x) => [x.type, Number(x.value)]));
		const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
		return Math.round((wall - Math.floor(at.getTime() / 1000) * 1000) / 60000);
	}

	test.each([
		['America/New_York', '2026-03-08T00:00:00Z'],
		['America/New_York', '2026-11-01T00:00:00Z'],
		['Australia/Lord_Howe', '2026-04-04T10:00:00Z'],
		['Australia/Lord_Howe', '2026-10-03T10:00:00Z'],
		['Asia/Kathmandu', '2026-01-01T00:00:00Z'],
		['Pacific/Chatham', '2026-04-04T10:00:00Z']
	])('in %s around %s, minute by minute, as Intl gives them', (zone, from) => {
		const start = Date.parse(from);
		for (let t = start; t < start + 20 * 3_600_000; t += 60_000 + 7_000) {
			const at = new Date(t);
			expect(zoneOffsetMinutes(at, zone), at.toISOString()).toBe(reference(at, zone));
		}
	});
});
