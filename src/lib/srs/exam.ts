/**
 * Mock tests: the paper (which questions, in which order, with which option order — all decided
 * by a seed, so a shared link gives every device the same paper), marking schemes, and scoring
 * as the exam scores: +right for a right answer, −wrong for a wrong one, 0 for a blank; more
 * than one option where one is asked is wrong; a composite question is one answer.
 */
import * as z from 'zod/mini';
import {
	QUESTION_TYPE_DEFS,
	QUESTION_TYPES,
	TEST_TYPES,
	shuffledOptions,
	typeOfCode
} from '../question-types';
import type { Deck, Question, QuestionType } from '../bank/schema';
import { grade, type Outcome, type Response } from './grade';
import { seededOrder } from './shuffle';

export interface Marking {
	right: number;
	/** Marks taken away for a wrong answer (a positive number). */
	wrong: number;
}

export const MARKING_SCHEMES = {
	'upsc-gs1': { label: 'UPSC GS Paper I (+2 / −0.66)', right: 2, wrong: 0.66 },
	csat: { label: 'UPSC CSAT (+2.5 / −0.83)', right: 2.5, wrong: 0.83 },
	plain: { label: 'Plain (+1 / 0)', right: 1, wrong: 0 }
} as const satisfies Record<string, Marking & { label: string }>;
export type SchemeId = keyof typeof MARKING_SCHEMES | 'custom';

/** Question types a paper can hold: flashcards are self-rated, so they have no place in a test. */
export { TEST_TYPES };
/** The exam's own formats, chosen by default. */
export const UPSC_TYPES: QuestionType[] = ['mcq', 'statements', 'pairs', 'assertion_reason'];

const MarkingSchema = z.strictObject({
	right: z.number().check(z.gt(0)),
	wrong: z.number().check(z.minimum(0))
});

export const ExamConfigSchema = z.strictObject({
	seed: z.string().check(z.minLength(1), z.maxLength(100)),
	/** Deck ids; empty means every deck. */
	decks: z.array(z.string()),
	/** Topic ids; empty means every topic. */
	topics: z.array(z.string()),
	types: z.array(z.enum(QUESTION_TYPES)),
	n: z.int().check(z.minimum(1), z.maximum(500)),
	/** Time allowed per question; null for an untimed test. GS Paper I: 120 min / 100 = 72 s. */
	secondsPerQuestion: z.nullable(z.number().check(z.gt(0))),
	scheme: z.enum(['upsc-gs1', 'csat', 'plain', 'custom']),
	marking: MarkingSchema,
	/** exam: results at the end; practice: feedback after each question. */
	mode: z.enum(['exam', 'practice'])
});
export type ExamConfig = z.infer<typeof ExamConfigSchema>;

export function defaultConfig(seed: string): ExamConfig {
	return {
		seed,
		decks: [],
		topics: [],
		types: [...UPSC_TYPES],
		n: 20,
		secondsPerQuestion: 72,
		scheme: 'upsc-gs1',
		marking: { right: 2, wrong: 0.66 },
		mode: 'exam'
	};
}

export const PaperItemSchema = z.strictObject({
	deck: z.string(),
	question: z.string(),
	/** For shuffled options: the bank index of the option shown at each position. */
	optionOrder: z.nullable(z.array(z.int().check(z.minimum(0))))
});
export type PaperItem = z.infer<typeof PaperItemSchema>;

/**
 * The paper a config gives: the same on every device for the same config. The questions are
 * taken in the seed's order, skipping any that tests a fact an earlier question already tests
 * (one would give the other away); only when the choices run out of separate facts does a
 * further round repeat facts, again at most one question per fact within the round.
 */
export function buildPaper(decks: readonly Deck[], config: ExamConfig): PaperItem[] {
	return paperRounds(decks, config)
		.flat()
		.slice(0, Math.max(0, config.n))
		.map(({ deck, q }) => {
			// Only some types' options may be shuffled (the exam's fixed lists — "1 only" — may not).
			const options = shuffledOptions(q);
			return {
				deck: deck.id,
				question: q.id,
				optionOrder: options ? seededOrder(options, `${config.seed}/${q.id}`) : null
			};
		});
}

/**
 * What the choices allow, for the setup screen: how many questions, on how many distinct
 * facts, and how many of them a paper with this seed can hold before it repeats a fact.
 */
export function paperCapacity(
	decks: readonly Deck[],
	config: ExamConfig
): { questions: number; facts: number; separate: number } {
	const rounds = paperRounds(decks, { ...config, n: Infinity });
	const all = rounds.flat();
	const facts = new Set(all.flatMap(({ deck, q }) => q.facts.map((f) => `${deck.id}/${f}`)));
	return { questions: all.length, facts: facts.size, separate: rounds[0]?.length ?? 0 };
}

