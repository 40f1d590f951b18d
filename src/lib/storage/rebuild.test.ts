import { describe, expect, test } from 'vitest';
import { checkAndRebuild } from './rebuild';
import { study } from './test-helpers';
import { freshRepo } from './test-helpers';
import type { Repository } from './repository';

/** Change stored state records behind the app's back. */
async function tamper(
	repo: Repository,
	write: (put: (k: string, v: unknown) => void, del: (k: string) => void) => void
) {
	await repo.kv.run(['states'], 'readwrite', async (tx) =>
		write(
			(k, v) => tx.put('states', k, v),
			(k) => tx.delete('states', k)
		)
	);
}

describe('check and rebuild', () => {
	test('states that agree with the log are left alone, and the report says so', async () => {
		const repo = await freshRepo();
		await study(repo, 4, 3);
		const before = await repo.loadStates();
		const report = await checkAndRebuild(repo);
		expect(report).toEqual({ facts: 4, log: 12, setAside: 0, added: [], changed: [], removed: [] });
		expect(await repo.loadStates()).toEqual(before);
	});

	test('a dropped, a changed and an extra state are repaired and named', async () => {
		const repo = await freshRepo();
		await study(repo, 4, 3);
		const expected = await repo.rebuildFromLog();
		const raw = (await repo.kv.run(['states'], 'readonly', (tx) => tx.get('states', 'd/f1'))) as {
			card: Record<string, unknown>;
		};
		await tamper(repo, (put, del) => {
			del('d/f0');
			put('d/f1', { ...raw, card: { ...raw.card, stability: 1e308 } });
			put('d/ghost', { ...raw, fact: 'ghost' });
		});
		const report = await checkAndRebuild(repo);
		expect(report).toMatchObject({
			facts: 4,
			added: ['d/f0'],
			changed: ['d/f1'],
			removed: ['d/ghost'],
			setAside: 0
		});
		expect(await repo.loadStates()).toEqual(expected);
		expect((await checkAndRebuild(repo)).changed).toEqual([]);
	});

	test('an unreadable state is set aside, counted, and rebuilt', async () => {
		const repo = await freshRepo();
		await study(repo, 2, 2);
		const expected = await repo.rebuildFromLog();
		await tamper(repo, (put) => put('d/f1', { schemaVersion: 2, card: 'garbage' }));
		const report = await checkAndRebuild(repo);
		expect(report.setAside).toBe(1);
		expect(await repo.loadStates()).toEqual(expected);
	});
});
