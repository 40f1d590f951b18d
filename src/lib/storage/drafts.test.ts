import { describe, expect, test } from 'vitest';
import { Rating } from 'ts-fsrs';
import { addFact, deckToDraft, emptyDraft, setArticle, type DeckDraft } from '../bank/draft';
import { TEMPLATE_DECK, TEMPLATE_SOURCE } from '../bank/csv-template';
import { withSourceText } from '../bank/deck-json';
import { apply, memoryKey, newMemory, statementHash } from '../srs/memory';
import { makeReview } from '../srs/test-helpers';
import { exportBackup, importBackup, parseBackup } from './backup';
import { loadDeck } from './decks';
import { readSummaries } from './deck-summaries';
import { deleteDraft, listDrafts, loadDraft, publishDeck, saveDraft } from './drafts';
import { StaleRecordError } from './errors';
import { Repository } from './repository';
import { freshRepo } from './test-helpers';

const NOW = new Date('2026-01-14T08:00:00Z');

function draft(id: string, title = 'A deck'): DeckDraft {
	const d = { ...emptyDraft(id, NOW), title };
	const r = setArticle(d, { text: 'One paragraph.\n\nAnother one.', published: '2026-01-13' });
	if (!r.ok) throw new Error(r.message);
	const f = addFact(r.draft, { start: 0, end: 14 });
	if (!f.ok) throw new Error(f.message);
	return f.draft;
}

