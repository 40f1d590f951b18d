/**
 * Links made before question types had stable codes (join links named them by a bit mask over
 * their position in the type list) still open the same config and the same paper. The links,
 * configs and papers below were captured from the code of commit a8e74a6 over the bank's deck as
 * it was then (kept beside this test as exam-links.deck.json, since the bank's deck has been
 * revised since): never edit them to make a test pass.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import * as z from 'zod/mini';
import { DeckSchema } from '../bank/schema';
import {
	buildPaper,
	configFromJoin,
	configFromParams,
	configToParams,
	defaultConfig,
	ExamConfigSchema,
	joinParams,
	readJoinLink,
	readTestLink,
	type ExamConfig,
	type PaperItem
} from './exam';

const deck = z.parse(
	DeckSchema(),
	JSON.parse(readFileSync('src/lib/srs/exam-links.deck.json', 'utf8'))
);

/** A paper as the capture wrote it: the question id, then `:` and the option order if shuffled. */
const paperText = (items: PaperItem[]) =>
	items
		.map((i) => (i.optionOrder ? `${i.question}:${i.optionOrder.join('')}` : i.question))
		.join(' ');

interface Captured {
	name: string;
	/** The `/join` link's parameters. */
	join: string;
	/** The `/test` and `/print` link's parameters. */
	full: string;
	config: ExamConfig;
	/** The types the join link opens, where their order differs (the mask listed them in type order). */
	joinTypes?: ExamConfig['types'];
	/** The paper's items, space-separated. */
	paper: string;
}

