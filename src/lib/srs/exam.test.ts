import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import * as z from 'zod/mini';
import { DeckSchema, type Deck, type Question, type QuestionOf } from '../bank/schema';
import {
	buildPaper,
	configFromParams,
	configToParams,
	defaultConfig,
	MARKING_SCHEMES,
	scorePaper,
	toBankResponse
} from './exam';
import type { Response } from './grade';
import { sample as mcqSample } from '../question-types/mcq/sample';
import { sample as statementsSample } from '../question-types/statements/sample';

const deck: Deck = z.parse(
	DeckSchema(),
	JSON.parse(readFileSync('questions/india-us-2026-01/deck.json', 'utf8'))
);
const mcq = mcqSample.question;
/** Statements 1 and 3 are correct, 2 is not: the answer is (c) "1 and 3 only". */
const statements = statementsSample.question;
const choose = (...c: number[]): Response => ({ kind: 'choices', choices: c });
const gs1 = MARKING_SCHEMES['upsc-gs1'];
const csat = MARKING_SCHEMES.csat;
const paper = (...qs: Question[]) => qs.map((q) => ({ q, topics: ['t'] }));

describe('scoring as the exam scores', () => {
	type Row = [string, Question, Response | null, number, number];
	const rows: Row[] = [
		['GS I: right', mcq, choose(2), gs1.right, 2],
		['GS I: wrong loses 0.66', mcq, choose(1), gs1.right, -0.66],
		['GS I: blank scores 0', mcq, null, gs1.right, 0],
		['GS I: two options where one is asked is wrong', mcq, choose(2, 1), gs1.right, -0.66],
		['CSAT: right', mcq, choose(2), csat.right, 2.5],
		['CSAT: wrong loses 0.83', mcq, choose(0), csat.right, -0.83],
		['a statements item is one answer: right', statements, choose(2), gs1.right, 2],
		['a statements item partly known is still wrong', statements, choose(3), gs1.right, -0.66]
	];
	test.each(rows)('%s', (_n, q, r, right, marks) => {
		const marking = right === 2 ? gs1 : csat;
		expect(scorePaper(paper(q), [r], marking).total).toBe(marks);
	});

	test('a paper: totals, negative marks, accuracy and breakdowns', () => {
		const s = scorePaper(
			[
				{ q: mcq, topics: ['trade'] },
				{ q: mcq, topics: ['trade', 'energy'] },
				{ q: statements, topics: ['energy'] },
				{ q: mcq, topics: ['trade'] }
			],
			[choose(2), choose(0), choose(2), null],
			gs1
		);
		expect(s.total).toBe(3.34);
		expect(s.max).toBe(8);
		expect(s.negative).toBe(0.66);
		expect([s.right, s.wrong, s.blank, s.attempted]).toEqual([2, 1, 1, 3]);
		expect(s.accuracy).toBeCloseTo(2 / 3);
		expect(s.byTopic.trade).toEqual({ right: 1, wrong: 1, blank: 1, marks: 1.34 });
		expect(s.byTopic.energy).toEqual({ right: 1, wrong: 1, blank: 0, marks: 1.34 });
		expect(s.byType.statements).toEqual({ right: 1, wrong: 0, blank: 0, marks: 2 });
		// Per-fact outcomes for the memory: the statements answer showed every fact known.
		expect(s.items[2].facts).toEqual({ a: true, b: true, c: true });
	});

	test('topics named like Object.prototype members are counted as topics, not looked up on it', () => {
		const before = Object.getOwnPropertyNames(Object.prototype).length;
		const s = scorePaper(
			[
				{ q: mcq, topics: ['constructor', '__proto__', 'toString'] },
				{ q: mcq, topics: ['constructor'] }
			],
			[choose(2), choose(0)],
			gs1
		);
		expect(Object.entries(s.byTopic)).toEqual([
			['constructor', { right: 1, wrong: 1, blank: 0, marks: 1.34 }],
			['__proto__', { right: 1, wrong: 0, blank: 0, marks: 2 }],
			['toString', { right: 1, wrong: 0, blank: 0, marks: 2 }]
		]);
		// Nothing was written onto the global Object.
		expect(Object.getOwnPropertyNames(Object.prototype)).toHaveLength(before);
		expect(typeof ({} as Record<string, unknown>).toString).toBe('function');
	});
});

describe('the paper from a seed', () => {
	const config = { ...defaultConfig('abc123'), n: 15 };

	test('the same config gives the same questions, order and option order on any device', () => {
		const a = buildPaper([deck], config);
		// Another device may hold the deck's questions in another order.
		const shuffled = { ...deck, questions: [...deck.questions].reverse() };
		expect(buildPaper([shuffled], config)).toEqual(a);
		expect(a).toHaveLength(15);
		expect(buildPaper([deck], { ...config, seed: 'other' })).not.toEqual(a);
	});

	test('filters by type and topic, and never includes flashcards', () => {
		const items = buildPaper([deck], {
			...config,
			n: 500,
			types: ['mcq', 'flashcard'],
			topics: ['nuclear']
		});
		const byId = new Map(deck.questions.map((q) => [q.id, q]));
		const nuclear = new Set(
			deck.facts.filter((f) => f.topics.includes('nuclear')).map((f) => f.id)
		);
		expect(items.length).toBeGreaterThan(0);
		for (const item of items) {
			const q = byId.get(item.question)!;
			expect(q.type).toBe('mcq');
			expect(q.facts.some((f) => nuclear.has(f))).toBe(true);
		}
	});

	test('answers on shuffled options are graded on the bank’s options', () => {
		const items = buildPaper([deck], { ...config, n: 500, types: ['mcq'] });
		const item = items.find((i) => i.optionOrder && i.optionOrder[0] !== 0)!;
		const q = deck.questions.find((x) => x.id === item.question) as QuestionOf<'mcq'>;
		const shown = item.optionOrder!.indexOf(q.answer);
		const r = toBankResponse(item, choose(shown));
		expect(scorePaper(paper(q), [r], gs1).total).toBe(2);
	});

	test('the link round-trips the config; a bad link falls back to defaults', () => {
		const c = {
			...config,
			decks: ['india-us-2026-01'],
			topics: ['trade', 'energy'],
			mode: 'practice' as const,
			scheme: 'custom' as const,
			marking: { right: 4, wrong: 1 },
			secondsPerQuestion: null
		};
		expect(configFromParams(configToParams(c), 'x')).toEqual(c);
		const bad = configFromParams(
			new URLSearchParams('n=-3&types=essay&marking=nope&time=abc'),
			'seed9'
		);
		expect(bad).toEqual(defaultConfig('seed9'));
	});
});
