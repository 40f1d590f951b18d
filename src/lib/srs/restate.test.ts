import { describe, expect, test } from 'vitest';
import { Rating, State } from 'ts-fsrs';
import { apply, memoryKey, newMemory, replay, statementHash, type MemoryState } from './memory';
import { buildQueue } from './queue';
import { restatements, restateEvents } from './restate';
import { makeReview, makeSettings } from './test-helpers';

const OLD = 'The tariff was 50% on 13 January 2026.';
const NEW = 'The US tariff on Indian exports was 50% on 13 January 2026.';

/** A fact answered three times (Good) with its old statement: it reaches Review. */
function reviewed(): { events: ReturnType<typeof makeReview>[]; state: MemoryState } {
	const days = ['2026-01-13T10:00:00Z', '2026-01-13T10:10:00Z', '2026-01-15T10:00:00Z'];
	const events = days.map((at) =>
		makeReview(at, Rating.Good, { deck: 'd', fact: 'f', statementHash: statementHash(OLD) })
	);
	return { events, state: [...replay(events).values()][0] };
}

let n = 0;
const newId = () => `r${++n}`;

describe('restating a fact', () => {
	test('a fact with reviews whose statement changed needs a decision; unchanged and new ones do not', () => {
		const { state } = reviewed();
		const states = new Map([[memoryKey('d', 'f'), state]]);
		const facts = [
			{ id: 'f', statement: NEW },
			{ id: 'g', statement: 'never reviewed' }
		];
		expect(restatements('d', facts, states)).toEqual([{ fact: 'f', statement: NEW, reviews: 3 }]);
		expect(restatements('d', [{ id: 'f', statement: OLD }], states)).toEqual([]);
	});

	test('"same fact": memory kept, the new statement is the one remembered, the queue no longer asks it as changed', () => {
		const { events, state } = reviewed();
		const needs = restatements(
			'd',
			[{ id: 'f', statement: NEW }],
			new Map([[memoryKey('d', 'f'), state]])
		);
		const at = new Date('2026-01-16T09:00:00Z');
		const out = restateEvents('d', needs, new Map([['f', 'same']]), at, newId);
		expect(out.undecided).toEqual([]);
		const [event] = out.events;
		expect(event).toMatchObject({ kind: 'restate', keep: true, statementHash: statementHash(NEW) });
		const after = apply(state, event);
		expect(after.card).toEqual(state.card);
		expect(after.introduced).toEqual(state.introduced);
		expect(after.statementHash).toBe(statementHash(NEW));
		// The replay of the log gives the same state (the log is the source of truth).
		expect(replay([...events, event]).get(memoryKey('d', 'f'))).toEqual(after);

		const queueAt = (s: MemoryState) =>
			buildQueue({
				facts: [{ deck: 'd', fact: 'f', statementHash: statementHash(NEW) }],
				states: new Map([[memoryKey('d', 'f'), s]]),
				settings: makeSettings(),
				done: { newToday: 0, reviewsToday: 0 },
				now: at
			}).entries.map((e) => e.kind);
		expect(queueAt(state)).toEqual(['changed']);
		expect(queueAt(after)).toEqual([]);
	});

	test('"new fact": memory starts again, as a fact never seen, with the new statement', () => {
		const { events, state } = reviewed();
		const needs = restatements(
			'd',
			[{ id: 'f', statement: NEW }],
			new Map([[memoryKey('d', 'f'), state]])
		);
		const at = new Date('2026-01-16T09:00:00Z');
		const [event] = restateEvents('d', needs, new Map([['f', 'new']]), at, newId).events;
		expect(event.keep).toBe(false);
		const after = apply(state, event);
		expect(after.card.state).toBe(State.New);
		expect(after.card.reps).toBe(0);
		expect(after.introduced).toBeNull();
		expect(after.statementHash).toBe(statementHash(NEW));
		expect(replay([...events, event]).get(memoryKey('d', 'f'))).toEqual(after);
		expect(
			restatements('d', [{ id: 'f', statement: NEW }], new Map([[memoryKey('d', 'f'), after]]))
		).toEqual([]);
	});

	test('an undecided fact gets no event and is named', () => {
		const { state } = reviewed();
		const needs = restatements(
			'd',
			[{ id: 'f', statement: NEW }],
			new Map([[memoryKey('d', 'f'), state]])
		);
		expect(restateEvents('d', needs, new Map(), new Date(), newId)).toEqual({
			events: [],
			undecided: ['f']
		});
	});

	test('a fact with no reviews asks nothing', () => {
		const fresh = newMemory('d', 'f');
		expect(
			restatements('d', [{ id: 'f', statement: NEW }], new Map([[memoryKey('d', 'f'), fresh]]))
		).toEqual([]);
	});
});
