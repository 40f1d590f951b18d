import { describe, expect, test } from 'vitest';
import { Rating } from 'ts-fsrs';
import { SOURCE, makeDeck } from '../bank/test-helpers';
import { withSourceText } from '../bank/deck-json';
import { apply, memoryKey, newMemory } from '../srs/memory';
import { makeReview } from '../srs/test-helpers';
import { exportBackup, importBackup, parseBackup } from './backup';
import {
	checkedHash,
	deckToRecord,
	deleteDeck,
	loadDecks,
	readDeckRecord,
	saveDeck,
	type StoredDeck
} from './decks';
import { freshRepo } from './test-helpers';
import type { Repository } from './repository';

function stored(id = 'mine'): StoredDeck {
	return {
		deck: withSourceText(makeDeck({ id }), SOURCE),
		importedAt: '2026-02-01T10:00:00.000Z',
		fileName: `${id}.csv`,
		format: 'csv'
	};
}

/** Study one fact of deck `deck` once, as a session would. */
async function studyFact(repo: Repository, deck: string, fact: string, id: string) {
	const state = newMemory(deck, fact);
	const event = {
		...makeReview(new Date('2026-02-02T10:00:00Z'), Rating.Good, { fact }),
		id,
		deck
	};
	await repo.commit([{ expected: null, next: apply(state, event) }], [event]);
}