// prettier-ignore
const CAPTURED: Captured[] = [
	{
		name: 'default UPSC types',
		join: 's=link-seed&n=20&k=1du&m=upsc-gs1',
		full: 'seed=link-seed&n=20&mode=exam&marking=upsc-gs1&types=mcq%2Cstatements%2Cpairs%2Cassertion_reason&time=72',
		config: { seed: 'link-seed', decks: [], topics: [], types: ['mcq', 'statements', 'pairs', 'assertion_reason'], n: 20, secondsPerQuestion: 72, scheme: 'upsc-gs1', marking: { right: 2, wrong: 0.66 }, mode: 'exam' },
		paper: 'c-iran-minimal-ar b-energy-backdrop-statements c-iran-tariff-statements a-summit-timing-mcq:3012 a-shanti-statements b-dairy-agriculture-statement-i-ii a-call-date-iran-ar a-gor-statements c-headings-pairs b-energy-security-mcq:0231 b-us-demands-pairs b-dispute-table-statements c-turning-point-mcq:1023 a-phrases-pairs c-iran-exposure-statements a-pax-silica-ar a-frostiest-ar c-follow-up-status-pairs c-iran-exposure-room-ar c-next-steps-statements'
	},
	{
		name: 'every test type, practice, untimed',
		join: 's=all-types&n=30&k=1ku&m=upsc-gs1',
		full: 'seed=all-types&n=30&mode=practice&marking=upsc-gs1&types=mcq%2Cmulti%2Ctrue_false%2Ccloze%2Cnumeric%2Cmatch%2Corder%2Cstatements%2Cpairs%2Cassertion_reason&time=none',
		config: { seed: 'all-types', decks: [], topics: [], types: ['mcq', 'multi', 'true_false', 'cloze', 'numeric', 'match', 'order', 'statements', 'pairs', 'assertion_reason'], n: 30, secondsPerQuestion: null, scheme: 'upsc-gs1', marking: { right: 2, wrong: 0.66 }, mode: 'practice' },
		paper: 'a-call-date-numeric a-week-sequence-order c-iran-impact-tf b-us-demands-match a-phrases-pairs a-call-context-statements c-secondary-sanctions-cloze b-call-day-events-multi:13204 c-follow-up-status-pairs c-assessment-statements b-drift-stakes-mcq:3012 a-initiatives-match a-tariff-rate-tf b-energy-security-mcq:1203 a-call-basics-statements b-talks-collapse-year-numeric c-iran-trade-numeric a-tariff-figures-match c-iran-section-match a-shanti-expansion-cloze a-shanti-statements b-gor-day-assertion-reason b-critical-minerals-importance-multi:20314 a-shanti-expansion-mcq:1320 c-iran-exposure-room-ar b-call-topics-pairs b-turning-point-tariff-numeric b-us-demands-pairs b-russian-oil-tariff-cloze b-dairy-agriculture-statement-i-ii'
	},
	{
		name: 'a single type',
		join: 's=one&n=5&k=3k&m=upsc-gs1',
		full: 'seed=one&n=5&mode=exam&marking=upsc-gs1&types=order&time=72',
		config: { seed: 'one', decks: [], topics: [], types: ['order'], n: 5, secondsPerQuestion: 72, scheme: 'upsc-gs1', marking: { right: 2, wrong: 0.66 }, mode: 'exam' },
		paper: 'a-relationship-arc-order a-tariff-size-order c-tariff-chronology-order c-gor-hint-meeting-order a-week-sequence-order'
	},
	{
		name: 'custom marking',
		join: 's=custom&n=12&k=6&m=3%2C1',
		full: 'seed=custom&n=12&mode=exam&marking=custom&types=mcq%2Cmulti&time=90&custom=3%2C1',
		config: { seed: 'custom', decks: [], topics: [], types: ['mcq', 'multi'], n: 12, secondsPerQuestion: 90, scheme: 'custom', marking: { right: 3, wrong: 1 }, mode: 'exam' },
		paper: 'b-us-demands-multi:214530 b-call-day-events-multi:04321 b-venezuela-oil-mcq:0312 b-drift-stakes-mcq:1320 b-critical-minerals-importance-multi:14320 c-turning-point-mcq:0321 b-energy-security-mcq:2031 b-energy-realignment-multi:40132 c-follow-ups-multi:23401 a-summit-timing-mcq:0312 c-strained-ties-multi:31240 a-shanti-expansion-mcq:1230'
	},
	{
		name: 'decks and topics, CSAT marking',
		join: 's=scoped&n=15&k=oo&d=india-us-2026-01&t=trade%2Cnuclear&m=csat',
		full: 'seed=scoped&n=15&mode=exam&marking=csat&decks=india-us-2026-01&topics=trade%2Cnuclear&types=statements%2Cpairs%2Ctrue_false%2Cnumeric%2Ccloze%2Cmatch&time=72',
		config: { seed: 'scoped', decks: ['india-us-2026-01'], topics: ['trade', 'nuclear'], types: ['statements', 'pairs', 'true_false', 'numeric', 'cloze', 'match'], n: 15, secondsPerQuestion: 72, scheme: 'csat', marking: { right: 2.5, wrong: 0.83 }, mode: 'exam' },
		joinTypes: ['true_false', 'cloze', 'numeric', 'match', 'statements', 'pairs'],
		paper: 'b-india-positions-pairs c-iran-exposure-statements a-shanti-expansion-cloze a-initiatives-pairs c-headings-pairs c-iran-tariff-statements b-call-topics-pairs a-initiatives-match b-countries-match a-tariff-rate-tf c-iran-impact-tf c-iran-trade-numeric a-call-context-statements a-tariff-50-numeric c-secondary-sanctions-cloze'
	},
	{
		name: 'plain marking, the last type',
		join: 's=plain&n=8&k=sg',
		full: 'seed=plain&n=8&mode=exam&marking=plain&types=assertion_reason&time=72',
		config: { seed: 'plain', decks: [], topics: [], types: ['assertion_reason'], n: 8, secondsPerQuestion: 72, scheme: 'plain', marking: { right: 1, wrong: 0 }, mode: 'exam' },
		paper: 'a-frostiest-ar b-dairy-agriculture-statement-i-ii b-gor-complexities-assertion-reason a-pax-silica-ar a-call-date-iran-ar b-russian-oil-statement-i-ii c-drift-vs-thorny-ar a-shanti-springboard-ar'
	}
];

