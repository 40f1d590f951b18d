import { describe, expect, test } from 'vitest';
import { SOURCE, makeDeck } from '../bank/test-helpers';
import { withSourceText } from '../bank/deck-json';
import { RULES_VERSION } from '../bank/rules-version';
import { exportBackup, importBackup, parseBackup } from './backup';
import { readSummaries, summaryOf, type DeckSummaryRecord } from './deck-summaries';
import type { DeckRecord } from './records';
import {
	checkedHash,
	deckToRecord,
	deleteDeck,
	loadDeck,
	loadSummaries,
	saveDeck,
	type StoredDeck
} from './decks';
import { checkAndRebuild } from './rebuild';
import { Repository } from './repository';
import type { StoreName } from './kv';
import { freshRepo } from './test-helpers';

function stored(id = 'mine', importedAt = '2026-02-01T10:00:00.000Z'): StoredDeck {
	return {
		deck: withSourceText(makeDeck({ id }), SOURCE),
		importedAt,
		fileName: `${id}.csv`,
		format: 'csv'
	};
}

const expected = (s: StoredDeck) => summaryOf(deckToRecord(s), s.deck);

const summaries = (repo: Repository) =>
	repo.kv.run(['deck-summaries'], 'readonly', (tx) => tx.entries('deck-summaries'));

async function putRaw(repo: Repository, store: StoreName, key: string, value: unknown) {
	await repo.kv.run([store], 'readwrite', async (tx) => tx.put(store, key, value));
}