describe('the drafts store', () => {
	test('save, load, list (newest change first) and delete', async () => {
		const repo = await freshRepo();
		const a = draft('a', 'First');
		const b = { ...draft('b', 'Second'), updatedAt: '2026-01-15T00:00:00.000Z' };
		await saveDraft(repo, a);
		await saveDraft(repo, b);
		expect(await loadDraft(repo, 'a')).toEqual({ ok: true, draft: a });
		expect(await loadDraft(repo, 'missing')).toBeNull();
		const { drafts, damaged } = await listDrafts(repo);
		expect(damaged).toEqual([]);
		expect(drafts.map((d) => [d.draftId, d.title, d.facts, d.questions])).toEqual([
			['b', 'Second', 1, 0],
			['a', 'First', 1, 0]
		]);
		await deleteDraft(repo, 'a');
		expect((await listDrafts(repo)).drafts.map((d) => d.draftId)).toEqual(['b']);
	});

	test('a save is one put that replaces the draft', async () => {
		const repo = await freshRepo();
		await saveDraft(repo, draft('a', 'First'));
		await saveDraft(repo, draft('a', 'Renamed'));
		const { drafts } = await listDrafts(repo);
		expect(drafts.map((d) => d.title)).toEqual(['Renamed']);
	});

	test('a damaged draft is set aside and reported; the others are listed', async () => {
		const repo = await freshRepo();
		await saveDraft(repo, draft('good'));
		await repo.kv.run(['drafts'], 'readwrite', async (tx) =>
			tx.put('drafts', 'bad', {
				schemaVersion: 2,
				savedAt: NOW.toISOString(),
				draft: { draftId: 'bad', facts: 'no' }
			})
		);
		const { drafts, damaged } = await listDrafts(repo);
		expect(drafts.map((d) => d.draftId)).toEqual(['good']);
		expect(damaged).toEqual([{ draftId: 'bad', error: expect.stringMatching(/^draft\./) }]);
		const aside = await repo.quarantined();
		expect(aside.map((q) => [q.store, q.key])).toEqual([['drafts', 'bad']]);
		expect(await loadDraft(repo, 'bad')).toBeNull();
	});

	test('a database of version 6 gains the drafts store, its data kept', async () => {
		const name = `upgrade6-${Math.random()}`;
		const old = await new Promise<IDBDatabase>((resolve, reject) => {
			const request = indexedDB.open(name, 6);
			request.onupgradeneeded = () => {
				const stores = ['states', 'log', 'settings', 'meta', 'quarantine', 'decks', 'attempts'];
				for (const s of [...stores, 'deck-summaries', 'log-times'])
					request.result.createObjectStore(s);
			};
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
		await new Promise((resolve) => {
			const tx = old.transaction('settings', 'readwrite');
			tx.objectStore('settings').put('kept', 'marker');
			tx.oncomplete = resolve;
		});
		old.close();
		const repo = await Repository.open(name);
		await saveDraft(repo, draft('a'));
		expect((await listDrafts(repo)).drafts).toHaveLength(1);
		expect(await repo.kv.run(['settings'], 'readonly', (tx) => tx.get('settings', 'marker'))).toBe(
			'kept'
		);
		repo.kv.close();
	});
});

describe('drafts in backups', () => {
	test('exported, and restored by Replace', async () => {
		const source = await freshRepo();
		await saveDraft(source, draft('a', 'Mine'));
		const file = JSON.stringify(await exportBackup(source));
		const target = await freshRepo();
		await saveDraft(target, draft('other'));
		await importBackup(target, parseBackup(file), 'replace');
		expect((await listDrafts(target)).drafts.map((d) => d.title)).toEqual(['Mine']);
	});

	test('Merge adds drafts by id and keeps one here that differs, naming it', async () => {
		const source = await freshRepo();
		await saveDraft(source, draft('a', 'From the file'));
		await saveDraft(source, draft('b', 'New here'));
		const file = JSON.stringify(await exportBackup(source));
		const target = await freshRepo();
		await saveDraft(target, draft('a', 'Kept here'));
		const result = await importBackup(target, parseBackup(file), 'merge');
		expect(result.kept).toEqual(['drafts/a']);
		const titles = (await listDrafts(target)).drafts.map((d) => d.title).sort();
		expect(titles).toEqual(['Kept here', 'New here']);
	});

	test('a damaged draft in a file refuses the file, naming it', async () => {
		const source = await freshRepo();
		const backup = await exportBackup(source);
		const file = JSON.stringify({
			...backup,
			drafts: [{ schemaVersion: 2, savedAt: 'x', draft: {} }]
		});
		expect(() => parseBackup(file)).toThrow(/drafts\[0\]/);
	});
});

describe('publishing', () => {
	const deck = withSourceText(TEMPLATE_DECK, TEMPLATE_SOURCE);
	const fact = deck.facts[0];

	test('the deck and its summary are stored and the draft removed, in one go', async () => {
		const repo = await freshRepo();
		const d = deckToDraft(deck, { draftId: 'w1', now: NOW, as: 'own' });
		await saveDraft(repo, d);
		await publishDeck(repo, {
			stored: {
				deck,
				importedAt: NOW.toISOString(),
				fileName: 'Written in the app',
				format: 'written'
			},
			draftId: 'w1',
			reserved: [],
			changes: [],
			events: []
		});
		expect((await loadDeck(repo, deck.id))?.deck).toEqual(deck);
		expect((await readSummaries(repo.kv)).current.has(deck.id)).toBe(true);
		expect(await loadDraft(repo, 'w1')).toBeNull();
	});

	test('a restatement goes to the log with its state; a replay of the log gives the same state', async () => {
		const repo = await freshRepo();
		const review = makeReview('2026-01-13T09:00:00Z', Rating.Good, {
			deck: deck.id,
			fact: fact.id,
			statementHash: statementHash('old wording')
		});
		const reviewed = apply(newMemory(deck.id, fact.id), review);
		await repo.commit([{ expected: null, next: reviewed }], [review]);
		const restate = {
			id: 'r1',
			deck: deck.id,
			fact: fact.id,
			at: NOW,
			kind: 'restate' as const,
			statementHash: statementHash(fact.statement),
			keep: true
		};
		const next = apply(reviewed, restate);
		const publication = {
			stored: {
				deck,
				importedAt: NOW.toISOString(),
				fileName: 'Written in the app',
				format: 'written' as const
			},
			draftId: 'w1',
			reserved: [],
			changes: [{ expected: reviewed.lastEvent, next }],
			events: [restate]
		};
		await publishDeck(repo, publication);
		const { events, bad } = await repo.readLog();
		expect(bad).toBe(0);
		expect(events).toEqual([review, restate]);
		expect(await repo.loadState(memoryKey(deck.id, fact.id))).toEqual(next);
		expect((await repo.rebuildFromLog()).get(memoryKey(deck.id, fact.id))).toEqual(next);
		// The restatement travels in a backup and replays alike.
		const target = await freshRepo();
		await importBackup(target, parseBackup(JSON.stringify(await exportBackup(repo))), 'replace');
		expect(await target.loadState(memoryKey(deck.id, fact.id))).toEqual(next);

		// Published again from a stale read: refused whole, nothing written.
		await expect(
			publishDeck(repo, { ...publication, events: [{ ...restate, id: 'r2' }] })
		).rejects.toBeInstanceOf(StaleRecordError);
		expect((await repo.readLog()).events).toHaveLength(2);
	});

	test("a built-in deck's id is refused", async () => {
		const repo = await freshRepo();
		await expect(
			publishDeck(repo, {
				stored: { deck, importedAt: NOW.toISOString(), fileName: 'x', format: 'written' },
				draftId: 'w1',
				reserved: [deck.id],
				changes: [],
				events: []
			})
		).rejects.toThrow(/built-in deck/);
	});
});
