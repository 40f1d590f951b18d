/**
 * The one path by which an answer (a study answer, a test's results, a fact's suspension) is
 * stored: compute its changes from the facts' current states (srs/answer.ts), commit them with
 * their log events in one transaction, and when another tab changed one of those facts since
 * they were read (StaleRecordError), read them again and compute again on top of that tab's
 * work. Any other failure is thrown for the page to show; none is dropped.
 * See docs/ARCHITECTURE.md, "one answering seam".
 */
import type { AnswerChanges } from '$lib/srs/answer';
import type { MemoryState } from '$lib/srs/memory';
import { StaleRecordError } from '$lib/storage/errors';
import type { Repository } from '$lib/storage/repository';

/** How many times an answer is computed and committed before another tab's changes win. */
const TRIES = 4;

/** Above this many facts, reading every state at once (one read) beats one read per fact. */
const READ_ONE_BY_ONE = 16;

export interface CommitOptions {
	/** The states the first try computes from (a session's own copy); else read from storage. */
	states?: ReadonlyMap<string, MemoryState>;
	/**
	 * Log entries (time and id) that this answer would write and that mark it as committed
	 * before: if one is in the log, nothing is computed or written (a test's results fed twice).
	 */
	once?: ReadonlyArray<{ at: Date; id: string }>;
}

/** An answer's changes from the states of its facts; `retry` counts the tries before. */
type Compute<A> = (states: ReadonlyMap<string, MemoryState>, retry: number) => A;

/**
 * Compute an answer's changes from the states of `keys` and commit them, again on top of
 * another tab's changes if it wrote one of those facts meanwhile. Returns what was committed,
 * or null when `once` shows it was committed before; throws what storage refused.
 */
export function commitAnswer<A extends AnswerChanges>(
	repo: Repository,
	keys: readonly string[],
	compute: Compute<A>,
	options?: Omit<CommitOptions, 'once'>
): Promise<A>;
export function commitAnswer<A extends AnswerChanges>(
	repo: Repository,
	keys: readonly string[],
	compute: Compute<A>,
	options: CommitOptions
): Promise<A | null>;
export async function commitAnswer<A extends AnswerChanges>(
	repo: Repository,
	keys: readonly string[],
	compute: Compute<A>,
	options: CommitOptions = {}
): Promise<A | null> {
	let states = options.states ?? (await readStates(repo, keys));
	for (let retry = 0; ; retry++) {
		if (options.once?.length && (await repo.logged(options.once)).size > 0) return null;
		const answer = compute(states, retry);
		if (answer.changes.length === 0 && answer.events.length === 0) return answer;
		try {
			await repo.commit(answer.changes, answer.events);
			return answer;
		} catch (e) {
			if (!(e instanceof StaleRecordError) || retry + 1 >= TRIES) throw e;
			states = await readStates(repo, keys);
		}
	}
}

/** The stored states of `keys` (a fact without one is absent). */
async function readStates(
	repo: Repository,
	keys: readonly string[]
): Promise<Map<string, MemoryState>> {
	const out = new Map<string, MemoryState>();
	if (keys.length > READ_ONE_BY_ONE) {
		const all = await repo.loadStates();
		for (const key of keys) {
			const s = all.get(key);
			if (s) out.set(key, s);
		}
		return out;
	}
	const read = await Promise.all(keys.map((key) => repo.loadState(key)));
	keys.forEach((key, i) => {
		if (read[i]) out.set(key, read[i]);
	});
	return out;
}
