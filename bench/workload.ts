/**
 * The benchmark's workload, run the same way in Node (fake-indexeddb) and in headless Chromium
 * (real IndexedDB): 10 000 facts with 100 000 log entries, then today's queue and answers.
 */
import { Rating, type Grade } from 'ts-fsrs';
import type { Question } from '../src/lib/bank/schema';
import { grade } from '../src/lib/srs/grade';
import {
	apply,
	memoryKey,
	newMemory,
	type MemoryEvent,
	type MemoryState
} from '../src/lib/srs/memory';
import { buildQueue, todayCandidates, type QueueFact } from '../src/lib/srs/queue';
import { nextDayStart } from '../src/lib/srs/day';
import { defaultSettings, scheduleParams } from '../src/lib/srs/settings';
import { prng } from '../src/lib/srs/shuffle';
import { eventToRecord, stateToRecord } from '../src/lib/storage/convert';
import { logKey } from '../src/lib/storage/records';
import { Repository } from '../src/lib/storage/repository';

export interface BenchResult {
	facts: number;
	logEntries: number;
	seedMs: number;
	/** Every state read record by record and validated (no snapshot: a first visit). */
	readStatesMs: number;
	/** The same from the states' snapshot (every later visit). */
	readSnapshotMs: number;
	snapshotWriteMs: number;
	buildQueueMs: number;
	/** The same from today's candidates (todayCandidates), as a session rebuilds it after each answer. */
	rebuildQueueMs: number;
	candidates: number;
	queueTotalMs: number;
	queueLength: number;
	answerMedianMs: number;
	answerP95Ms: number;
	answers: number;
	recordBytes: number;
}

const DECK = 'bench';
const settings = { ...defaultSettings('Asia/Kolkata'), newPerDay: 20, reviewsPerDay: 200 };
const params = scheduleParams(settings);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)];

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

/** Write states and log entries in transactions of 2000 records. */
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
	for (let i = 0; i < events.length; i += chunk)
		await repo.kv.run(['log'], 'readwrite', async (tx) => {
			for (const e of events.slice(i, i + chunk)) tx.put('log', logKey(e), eventToRecord(e));
		});
}

/** Run the whole workload on an empty repository. `now` defaults to a fixed day. */
export async function runBench(
	repo: Repository,
	{ facts = 10_000, perFact = 10, answers = 200, now = new Date('2026-01-20T06:00:00Z') } = {}
): Promise<BenchResult> {
	const t0 = performance.now();
	// The history ends the evening before: the learner opens the app for today's first session.
	const { states, events } = history(facts, perFact, new Date(now.getTime() - 12 * 3_600_000));
	await seed(repo, states, events);
	const seedMs = performance.now() - t0;

	const queueFacts: QueueFact[] = Array.from({ length: facts }, (_, f) => ({
		deck: DECK,
		fact: `f${f}`,
		statementHash: 'h'
	}));
	const dayStart = new Date(
		nextDayStart(now, settings.timeZone, settings.dayStartHour).getTime() - 86_400_000
	);
	const reads: number[] = [];
	const builds: number[] = [];
	const totals: number[] = [];
	let loaded = new Map<string, MemoryState>();
	let done = { newToday: 0, reviewsToday: 0 };
	let queue = buildQueue({
		facts: [],
		states: loaded,
		now,
		settings,
		done: { newToday: 0, reviewsToday: 0 }
	});
	for (let run = 0; run < 5; run++) {
		const a = performance.now();
		const [s, today] = await Promise.all([repo.loadStates(), repo.todayCounts(dayStart)]);
		done = today;
		const b = performance.now();
		queue = buildQueue({ facts: queueFacts, states: s, now, settings, done });
		const c = performance.now();
		loaded = s;
		reads.push(b - a);
		builds.push(c - b);
		totals.push(c - a);
	}
	// After each answer a session builds the queue again, from today's candidates only.
	const dayEnd = dayStart.getTime() + 86_400_000;
	const candidates = todayCandidates(queueFacts, loaded, dayEnd);
	const rebuilds: number[] = [];
	for (let run = 0; run < 5; run++) {
		const a = performance.now();
		const again = buildQueue({ facts: candidates, states: loaded, now, settings, done });
		rebuilds.push(performance.now() - a);
		if (again.entries.length !== queue.entries.length)
			throw new Error('the candidates changed the queue');
	}
	// The pages after the first read the states from their snapshot (one record), once written.
	const w = performance.now();
	if (!(await repo.saveSnapshot())) throw new Error('the states snapshot was not written');
	const snapshotWriteMs = performance.now() - w;
	const snapshotReads: number[] = [];
	for (let run = 0; run < 5; run++) {
		const fresh = new Repository(repo.kv);
		const a = performance.now();
		const s = await fresh.loadStates();
		snapshotReads.push(performance.now() - a);
		if (s.size !== loaded.size)
			throw new Error(`snapshot gave ${s.size} states, not ${loaded.size}`);
	}

	const question = (fact: string): Question => ({
		id: `q-${fact}`,
		type: 'mcq',
		prompt: 'p',
		explanation: 'e',
		facts: [fact],
		difficulty: 1,
		options: ['a', 'b', 'c', 'd'],
		answer: 1
	});
	const times: number[] = [];
	const entries = queue.entries.slice(0, answers);
	for (const [i, entry] of entries.entries()) {
		const at = new Date(now.getTime() + i * 10_000);
		const start = performance.now();
		const q = question(entry.fact);
		const result = grade(q, { kind: 'choices', choices: [i % 5 === 0 ? 0 : 1] });
		const before = loaded.get(entry.key) ?? newMemory(DECK, entry.fact);
		const event: MemoryEvent = {
			id: `answer-${i}`,
			deck: DECK,
			fact: entry.fact,
			at,
			kind: 'review',
			rating: result.suggested,
			correct: result.correct,
			question: q.id,
			questionType: q.type,
			durationMs: 5000,
			source: 'review',
			params,
			statementHash: 'h',
			stateBefore: before.card.state
		};
		const after = apply(before, event);
		await repo.commit([{ expected: before.lastEvent, next: after }], [event]);
		loaded.set(entry.key, after);
		times.push(performance.now() - start);
	}

	let recordBytes = 0;
	for (const s of loaded.values()) recordBytes += JSON.stringify(stateToRecord(s)).length;
	for (const e of events) recordBytes += JSON.stringify(eventToRecord(e)).length + logKey(e).length;

	return {
		facts,
		logEntries: events.length,
		seedMs,
		readStatesMs: median(reads),
		readSnapshotMs: median(snapshotReads),
		snapshotWriteMs,
		buildQueueMs: median(builds),
		rebuildQueueMs: median(rebuilds),
		candidates: candidates.length,
		queueTotalMs: median(totals),
		queueLength: queue.entries.length,
		answerMedianMs: median(times),
		answerP95Ms: p95(times),
		answers: times.length,
		recordBytes
	};
}
