/**
 * A fact's memory as the pages show it (Browse, the reading view): its state in words, when it
 * is due and the chance of recalling it now (FSRS retrievability). Pure: `now` is passed in.
 */
import { State } from './fsrs-enums';
import { daysBetween, studyDay } from './day';
import { isLeech, retrievability, type MemoryState } from './memory';
import { scheduleParams, type SchedulingSettings } from './settings';

export type FactStatus = 'new' | 'learning' | 'review' | 'leech' | 'suspended';

export interface FactMemory {
	/** The first is new, learning or review; leech and suspended follow when they apply. */
	status: FactStatus[];
	/** When it is due next; null for a new fact. */
	due: Date | null;
	/** Study days from today to its due day: 0 today, negative when overdue; null when new. */
	dueInDays: number | null;
	/** The chance of recalling it now, 0 to 1; null for a new fact (or without settings). */
	recall: number | null;
}

export function factMemory(
	state: MemoryState | undefined,
	settings: SchedulingSettings | null,
	now: Date
): FactMemory {
	const cs = state?.card.state ?? State.New;
	const status: FactStatus[] = [
		cs === State.New ? 'new' : cs === State.Review ? 'review' : 'learning'
	];
	if (state && settings && isLeech(state, settings.leechThreshold)) status.push('leech');
	if (state?.suspended) status.push('suspended');
	const due = state && cs !== State.New ? state.card.due : null;
	const day = (d: Date) => (settings ? studyDay(d, settings.timeZone, settings.dayStartHour) : '');
	return {
		status,
		due,
		dueInDays: due && settings ? daysBetween(day(now), day(due)) : null,
		recall: state && settings ? retrievability(state, now, scheduleParams(settings)) : null
	};
}

/** "New", "Learning · due today", "Due in 3 days", "Overdue by 1 day", … */
export function memoryWords(m: FactMemory): string {
	const first = m.status[0];
	if (first === 'new') return 'New: not studied yet';
	const n = m.dueInDays;
	const days = (k: number) => `${k} day${k === 1 ? '' : 's'}`;
	const when =
		n === null
			? ''
			: n < 0
				? `overdue by ${days(-n)}`
				: n === 0
					? 'due today'
					: `due in ${days(n)}`;
	const state = first === 'learning' ? 'Learning' : 'In review';
	return when ? `${state}, ${when}` : state;
}
