/**
 * A review session's next question, as the facts' states are now: the queue's first fact (or
 * the one on screen before a reload) whose question can be asked. Reads the deck of the fact it
 * finds if it is not read yet; changes nothing on screen (review.svelte.ts shows it).
 */
import { questionFor } from '$lib/srs/choose';
import { nextDayStart } from '$lib/srs/day';
import type { Queue, QueueEntry } from '$lib/srs/queue';
import type { SchedulingSettings } from '$lib/srs/settings';
import type { StudyItem } from './review-types';
import type { SessionMemory } from './session-memory';
import type { StudyQueue } from './study-queue';
import type { StudySource } from './study-source';

/** How many facts after the one found have their decks read ahead. */
const READ_AHEAD = 5;

/** The queue, the item found (null: none left today), and the facts to read ahead. */
export interface Picked {
	queue: Queue;
	item: StudyItem | null;
	ahead: QueueEntry[];
}

export interface Studying {
	queue: StudyQueue;
	study: StudySource;
	memory: SessionMemory;
	settings: SchedulingSettings;
}

export async function pickNext(
	{ queue: live, study, memory, settings }: Studying,
	now: Date,
	preferKey?: string | null
): Promise<Picked> {
	const dayEnd = nextDayStart(now, settings.timeZone, settings.dayStartHour).getTime();
	const { states, done } = memory;
	const queue = live.build({ now, dayEnd, states, settings, done });
	const entries = preferKey
		? [...queue.entries].sort((a, b) => Number(b.key === preferKey) - Number(a.key === preferKey))
		: queue.entries;
	for (const [i, entry] of entries.entries()) {
		await study.load([entry]);
		const found = study.fact(entry.key);
		const question = found && questionFor(entry.deck, entry.fact, found.questions, states, dayEnd);
		if (question)
			return {
				queue,
				item: { entry, deck: found.deck, fact: found.fact, question },
				ahead: entries.slice(i + 1, i + 1 + READ_AHEAD)
			};
	}
	return { queue, item: null, ahead: [] };
}
