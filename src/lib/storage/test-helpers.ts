/** Shared set-up for the storage tests: a fresh fake IndexedDB database per test. */
import 'fake-indexeddb/auto';
import { Rating, type Grade } from 'ts-fsrs';
import { apply, memoryKey, newMemory, type MemoryEvent, type MemoryState } from '../srs/memory';
import { makeReview } from '../srs/test-helpers';
import { Repository } from './repository';

let dbCounter = 0;

export async function freshRepo(
	name = `test-db-${++dbCounter}-${Math.random()}`
): Promise<Repository> {
	return Repository.open(name);
}

/**
 * Answer fact `fact` with `rating` at `at` as the session does: compute from the stored state,
 * then commit the state and its log entry together.
 */
export async function answer(
	repo: Repository,
	fact: string,
	rating: Grade = Rating.Good,
	at: Date = new Date('2026-01-13T10:00:00Z')
): Promise<{ before: MemoryState | undefined; after: MemoryState; event: MemoryEvent }> {
	const before = await repo.loadState(memoryKey('d', fact));
	const state = before ?? newMemory('d', fact);
	const event = makeReview(at, rating, { fact, stateBefore: state.card.state });
	const after = apply(state, event);
	await repo.commit([{ expected: state.lastEvent, next: after }], [event]);
	return { before, after, event };
}

/** A few days of study over `facts` facts: ratings cycle Good, Good, Again, Hard, Easy. */
export async function study(repo: Repository, facts: number, rounds: number): Promise<void> {
	const ratings: Grade[] = [Rating.Good, Rating.Good, Rating.Again, Rating.Hard, Rating.Easy];
	let at = new Date('2026-01-13T10:00:00Z').getTime();
	for (let r = 0; r < rounds; r++)
		for (let f = 0; f < facts; f++) {
			at += 7 * 60_000;
			await answer(repo, `f${f}`, ratings[(r + f) % ratings.length], new Date(at));
		}
}
