import { describe, expect, test } from 'vitest';
import { Rating } from 'ts-fsrs';
import { makeReview, makeSettings } from '../srs/test-helpers';
import { paramsId } from '../srs/keys';
import { scheduleParams } from '../srs/settings';
import { eventToRecord } from './convert';
import { appendEntries } from './log-days';
import { paramsToRecord } from './records';
import { dayStart } from '../srs/day';
import { deviceTimeZone } from './device-zone';
import { StorageError } from './errors';
import { freshRepo, study } from './test-helpers';

/** Write a settings record behind the repository's back, as older data or another app did. */
async function storeRaw(repo: Awaited<ReturnType<typeof freshRepo>>, settings: unknown) {
	await repo.kv.run(['settings'], 'readwrite', async (tx) =>
		tx.put('settings', 'scheduling', { schemaVersion: 2, settings })
	);
}

describe('a stored time zone this browser does not know', () => {
	test('is replaced by the device’s zone when read; the other settings and the record stay', async () => {
		const repo = await freshRepo();
		const mine = makeSettings({ newPerDay: 7, timeZone: 'Mars/Olympus_Mons' });
		await storeRaw(repo, mine);
		const read = await repo.loadSettings();
		expect(read).toEqual({ ...mine, timeZone: deviceTimeZone() });
		// Usable: the day computations no longer throw RangeError.
		expect(() => dayStart(new Date(), read.timeZone, read.dayStartHour)).not.toThrow();
		expect(await repo.unknownTimeZone()).toBe('Mars/Olympus_Mons');
		expect(await repo.quarantinedCount()).toBe(0);
	});

	test('is reported until settings with a known zone are saved', async () => {
		const repo = await freshRepo();
		await storeRaw(repo, makeSettings({ timeZone: 'Mars/Olympus_Mons' }));
		await repo.saveSettings(await repo.loadSettings());
		expect(await repo.unknownTimeZone()).toBeNull();
	});

	test('a known zone is not reported, and saving an unknown one is refused', async () => {
		const repo = await freshRepo();
		await repo.saveSettings(makeSettings({ timeZone: 'Asia/Kolkata' }));
		expect(await repo.unknownTimeZone()).toBeNull();
		expect((await repo.loadSettings()).timeZone).toBe('Asia/Kolkata');
		await expect(
			repo.saveSettings(makeSettings({ timeZone: 'Mars/Olympus_Mons' }))
		).rejects.toThrow(StorageError);
		expect((await repo.loadSettings()).timeZone).toBe('Asia/Kolkata');
	});
});

describe('stored parameters naming a time zone this browser does not know', () => {
	test('their log entries are set aside with the reason, and the rest of the log replays', async () => {
		const repo = await freshRepo();
		await study(repo, 2, 1);
		const good = await repo.rebuildFromLog();
		const event = makeReview('2026-01-14T10:00:00Z', Rating.Good, {
			fact: 'f0',
			params: scheduleParams(makeSettings({ timeZone: 'Mars/Olympus_Mons' }))
		});
		await repo.kv.run(['log', 'settings', 'quarantine'], 'readwrite', async (tx) => {
			const record = eventToRecord(event);
			tx.put('settings', `params:${paramsId(event.params)}`, paramsToRecord(event.params));
			await appendEntries(tx, [record]);
		});
		expect(await repo.rebuildFromLog()).toEqual(good);
		const [aside] = await repo.quarantined();
		expect(aside.error).toMatch(
			/timeZone: "Mars\/Olympus_Mons" is not a time zone this browser knows/
		);
	});
});
