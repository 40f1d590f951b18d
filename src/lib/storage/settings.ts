/**
 * The learner's scheduling settings, one record in the settings store. A stored time zone the
 * platform does not know (from older data or a hand-made file) is not used, since every date
 * computation would throw: the device's zone stands in, the record is kept as it is (the
 * learner's other settings with it), and the pages say so until a zone is chosen in Settings.
 */
import { defaultSettings, type SchedulingSettings } from '../srs/settings';
import { deviceTimeZone, isKnownZone, unknownZoneMessage } from './device-zone';
import { StorageError } from './errors';
import type { Kv, KvTx } from './kv';
import { readRecord, settingsToRecord } from './records';
import { putQuarantine } from './set-aside';
import { docIds, markChanged } from './sync-outbox';
import { deviceName, putSettingsChanged } from './sync-state';

const KEY = 'scheduling';

/** The stored settings (defaults when none), with the device's zone for one it does not know. */
export async function loadSettings(kv: Kv): Promise<SchedulingSettings> {
	// Asked even when settings are stored: it also tells srs/day.ts the device's zone.
	const zone = deviceTimeZone();
	const raw = await kv.run(['settings'], 'readonly', (tx) => tx.get('settings', KEY));
	if (raw === undefined) return defaultSettings(zone);
	const read = readRecord('settings', raw);
	if (read.ok) {
		const { settings } = read.value;
		return isKnownZone(settings.timeZone) ? settings : { ...settings, timeZone: zone };
	}
	await kv.run(['settings', 'quarantine'], 'readwrite', async (tx) => {
		putQuarantine(tx, 'settings', KEY, raw, read.error);
		tx.delete('settings', KEY);
	});
	return defaultSettings(zone);
}

/**
 * The FSRS weights every replay of the log uses: the settings' (null: ts-fsrs's defaults). A fit
 * applied (weights.ts) rebuilt the states under them, so a rebuild must use them too. With
 * `instead` (settings about to be stored, as a restore's), theirs.
 */
export async function weightsInForce(
	kv: Kv,
	instead?: SchedulingSettings | null
): Promise<number[] | null> {
	if (instead) return instead.weights ?? null;
	const raw = await kv.run(['settings'], 'readonly', (tx) => tx.get('settings', KEY));
	const read = raw === undefined ? null : readRecord('settings', raw);
	return (read?.ok && read.value.settings.weights) || null;
}

/** The stored settings' time zone when the platform does not know it, else null (one read). */
export async function unknownTimeZone(kv: Kv): Promise<string | null> {
	const raw = await kv.run(['settings'], 'readonly', (tx) => tx.get('settings', KEY));
	const zone = (raw as { settings?: { timeZone?: unknown } } | undefined)?.settings?.timeZone;
	return typeof zone === 'string' && !isKnownZone(zone) ? zone : null;
}

/**
 * Store the settings, with when and where they changed (the later change wins across devices:
 * sync-state.ts), and mark them to send.
 */
export async function saveSettings(
	kv: Kv,
	settings: SchedulingSettings,
	now = new Date()
): Promise<void> {
	if (!isKnownZone(settings.timeZone))
		throw new StorageError(`timeZone: ${unknownZoneMessage(settings.timeZone)}`);
	await kv.run(['settings', 'meta'], 'readwrite', async (tx) => putSettings(tx, settings, now));
}

/** In a read-write transaction over settings and meta: store the settings (see saveSettings). */
export function putSettings(tx: KvTx, settings: SchedulingSettings, now: Date): void {
	tx.put('settings', KEY, settingsToRecord(settings));
	putSettingsChanged(tx, { updatedAt: now.toISOString(), device: deviceName() });
	markChanged(tx, docIds.settings);
}

/** In a transaction over settings: the stored settings record, unchecked. */
export const SETTINGS_KEY = KEY;