describe('the decks’ summaries', () => {
	test('a saved deck’s summary is written in the same transaction as the deck', async () => {
		const writes: Array<readonly StoreName[]> = [];
		const repo = await Repository.open(`summaries-${Math.random()}`, {
			onWrite: (stores) => writes.push(stores)
		});
		writes.length = 0;
		await saveDeck(repo, stored(), []);
		expect(writes).toEqual([['decks', 'deck-summaries']]);
		expect(await summaries(repo)).toEqual([['mine', expected(stored())]]);
		const summary = expected(stored());
		expect(summary.source).not.toHaveProperty('text');
		const deck = stored().deck;
		expect(summary.facts).toEqual({
			ids: deck.facts.map((f) => f.id),
			hashes: deck.facts.map(() => expect.stringMatching(/^[0-9a-f]{8}$/)),
			topics: deck.facts.map((f) => f.topics.join(' '))
		});
		expect(summary.facts.ids[0]).toBe('shanti');
		expect(summary.topics).toEqual([{ id: 'nuclear', label: 'Nuclear' }]);
	});

	test('deleting a deck deletes its summary in the same transaction', async () => {
		const writes: Array<readonly StoreName[]> = [];
		const repo = await Repository.open(`summaries-${Math.random()}`, {
			onWrite: (stores) => writes.push(stores)
		});
		await saveDeck(repo, stored(), []);
		writes.length = 0;
		await deleteDeck(repo, 'mine', false);
		expect(writes).toEqual([['decks', 'deck-summaries']]);
		expect(await summaries(repo)).toEqual([]);
	});

	test('listing reads the summaries, not the decks', async () => {
		const repo = await freshRepo();
		const b = stored('b', '2026-02-02T10:00:00.000Z');
		await saveDeck(repo, b, []);
		await saveDeck(repo, stored('a'), []);
		// Were the decks read, this one would be set aside: the summary stands for it.
		const record = deckToRecord(stored('a'));
		await putRaw(repo, 'decks', 'a', { ...record, deckText: record.deckText + ' ' });
		expect(await loadSummaries(repo)).toEqual([expected(stored('a')), expected(b)]);
		expect(await repo.quarantinedCount()).toBe(0);
	});

	test('a missing or damaged summary is derived again from its deck, and stored', async () => {
		const repo = await freshRepo();
		await saveDeck(repo, stored('a'), []);
		await saveDeck(repo, stored('b'), []);
		await repo.kv.run(['deck-summaries'], 'readwrite', async (tx) => {
			tx.delete('deck-summaries', 'a');
			tx.put('deck-summaries', 'b', { ...expected(stored('b')), facts: 'not a list' });
		});
		const listed = await loadSummaries(repo);
		expect(listed.map((s) => s.id).sort()).toEqual(['a', 'b']);
		expect(new Map(await summaries(repo))).toEqual(
			new Map([
				['a', expected(stored('a'))],
				['b', expected(stored('b'))]
			])
		);
		// Derived, not lost: nothing is kept aside for a summary.
		expect(await repo.quarantinedCount()).toBe(0);
	});

	test('a summary of layout 1 (an object per fact) or with uneven fact columns is derived again', async () => {
		const repo = await freshRepo();
		await saveDeck(repo, stored('a'), []);
		await saveDeck(repo, stored('b'), []);
		const a = expected(stored('a'));
		const b = expected(stored('b'));
		const layout1 = {
			...a,
			layout: 1,
			facts: a.facts.ids.map((id, i) => ({
				id,
				statementHash: a.facts.hashes[i],
				topics: a.facts.topics[i].split(' ')
			}))
		};
		await putRaw(repo, 'deck-summaries', 'a', layout1);
		await putRaw(repo, 'deck-summaries', 'b', { ...b, facts: { ...b.facts, hashes: [] } });
		const read = await readSummaries(repo.kv);
		expect(read.stale.sort()).toEqual(['a', 'b']);
		expect(await loadSummaries(repo)).toEqual([a, b]);
		expect(new Map(await summaries(repo))).toEqual(
			new Map([
				['a', a],
				['b', b]
			])
		);
	});

	test('a summary derived under other rules is derived again, its deck checked in full', async () => {
		const repo = await freshRepo();
		await saveDeck(repo, stored(), []);
		const old: DeckSummaryRecord = {
			...expected(stored()),
			rules: RULES_VERSION - 1,
			title: 'Old'
		};
		await putRaw(repo, 'deck-summaries', 'mine', old);
		// The deck was passed under the older rules too: its mark no longer holds.
		await putRaw(repo, 'decks', 'mine', { ...deckToRecord(stored()), checked: 'older-rules' });
		const [listed] = await loadSummaries(repo);
		expect(listed.title).toBe('Test deck');
		expect(listed.rules).toBe(RULES_VERSION);
		const deck = (await repo.kv.run(['decks'], 'readonly', (tx) =>
			tx.get('decks', 'mine')
		)) as DeckRecord;
		// Checked in full, and marked as passed under these rules.
		expect(JSON.parse(deck.deckText!)).toEqual(stored().deck);
		expect(deck.checked).toBe(checkedHash(deck.deckText!));
		expect(listed.checked).toBe(deck.checked);
	});

	test('a deck without a current summary that no longer validates is set aside, summary and all', async () => {
		const repo = await freshRepo();
		await saveDeck(repo, stored('a'), []);
		await saveDeck(repo, stored('b'), []);
		const bad = stored('a');
		bad.deck = { ...bad.deck, source: { ...bad.deck.source, text: 'Some other text.' } };
		await putRaw(repo, 'decks', 'a', { ...deckToRecord(bad), checked: undefined });
		await repo.kv.run(['deck-summaries'], 'readwrite', async (tx) =>
			tx.delete('deck-summaries', 'a')
		);
		expect((await loadSummaries(repo)).map((s) => s.id)).toEqual(['b']);
		const aside = await repo.quarantined();
		expect(aside).toHaveLength(1);
		expect(aside[0]).toMatchObject({ store: 'decks', key: 'a' });
		expect(aside[0].error).toContain('quote does not occur verbatim');
		expect((await summaries(repo)).map(([k]) => k)).toEqual(['b']);
	});

	test('a summary whose deck is gone is not listed, and is deleted', async () => {
		const repo = await freshRepo();
		await saveDeck(repo, stored(), []);
		await repo.kv.run(['decks'], 'readwrite', async (tx) => tx.delete('decks', 'mine'));
		expect(await loadSummaries(repo)).toEqual([]);
		expect(await summaries(repo)).toEqual([]);
	});

	test('reading one deck: a bad one is set aside and its summary goes', async () => {
		const repo = await freshRepo();
		await saveDeck(repo, stored(), []);
		expect(await loadDeck(repo, 'mine')).toEqual(stored());
		expect(await loadDeck(repo, 'none')).toBeNull();
		const record = deckToRecord(stored());
		await putRaw(repo, 'decks', 'mine', { ...record, deckText: '{' });
		expect(await loadDeck(repo, 'mine')).toBeNull();
		expect((await repo.quarantined())[0]).toMatchObject({ store: 'decks', key: 'mine' });
		expect(await summaries(repo)).toEqual([]);
	});

	test('a backup carries no summaries; Replace and Merge derive them', async () => {
		const repo = await freshRepo();
		await saveDeck(repo, stored('a'), []);
		await saveDeck(repo, stored('b'), []);
		const backup = await exportBackup(repo);
		expect(Object.keys(backup)).not.toContain('deck-summaries');
		const file = JSON.stringify(backup);

		const replaced = await freshRepo();
		await saveDeck(replaced, stored('c'), []);
		await importBackup(replaced, parseBackup(file), 'replace');
		expect((await summaries(replaced)).map(([k]) => k)).toEqual(['a', 'b']);
		const a = (await replaced.kv.run(['decks'], 'readonly', (tx) =>
			tx.get('decks', 'a')
		)) as DeckRecord;
		expect((await summaries(replaced))[0][1]).toEqual(summaryOf(a, JSON.parse(a.deckText!)));

		const merged = await freshRepo();
		await saveDeck(merged, stored('c'), []);
		await importBackup(merged, parseBackup(file), 'merge');
		expect((await summaries(merged)).map(([k]) => k)).toEqual(['a', 'b', 'c']);
	});

	test('Check and rebuild derives every summary again', async () => {
		const repo = await freshRepo();
		await saveDeck(repo, stored(), []);
		await putRaw(repo, 'deck-summaries', 'mine', { ...expected(stored()), title: 'Wrong' });
		await putRaw(repo, 'deck-summaries', 'gone', { ...expected(stored('gone')) });
		await checkAndRebuild(repo);
		expect(await summaries(repo)).toEqual([['mine', expected(stored())]]);
	});
});
