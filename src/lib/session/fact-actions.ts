/** Suspend, unsuspend, bury until tomorrow, reset: log events like any answer, durable at once. */
import { nextDayStart } from '$lib/srs/day';
import { apply, memoryKey, newMemory, type MemoryEvent, type MemoryState } from '$lib/srs/memory';
import type { SchedulingSettings } from '$lib/srs/settings';
import type { Repository } from '$lib/storage/repository';
import { commitAnswer } from './answering';

export type FactAction = 'suspend' | 'unsuspend' | 'bury' | 'reset';

/** Apply an action to a fact and store it; retries on top of another tab's change. Returns the new state. */
export async function actOnFact(
	repo: Repository,
	settings: SchedulingSettings,
	deck: string,
	fact: string,
	action: FactAction,
	now = new Date(),
	newId = () => crypto.randomUUID()
): Promise<MemoryState> {
	const key = memoryKey(deck, fact);
	const done = await commitAnswer(repo, [key], (states) => {
		const state = states.get(key) ?? newMemory(deck, fact);
		const base = { id: newId(), deck, fact, at: now };
		const event: MemoryEvent =
			action === 'bury'
				? {
						...base,
						kind: 'bury',
						until: nextDayStart(now, settings.timeZone, settings.dayStartHour)
					}
				: { ...base, kind: action };
		return { changes: [{ expected: state.lastEvent, next: apply(state, event) }], events: [event] };
	});
	return done.changes[0].next;
}
