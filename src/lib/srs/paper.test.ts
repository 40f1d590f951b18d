import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import * as z from 'zod/mini';
import { DeckSchema, type Deck } from '../bank/schema';
import { buildPaper, defaultConfig, paperCapacity, UPSC_TYPES, type ExamConfig } from './exam';

const deck: Deck = z.parse(
	DeckSchema(),
	JSON.parse(readFileSync('questions/india-us-2026-01/deck.json', 'utf8'))
);
const factsOf = new Map(deck.questions.map((q) => [q.id, q.facts]));

/** The pairs of questions of a paper that test the same fact. */
function sharedFacts(config: ExamConfig): string[] {
	const seen = new Map<string, string>();
	const pairs: string[] = [];
	for (const item of buildPaper([deck], config))
		for (const f of factsOf.get(item.question)!) {
			if (seen.has(f)) pairs.push(`${seen.get(f)} & ${item.question} (${f})`);
			seen.set(f, item.question);
		}
	return pairs;
}

const classPaper = (seed: string): ExamConfig => ({
	...defaultConfig(seed),
	n: 10,
	types: [...UPSC_TYPES, 'true_false']
});

describe('one question per fact', () => {
	test('500 class papers of 10 questions: no two questions test the same fact', () => {
		const bad = Array.from({ length: 500 }, (_, i) => sharedFacts(classPaper(`seed-${i}`))).filter(
			(pairs) => pairs.length
		);
		expect(bad).toEqual([]);
	});

	test('200 mock tests of every test type: no two questions test the same fact', () => {
		const types = deck.questions.map((q) => q.type).filter((t) => t !== 'flashcard');
		const bad = Array.from({ length: 200 }, (_, i) =>
			sharedFacts({ ...defaultConfig(`mock-${i}`), n: 15, types: [...new Set(types)] })
		).filter((pairs) => pairs.length);
		expect(bad).toEqual([]);
	});

	test('the setup screen learns how many facts the choices cover, and how many fit apart', () => {
		const config: ExamConfig = { ...classPaper('few'), types: ['match'] };
		const matches = deck.questions.filter((q) => q.type === 'match');
		const facts = new Set(matches.flatMap((q) => q.facts));
		const capacity = paperCapacity([deck], config);
		expect(capacity.questions).toBe(matches.length);
		expect(capacity.facts).toBe(facts.size);
		expect(capacity.separate).toBeGreaterThan(0);
		expect(capacity.separate).toBeLessThanOrEqual(facts.size);
		expect(capacity.separate).toBeLessThan(matches.length);
	});

	test('a paper longer than the facts allow puts its questions on separate facts first, then repeats', () => {
		const matches = deck.questions.filter((q) => q.type === 'match');
		const { separate } = paperCapacity([deck], { ...classPaper('long'), types: ['match'] });
		const config: ExamConfig = { ...classPaper('long'), types: ['match'], n: matches.length };
		const paper = buildPaper([deck], config);
		expect(paper).toHaveLength(matches.length);
		const first = paper.slice(0, separate).flatMap((i) => factsOf.get(i.question)!);
		expect(new Set(first).size).toBe(first.length);
		expect(sharedFacts({ ...config, n: separate })).toEqual([]);
		expect(sharedFacts(config).length).toBeGreaterThan(0);
	});
});
