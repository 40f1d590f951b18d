/**
 * A synthetic study history for the measurement scripts (scripts/measure-log*.ts and
 * scripts/measure/): `facts` facts answered `perFact` times each at their due dates, and a
 * seed that stores it the way the app does. `npm run bench` builds its own workload as backup
 * files (bench/workload.ts); these scripts time storage steps below the UI.
 */
import { Rating, type Grade } from 'ts-fsrs';
import {
	apply,
	memoryKey,
	newMemory,
	type MemoryEvent,
	type MemoryState
} from '../../src/lib/srs/memory';
import { defaultSettings, scheduleParams } from '../../src/lib/srs/settings';
import { prng } from '../../src/lib/srs/shuffle';
import { eventToRecord, stateToRecord } from '../../src/lib/storage/convert';
import { appendEntries } from '../../src/lib/storage/log-days';
import type { Repository } from '../../src/lib/storage/repository';

const DECK = 'bench';
const params = scheduleParams({
	...defaultSettings('Asia/Kolkata'),
	newPerDay: 20,
	reviewsPerDay: 200
});

/**
 * Study history: each fact answered `perFact` times at its due dates, ratings mostly Good.
 * Facts are `f0`, `f1`… of deck "bench" unless `deck`, `factId` and `statementHash` say otherwise.
 */
export function history(
	facts: number,
	perFact: number,
	end: Date,
	{ deck = DECK, factId = (f: number) => `f${f}`, statementHash = (_f: number): string => 'h' } = {}
) {
	const rand = prng(42);
	const states = new Map<string, MemoryState>();
	const events: MemoryEvent[] = [];
	const start = end.getTime() - 400 * 86_400_000;
	let n = 0;
	for (let f = 0; f < facts; f++) {
		const fact = factId(f);
		const hash = statementHash(f);
		let s = newMemory(deck, fact);
		let at = new Date(start + rand() * 200 * 86_400_000);
		for (let i = 0; i < perFact; i++) {
			const r = rand();
			const rating = (
				r < 0.08 ? Rating.Again : r < 0.18 ? Rating.Hard : r < 0.92 ? Rating.Good : Rating.Easy
			) as Grade;
			const e: MemoryEvent = {
				id: `bench-${++n}`,
				deck,
				fact,
				at,
				kind: 'review',
				rating,
				correct: rating > 1,
				question: `q-${fact}`,
				questionType: 'mcq',
				durationMs: 4000 + Math.round(rand() * 8000),
				source: 'review',
				params,
				statementHash: hash,
				stateBefore: s.card.state
			};
			s = apply(s, e);
			events.push(e);
			// At the due date, or early where the history would run past `end`: every fact gets
			// exactly `perFact` answers, so the log has facts × perFact entries.
			const latest = end.getTime() - (perFact - i - 1) * 3 * 3_600_000;
			at = new Date(Math.max(at.getTime() + 60_000, Math.min(s.card.due.getTime(), latest)));
		}
		states.set(memoryKey(deck, fact), s);
	}
	return { states, events };
}

/** Write the states in transactions of 2000 records, and the log added to its day records. */
export async function seed(
	repo: Repository,
	states: Map<string, MemoryState>,
	events: MemoryEvent[]
) {
	const chunk = 2000;
	const stateRows = [...states];
	for (let i = 0; i < stateRows.length; i += chunk)
		await repo.kv.run(['states'], 'readwrite', async (tx) => {
			for (const [k, s] of stateRows.slice(i, i + chunk)) tx.put('states', k, stateToRecord(s));
		});
	await repo.kv.run(['log'], 'readwrite', async (tx) =>
		appendEntries(tx, events.map(eventToRecord))
	);
}