/** What a join link opens: the config in practice mode, untimed. */
const joinConfig = (c: Captured): ExamConfig => ({
	...c.config,
	types: c.joinTypes ?? c.config.types,
	mode: 'practice',
	secondsPerQuestion: null
});

/**
 * A paper holds one question per fact (docs/ARCHITECTURE.md), which the captured code did not
 * ensure: a link opens the captured paper less each question that tests a fact an earlier one
 * tested, in the same order and option order, then questions from further in the seed's order.
 */
function expectCapturedPaper(items: PaperItem[], captured: string) {
	const factsOf = new Map(deck.questions.map((q) => [q.id, q.facts]));
	const seen = new Set<string>();
	const kept = captured.split(' ').filter((entry) => {
		const facts = factsOf.get(entry.split(':')[0])!;
		if (facts.some((f) => seen.has(f))) return false;
		for (const f of facts) seen.add(f);
		return true;
	});
	const text = paperText(items).split(' ');
	expect(text.slice(0, kept.length)).toEqual(kept);
	expect(text).toHaveLength(captured.split(' ').length);
}

describe('links made by the earlier version', () => {
	test.each(CAPTURED)('$name: the test link opens the same config and paper', (c) => {
		const config = configFromParams(new URLSearchParams(c.full), 'fallback');
		expect(config).toEqual(c.config);
		expectCapturedPaper(buildPaper([deck], config), c.paper);
	});

	test.each(CAPTURED)('$name: the join link opens the same config and paper', (c) => {
		const config = configFromJoin(new URLSearchParams(c.join), 'fallback');
		expect(config).toEqual(joinConfig(c));
		expectCapturedPaper(buildPaper([deck], config), c.paper);
	});

	test.each(CAPTURED)('$name: links made today open the same config and paper', (c) => {
		expect(configFromParams(configToParams(c.config), 'fallback')).toEqual(c.config);
		const joined = configFromJoin(joinParams(c.config), 'fallback');
		expect(joined).toEqual({ ...c.config, mode: 'practice', secondsPerQuestion: null });
		expectCapturedPaper(buildPaper([deck], joined), c.paper);
	});

	test('a join link names types by their codes, in the order chosen', () => {
		const config = { ...CAPTURED[0].config, types: ['pairs', 'mcq'] } satisfies ExamConfig;
		const p = joinParams(config);
		expect(p.get('ty')).toBe('pr.mc');
		expect(p.has('k')).toBe(false);
		expect(configFromJoin(p, 'fallback').types).toEqual(['pairs', 'mcq']);
	});

	test('a join link drops codes no type has, and flashcards', () => {
		const p = new URLSearchParams({ s: 'x', n: '5', ty: 'zz.fc.ar' });
		expect(configFromJoin(p, 'fallback').types).toEqual(['assertion_reason']);
	});
});