/** The pool in the seed's order, dealt into rounds in which no two questions share a fact. */
function paperRounds(
	decks: readonly Deck[],
	config: ExamConfig
): Array<Array<{ deck: Deck; q: Question }>> {
	const pool: Array<{ deck: Deck; q: Question }> = [];
	for (const deck of decks) {
		if (config.decks.length && !config.decks.includes(deck.id)) continue;
		const topicsOf = new Map(deck.facts.map((f) => [f.id, f.topics]));
		for (const q of deck.questions) {
			if (!config.types.includes(q.type) || !QUESTION_TYPE_DEFS[q.type].inTests) continue;
			if (
				config.topics.length &&
				!q.facts.some((f) => topicsOf.get(f)?.some((t) => config.topics.includes(t)))
			)
				continue;
			pool.push({ deck, q });
		}
	}
	// Sort first, so the paper does not depend on the order decks were loaded in.
	pool.sort((a, b) => `${a.deck.id}/${a.q.id}`.localeCompare(`${b.deck.id}/${b.q.id}`));
	let left = seededOrder(pool.length, config.seed).map((i) => pool[i]);
	const rounds: Array<Array<{ deck: Deck; q: Question }>> = [];
	let taken = 0;
	while (left.length && taken < config.n) {
		const used = new Set<string>();
		const round: typeof left = [];
		const rest: typeof left = [];
		for (const item of left) {
			const keys = item.q.facts.map((f) => `${item.deck.id}/${f}`);
			if (taken + round.length < config.n && !keys.some((k) => used.has(k))) {
				round.push(item);
				for (const k of keys) used.add(k);
			} else rest.push(item);
		}
		rounds.push(round);
		taken += round.length;
		left = rest;
	}
	return rounds;
}

/** Map a response given on shuffled options back to the bank's option indices. */
export function toBankResponse(item: PaperItem, response: Response): Response {
	if (!item.optionOrder || response.kind !== 'choices') return response;
	return { kind: 'choices', choices: response.choices.map((i) => item.optionOrder![i]) };
}

export interface ScoredItem {
	outcome: Outcome;
	marks: number;
	/** Per-fact outcomes, for feeding the memory. */
	facts: Record<string, boolean>;
}

/** Score one answer as the exam does. `response` is in the bank's option indices. */
export function scoreAnswer(q: Question, response: Response | null, marking: Marking): ScoredItem {
	const r = grade(q, response ?? { kind: 'blank' });
	const marks =
		r.outcome === 'correct' ? marking.right : r.outcome === 'wrong' ? -marking.wrong : 0;
	return { outcome: r.outcome, marks, facts: r.facts };
}

export interface Breakdown {
	right: number;
	wrong: number;
	blank: number;
	marks: number;
}

