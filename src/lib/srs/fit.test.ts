import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { default_w, forgetting_curve } from 'ts-fsrs';
import {
	accuracy,
	before,
	countLongTermReviews,
	fitItems,
	heldOutFrom,
	judgeFit,
	FIT_MIN_REVIEWS
} from './fit';
import { FORGETFUL, syntheticLog } from './fit-test-helpers';
import { makeReview, makeSettings } from './test-helpers';
import { Rating, State } from './fsrs-enums';
import { apply, newMemory, replay, retrievability } from './memory';
import { scheduleParams } from './settings';
import { paramsId } from './keys';

/** fsrs-browser (the optimizer the app runs in a worker), loaded in Node as the worker loads it. */
async function optimizer() {
	// Its thread-pool helper listens on `self` at import; Node has none (the pool is never started).
	(globalThis as { self?: unknown }).self ??= new EventTarget();
	const mod = await import('fsrs-browser');
	const wasm = createRequire(import.meta.url).resolve('fsrs-browser/fsrs_browser_bg.wasm');
	mod.initSync({ module: readFileSync(wasm) });
	return mod;
}

describe('fitItems', () => {
	it('makes each prefix that ends a study day or more after the previous review an item', () => {
		const s = makeSettings();
		const at = (d: string) => new Date(`2026-01-${d}T10:00:00Z`);
		const events = [
			makeReview(at('01'), Rating.Again, {}, s),
			makeReview(new Date('2026-01-01T10:10:00Z'), Rating.Good, {}, s),
			makeReview(at('03'), Rating.Good, {}, s),
			makeReview(at('10'), Rating.Again, {}, s)
		];
		expect(fitItems(events)).toEqual({
			ratings: [1, 3, 3, 1, 3, 3, 1],
			deltas: [0, 0, 2, 0, 0, 2, 7],
			lengths: [3, 4]
		});
	});

	it('starts a fact afresh after a reset', () => {
		const events = [
			makeReview('2026-01-01T10:00:00Z', Rating.Good, { fact: 'r' }),
			makeReview('2026-01-02T10:00:00Z', Rating.Good, { fact: 'r' }),
			{
				id: 'reset',
				deck: 'd',
				fact: 'r',
				at: new Date('2026-01-03T10:00:00Z'),
				kind: 'reset' as const
			},
			makeReview('2026-01-04T10:00:00Z', Rating.Good, { fact: 'r' })
		];
		expect(fitItems(events).lengths).toEqual([2]);
	});

	it('counts days as the learner’s study days (4 AM in their zone)', () => {
		const s = makeSettings({ timeZone: 'Asia/Kolkata' });
		// 02:00 and 23:00 local on the same calendar date are two study days (the day starts at 4).
		const events = [
			makeReview('2026-01-01T20:30:00Z', Rating.Good, { fact: 'k' }, s),
			makeReview('2026-01-02T17:30:00Z', Rating.Good, { fact: 'k' }, s)
		];
		expect(fitItems(events).deltas).toEqual([0, 1]);
	});
});

describe('the held-out split and accuracy', () => {
	it('holds out the latest fifth of the reviews by time', () => {
		const events = Array.from({ length: 10 }, (_, i) =>
			makeReview(new Date(Date.UTC(2026, 0, 1 + i, 10)), Rating.Good, { fact: `f${i}` })
		);
		const from = heldOutFrom(events)!;
		expect(from.toISOString()).toBe('2026-01-09T10:00:00.000Z');
		expect(before(events, from)).toHaveLength(8);
	});

	it('predicts each held-out review with ts-fsrs’s forgetting curve of the state before it', () => {
		const s = makeSettings();
		const p = scheduleParams(s);
		const first = makeReview('2026-01-01T10:00:00Z', Rating.Good, {}, s);
		const second = makeReview('2026-01-02T10:00:00Z', Rating.Good, {}, s);
		const third = makeReview('2026-01-20T10:00:00Z', Rating.Again, { stateBefore: 2 }, s);
		const state = apply(apply(newMemory('d', 'f'), first), second);
		expect(state.card.state).toBe(State.Review);
		const days = (third.at.getTime() - state.card.last_review!.getTime()) / 86_400_000;
		const r = forgetting_curve([...default_w], days, state.card.stability);
		expect(retrievability(state, third.at, p)).toBeCloseTo(r, 2);
		const got = accuracy([first, second, third], third.at, null);
		expect(got.reviews).toBe(1);
		expect(got.logLoss).toBeCloseTo(-Math.log(1 - retrievability(state, third.at, p)!), 10);
		expect(got.rmse).toBeCloseTo(retrievability(state, third.at, p)!, 10);
	});
});

describe('a fit on a synthetic learner', () => {
	it('predicts the held-out reviews better than the defaults', async () => {
		const { Fsrs } = await optimizer();
		const log = syntheticLog({ days: 60, newPerDay: 5 });
		expect(countLongTermReviews(log.events)).toBeGreaterThan(FIT_MIN_REVIEWS);
		const from = heldOutFrom(log.events)!;
		const items = fitItems(before(log.events, from));
		const fsrs = new Fsrs();
		const weights = Array.from(
			fsrs.computeParameters(
				new Uint32Array(items.ratings),
				new Uint32Array(items.deltas),
				new Uint32Array(items.lengths),
				undefined,
				true
			)
		);
		// computeParameters takes the instance (it is freed by it).
		expect(weights).toHaveLength(21);
		const verdict = judgeFit(log.events, from, weights);
		expect(verdict.better).toBe(true);
		expect(verdict.fitted.logLoss).toBeLessThan(verdict.current.logLoss);
		expect(verdict.fitted.rmse).toBeLessThan(verdict.current.rmse);
		// The learner's own weights predict better still than the defaults (the log is theirs).
		expect(accuracy(log.events, from, FORGETFUL).logLoss).toBeLessThan(verdict.current.logLoss);
	}, 60_000);
});

describe('weights in the schedule parameters', () => {
	it('leave the id of a default set unchanged, and give a fitted set its own', () => {
		const s = makeSettings();
		expect(paramsId(scheduleParams(s))).toBe(paramsId(scheduleParams({ ...s })));
		const fitted = scheduleParams({ ...s, weights: [...FORGETFUL] });
		expect(fitted.weights).toEqual(FORGETFUL);
		expect(paramsId(fitted)).not.toBe(paramsId(scheduleParams(s)));
		expect('weights' in scheduleParams(s)).toBe(false);
	});

	it('replay under new weights equals a fresh replay of entries that name them', () => {
		const log = syntheticLog({ days: 20, newPerDay: 5 });
		const fitted = [...FORGETFUL];
		const rebuilt = replay(log.events, fitted);
		const named = log.events.map((e) =>
			e.kind === 'review' ? { ...e, params: { ...e.params, weights: fitted } } : e
		);
		expect(rebuilt).toEqual(replay(named));
		// And they differ from the states under the defaults.
		expect(rebuilt).not.toEqual(replay(log.events));
		// Back to the defaults: the replay of the log as it was.
		expect(replay(named, null)).toEqual(replay(log.events));
	});
});
