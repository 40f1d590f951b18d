import { describe, expect, test } from 'vitest';
import { SOURCE, makeDeck } from '../bank/test-helpers';
import { withSourceText } from '../bank/deck-json';
import { emptyDraft, setArticle } from '../bank/draft';
import { makeSettings } from '../srs/test-helpers';
import { backupFile, backupParts, exportBackup, type Backup } from './backup-export';
import { importBackup, parseBackup } from './backup';
import { saveDeck } from './decks';
import { saveDraft } from './drafts';
import { rawEntries } from './log-days';
import type { Phase } from './progress';
import { freshRepo, study } from './test-helpers';

const NOW = new Date('2026-02-01T00:00:00Z');

/** A learner with something in every store a backup holds. */
async function fullRepo() {
	const repo = await freshRepo();
	await repo.saveSettings(makeSettings({ desiredRetention: 0.85 }));
	await study(repo, 6, 4);
	await saveDeck(
		repo,
		{
			deck: withSourceText(makeDeck({ id: 'mine' }), SOURCE),
			importedAt: '2026-02-01T10:00:00.000Z',
			fileName: 'mine.csv',
			format: 'csv'
		},
		[]
	);
	const set = setArticle(emptyDraft('a', NOW), {
		text: 'One paragraph with “quotes”,\nand a line break.',
		published: '2026-01-13'
	});
	if (!set.ok) throw new Error(set.message);
	await saveDraft(repo, { ...set.draft, title: 'A draft' });
	return repo;
}

describe("the backup file's text", () => {
	test('is exactly JSON.stringify(backup, null, 1), the format files have always had', async () => {
		const backup = await exportBackup(await fullRepo(), NOW);
		expect(backup.log.length).toBe(24);
		expect(backup.decks).toHaveLength(1);
		expect(backup.drafts).toHaveLength(1);
		expect(backupParts(backup).join('')).toBe(JSON.stringify(backup, null, 1));
		expect(await backupFile(backup).text()).toBe(JSON.stringify(backup, null, 1));
		const empty = await exportBackup(await freshRepo(), NOW);
		expect(backupParts(empty).join('')).toBe(JSON.stringify(empty, null, 1));
	});

	test('holds for what JSON writes its own way: empty and nested lists, holes, text', () => {
		const odd = {
			format: 'current-affairs-recall-backup',
			empty: [],
			none: {},
			gone: undefined,
			when: new Date(0),
			log: [{ a: [1, [2, {}], []], s: 'line\nbreak "quoted" \u2028 ✓' }, undefined, null, 'x'],
			// A list longer than a step, with a hole in it.
			states: Object.assign(new Array(2500).fill({ k: 1 }), { 1200: undefined })
		} as unknown as Backup;
		delete (odd.states as unknown[])[1300];
		expect(backupParts(odd).join('')).toBe(JSON.stringify(odd, null, 1));
		expect(backupParts({} as Backup).join('')).toBe(JSON.stringify({}, null, 1));
	});

	test('is built a step at a time, reporting its progress, and reads back whole', async () => {
		const repo = await fullRepo();
		const heard: Array<[number, number, Phase]> = [];
		const backup = await exportBackup(repo, NOW, { onProgress: (...p) => heard.push(p) });
		const text = await backupFile(backup, { onProgress: (...p) => heard.push(p) }).text();
		const gathering = heard.filter(([, , phase]) => phase === 'gathering');
		const encoding = heard.filter(([, , phase]) => phase === 'encoding');
		expect(gathering[0][0]).toBe(0);
		expect(gathering.at(-1)?.[0]).toBe(gathering[0][1]);
		// 6 states, 24 log entries, a deck, a draft.
		expect(encoding.at(-1)).toEqual([32, 32, 'encoding']);
		const target = await freshRepo();
		await importBackup(target, parseBackup(text), 'replace');
		expect((await exportBackup(target, NOW)).log).toEqual(backup.log);
	});
});

describe('the export reads in steps, in one transaction', () => {
	test('every record once, in key order, across the steps of each store', async () => {
		const repo = await freshRepo();
		// More records than a step of each size (raw: the export copies them, it does not check).
		await repo.kv.run(['states', 'log', 'decks'], 'readwrite', async (tx) => {
			for (let i = 0; i < 2100; i++) tx.put('states', `d/f${String(i).padStart(5, '0')}`, { i });
			for (let d = 0; d < 60; d++) {
				const day = `2026-01-${String(d).padStart(2, '0')}`;
				tx.put('log', day, { day, entries: [{ id: `${day}-a` }, { id: `${day}-b` }] });
			}
			for (let i = 0; i < 70; i++) tx.put('decks', `deck-${i}`, { id: `deck-${i}` });
		});
		const heard: number[] = [];
		const backup = await exportBackup(repo, NOW, { onProgress: (done) => heard.push(done) });
		const whole = await repo.kv.run(['states', 'log', 'decks'], 'readonly', async (tx) => ({
			states: await tx.values('states'),
			log: await rawEntries(tx),
			decks: await tx.values('decks')
		}));
		expect(backup.states).toEqual(whole.states);
		expect(backup.states).toHaveLength(2100);
		expect(backup.log).toEqual(whole.log);
		expect(backup.log).toHaveLength(120);
		expect(backup.decks).toEqual(whole.decks);
		// A report per step: 3 of states, 3 of days, 3 of decks, after the first (0).
		expect(heard).toEqual([0, 1000, 2000, 2100, 2125, 2150, 2160, 2185, 2210, 2230]);
	});
});
