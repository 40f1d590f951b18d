/**
 * Exam mode's order of the queue (exam-dates.ts `examMode` says when it is on): reviews that
 * would fall due on or after the exam's morning fall due the day before it, and the reviews
 * due are asked lowest predicted recall on the morning first (recall if not reviewed again:
 * the facts most at risk). Loads the scheduler: the study page imports it only in exam mode.
 */
import { cappedDue, type ExamMode } from './exam-dates';
import { recallIfLeft } from './exam-plan';
import type { QueueOrder } from './queue';
import type { ScheduleParams } from './settings';

export function examOrder(
	mode: Pick<ExamMode, 'morning' | 'cap'>,
	params: ScheduleParams
): QueueOrder {
	return {
		due: (s) => cappedDue(s.card.due.getTime(), mode.morning, mode.cap),
		rank: (_key, s) => recallIfLeft(s, mode.morning, params)
	};
}
