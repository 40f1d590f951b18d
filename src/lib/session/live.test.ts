import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { Rating, State } from 'ts-fsrs';
import { describe, expect, test } from 'vitest';
import type { Deck } from '$lib/bank/schema';
import type { PaperItem } from '$lib/srs/exam';
import type { LiveResponse } from '$lib/srs/live-class';
import { memoryKey } from '$lib/srs/memory';
import { makeSettings } from '$lib/srs/test-helpers';
import { Repository } from '$lib/storage/repository';
import { resolvePaper } from './exam.svelte';
import { classCodeOf } from './live-server';
import { liveAttemptId, liveMemory } from './live-memory';
import { liveId, liveOptions, liveQuestion, oneTap, stateOf } from './live.svelte';
import { rightResponse, wrongResponse } from './test-helpers';

const deck: Deck = JSON.parse(readFileSync('questions/india-us-2026-01/deck.json', 'utf8'));
const mcq = deck.questions.find((q) => q.type === 'mcq')!;

describe('live classroom helpers', () => {
	test('join codes: six unambiguous letters or digits, any case', () => {
		expect(classCodeOf(' AbC234 ')).toBe('abc234');
		for (const bad of ['abc23', 'abc2345', 'abc0l1', 'ab-234', null])
			expect(classCodeOf(bad)).toBeUndefined();
	});

	test("an option's place is the paper's, and the right one is known only once revealed", () => {
		const n = liveOptions(mcq, { optionOrder: null }).length;
		expect(n).toBeGreaterThan(1);
		const order = Array.from({ length: n }, (_, i) => n - 1 - i);
		const plain = liveQuestion(mcq, { optionOrder: null }, 0, true);
		const shuffled = liveQuestion(mcq, { optionOrder: order }, 2, true);
		expect(plain.id).toBe('q1');
		expect(shuffled).toMatchObject({
			id: liveId(2),
			options: n,
			correct: [n - 1 - plain.correct![0]]
		});
		expect(liveOptions(mcq, { optionOrder: order })[shuffled.correct![0]]).toBe(
			liveOptions(mcq, { optionOrder: null })[plain.correct![0]]
		);
		// Grading goes through the paper's order: the right place as shown is right.
		expect(shuffled.grade!({ kind: 'choices', choices: [...shuffled.correct!] })).toBe(true);
		expect(shuffled.grade!({ kind: 'choices', choices: [...plain.correct!] })).toBe(n === 1);
		expect(liveQuestion(mcq, { optionOrder: null }, 0, false).correct).toBeNull();
	});

	test('the state document is read only when it is one', () => {
		const state = { position: 2, open: 'q2', revealed: ['q1'], ended: false };
		expect(stateOf({ _id: 'state', _rev: '1-a', ...state })).toEqual(state);
		expect(stateOf({ _id: 'other', ...state })).toBeUndefined();
		expect(stateOf({ _id: 'state', ...state, revealed: 'q1' })).toBeUndefined();
	});
});

describe('every type the paper may hold is answered live', () => {
	const of = (type: string) => deck.questions.find((q) => q.type === type)!;
	const none = { optionOrder: null };

	test('true/false and select-all are options; the rest right or wrong by their grading', () => {
		const tf = of('true_false');
		expect(liveOptions(tf, none)).toEqual(['True', 'False']);
		expect(oneTap(tf)).toBe(true);
		const tfq = liveQuestion(tf, none, 0, true);
		const truth = tf.type === 'true_false' && tf.answer;
		expect(tfq.grade!({ kind: 'choices', choices: [truth ? 0 : 1] })).toBe(true);
		expect(tfq.grade!({ kind: 'choices', choices: [truth ? 1 : 0] })).toBe(false);

		const multi = of('multi');
		expect(oneTap(multi)).toBe(false);
		const mq = liveQuestion(multi, none, 1, true);
		expect(mq.correct!.length).toBeGreaterThan(0);
		expect(mq.grade!({ kind: 'choices', choices: [...mq.correct!] })).toBe(true);
		expect(mq.grade!({ kind: 'choices', choices: [mq.correct![0]] })).toBe(
			mq.correct!.length === 1
		);

		for (const type of ['cloze', 'numeric', 'match', 'order']) {
			const q = liveQuestion(of(type), none, 2, true);
			expect(q.options, type).toBe(0);
			expect(q.correct, type).toEqual([]);
			const right = rightResponse(of(type));
			expect(right.kind === 'choices' || right.kind === 'boolean', type).toBe(false);
			expect(q.grade!(right as LiveResponse), type).toBe(true);
			expect(q.grade!(wrongResponse(of(type)) as LiveResponse), type).toBe(false);
		}
		expect(liveQuestion(of('cloze'), none, 2, false).correct).toBeNull();
	});
});

describe('live answers feed the student’s own memory', () => {
	const T = new Date('2026-01-20T06:00:00Z').getTime();
	const item = (q: (typeof deck.questions)[number]): PaperItem => ({
		deck: deck.id,
		question: q.id,
		optionOrder: null
	});

	test('a wrong answer is a review of each fact, once however often it is fed', async () => {
		const repo = await Repository.open(`live-${Math.random()}`);
		await repo.saveSettings(makeSettings({ timeZone: 'Asia/Kolkata' }));
		const cloze = deck.questions.find((q) => q.type === 'cloze')!;
		const questions = resolvePaper([deck], [item(mcq), item(cloze)]);
		const feed = liveMemory(async () => repo, 'abc234', 'session-0000000001', questions, [
			item(mcq),
			item(cloze)
		]);
		const wrong = wrongResponse(mcq);
		const sent = (response: LiveResponse, at = T) => ({ response, at, result: 'sent' as const });
		await feed('q1', sent(wrong as LiveResponse));
		await feed('q1', sent(wrong as LiveResponse));
		// A right answer to a fact never seen is no review (as in the offline classroom).
		await feed('q2', sent(rightResponse(cloze) as LiveResponse, T + 1000));
		const { events } = await repo.readLog();
		expect(events.map((e) => (e.kind === 'review' ? [e.fact, e.rating, e.source] : []))).toEqual(
			mcq.facts.map((f) => [f, Rating.Again, 'classroom'])
		);
		expect(
			events.every((e) => e.id.startsWith(liveAttemptId('abc234', 'session-0000000001')))
		).toBe(true);
		const states = await repo.loadStates();
		for (const f of mcq.facts)
			expect(states.get(memoryKey(deck.id, f))?.card.state).toBe(State.Learning);
	});
});
