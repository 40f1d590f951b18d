/**
 * Exam mode in simulation: a synthetic learner studies a year of current-affairs decks (one
 * deck of 20 facts most days, 6000 facts) towards an exam, once with exam mode (its last 14
 * days: reviews after the exam brought before it, weakest on the day first, limits +50%) and
 * once without, and we compare the share of facts at the target (90%) on the exam's morning.
 *
 * The learner is drawn from FSRS's own model (seeded): each answer is remembered with the
 * probability of recall the model gives at that moment (ts-fsrs's forgetting curve through
 * `retrievability`), and rated Good if remembered, Again if not; a fact never seen is
 * remembered at its first sight with probability 0.6 (it was just read in the article). They
 * skip one day in eight, and study each day's queue as the app builds it (`buildQueue`, the
 * same order, limits and exam mode as /study: a LiveQueue, as its session keeps), plus the learning steps that come back the same
 * day. "At target" on the morning is the model's own recall of each fact then. A third run keeps
 * exam mode but not its raised limits, to show what the cap and the order do alone.
 *
 * Runnable alone (`npx tsx bench/exam-sim.ts`, about 15 s); `npm run bench` prints the same
 * figures and the budget "exam mode raises share at target".
 */
import { fileURLToPath } from 'node:url';
import { Rating, State } from '../src/lib/srs/fsrs-enums';
import { examMode, examMorning, type ExamPlan } from '../src/lib/srs/exam-dates';
import { examOrder } from '../src/lib/srs/exam-order';
import { apply, memoryKey, newMemory, retrievability } from '../src/lib/srs/memory';
import type { MemoryState } from '../src/lib/srs/memory';
import { LiveQueue } from '../src/lib/srs/live-queue';
import type { QueueFact } from '../src/lib/srs/queue';
import { nextDayStart } from '../src/lib/srs/day';
import { defaultSettings, scheduleParams, type SchedulingSettings } from '../src/lib/srs/settings';
import { prng } from '../src/lib/srs/shuffle';
import { budget, figure } from './report';

const DAY = 86_400_000;
const START = Date.parse('2025-06-01T00:00:00Z');
const DECKS = 300;
const FACTS_PER_DECK = 20;
const EXAM_DATE = '2026-06-07';
const TARGET = 0.9;

export interface SimResult {
	share: number;
	atTarget: number;
	total: number;
	reviews: number;
}

/** One learner's year towards the exam, with or without exam mode (same seed, same decks). */
export function simulate(withExamMode: boolean, { seed = 2026, limitsRaise = 50 } = {}): SimResult {
	const random = prng(seed);
	const plan: ExamPlan = {
		exams: [{ name: 'Prelims', date: EXAM_DATE, target: TARGET }],
		modeDays: withExamMode ? 14 : 0,
		limitsRaise
	};
	const settings: SchedulingSettings = {
		...defaultSettings('UTC'),
		newPerDay: 20,
		reviewsPerDay: 150,
		examPlan: plan
	};
	const params = scheduleParams(settings);
	const morning = examMorning(EXAM_DATE, settings);
	const days = Math.round((morning.getTime() - START) / DAY);
	const facts: QueueFact[] = [];
	const states = new Map<string, MemoryState>();
	let events = 0;
	const answer = (f: QueueFact, key: string, at: Date) => {
		const s = states.get(key) ?? newMemory(f.deck, f.fact);
		const p = s.card.state === State.New ? 0.6 : (retrievability(s, at, params) ?? 0);
		const rating = random() < p ? Rating.Good : Rating.Again;
		states.set(
			key,
			apply(s, {
				id: `e${++events}`,
				deck: f.deck,
				fact: f.fact,
				at,
				kind: 'review',
				rating,
				correct: rating !== Rating.Again,
				question: 'q',
				questionType: 'mcq',
				durationMs: 8000,
				source: 'review',
				params,
				statementHash: 'h',
				stateBefore: s.card.state
			})
		);
	};

	for (let day = 0; day < days; day++) {
		// The decks of the articles published by today (one most days, through the year).
		const released = Math.min(DECKS, Math.floor(((day + 1) * DECKS) / (days - 20)));
		for (let d = facts.length / FACTS_PER_DECK; d < released; d++)
			for (let i = 0; i < FACTS_PER_DECK; i++)
				facts.push({
					deck: `d${d}`,
					fact: `f${i}`,
					statementHash: 'h',
					key: memoryKey(`d${d}`, `f${i}`)
				});
		if (random() < 1 / 8) continue;
		let now = new Date(START + day * DAY + 8 * 3_600_000);
		const mode = examMode(settings, now);
		const limits = mode
			? { ...settings, newPerDay: mode.newPerDay, reviewsPerDay: mode.reviewsPerDay }
			: settings;
		const order = mode ? examOrder(mode, params) : undefined;
		const done = { newToday: 0, reviewsToday: 0 };
		const byKey = new Map(facts.map((f) => [f.key!, f]));
		const live = new LiveQueue(facts);
		live.sort(states, nextDayStart(now, 'UTC', settings.dayStartHour).getTime(), now, order);
		// A session: the queue's head answered until it is empty (learning steps come back).
		for (let guard = 0; guard < 5000; guard++) {
			const q = live.build({ now, settings: limits, done, learnAheadMinutes: 20 });
			const head = q.entries[0] ?? q.laterToday[0];
			if (!head) break;
			if (!q.entries[0]) now = new Date(Math.max(now.getTime(), q.laterToday[0].due.getTime()));
			const before = states.get(head.key)?.card.state ?? State.New;
			answer(byKey.get(head.key)!, head.key, now);
			live.update(head.key, states.get(head.key), now);
			if (before === State.New) done.newToday++;
			else if (before === State.Review) done.reviewsToday++;
			now = new Date(now.getTime() + 30_000);
		}
	}

	let atTarget = 0;
	for (const f of facts) {
		const s = states.get(f.key!);
		if (s && s.card.state !== State.New && (retrievability(s, morning, params) ?? 0) >= TARGET)
			atTarget++;
	}
	return { share: atTarget / facts.length, atTarget, total: facts.length, reviews: events };
}

/** Both runs, printed as `figure` lines and the budget line. */
export function reportExamSim(): boolean {
	const t = performance.now();
	const off = simulate(false);
	const on = simulate(true);
	const unraised = simulate(true, { limitsRaise: 0 });
	const pct = (r: SimResult) => `${r.atTarget} of ${r.total} facts, ${r.reviews} answers`;
	figure('exam-sim-share-at-target-without', off.share * 100, '%', pct(off));
	figure('exam-sim-share-at-target-with', on.share * 100, '%', pct(on));
	figure(
		'exam-sim-share-at-target-with-limits-kept',
		unraised.share * 100,
		'%',
		`exam mode without raising the limits: ${pct(unraised)}`
	);
	figure('exam-sim-time', performance.now() - t, 'ms', 'three runs');
	return budget('exam-mode-raises-share-at-target', on.share * 100, off.share * 100, {
		unit: '%',
		atLeast: true,
		detail: 'with exam mode vs without (a synthetic learner drawn from FSRS, seeded)'
	});
}

if (process.argv[1] === fileURLToPath(import.meta.url)) reportExamSim();
