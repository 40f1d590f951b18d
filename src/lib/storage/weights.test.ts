import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import { FORGETFUL } from '../srs/fit-test-helpers';
import { Rating } from '../srs/fsrs-enums';
import { apply, replay } from '../srs/memory';
import { scheduleParams } from '../srs/settings';
import { makeReview } from '../srs/test-helpers';
import { exportBackup, importBackup, parseBackup } from './backup';
import { checkAndRebuild } from './rebuild';
import { loadSettings } from './settings';
import { mergeIncoming } from './sync-merge';
import { docIds } from './sync-outbox';
import { freshRepo, study } from './test-helpers';
import { applyWeights } from './weights';

describe('putting FSRS weights in force', () => {
	test('the states become exactly a fresh replay of the log under the new weights', async () => {
		const repo = await freshRepo();
		await study(repo, 5, 6);
		const { events } = await repo.readLog();
		const underDefaults = await repo.loadStates();
		expect(underDefaults).toEqual(replay(events));

		const repairs = await applyWeights(repo, FORGETFUL, new Date('2026-02-01T00:00:00Z'));
		expect(repairs.changed).toHaveLength(5);
		expect(await repo.loadStates({ fromRecords: true })).toEqual(replay(events, FORGETFUL));
		const settings = await loadSettings(repo.kv);
		expect(settings.weights).toEqual(FORGETFUL);
		expect(settings.previousWeights).toBeNull();
		// Every later rebuild uses the weights in force: nothing to repair.
		expect((await checkAndRebuild(repo)).changed).toEqual([]);
		expect(await repo.rebuildFromLog()).toEqual(replay(events, FORGETFUL));
	});

	test('restoring the previous weights (the defaults) gives the states back as they were', async () => {
		const repo = await freshRepo();
		await study(repo, 3, 5);
		const before = await repo.loadStates();
		await applyWeights(repo, FORGETFUL, new Date('2026-02-01T00:00:00Z'));
		const { previousWeights } = await loadSettings(repo.kv);
		await applyWeights(repo, previousWeights ?? null, new Date('2026-02-02T00:00:00Z'));
		expect(await repo.loadStates({ fromRecords: true })).toEqual(before);
		const settings = await loadSettings(repo.kv);
		expect(settings.weights).toBeUndefined();
		expect(settings.previousWeights).toEqual(FORGETFUL);
	});

	test('a backup carries the weights: Replace restores them, with the states under them', async () => {
		const repo = await freshRepo();
		await study(repo, 4, 5);
		await applyWeights(repo, FORGETFUL, new Date('2026-02-01T00:00:00Z'));
		const file = JSON.parse(JSON.stringify(await exportBackup(repo)));
		expect(file.settings.settings.weights).toEqual(FORGETFUL);

		const other = await freshRepo();
		await importBackup(other, parseBackup(JSON.stringify(file)), 'replace');
		const { events } = await other.readLog();
		expect((await loadSettings(other.kv)).weights).toEqual(FORGETFUL);
		expect(await other.loadStates({ fromRecords: true })).toEqual(replay(events, FORGETFUL));

		// Merged into a device still on the defaults: its own settings stay, and so do its weights.
		const plain = await freshRepo();
		await importBackup(plain, parseBackup(JSON.stringify(file)), 'merge');
		expect((await loadSettings(plain.kv)).weights).toBeUndefined();
		expect(await plain.loadStates({ fromRecords: true })).toEqual(
			replay((await plain.readLog()).events, null)
		);
	});

	test('an answer after a fit names the fitted set, stored once and read back', async () => {
		const repo = await freshRepo();
		await study(repo, 2, 2);
		await applyWeights(repo, FORGETFUL, new Date('2026-02-01T00:00:00Z'));
		const params = scheduleParams(await loadSettings(repo.kv));
		const state = (await repo.loadState('d/f0'))!;
		const event = makeReview(new Date('2026-02-02T10:00:00Z'), Rating.Good, {
			fact: 'f0',
			params,
			stateBefore: state.card.state
		});
		await repo.commit([{ expected: state.lastEvent, next: apply(state, event) }], [event]);
		const { events } = await repo.readLog();
		const last = events.at(-1)!;
		expect(last.kind === 'review' ? last.params.weights : null).toEqual(FORGETFUL);
		expect(await repo.loadStates({ fromRecords: true })).toEqual(replay(events, FORGETFUL));
		expect((await checkAndRebuild(repo)).changed).toEqual([]);
	});

	test('settings synced from a device that applied a fit replay every fact here', async () => {
		const repo = await freshRepo();
		await study(repo, 3, 4);
		const { events } = await repo.readLog();
		const theirs = { ...(await loadSettings(repo.kv)), weights: [...FORGETFUL] };
		const result = await mergeIncoming(repo, [
			{
				id: docIds.settings,
				deleted: false,
				body: {
					kind: 'settings',
					settings: theirs,
					updatedAt: '2030-01-01T00:00:00.000Z',
					device: 'tablet'
				}
			}
		]);
		expect(result.settingsFrom).toEqual({ device: 'tablet', at: '2030-01-01T00:00:00.000Z' });
		expect(result.rebuilt).toBe(3);
		expect(await repo.loadStates({ fromRecords: true })).toEqual(replay(events, FORGETFUL));
	});
});
