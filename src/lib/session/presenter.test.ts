import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import * as z from 'zod/mini';
import { DeckSchema, type Deck } from '$lib/bank/schema';
import {
	buildPaper,
	configFromJoin,
	defaultConfig,
	joinParams,
	type ExamConfig
} from '$lib/srs/exam';
import { Presenter } from './presenter.svelte';

let deck: Deck;
beforeAll(() => {
	deck = z.parse(
		DeckSchema(),
		JSON.parse(readFileSync('questions/india-us-2026-01/deck.json', 'utf8'))
	);
});

const config = (over: Partial<ExamConfig> = {}): ExamConfig => ({
	...defaultConfig('class-1'),
	n: 3,
	secondsPerQuestion: 30,
	mode: 'practice',
	...over
});

describe('Presenter', () => {
	test('runs join slide → questions → answer key, and back', () => {
		const p = new Presenter([deck], config());
		expect(p.slide.kind).toBe('join');
		p.next();
		expect(p.slide).toMatchObject({ kind: 'question', index: 0 });
		p.next();
		p.next();
		expect(p.slide).toMatchObject({ kind: 'question', index: 2 });
		p.next();
		expect(p.slide.kind).toBe('key');
		p.next();
		expect(p.slide.kind).toBe('key');
		p.back();
		expect(p.slide).toMatchObject({ kind: 'question', index: 2 });
	});

	test('shows the same paper as the join link gives the students', () => {
		const c = config();
		const p = new Presenter([deck], c);
		const student = configFromJoin(joinParams(c), 'other');
		expect(buildPaper([deck], student)).toEqual(p.items);
		expect(student.mode).toBe('practice');
		expect(student.secondsPerQuestion).toBeNull();
	});

	test('the countdown reveals the answer at zero and stops', () => {
		let t = 1_000_000;
		const p = new Presenter([deck], config(), () => t);
		p.next();
		expect(p.timeLeft()).toBe(30_000);
		t += 10_000;
		expect(p.fractionLeft()).toBeCloseTo(2 / 3);
		expect(p.tick()).toBe(false);
		t += 20_000;
		expect(p.tick()).toBe(true);
		expect(p.revealed).toBe(true);
		expect(p.timeLeft()).toBeNull();
	});

	test('a live class resumed elsewhere keeps its countdown, and a past one reveals at once', () => {
		let t = 1_000_000;
		const first = new Presenter([deck], config(), () => t);
		first.next();
		first.next();
		const deadline = first.deadline!;
		t += 12_000;
		const other = new Presenter([deck], config(), () => t);
		other.restore(2, [true], deadline);
		expect(other.slide).toMatchObject({ kind: 'question', index: 1 });
		expect(other.revealedAll).toEqual([true, false, false]);
		expect(other.timeLeft()).toBe(18_000);
		t += 20_000;
		const late = new Presenter([deck], config(), () => t);
		late.restore(2, [true], deadline);
		expect(late.tick()).toBe(true);
		expect(late.revealed).toBe(true);
		// A revealed question, or none kept, starts no countdown of its own from the server's.
		const revealed = new Presenter([deck], config(), () => t);
		revealed.restore(1, [true], deadline);
		expect(revealed.deadline).toBeNull();
	});

	test('Reveal before time is up stops the clock; going back shows the question still revealed', () => {
		const t = 0;
		const p = new Presenter([deck], config(), () => t);
		p.next();
		p.reveal();
		expect(p.timeLeft()).toBeNull();
		p.next();
		expect(p.revealed).toBe(false);
		expect(p.timeLeft()).toBe(30_000);
		p.back();
		expect(p.revealed).toBe(true);
	});

	test('an untimed quiz has no countdown', () => {
		const p = new Presenter([deck], config({ secondsPerQuestion: null }));
		p.next();
		expect(p.timeLeft()).toBeNull();
		expect(p.tick()).toBe(false);
	});
});

describe('join links', () => {
	test('carry decks, topics and a custom marking, and stay short', () => {
		const c = config({
			decks: ['india-us-2026-01'],
			topics: ['tariffs'],
			scheme: 'custom',
			marking: { right: 4, wrong: 1 },
			types: ['mcq', 'statements']
		});
		const params = joinParams(c);
		expect(params.toString().length).toBeLessThan(80);
		expect(configFromJoin(params, 'x')).toEqual({ ...c, secondsPerQuestion: null });
	});
});
