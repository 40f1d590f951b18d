import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { Rating, State } from 'ts-fsrs';
import * as z from 'zod/mini';
import { DeckSchema, type Deck } from '$lib/bank/schema';
import { defaultConfig } from '$lib/srs/exam';
import type { Response } from '$lib/srs/grade';
import { apply, memoryKey, newMemory } from '$lib/srs/memory';
import { makeReview, makeSettings } from '$lib/srs/test-helpers';
import { Repository } from '$lib/storage/repository';
import { ExamSession } from './exam.svelte';
import { logRefusingKv, rightResponse, wrongResponse } from './test-helpers';

let deck: Deck;
beforeAll(() => {
	deck = z.parse(
		DeckSchema(),
		JSON.parse(readFileSync('questions/india-us-2026-01/deck.json', 'utf8'))
	);
});

const T0 = new Date('2026-01-20T06:00:00Z').getTime();
function clock() {
	let t = T0;
	const now = () => new Date(t);
	return { now, advance: (ms: number) => (t += ms) };
}

async function setup(n = 4) {
	const repo = await Repository.open(`exam-${Math.random()}`);
	await repo.saveSettings(makeSettings({ timeZone: 'Asia/Kolkata' }));
	const c = clock();
	const config = { ...defaultConfig('seed-1'), n };
	const exam = await ExamSession.start(repo, [deck], config, { now: c.now, id: 'attempt-1' });
	return { repo, exam, c };
}

