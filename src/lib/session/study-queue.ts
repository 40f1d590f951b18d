/**
 * A study session's queue: built again from today's candidates after every answer (srs/queue.ts
 * chooses), with what the learner asked for beyond the day's limits.
 */
import type { MemoryState } from '$lib/srs/memory';
import {
	buildQueue,
	nextDue,
	reviewAhead,
	todayCandidates,
	type Queue,
	type QueueFact
} from '$lib/srs/queue';
import type { SchedulingSettings } from '$lib/srs/settings';

/** Learning facts due within this many minutes are shown rather than waited for (Anki's default). */
const LEARN_AHEAD_MINUTES = 20;

export interface QueueAt {
	now: Date;
	/** When the study day ends (srs/day.ts nextDayStart), in ms. */
	dayEnd: number;
	states: ReadonlyMap<string, MemoryState>;
	settings: SchedulingSettings;
	done: { newToday: number; reviewsToday: number };
}

export class StudyQueue {
	readonly #facts: readonly QueueFact[];
	/**
	 * The facts that can enter today's queue (todayCandidates), for the day ending at `dayEnd`:
	 * the queue is built from these after each answer. Dropped when the state of a fact outside
	 * them changes (an answer only changes facts due today, but a reload of a stale one might).
	 */
	#candidates: { dayEnd: number; facts: QueueFact[]; keys: Set<string> } | null = null;
	/** New facts beyond the day's limit, and review ahead, when the learner asks for them. */
	readonly extra = { new: 0, ahead: false };

	constructor(facts: readonly QueueFact[]) {
		this.#facts = facts;
	}

	/** The state of the fact `key` changed. */
	changed(key: string): void {
		if (!this.#candidates?.keys.has(key)) this.#candidates = null;
	}

	/** The queue now; when nothing is due but learning facts come back later today, those. */
	build(at: QueueAt): Queue {
		const queue = this.#build(at, 0);
		return queue.entries.length === 0 && queue.laterToday.length
			? this.#build(at, LEARN_AHEAD_MINUTES)
			: queue;
	}

	#build({ now, dayEnd, states, settings, done }: QueueAt, learnAhead: number): Queue {
		if (this.#candidates?.dayEnd !== dayEnd) {
			const facts = todayCandidates(this.#facts, states, dayEnd);
			this.#candidates = { dayEnd, facts, keys: new Set(facts.map((f) => f.key!)) };
		}
		const queue = buildQueue({
			facts: this.#candidates.facts,
			states,
			now,
			settings: { ...settings, newPerDay: settings.newPerDay + this.extra.new },
			done,
			learnAheadMinutes: learnAhead
		});
		if (this.extra.ahead && queue.entries.length === 0)
			return { ...queue, entries: reviewAhead(this.#facts, states, now) };
		return queue;
	}

	/** When the next fact of these falls due. */
	nextDue(states: ReadonlyMap<string, MemoryState>, now: Date): Date | null {
		return nextDue(this.#facts, states, now);
	}
}
