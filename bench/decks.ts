/**
 * Deck files at size: a deck of 6000 facts and 6000 questions (a CSV of over 5 MB), read and
 * validated from CSV and from JSON, exported to CSV, JSON and Anki text, and stored and read
 * back (validated again) through the repository. Runs in Node and in the browser alike.
 */
import { deckToAnki } from '../src/lib/bank/anki';
import { deckToCsv, importDeckCsv } from '../src/lib/bank/csv';
import { deckToJson, importDeckJson } from '../src/lib/bank/deck-json';
import { bigDeck } from '../src/lib/bank/test-helpers';
import { loadDecks, saveDeck } from '../src/lib/storage/decks';
import type { Repository } from '../src/lib/storage/repository';

export interface DeckBenchResult {
	facts: number;
	csvBytes: number;
	jsonBytes: number;
	csvImportMs: number;
	jsonImportMs: number;
	csvExportMs: number;
	jsonExportMs: number;
	ankiExportMs: number;
	storeMs: number;
	loadMs: number;
}

function timed<T>(f: () => T): [T, number] {
	const t = performance.now();
	const out = f();
	return [out, performance.now() - t];
}

export async function runDeckBench(repo: Repository, count = 6000): Promise<DeckBenchResult> {
	const { deck, sourceText } = bigDeck(count);
	const [csv, csvExportMs] = timed(() => deckToCsv(deck, sourceText));
	const [json, jsonExportMs] = timed(() => deckToJson(deck, sourceText));
	const [, ankiExportMs] = timed(() => deckToAnki(deck));
	const [fromCsv, csvImportMs] = timed(() => importDeckCsv(csv, 'big.csv'));
	const [fromJson, jsonImportMs] = timed(() => importDeckJson(json, 'big.json'));
	if (!fromCsv.ok || !fromJson.ok) throw new Error('the bench deck did not import');
	const stored = {
		deck: fromCsv.deck,
		importedAt: new Date().toISOString(),
		fileName: 'big.csv',
		format: 'csv' as const
	};
	let t = performance.now();
	await saveDeck(repo, stored, []);
	const storeMs = performance.now() - t;
	t = performance.now();
	const loaded = await loadDecks(repo);
	const loadMs = performance.now() - t;
	if (loaded.length !== 1) throw new Error('the bench deck did not load back');
	return {
		facts: count,
		csvBytes: new TextEncoder().encode(csv).length,
		jsonBytes: new TextEncoder().encode(json).length,
		csvImportMs,
		jsonImportMs,
		csvExportMs,
		jsonExportMs,
		ankiExportMs,
		storeMs,
		loadMs
	};
}
