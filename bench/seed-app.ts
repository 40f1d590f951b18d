/**
 * Entry of a bundle that the app bench serves on the app's own origin (`/__bench/`): it fills
 * the app's database as a heavy learner's would be (a deck of their own with 10 000 facts,
 * each answered 10 times: 100 000 log entries), reads the fact-state store raw, and reports
 * the storage used. The app itself then runs against that data.
 */
import { deckToJson, importDeckJson } from '../src/lib/bank/deck-json';
import { bigDeck } from '../src/lib/bank/test-helpers';
import { statementHash } from '../src/lib/srs/keys';
import { saveDeck } from '../src/lib/storage/decks';
import { DB_NAME, STATES_REV } from '../src/lib/storage/kv';
import { Repository } from '../src/lib/storage/repository';
import { SNAPSHOT } from '../src/lib/storage/snapshot';
import { noteWrite } from '../src/lib/session/preview';
import { history, seed } from './workload';

export interface Seeded {
	deck: string;
	facts: number;
	logEntries: number;
}

declare global {
	interface Window {
		seedApp: (facts: number) => Promise<Seeded>;
		rawReadStates: () => Promise<{ ms: number; records: number }>;
		storageUsage: () => Promise<number | null>;
		snapshotCurrent: () => Promise<boolean>;
	}
}

window.seedApp = async (facts) => {
	// Opened as the app opens it: its writes rule out /study's prerendered question, as a
	// learner's answers would.
	const repo = await Repository.open(undefined, { onWrite: noteWrite });
	if (repo.status.backend !== 'indexeddb')
		throw new Error(`IndexedDB unavailable: ${repo.status.problem}`);
	const { deck, sourceText } = bigDeck(facts);
	const imported = importDeckJson(deckToJson(deck, sourceText), 'big.json');
	if (!imported.ok) throw new Error(imported.problems.join('\n'));
	const importedAt = new Date().toISOString();
	await saveDeck(
		repo,
		{ deck: imported.deck, importedAt, fileName: 'big.json', format: 'json' },
		[]
	);
	// Answered until two days ago (before the current study day, whatever the time zone): the
	// session finds the reviews due since, and today's log is still empty.
	const { states, events } = history(facts, 10, new Date(Date.now() - 48 * 3_600_000), {
		deck: deck.id,
		factId: (f) => deck.facts[f].id,
		statementHash: (f) => statementHash(deck.facts[f].statement)
	});
	await seed(repo, states, events);
	repo.kv.close();
	return { deck: deck.id, facts, logEntries: events.length };
};

/** One read of every record of the fact-state store, as stored: no validation, no conversion. */
window.rawReadStates = () =>
	new Promise((resolve, reject) => {
		const open = indexedDB.open(DB_NAME);
		open.onerror = () => reject(open.error);
		open.onsuccess = () => {
			const db = open.result;
			const start = performance.now();
			const get = db.transaction('states', 'readonly').objectStore('states').getAll();
			get.onerror = () => reject(get.error);
			get.onsuccess = () => {
				const ms = performance.now() - start;
				db.close();
				resolve({ ms, records: get.result.length });
			};
		};
	});

window.storageUsage = async () => (await navigator.storage.estimate()).usage ?? null;

/** Whether the stored snapshot of the states is at the states' current revision. */
window.snapshotCurrent = async () => {
	const repo = await Repository.open();
	try {
		return await repo.kv.run(['meta'], 'readonly', async (tx) => {
			const [rev, snapshot] = await Promise.all([
				tx.get('meta', STATES_REV),
				tx.get('meta', SNAPSHOT)
			]);
			return (snapshot as { rev?: unknown } | undefined)?.rev === (rev ?? 0);
		});
	} finally {
		repo.kv.close();
	}
};