describe('a mock test', () => {
	test('the countdown runs on wall-clock time: 72 s a question', async () => {
		const { exam, c } = await setup(4);
		expect(exam.timeLeft()).toBe(4 * 72_000);
		c.advance(100_000);
		expect(exam.timeLeft()).toBe(4 * 72_000 - 100_000);
		c.advance(1_000_000);
		expect(exam.timeLeft()).toBe(0);
	});

	test('the palette tracks answered, marked, not answered and not visited', async () => {
		const { exam } = await setup(4);
		expect(exam.counts()).toEqual({
			answered: 0,
			'answered-marked': 0,
			marked: 0,
			'not-answered': 1,
			'not-visited': 3
		});
		await exam.answer(0, { kind: 'choices', choices: [1] });
		await exam.goto(1);
		await exam.toggleMark(1);
		await exam.goto(2);
		await exam.answer(2, { kind: 'choices', choices: [0] });
		await exam.toggleMark(2);
		expect([0, 1, 2, 3].map((i) => exam.status(i))).toEqual([
			'answered',
			'marked',
			'answered-marked',
			'not-visited'
		]);
		await exam.answer(2, null);
		expect(exam.status(2)).toBe('marked');
	});

	test('a reload resumes the attempt where it was, with the time spent', async () => {
		const { repo, exam, c } = await setup(4);
		await exam.answer(0, { kind: 'choices', choices: [2] });
		c.advance(30_000);
		await exam.goto(3);
		const resumed = (await ExamSession.resume(repo, [deck], c.now))!;
		expect(resumed.attempt).toEqual(exam.attempt);
		expect(resumed.current).toBe(3);
		expect(resumed.attempt.timeMs[0]).toBe(30_000);
		expect(resumed.timeLeft()).toBe(4 * 72_000 - 30_000);
	});

	test('results feed the memory: wrong → relearning; right counts only where the fact was due', async () => {
		const { repo, exam } = await setup(6);
		const qs = exam.questions;
		// Make the facts of question 1 due (reviewed long ago), leave the rest new.
		const dueFacts = qs[1].question.facts;
		for (const fact of dueFacts) {
			let s = newMemory(deck.id, fact);
			const e1 = makeReview('2025-12-01T06:00:00Z', Rating.Easy, {
				deck: deck.id,
				fact,
				id: `old-${fact}`
			});
			s = apply(s, e1);
			await repo.commit([{ expected: null, next: s }], [e1]);
		}
		// Answers are given in the options as shown: map the bank's indices through the paper's order.
		const shown = (i: number, r: Response): Response => {
			const order = exam.attempt.paper[i].optionOrder;
			return order && r.kind === 'choices'
				? { kind: 'choices', choices: r.choices.map((b) => order.indexOf(b)) }
				: r;
		};
		await exam.answer(0, shown(0, wrongResponse(qs[0].question)));
		await exam.answer(1, shown(1, rightResponse(qs[1].question)));
		await exam.answer(2, shown(2, rightResponse(qs[2].question)));
		const score = await exam.submit();
		expect(score.items[1].outcome).toBe('correct');
		const { events } = await repo.readLog();
		const fromTest = events.filter((e) => e.kind === 'review' && e.source === 'test');
		const factsOf = (i: number) => qs[i].question.facts;
		// Question 0 wrong: each fact it showed unknown goes to (re)learning.
		expect(score.items[0].outcome).toBe('wrong');
		for (const f of factsOf(0).filter((f) => !score.items[0].facts[f])) {
			const st = await repo.loadState(memoryKey(deck.id, f));
			expect([State.Learning, State.Relearning]).toContain(st?.card.state);
		}
		// Question 1 right and due: a successful review.
		for (const f of dueFacts)
			expect(
				fromTest.some((e) => e.fact === f && e.kind === 'review' && e.rating === Rating.Good)
			).toBe(true);
		// Question 2 right but new: nothing written for its facts (unless also wrong elsewhere).
		for (const f of factsOf(2).filter((f) => !factsOf(0).includes(f) && !dueFacts.includes(f)))
			expect(fromTest.some((e) => e.fact === f)).toBe(false);
		// Submitting again feeds nothing twice.
		await exam.submit();
		expect((await repo.readLog()).events.length).toBe(events.length);
		expect(await repo.loadStates()).toEqual(await repo.rebuildFromLog());
	});

	test('a feed that storage refuses is reported on the session, and the score still shown', async () => {
		// Saving the attempt works; writing to the review log fails (a full disk, say).
		const repo = new Repository(logRefusingKv());
		const config = { ...defaultConfig('seed-1'), n: 3 };
		const exam = await ExamSession.start(repo, [deck], config, { now: clock().now, id: 'a-2' });
		await exam.answer(0, wrongResponse(exam.questions[0].question));
		const score = await exam.submit();
		expect(score.items[0].outcome).toBe('wrong');
		expect(exam.submitted).toBe(true);
		expect(exam.error).toMatch(/not added to your study schedule.*storage is full/);
		expect((await repo.readLog()).events).toEqual([]);
	});

	test('with feeding turned off, results leave the memory alone', async () => {
		const { repo, exam } = await setup(3);
		await exam.answer(0, wrongResponse(exam.questions[0].question));
		await exam.submit(false);
		expect((await repo.readLog()).events).toEqual([]);
		expect((await repo.attempts())[0].submittedAt).not.toBeNull();
	});
});

describe('a mock test when storage refuses a write', () => {
	test('an answer stays on screen with the reason, and the next save stores it', async () => {
		const { repo, exam } = await setup(2);
		const save = repo.saveAttempt.bind(repo);
		let full = true;
		repo.saveAttempt = (a) =>
			full
				? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))
				: save(a);
		const response = rightResponse(exam.questions[0].question);
		await exam.answer(0, response);
		expect(exam.saveError).toMatch(/^Your answer was not saved: .*storage is full/);
		expect(exam.attempt.answers[0]).toEqual(response);
		await expect(exam.submit()).rejects.toThrow('The test was not submitted');
		expect(exam.submitted).toBe(false);
		full = false;
		await exam.goto(1);
		expect(exam.saveError).toBeNull();
		const [stored] = await repo.attempts();
		expect(stored.answers[0]).toEqual(response);
		await exam.submit();
		expect((await repo.attempts())[0].submittedAt).not.toBeNull();
	});
});
