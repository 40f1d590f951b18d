/**
 * A study session's queue: its facts sorted once a study day into today's lists, and kept sorted
 * as answers change their states (srs/live-queue.ts; srs/queue.ts says what the queue is), with
 * what the learner asked for beyond the day's limits. In exam mode (srs/exam-dates.ts) the
 * reviews after the exam are brought before it, ordered by predicted recall on its morning
 * (`examOrder`, which the session loads only in exam mode: it needs the scheduler), and the
 * day's limits are raised.
 */
import { cappedOrder, examMode, type ExamMode } from '$lib/srs/exam-dates';
import type { examOrder } from '$lib/srs/exam-order';
import { LiveQueue } from '$lib/srs/live-queue';
import type { MemoryState } from '$lib/srs/memory';
import { nextDue, reviewAhead, type Queue, type QueueFact, type QueueOrder } from '$lib/srs/queue';
import { scheduleParams, type SchedulingSettings } from '$lib/srs/settings';

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
	readonly #live: LiveQueue;
	/** Facts whose state changed since the lists were last brought up to date. */
	readonly #changed = new Set<string>();
	/** New facts beyond the day's limit, and review ahead, when the learner asks for them. */
	readonly extra = { new: 0, ahead: false };
	/** Exam mode's order by predicted recall, once loaded (else its dues only, by due time). */
	examOrder: typeof examOrder | null = null;
	/** Exam mode for the day the lists are sorted for (null: off), and its order. */
	#mode: ExamMode | null = null;
	#order: QueueOrder | undefined;

	constructor(facts: readonly QueueFact[]) {
		this.#facts = facts;
		this.#live = new LiveQueue(facts);
	}

	/** The state of the fact `key` changed. */
	changed(key: string): void {
		this.#changed.add(key);
	}

	/** The queue now; when nothing is due but learning facts come back later today, those. */
	build(at: QueueAt): Queue {
		const { now, dayEnd, states, settings } = at;
		if (this.#live.dayEnd !== dayEnd) {
			this.#mode = examMode(settings, now);
			this.#order = this.#mode
				? (this.examOrder?.(this.#mode, scheduleParams(settings)) ?? cappedOrder(this.#mode))
				: undefined;
			this.#live.sort(states, dayEnd, now, this.#order);
		} else for (const key of this.#changed) this.#live.update(key, states.get(key), now);
		this.#changed.clear();
		const queue = this.#build(at, 0);
		return queue.entries.length === 0 && queue.laterToday.length
			? this.#build(at, LEARN_AHEAD_MINUTES)
			: queue;
	}

	#build({ now, states, settings, done }: QueueAt, learnAheadMinutes: number): Queue {
		const limits = this.#mode ?? settings;
		const queue = this.#live.build({
			now,
			settings: {
				newPerDay: limits.newPerDay + this.extra.new,
				reviewsPerDay: limits.reviewsPerDay
			},
			done,
			learnAheadMinutes
		});
		if (this.extra.ahead && queue.entries.length === 0)
			return { ...queue, entries: reviewAhead(this.#facts, states, now) };
		return queue;
	}

	/** When the next fact of these falls due. */
	nextDue(states: ReadonlyMap<string, MemoryState>, now: Date): Date | null {
		return nextDue(this.#facts, states, now, this.#order);
	}
}