export interface PaperScore {
	items: ScoredItem[];
	total: number;
	/** The highest score possible. */
	max: number;
	/** Marks lost to wrong answers (a positive number). */
	negative: number;
	right: number;
	wrong: number;
	blank: number;
	attempted: number;
	/** Right answers over attempted ones (null when nothing was attempted). */
	accuracy: number | null;
	byTopic: Record<string, Breakdown>;
	byType: Partial<Record<QuestionType, Breakdown>>;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Score a whole paper. `responses[i]` answers `questions[i]`, in bank option indices. */
export function scorePaper(
	questions: ReadonlyArray<{ q: Question; topics: readonly string[] }>,
	responses: ReadonlyArray<Response | null>,
	marking: Marking
): PaperScore {
	const byTopic: Record<string, Breakdown> = {};
	const byType: Partial<Record<QuestionType, Breakdown>> = {};
	const add = (b: Breakdown | undefined, s: ScoredItem): Breakdown => {
		const out = b ?? { right: 0, wrong: 0, blank: 0, marks: 0 };
		if (s.outcome === 'correct') out.right++;
		else if (s.outcome === 'wrong') out.wrong++;
		else out.blank++;
		out.marks = round2(out.marks + s.marks);
		return out;
	};
	const items = questions.map(({ q, topics }, i) => {
		const s = scoreAnswer(q, responses[i] ?? null, marking);
		for (const t of new Set(topics)) byTopic[t] = add(byTopic[t], s);
		byType[q.type] = add(byType[q.type], s);
		return s;
	});
	const right = items.filter((s) => s.outcome === 'correct').length;
	const wrong = items.filter((s) => s.outcome === 'wrong').length;
	const attempted = right + wrong;
	return {
		items,
		total: round2(items.reduce((sum, s) => sum + s.marks, 0)),
		max: round2(items.length * marking.right),
		negative: round2(wrong * marking.wrong),
		right,
		wrong,
		blank: items.length - attempted,
		attempted,
		accuracy: attempted ? right / attempted : null,
		byTopic,
		byType
	};
}

const list = (v: string | null) => (v ? v.split(',').filter(Boolean) : []);

/** The config as URL parameters: the shareable link of a paper. */
export function configToParams(c: ExamConfig): URLSearchParams {
	const p = new URLSearchParams({ seed: c.seed, n: String(c.n), mode: c.mode, marking: c.scheme });
	if (c.decks.length) p.set('decks', c.decks.join(','));
	if (c.topics.length) p.set('topics', c.topics.join(','));
	p.set('types', c.types.join(','));
	p.set('time', c.secondsPerQuestion === null ? 'none' : String(c.secondsPerQuestion));
	if (c.scheme === 'custom') p.set('custom', `${c.marking.right},${c.marking.wrong}`);
	return p;
}

/** Read a config from a link; anything missing or malformed falls back to the default. */
export function configFromParams(p: URLSearchParams, fallbackSeed: string): ExamConfig {
	const d = defaultConfig(p.get('seed') || fallbackSeed);
	const n = Number(p.get('n'));
	const types = list(p.get('types')).filter((t): t is QuestionType =>
		(TEST_TYPES as readonly string[]).includes(t)
	);
	const time = p.get('time');
	const seconds = time === 'none' ? null : Number(time);
	const scheme = (p.get('marking') ?? d.scheme) as SchemeId;
	let marking: Marking = d.marking;
	if (scheme === 'custom') {
		const [right, wrong] = list(p.get('custom')).map(Number);
		if (Number.isFinite(right) && Number.isFinite(wrong) && right > 0 && wrong >= 0)
			marking = { right, wrong };
	} else if (scheme in MARKING_SCHEMES) {
		const s = MARKING_SCHEMES[scheme as keyof typeof MARKING_SCHEMES];
		marking = { right: s.right, wrong: s.wrong };
	}
	return {
		seed: d.seed,
		decks: list(p.get('decks')),
		topics: list(p.get('topics')),
		types: types.length ? types : d.types,
		n: Number.isInteger(n) && n > 0 && n <= 500 ? n : d.n,
		secondsPerQuestion:
			time === 'none' ? null : seconds !== null && seconds > 0 ? seconds : d.secondsPerQuestion,
		scheme: scheme in MARKING_SCHEMES || scheme === 'custom' ? scheme : d.scheme,
		marking,
		mode: p.get('mode') === 'practice' ? 'practice' : 'exam'
	};
}

/**
 * The order of the types (space-separated) in the bit mask (`k=`) of join links made before types had codes.
 * FROZEN: never edit it, even when a type is added, or old links open other papers.
 */
const LEGACY_MASK_ORDER =
	'flashcard mcq multi true_false cloze numeric match order statements pairs assertion_reason';

/**
 * The short link a class joins by (`/join?…`): the paper's seed, length, question types (by
 * their codes, `ty=mc.st`), and decks, topics and marking only when they are not the defaults.
 * Students get the same questions in the same order, in practice mode, untimed.
 */
export function joinParams(c: ExamConfig): URLSearchParams {
	const codes = c.types.map((t) => QUESTION_TYPE_DEFS[t].code).join('.');
	const p = new URLSearchParams({ s: c.seed, n: String(c.n), ty: codes });
	if (c.decks.length) p.set('d', c.decks.join(','));
	if (c.topics.length) p.set('t', c.topics.join(','));
	if (c.scheme !== 'plain')
		p.set('m', c.scheme === 'custom' ? `${c.marking.right},${c.marking.wrong}` : c.scheme);
	return p;
}

/** The types a join link names: by codes, or by an older link's bit mask. */
function typesOfJoin(p: URLSearchParams): QuestionType[] {
	const codes = p.get('ty');
	if (codes !== null) return codes.split('.').flatMap((c) => typeOfCode(c) ?? []);
	const mask = parseInt(p.get('k') ?? '', 36);
	if (!Number.isFinite(mask)) return [];
	const order = LEGACY_MASK_ORDER.split(' ') as QuestionType[];
	return order.filter((_, i) => mask & (1 << i));
}

/** Read a join link back into the config it came from (practice mode, untimed). */
export function configFromJoin(p: URLSearchParams, fallbackSeed: string): ExamConfig {
	const m = p.get('m') ?? 'plain';
	const full = new URLSearchParams({
		seed: p.get('s') || fallbackSeed,
		n: p.get('n') ?? '',
		mode: 'practice',
		time: 'none',
		marking: m.includes(',') ? 'custom' : m,
		types: typesOfJoin(p).join(',')
	});
	if (m.includes(',')) full.set('custom', m);
	if (p.get('d')) full.set('decks', p.get('d')!);
	if (p.get('t')) full.set('topics', p.get('t')!);
	return configFromParams(full, fallbackSeed);
}
