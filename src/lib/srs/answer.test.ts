import { describe, expect, test } from 'vitest';
import { Rating, State } from './fsrs-enums';
import {
	creditEventId,
	paperRatings,
	studyAnswer,
	studyRatings,
	testCredit,
	timeAfter,
	type AnswerDeck,
	type AnswerQuestion,
	type StudyAnswerInput
} from './answer';
import { suggestedRating } from './grade';
import { statementHash } from './keys';
import { apply, newMemory, type MemoryState } from './memory';
import { scheduleParams } from './settings';
import { makeReview, makeSettings } from './test-helpers';

const settings = makeSettings({ timeZone: 'Asia/Kolkata' });
const params = scheduleParams(settings);
const deck: AnswerDeck = {
	id: 'd',
	facts: [
		{ id: 'a', statement: 'Fact a.' },
		{ id: 'b', statement: 'Fact b.' },
		{ id: 'c', statement: 'Fact c.' }
	]
};
const composite: AnswerQuestion = { id: 'q-abc', type: 'statements', facts: ['a', 'b', 'c'] };
const single: AnswerQuestion = { id: 'q-a', type: 'mcq', facts: ['a'] };
const AT = new Date('2026-01-20T06:00:00Z'); // 11:30 IST; the study day ends at 22:30Z

/** A fact reviewed once, Easy, on 1 January, then made due at `due`. */
function reviewed(fact: string, due: string): MemoryState {
	const s = apply(newMemory('d', fact), makeReview('2026-01-01T06:00:00Z', Rating.Easy, { fact }));
	return { ...s, card: { ...s.card, state: State.Review, due: new Date(due) } };
}

const byKey = (...list: MemoryState[]) => new Map(list.map((s) => [`${s.deck}/${s.fact}`, s]));

function study(overrides: Partial<StudyAnswerInput> = {}) {
	let n = 0;
	return studyAnswer({
		deck,
		question: composite,
		ratings: studyRatings(composite.facts, 'a', Rating.Good, { a: true, b: true, c: false }),
		known: { a: true, b: true, c: false },
		states: new Map(),
		at: AT,
		durationMs: 7000,
		settings,
		newId: () => `id-${++n}`,
		...overrides
	});
}

describe('a study answer', () => {
	test('the studied fact gets the learner’s rating; the others Good where known, Again where not', () => {
		const known = { a: false, b: true, c: false };
		expect([...studyRatings(composite.facts, 'a', Rating.Hard, known)]).toEqual([
			['a', Rating.Hard],
			['b', Rating.Good],
			['c', Rating.Again]
		]);
		// Rated Again, the studied fact pulls the others down with it.
		expect([...studyRatings(composite.facts, 'a', Rating.Again, known).values()]).toEqual([
			Rating.Again,
			Rating.Again,
			Rating.Again
		]);
	});

	test('the suggestion: Good when the studied fact was shown known, Again when not; a flashcard’s own', () => {
		const result = { suggested: Rating.Easy, facts: { a: true, b: false } };
		expect(suggestedRating('statements', result, 'a')).toBe(Rating.Good);
		expect(suggestedRating('statements', result, 'b')).toBe(Rating.Again);
		expect(suggestedRating('flashcard', result, 'b')).toBe(Rating.Easy);
	});

	test('one log event per fact, with every field a replay needs', () => {
		const answer = study();
		expect(answer.events[0]).toEqual({
			id: 'id-1',
			deck: 'd',
			fact: 'a',
			at: AT,
			kind: 'review',
			rating: Rating.Good,
			correct: true,
			question: 'q-abc',
			questionType: 'statements',
			durationMs: 7000,
			source: 'review',
			params,
			statementHash: statementHash('Fact a.'),
			stateBefore: State.New
		});
		expect(answer.events.map((e) => [e.fact, e.rating, e.correct])).toEqual([
			['a', Rating.Good, true],
			['b', Rating.Good, true],
			['c', Rating.Again, false]
		]);
	});

	test('golden: new facts rated Good come back in 10 minutes, Again in 1 (steps 1m 10m)', () => {
		const answer = study();
		expect(answer.changes.map((c) => [c.expected, c.next.card.due.toISOString()])).toEqual([
			[null, '2026-01-20T06:10:00.000Z'],
			[null, '2026-01-20T06:10:00.000Z'],
			[null, '2026-01-20T06:01:00.000Z']
		]);
		expect(answer.counted).toEqual({ newToday: 3, reviewsToday: 0 });
		expect(answer.restores).toEqual([
			{ key: 'd/a', expected: 'id-1', previous: null },
			{ key: 'd/b', expected: 'id-2', previous: null },
			{ key: 'd/c', expected: 'id-3', previous: null }
		]);
	});

	test('a fact with a state is answered from it, and counts as a review done today', () => {
		const before = reviewed('a', '2026-01-20T04:00:00Z');
		const answer = study({
			question: single,
			ratings: new Map([['a', Rating.Good]]),
			known: { a: true },
			states: byKey(before)
		});
		expect(answer.changes[0].expected).toBe(before.lastEvent);
		expect(answer.changes[0].next.events).toBe(2);
		expect(answer.events[0].stateBefore).toBe(State.Review);
		expect(answer.counted).toEqual({ newToday: 0, reviewsToday: 1 });
		expect(answer.restores[0].previous).toBe(before);
	});

	test('applied on top of another tab’s answer, it comes after that answer', () => {
		const other = { ...reviewed('a', '2026-01-21T00:00:00Z') };
		other.card = { ...other.card, last_review: new Date('2026-01-20T06:00:05Z') };
		const states = byKey(other);
		expect(timeAfter(AT, states, ['d/a', 'd/b']).toISOString()).toBe('2026-01-20T06:00:05.001Z');
		expect(timeAfter(new Date('2026-01-20T07:00:00Z'), states, ['d/a']).toISOString()).toBe(
			'2026-01-20T07:00:00.000Z'
		);
	});
});

