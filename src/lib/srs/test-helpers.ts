/** Factories for the srs tests (factories with overrides, not big literals). */
import type { Grade } from 'ts-fsrs';
import type { MemoryEvent } from './memory';
import { defaultSettings, scheduleParams, type SchedulingSettings } from './settings';

let counter = 0;

export function makeSettings(overrides: Partial<SchedulingSettings> = {}): SchedulingSettings {
	return { ...defaultSettings('UTC'), fuzz: false, ...overrides };
}

export function makeReview(
	at: Date | string,
	rating: Grade,
	overrides: Partial<Extract<MemoryEvent, { kind: 'review' }>> = {},
	settings: SchedulingSettings = makeSettings()
): Extract<MemoryEvent, { kind: 'review' }> {
	return {
		id: `e${String(++counter).padStart(6, '0')}`,
		deck: 'd',
		fact: 'f',
		at: typeof at === 'string' ? new Date(at) : at,
		kind: 'review',
		rating,
		correct: rating > 1,
		question: 'q',
		questionType: 'mcq',
		durationMs: 5000,
		source: 'review',
		params: scheduleParams(settings),
		statementHash: 'h1',
		stateBefore: 0,
		...overrides
	};
}
