/**
 * What an answer does to the memory, computed apart from storing it (docs/ARCHITECTURE.md,
 * "one answering seam"): from a graded answer and the facts' current states, the ratings, the
 * log events and the new states. Pure: the time, the ids and the states are passed in; the
 * session commits the result (session/answering.ts) and retries on another tab's change.
 *
 * Two rules: a study answer (the studied fact gets the learner's rating, the other facts of a
 * composite question what the answer showed of them) and a test's or class quiz's credit
 * (wrong always counts, right only where the fact was due).
 */
import type { Grade } from 'ts-fsrs';
import type { QuestionType } from '../bank/schema';
import { nextDayStart } from './day';
import { Rating, State } from './fsrs-enums';
import { memoryKey, statementHash } from './keys';
import { apply, newMemory, type MemoryEvent, type MemoryState, type Source } from './memory';
import { scheduleParams, type SchedulingSettings } from './settings';

export type ReviewEvent = Extract<MemoryEvent, { kind: 'review' }>;

/** A fact state to write, with the revision (`lastEvent`) it was computed from. */
export interface StateChange {
	expected: string | null;
	next: MemoryState;
}

/** What to commit for one answer: the new states and their log events, in one transaction. */
export interface AnswerChanges {
	changes: StateChange[];
	events: MemoryEvent[];
}

/** The part of a deck an answer needs: its id and its facts' statements. */
export interface AnswerDeck {
	id: string;
	facts: ReadonlyArray<{ id: string; statement: string }>;
}

/** The part of a question an answer needs. */
export interface AnswerQuestion {
	id: string;
	type: QuestionType;
	facts: readonly string[];
}

/** One fact answered: its log event, and its state after it. */
function answerFact(
	states: ReadonlyMap<string, MemoryState>,
	deck: AnswerDeck,
	fact: string,
	f: Pick<ReviewEvent, 'id' | 'at' | 'rating' | 'correct' | 'durationMs' | 'source' | 'params'> & {
		question: AnswerQuestion;
	}
): { before: MemoryState | undefined; change: StateChange; event: ReviewEvent } {
	const before = states.get(memoryKey(deck.id, fact));
	const state = before ?? newMemory(deck.id, fact);
	const event: ReviewEvent = {
		id: f.id,
		deck: deck.id,
		fact,
		at: f.at,
		kind: 'review',
		rating: f.rating,
		correct: f.correct,
		question: f.question.id,
		questionType: f.question.type,
		durationMs: f.durationMs,
		source: f.source,
		params: f.params,
		statementHash: statementHash(deck.facts.find((x) => x.id === fact)?.statement ?? ''),
		stateBefore: state.card.state
	};
	return { before, change: { expected: state.lastEvent, next: apply(state, event) }, event };
}

// ---------------------------------------------------------------------------------------------
// Study

/**
 * The ratings of a study answer: the studied fact gets the learner's `rating`; each other fact
 * of a composite question Good where the answer showed it known, Again where it did not (and
 * Again for all when the learner rated Again).
 */
export function studyRatings(
	facts: readonly string[],
	studied: string,
	rating: Grade,
	known: Readonly<Record<string, boolean>>
): Map<string, Grade> {
	const ratings = new Map<string, Grade>();
	for (const f of facts)
		ratings.set(
			f,
			f === studied ? rating : known[f] && rating !== Rating.Again ? Rating.Good : Rating.Again
		);
	return ratings;
}

export interface StudyAnswerInput {
	deck: AnswerDeck;
	question: AnswerQuestion;
	/** The ratings by fact (studyRatings). */
	ratings: ReadonlyMap<string, Grade>;
	/** Whether the answer showed each fact known (the grade's per-fact outcomes). */
	known: Readonly<Record<string, boolean>>;
	/** The facts' current states (by memoryKey); a fact without one is new. */
	states: ReadonlyMap<string, MemoryState>;
	at: Date;
	durationMs: number;
	settings: SchedulingSettings;
	newId: () => string;
}

/** To undo an answer: a fact's state before it, expected to be still at the answer's revision. */
export interface StateRestore {
	key: string;
	expected: string | null;
	previous: MemoryState | null;
}

export interface StudyAnswer extends AnswerChanges {
	events: ReviewEvent[];
	/** How to take the answer back: each fact's state before it (null: it had none). */
	restores: StateRestore[];
	/** New facts introduced and reviews done, for the daily limits. */
	counted: { newToday: number; reviewsToday: number };
}

