/**
 * A synthetic study history for the measurement scripts (scripts/measure-log*.ts and
 * scripts/measure/): the bench's own generator (bench/workload.ts `history`), keyed by fact,
 * and a seed that stores it the way the app does.
 */
import { history as benchHistory } from '../../bench/workload';
import { memoryKey, type MemoryEvent, type MemoryState } from '../../src/lib/srs/memory';
import { eventToRecord, stateToRecord } from '../../src/lib/storage/convert';
import { appendEntries } from '../../src/lib/storage/log-days';
import type { Repository } from '../../src/lib/storage/repository';

/**
 * Each of `facts` facts answered `perFact` times at its due dates, ratings mostly Good. Facts
 * are `f0`, `f1`… of deck "bench" unless `deck`, `factId` and `statement` say otherwise.
 */
export function history(
	facts: number,
	perFact: number,
	end: Date,
	{ deck = 'bench', factId = (f: number) => `f${f}`, statement = (f: number) => `fact ${f}` } = {}
): { states: Map<string, MemoryState>; events: MemoryEvent[] } {
	const list = Array.from({ length: facts }, (_, f) => ({
		deck,
		fact: factId(f),
		statement: statement(f)
	}));
	const h = benchHistory(list, perFact, end, 42);
	return { states: new Map(h.states.map((s) => [memoryKey(s.deck, s.fact), s])), events: h.events };
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
