import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import { FORGETFUL } from '../srs/fit-test-helpers';
import { replay } from '../srs/memory';
import { checkAndRebuild } from './rebuild';
import { loadSettings } from './settings';
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
});