describe('the learner’s own decks', () => {
	test('a saved deck loads back equal, source text and all', async () => {
		const repo = await freshRepo();
		await saveDeck(repo, stored(), ['india-us-2026-01']);
		expect(await loadDecks(repo)).toEqual([stored()]);
	});

	test('a deck may not take a built-in deck’s id', async () => {
		const repo = await freshRepo();
		await expect(saveDeck(repo, stored('india-us-2026-01'), ['india-us-2026-01'])).rejects.toThrow(
			'A built-in deck already has the id "india-us-2026-01": give your deck another id'
		);
		expect(await loadDecks(repo)).toEqual([]);
	});

	test('a deck changed since the validator passed it is checked again in full', async () => {
		const repo = await freshRepo();
		await saveDeck(repo, stored(), []);
		// The deck changes under its old mark (a bug, a damaged disk): the mark no longer matches.
		await repo.kv.run(['decks'], 'readwrite', async (tx) => {
			const record = (await tx.get('decks', 'mine')) as ReturnType<typeof deckToRecord>;
			const deck = JSON.parse(record.deckText!) as StoredDeck['deck'];
			tx.put('decks', 'mine', {
				...record,
				deckText: JSON.stringify({ ...deck, source: { ...deck.source, text: 'Some other text.' } })
			});
		});
		expect(await loadDecks(repo)).toEqual([]);
		expect((await repo.quarantined())[0].error).toContain('quote does not occur verbatim');
	});

	test('a deck stored without the mark is checked in full, then marked', async () => {
		const repo = await freshRepo();
		const { checked, ...unmarked } = deckToRecord(stored());
		expect(checked).toBe(checkedHash(JSON.stringify(stored().deck)));
		await repo.kv.run(['decks'], 'readwrite', async (tx) => tx.put('decks', 'mine', unmarked));
		expect(await loadDecks(repo)).toEqual([stored()]);
		const record = (await repo.kv.run(['decks'], 'readonly', (tx) =>
			tx.get('decks', 'mine')
		)) as ReturnType<typeof deckToRecord>;
		expect(JSON.parse(record.deckText!)).toEqual(stored().deck);
		expect(record.checked).toBe(checkedHash(record.deckText!));
	});

	test('a deck stored as objects (records written before) reads the same, and is rewritten as text', async () => {
		const repo = await freshRepo();
		const { deckText, ...rest } = deckToRecord(stored());
		const older = { ...rest, deck: JSON.parse(deckText!) };
		await repo.kv.run(['decks'], 'readwrite', async (tx) => tx.put('decks', 'mine', older));
		expect(await loadDecks(repo)).toEqual([stored()]);
		const record = (await repo.kv.run(['decks'], 'readonly', (tx) =>
			tx.get('decks', 'mine')
		)) as ReturnType<typeof deckToRecord>;
		expect(record).toEqual(deckToRecord(stored()));
		expect(await loadDecks(repo)).toEqual([stored()]);
	});

	test('a record with both layouts, or neither, or text that is not JSON, is kept aside', async () => {
		const repo = await freshRepo();
		const record = deckToRecord(stored());
		const cases: Array<[string, unknown, string]> = [
			['both', { ...record, deck: stored().deck }, 'deckText or as deck, one of them'],
			['neither', { ...record, deckText: undefined }, 'deckText or as deck, one of them'],
			['broken', { ...record, deckText: '{"id": "mine",' }, 'deckText: not JSON']
		];
		await repo.kv.run(['decks'], 'readwrite', async (tx) => {
			for (const [key, value] of cases) tx.put('decks', key, { ...(value as object), id: key });
		});
		expect(await loadDecks(repo)).toEqual([]);
		const aside = await repo.quarantined();
		for (const [key, , error] of cases)
			expect(aside.find((q) => q.key === key)?.error).toContain(error);
	});

	test('a mark that comes with the record (a backup file) is not trusted', () => {
		const bad = stored();
		bad.deck = { ...bad.deck, source: { ...bad.deck.source, text: 'Some other text.' } };
		const forged = deckToRecord(bad);
		expect(readDeckRecord(forged, { trustChecked: true }).ok).toBe(true);
		const read = readDeckRecord(forged);
		expect(read.ok).toBe(false);
		expect(!read.ok && read.error).toContain('quote does not occur verbatim');
	});

	test('a stored deck that no longer validates is kept aside and reported, not dropped', async () => {
		const repo = await freshRepo();
		const bad = stored();
		bad.deck = { ...bad.deck, source: { ...bad.deck.source, text: 'Some other text.' } };
		await repo.kv.run(['decks'], 'readwrite', async (tx) =>
			tx.put('decks', 'mine', { schemaVersion: 2, id: 'mine', ...bad })
		);
		expect(await loadDecks(repo)).toEqual([]);
		const aside = await repo.quarantined();
		expect(aside).toHaveLength(1);
		expect(aside[0]).toMatchObject({ store: 'decks', key: 'mine' });
		expect(aside[0].error).toContain('quote does not occur verbatim in the source text');
	});

	test('deleting a deck keeps its progress unless asked to drop it', async () => {
		const repo = await freshRepo();
		await saveDeck(repo, stored('a'), []);
		await saveDeck(repo, stored('b'), []);
		await studyFact(repo, 'a', 'shanti', 'e1');
		await studyFact(repo, 'b', 'shanti', 'e2');

		expect(await deleteDeck(repo, 'a', false)).toEqual({ states: 0, log: 0 });
		expect((await repo.loadStates()).has(memoryKey('a', 'shanti'))).toBe(true);

		await saveDeck(repo, stored('a'), []);
		expect(await deleteDeck(repo, 'a', true)).toEqual({ states: 1, log: 1 });
		const states = await repo.loadStates();
		expect([...states.keys()]).toEqual([memoryKey('b', 'shanti')]);
		expect((await repo.readLog()).events.map((e) => e.id)).toEqual(['e2']);
		expect((await loadDecks(repo)).map((d) => d.deck.id)).toEqual(['b']);
	});

	test('decks travel in the backup: export, then import into an empty browser', async () => {
		const repo = await freshRepo();
		await saveDeck(repo, stored(), []);
		const file = JSON.stringify(await exportBackup(repo));
		const other = await freshRepo();
		await importBackup(other, parseBackup(file), 'replace');
		expect(await loadDecks(other)).toEqual([stored()]);
	});

	test('merging a backup adds its decks and keeps a deck already here', async () => {
		const repo = await freshRepo();
		await saveDeck(repo, stored('a'), []);
		await saveDeck(repo, stored('b'), []);
		const file = JSON.stringify(await exportBackup(repo));
		const other = await freshRepo();
		const mine = { ...stored('a'), fileName: 'kept.json', format: 'json' as const };
		await saveDeck(other, mine, []);
		await importBackup(other, parseBackup(file), 'merge');
		expect(await loadDecks(other)).toEqual([mine, stored('b')]);
	});

	test('a backup whose deck is broken is refused whole', async () => {
		const repo = await freshRepo();
		await saveDeck(repo, stored(), []);
		const backup = await exportBackup(repo);
		(backup.decks[0].deck as { facts: unknown[] }).facts[0] = { id: 'Bad Id' };
		expect(() => parseBackup(JSON.stringify(backup))).toThrow(
			/decks\[0\]: deck "mine": fact "Bad Id": id: must be a kebab-case slug/
		);
	});
});