describe('links made by hand or by someone hostile', () => {
	const read = (q: string) => readTestLink(new URLSearchParams(q), 'fallback');

	test.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])(
		'marking=%s is not a scheme: the default marking, and a message naming the schemes',
		(name) => {
			const { config, problems } = read(`seed=s&marking=${name}`);
			expect(config.scheme).toBe('upsc-gs1');
			expect(config.marking).toEqual({ right: 2, wrong: 0.66 });
			expect(problems).toEqual([
				`The marking “${name}” is not a scheme (upsc-gs1, csat, plain, custom); using upsc-gs1.`
			]);
		}
	);

	test('a join link with marking m=constructor scores with numbers, and says why', () => {
		const { config, problems } = readJoinLink(new URLSearchParams('s=x&n=5&m=constructor'), 'f');
		expect(config.marking).toEqual({ right: 2, wrong: 0.66 });
		expect(problems).toHaveLength(1);
	});

	test('time=1e309 (infinite) keeps the default time and names the allowed range', () => {
		const { config, problems } = read('seed=s&time=1e309');
		expect(config.secondsPerQuestion).toBe(72);
		expect(problems).toEqual([
			'The time per question “1e309” must be from 1 to 3600 seconds, or none; using 72 s.'
		]);
	});

	test.each(['0', '-5', 'abc', '3601', 'Infinity', 'NaN'])('time=%s is refused', (t) => {
		const { config, problems } = read(`seed=s&time=${t}`);
		expect(config.secondsPerQuestion).toBe(72);
		expect(problems[0]).toMatch(/from 1 to 3600 seconds/);
	});

	test('time at its bounds and none are accepted without a message', () => {
		expect(read('seed=s&time=1')).toMatchObject({
			config: { secondsPerQuestion: 1 },
			problems: []
		});
		expect(read('seed=s&time=3600').problems).toEqual([]);
		expect(read('seed=s&time=none').config.secondsPerQuestion).toBeNull();
	});

	test.each(['1e308,1e308', '1,1e308', '0,1', '-1,0', '2,-1', '101,0', '2', '2,1,3', ',', 'a,b'])(
		'custom=%s is refused: default marking, and the allowed ranges',
		(custom) => {
			const { config, problems } = read(`seed=s&marking=custom&custom=${custom}`);
			expect(config.scheme).toBe('upsc-gs1');
			expect(config.marking).toEqual({ right: 2, wrong: 0.66 });
			expect(problems).toHaveLength(1);
			expect(problems[0]).toContain('more than 0 and at most 100');
			expect(problems[0]).toContain('from 0 to 100');
		}
	);

	test('custom marking inside the bounds is kept', () => {
		expect(read('seed=s&marking=custom&custom=100,0')).toMatchObject({
			config: { scheme: 'custom', marking: { right: 100, wrong: 0 } },
			problems: []
		});
	});

	test.each(['0', '501', '2.5', '1e309', 'x'])('n=%s is refused with the range', (n) => {
		const { config, problems } = read(`seed=s&n=${n}`);
		expect(config.n).toBe(20);
		expect(problems).toEqual([
			`The number of questions “${n}” must be a whole number from 1 to 500; using 20.`
		]);
	});

	test('a seed longer than the stored attempt allows is replaced, with a message', () => {
		const { config, problems } = read(`seed=${'s'.repeat(101)}`);
		expect(config.seed).toBe('fallback');
		expect(problems[0]).toMatch(/longer than 100/);
	});

	test('unknown types and modes are named; a long hostile value is cut short in the message', () => {
		const { config, problems } = read(`seed=s&types=mcq,essay&mode=${'x'.repeat(500)}`);
		expect(config.types).toEqual(['mcq']);
		expect(config.mode).toBe('exam');
		expect(problems[0]).toMatch(/^Not a question type a test can hold: “essay”/);
		expect(problems[1]).toBe(`The mode “${'x'.repeat(40)}…” must be exam or practice; using exam.`);
	});

	test('every config a link can give is one the stored attempt accepts', () => {
		const hostile = [
			'seed=s&time=1e309&marking=custom&custom=1e308,1e308&n=1e309',
			'seed=s&marking=__proto__&time=-0&n=-0',
			'seed=s&marking=toString&time=0x10&n=0x10'
		];
		for (const q of hostile) {
			const { config } = read(q);
			expect(z.safeParse(ExamConfigSchema, config).success).toBe(true);
		}
		expect(z.safeParse(ExamConfigSchema, defaultConfig('x')).success).toBe(true);
	});

	test('a link well inside the bounds reads without a message', () => {
		expect(read(configToParams(CAPTURED[3].config).toString()).problems).toEqual([]);
		expect(readJoinLink(joinParams(CAPTURED[4].config), 'f').problems).toEqual([]);
	});
});