/** A study answer's log events and new states. */
export function studyAnswer(input: StudyAnswerInput): StudyAnswer {
	const params = scheduleParams(input.settings);
	const out: StudyAnswer = {
		changes: [],
		events: [],
		restores: [],
		counted: { newToday: 0, reviewsToday: 0 }
	};
	for (const [fact, rating] of input.ratings) {
		const { before, change, event } = answerFact(input.states, input.deck, fact, {
			id: input.newId(),
			at: input.at,
			rating,
			correct: input.known[fact] ?? rating !== Rating.Again,
			question: input.question,
			durationMs: input.durationMs,
			source: 'review',
			params
		});
		if (event.stateBefore === State.New) out.counted.newToday++;
		else if (event.stateBefore === State.Review) out.counted.reviewsToday++;
		const key = memoryKey(input.deck.id, fact);
		out.restores.push({ key, expected: change.next.lastEvent, previous: before ?? null });
		out.changes.push(change);
		out.events.push(event);
	}
	return out;
}

/**
 * The time of an answer applied on top of states another tab wrote: `at`, or just after the
 * latest review among them, so that it also comes after them in the log's order and a replay
 * of the log gives exactly the states written.
 */
export function timeAfter(
	at: Date,
	states: ReadonlyMap<string, MemoryState>,
	keys: Iterable<string>
): Date {
	let latest = 0;
	for (const k of keys) latest = Math.max(latest, states.get(k)?.card.last_review?.getTime() ?? 0);
	return new Date(Math.max(at.getTime(), latest + 1));
}

// ---------------------------------------------------------------------------------------------
// Tests and class quizzes

/** A question of a paper, with what the answer showed of each fact (null: left blank). */
export interface PaperAnswer {
	deck: AnswerDeck;
	question: AnswerQuestion;
	known: Readonly<Record<string, boolean>> | null;
}

/** A fact's rating from a paper. */
export interface PaperRating {
	deck: AnswerDeck;
	fact: string;
	rating: Grade;
	question: AnswerQuestion;
}

/**
 * The ratings a paper gives, by memoryKey: Good where known, Again where not. A fact asked twice
 * in one paper counts once: wrong anywhere is wrong. Blank questions give nothing.
 */
export function paperRatings(answers: readonly PaperAnswer[]): Map<string, PaperRating> {
	const ratings = new Map<string, PaperRating>();
	for (const a of answers) {
		if (!a.known) continue;
		for (const [fact, known] of Object.entries(a.known)) {
			const key = memoryKey(a.deck.id, fact);
			if (ratings.get(key)?.rating === Rating.Again) continue;
			ratings.set(key, {
				deck: a.deck,
				fact,
				rating: known ? Rating.Good : Rating.Again,
				question: a.question
			});
		}
	}
	return ratings;
}

/** A test's log event for a fact: one per attempt and fact, so a second feed finds it there. */
export const creditEventId = (attemptId: string, key: string) => `${attemptId}/${key}`;

export interface TestCreditInput {
	attemptId: string;
	ratings: ReadonlyMap<string, PaperRating>;
	states: ReadonlyMap<string, MemoryState>;
	/** When the paper was submitted: the time of its events. */
	at: Date;
	settings: SchedulingSettings;
	source: Extract<Source, 'test' | 'classroom'>;
}

/**
 * What a submitted paper writes to the memory: wrong answers always (the fact goes to
 * (re)learning); right ones only for facts that were due (not new, and due before the end of
 * the study day of `at`), since a test is no reason to space a fact out early.
 */
export function testCredit(input: TestCreditInput): AnswerChanges {
	const { settings, at } = input;
	const params = scheduleParams(settings);
	const dayEnd = nextDayStart(at, settings.timeZone, settings.dayStartHour).getTime();
	const out: AnswerChanges = { changes: [], events: [] };
	for (const [key, r] of input.ratings) {
		const state = input.states.get(key);
		const due = !!state && state.card.state !== State.New && state.card.due.getTime() < dayEnd;
		if (r.rating === Rating.Good && !due) continue;
		const { change, event } = answerFact(input.states, r.deck, r.fact, {
			id: creditEventId(input.attemptId, key),
			at,
			rating: r.rating,
			correct: r.rating !== Rating.Again,
			question: r.question,
			durationMs: 0,
			source: input.source,
			params
		});
		out.changes.push(change);
		out.events.push(event);
	}
	return out;
}