describe('a test’s credit', () => {
	const creditOf = (
		ratings: ReturnType<typeof paperRatings>,
		states: ReadonlyMap<string, MemoryState>,
		source: 'test' | 'classroom' = 'test'
	) => testCredit({ attemptId: 'att', ratings, states, at: AT, settings, source });
	const q2: AnswerQuestion = { id: 'q-bc', type: 'mcq', facts: ['b', 'c'] };

	test('a fact asked twice counts once: wrong anywhere is wrong; blank questions give nothing', () => {
		const ratings = paperRatings([
			{ deck, question: composite, known: { a: true, b: false, c: true } },
			{ deck, question: q2, known: { b: true, c: true } },
			{ deck, question: single, known: null }
		]);
		expect([...ratings].map(([k, r]) => [k, r.rating, r.question.id])).toEqual([
			['d/a', Rating.Good, 'q-abc'],
			['d/b', Rating.Again, 'q-abc'],
			['d/c', Rating.Good, 'q-bc']
		]);
	});

	test('wrong always counts; right only where the fact was due before the study day ends', () => {
		const states = byKey(
			reviewed('a', '2026-01-20T22:29:00Z'), // due at 03:59 IST tomorrow: still today
			reviewed('b', '2026-01-20T22:30:00Z') // due at 04:00 IST tomorrow: not today
		);
		const ratings = paperRatings([
			{ deck, question: composite, known: { a: true, b: true, c: true } },
			{ deck, question: { id: 'q-new', type: 'true_false', facts: ['x'] }, known: { x: false } }
		]);
		const credit = creditOf(ratings, states);
		// c is new and right: nothing; b is right but not due: nothing; x is new and wrong: Again.
		expect(credit.events.map((e) => [e.id, e.kind === 'review' && e.rating])).toEqual([
			['att/d/a', Rating.Good],
			['att/d/x', Rating.Again]
		]);
		expect(credit.events[1]).toMatchObject({
			at: AT,
			correct: false,
			question: 'q-new',
			durationMs: 0,
			source: 'test',
			params,
			statementHash: statementHash(''),
			stateBefore: State.New
		});
		expect(creditEventId('att', 'd/a')).toBe('att/d/a');
	});

	test('golden: a due review answered right in a class quiz is spaced out as a review', () => {
		const states = byKey(reviewed('a', '2026-01-20T04:00:00Z'));
		const ratings = paperRatings([{ deck, question: single, known: { a: true } }]);
		const credit = creditOf(ratings, states, 'classroom');
		expect(credit.events[0]).toMatchObject({ source: 'classroom', stateBefore: State.Review });
		const next = credit.changes[0].next;
		expect(next.card.state).toBe(State.Review);
		expect(next.card.due.toISOString()).toBe('2026-03-23T06:00:00.000Z');
	});
});
