/**
 * A year's backup file, synthetic but valid, written with the app's own record code: 300 decks
 * of the learner's own (40 facts and 40 questions each), 10 000 of their facts answered 10 times
 * each (100 000 log entries) and their 10 000 states. For measuring a restore at the scale of
 * docs/ARCHITECTURE.md ("Work off the main thread"), and for tests/restore.spec.ts at a smaller
 * scale. Usage: `npx tsx scripts/year-backup.ts out.json [facts] [decks]`.
 */
import { writeFileSync } from 'node:fs';
import { deckToJson, importDeckJson } from '../src/lib/bank/deck-json';
import { bigDeck } from '../src/lib/bank/test-helpers';
import { paramsId, statementHash } from '../src/lib/srs/keys';
import { apply, newMemory, type MemoryEvent, type MemoryState } from '../src/lib/srs/memory';
import { defaultSettings, scheduleParams } from '../src/lib/srs/settings';
import { prng } from '../src/lib/srs/shuffle';
import { BACKUP_FORMAT } from '../src/lib/storage/backup';
import { eventToRecord, stateToRecord } from '../src/lib/storage/convert';
import { deckRecordForBackup, deckToRecord } from '../src/lib/storage/decks';
import { SCHEMA_VERSION } from '../src/lib/storage/records';

const ANSWERS = 10;

/** The backup's content: `decks` decks of 40 facts, the first `facts` answered 10 times each. */
export function yearBackup(
	facts = 10_000,
	deckCount = 300,
	end = new Date('2026-11-30T12:00:00Z')
) {
	const settings = defaultSettings('Asia/Kolkata');
	const params = scheduleParams(settings);
	const rand = prng(7);
	const decks = [];
	const states: MemoryState[] = [];
	const log: MemoryEvent[] = [];
	let n = 0;
	for (let d = 0; d < deckCount; d++) {
		const { deck: base, sourceText } = bigDeck(40);
		const deck = { ...base, id: `year-${d}`, title: `Current affairs, article ${d + 1}` };
		const read = importDeckJson(deckToJson(deck, sourceText), `year-${d}.json`);
		if (!read.ok) throw new Error(read.problems.join('\n'));
		const importedAt = new Date(end.getTime() - 365 * 86_400_000).toISOString();
		const stored = { deck: read.deck, importedAt, fileName: `year-${d}.json`, format: 'json' };
		decks.push(deckRecordForBackup(deckToRecord(stored as Parameters<typeof deckToRecord>[0])));
		for (const fact of read.deck.facts) {
			if (states.length === facts) break;
			let s = newMemory(deck.id, fact.id);
			let at = new Date(end.getTime() - (300 - rand() * 40) * 86_400_000);
			for (let i = 0; i < ANSWERS; i++) {
				const rating = (rand() < 0.1 ? 1 : 3) as 1 | 3;
				const e: MemoryEvent = {
					...{ id: `y${++n}`, deck: deck.id, fact: fact.id, at, kind: 'review', rating },
					...{ correct: rating > 1, question: `${fact.id}-mcq`, questionType: 'mcq' },
					...{ durationMs: 4000 + Math.round(rand() * 8000), source: 'review', params },
					...{ statementHash: statementHash(fact.statement), stateBefore: s.card.state }
				};
				s = apply(s, e);
				log.push(e);
				const latest = end.getTime() - (ANSWERS - i) * 3_600_000;
				at = new Date(Math.max(at.getTime() + 60_000, Math.min(s.card.due.getTime(), latest)));
			}
			states.push(s);
		}
	}
	return {
		format: BACKUP_FORMAT,
		schemaVersion: SCHEMA_VERSION,
		exportedAt: end.toISOString(),
		settings: { schemaVersion: SCHEMA_VERSION, settings },
		params: { [paramsId(params)]: params },
		states: states.map(stateToRecord),
		log: log.map(eventToRecord),
		attempts: [],
		decks
	};
}

if (process.argv[1]?.endsWith('year-backup.ts')) {
	const [out, facts, decks] = process.argv.slice(2);
	if (!out) throw new Error('usage: tsx scripts/year-backup.ts out.json [facts] [decks]');
	const backup = yearBackup(facts ? Number(facts) : undefined, decks ? Number(decks) : undefined);
	writeFileSync(out, JSON.stringify(backup, null, 1));
	console.log(`${out}: ${backup.decks.length} decks, ${backup.log.length} log entries`);
}
