/**
 * A synthetic review log drawn from known FSRS weights, for the fit's tests (vitest and the e2e
 * seed). The app schedules with its own parameters (the defaults, recorded in each entry); the
 * learner's memory follows `trueWeights`: each answer is remembered with the recall those
 * weights give at that moment (ts-fsrs's forgetting curve), rated Good if so and Again if not
 * (a first sight is remembered with probability 0.6). Seeded: the same log every time.
 */
import { Rating, State } from './fsrs-enums';
import { apply, newMemory, retrievability, type MemoryEvent, type MemoryState } from './memory';
import { memoryKey } from './keys';
import { defaultSettings, scheduleParams } from './settings';
import { prng } from './shuffle';

const DAY = 86_400_000;

/** A learner who forgets faster than FSRS's defaults assume: first stabilities ÷ 6, slower growth. */
export const FORGETFUL: readonly number[] = [
	0.035, 0.22, 0.38, 1.4, 6.4133, 0.8334, 3.0194, 0.001, 1.3, 0.1666, 0.796, 1.4835, 0.0614, 0.2629,
	1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542
];

export interface SyntheticLog {
	events: MemoryEvent[];
	/** Reviews in it. */
	reviews: number;
}

/**
 * `days` days of study, `newPerDay` new facts a day (one deck), every fact due answered
 * (learning steps again the same day). Starts on 2026-01-01 at 08:00 UTC.
 */
export function syntheticLog({
	days = 120,
	newPerDay = 10,
	trueWeights = FORGETFUL,
	seed = 20
}: {
	days?: number;
	newPerDay?: number;
	trueWeights?: readonly number[];
	seed?: number;
} = {}): SyntheticLog {
	const random = prng(seed);
	const params = scheduleParams({ ...defaultSettings('UTC'), fuzz: false });
	const truth = { ...params, weights: [...trueWeights] };
	const app = new Map<string, MemoryState>();
	const mind = new Map<string, MemoryState>();
	const keys: string[] = [];
	const events: MemoryEvent[] = [];
	const start = Date.parse('2026-01-01T08:00:00Z');
	const answer = (key: string, at: Date) => {
		const fact = key.slice(2);
		const s = app.get(key) ?? newMemory('d', fact);
		const m = mind.get(key) ?? newMemory('d', fact);
		const p = m.card.state === State.New ? 0.6 : (retrievability(m, at, truth) ?? 0);
		const rating = random() < p ? Rating.Good : Rating.Again;
		const e: MemoryEvent = {
			id: `s${String(events.length).padStart(6, '0')}`,
			deck: 'd',
			fact,
			at,
			kind: 'review',
			rating,
			correct: rating !== Rating.Again,
			question: `q-${fact}`,
			questionType: 'true_false',
			durationMs: 6000,
			source: 'review',
			params,
			statementHash: 'h',
			stateBefore: s.card.state
		};
		events.push(e);
		app.set(key, apply(s, e));
		mind.set(key, apply(m, { ...e, params: truth }));
	};
	for (let day = 0; day < days; day++) {
		for (let i = 0; i < newPerDay; i++) keys.push(memoryKey('d', `f${keys.length}`));
		let now = start + day * DAY;
		const end = start + day * DAY + 12 * 3_600_000;
		// Answer whatever is due, new facts included, until nothing is due before the evening.
		for (;;) {
			const due = keys.filter((k) => (app.get(k)?.card.due.getTime() ?? 0) <= now);
			if (!due.length) {
				const next = Math.min(...keys.map((k) => app.get(k)?.card.due.getTime() ?? 0));
				if (next > end) break;
				now = next;
				continue;
			}
			for (const k of due) {
				answer(k, new Date(now));
				now += 20_000;
			}
		}
	}
	return { events, reviews: events.length };
}
